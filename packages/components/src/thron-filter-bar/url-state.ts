/**
 * The filter bar's state in the page URL (`?q=…&filter.topic=food`), so links share it and Back
 * restores it. A prefix (`sport.q`, `sport.filter.topic`) keeps two bars on one page apart.
 */
import type { GalleryQuery } from "../internal/thron-client.ts";

export function readQuery(search: string, prefix = ""): Required<GalleryQuery> {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  const filterPrefix = `${prefix}filter.`;
  for (const [name, value] of params) {
    if (!name.startsWith(filterPrefix) || !value) continue;
    const key = name.slice(filterPrefix.length);
    filters[key] = [...(filters[key] ?? []), value];
  }
  return { q: params.get(`${prefix}q`) ?? "", filters };
}

/** The URL with the query written into it; other parameters of the host page are kept. */
export function writeQuery(href: string, query: GalleryQuery, prefix = ""): string {
  const url = new URL(href);
  for (const name of [...url.searchParams.keys()])
    if (name === `${prefix}q` || name.startsWith(`${prefix}filter.`)) url.searchParams.delete(name);
  if (query.q) url.searchParams.set(`${prefix}q`, query.q);
  for (const [key, values] of Object.entries(query.filters ?? {}))
    for (const value of values) url.searchParams.append(`${prefix}filter.${key}`, value);
  return url.toString();
}
