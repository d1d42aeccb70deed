/** The filter bar's state in the page URL (`?q=…&filter.topic=food`), so links share it and Back restores it. */
import type { GalleryQuery } from "../internal/gallery-client.ts";

export function readQuery(search: string): Required<GalleryQuery> {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const [name, value] of params) {
    if (!name.startsWith("filter.") || !value) continue;
    const key = name.slice("filter.".length);
    filters[key] = [...(filters[key] ?? []), value];
  }
  return { q: params.get("q") ?? "", filters };
}

/** The URL with the query written into it; other parameters of the host page are kept. */
export function writeQuery(href: string, query: GalleryQuery): string {
  const url = new URL(href);
  for (const name of [...url.searchParams.keys()]) if (name === "q" || name.startsWith("filter.")) url.searchParams.delete(name);
  if (query.q) url.searchParams.set("q", query.q);
  for (const [key, values] of Object.entries(query.filters ?? {}))
    for (const value of values) url.searchParams.append(`filter.${key}`, value);
  return url.toString();
}
