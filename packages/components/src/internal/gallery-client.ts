/** The BFF's gallery description (player parameters and filters), fetched once per gallery, locale and BFF. */
import type { Gallery } from "@embedkit/contracts";
import { bffUrl, getJson } from "./bff-client.ts";

const galleries = new Map<string, Promise<Gallery>>();

export function fetchGallery(base: string, gallery: string, locale: string): Promise<Gallery> {
  const url = bffUrl(base, `/v1/thron/galleries/${encodeURIComponent(gallery)}`, { locale });
  let pending = galleries.get(url);
  if (!pending) {
    pending = getJson<Gallery>(url);
    galleries.set(url, pending);
    pending.catch(() => galleries.delete(url)); // a failure is not remembered
  }
  return pending;
}

/** The query a filter bar hands to a gallery: free text plus selected values per filter key. */
export interface GalleryQuery {
  q?: string;
  filters?: Record<string, string[]>;
}

export function queryParams(query: GalleryQuery): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  if (query.q?.trim()) params.q = query.q.trim();
  for (const [key, values] of Object.entries(query.filters ?? {})) if (values.length > 0) params[`filter.${key}`] = values;
  return params;
}
