/**
 * The elements' THRON client: every `/v1/thron` URL they call is built here. The gallery
 * description (player parameters and filters) is fetched once per gallery, locale and BFF.
 */
import type { Asset, AssetPage, Gallery } from "@embedkit/contracts";
import { bffUrl, getJson, type QueryValue } from "./bff-client.ts";

const galleryPath = (gallery: string) => `/v1/thron/galleries/${encodeURIComponent(gallery)}`;
const galleries = new Map<string, Promise<Gallery>>();

export function fetchGallery(base: string, gallery: string, locale: string): Promise<Gallery> {
  const url = bffUrl(base, galleryPath(gallery), { locale });
  let pending = galleries.get(url);
  if (!pending) {
    pending = getJson<Gallery>(url);
    galleries.set(url, pending);
    pending.catch(() => galleries.delete(url)); // a failure is not remembered
  }
  return pending;
}

/** One page of a gallery's assets: `params` are `limit`, `locale`, `cursor` and the search (see queryParams). */
export function fetchAssetPage(
  base: string,
  gallery: string,
  params: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<AssetPage> {
  return getJson<AssetPage>(bffUrl(base, `${galleryPath(gallery)}/assets`, params), signal);
}

/** One asset of the gallery's folder, with its sources. */
export function fetchAsset(base: string, gallery: string, id: string, locale: string, signal?: AbortSignal): Promise<Asset> {
  return getJson<Asset>(bffUrl(base, `${galleryPath(gallery)}/assets/${encodeURIComponent(id)}`, { locale }), signal);
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
