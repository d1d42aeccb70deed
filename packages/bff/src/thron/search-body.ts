/**
 * The body of a THRON content search for one gallery. The gallery's folder is the search's
 * boundary: without it THRON would search everything the BFF's user can see, so a body without
 * a folder criterion cannot be built.
 */
import type { MetadataCriteria } from "./filters.ts";
import type { ThronSort } from "./sort.ts";

export interface GallerySearch {
  folderId: string;
  contentTypes: string[];
  q?: string | undefined;
  metadata: MetadataCriteria;
  pageToken?: string | undefined;
  limit: number;
  /** THRON's list of content sorts (see sort.ts). */
  sort: ThronSort[];
}

export function gallerySearchBody(search: GallerySearch): Record<string, unknown> {
  if (typeof search.folderId !== "string" || search.folderId.length === 0)
    throw new Error("A THRON search needs the gallery's folder id: without it the search is not limited to the gallery.");
  return {
    criteria: {
      linkedCategories: { haveAtLeastOne: [{ id: search.folderId, cascade: true }] },
      contentType: search.contentTypes,
      ...(search.q && { lemma: { text: search.q, textMatch: "all_word_match" } }),
      ...(search.metadata.imetadata && { imetadata: search.metadata.imetadata }),
    },
    ...(search.pageToken && { pageToken: search.pageToken }),
    responseOptions: {
      resultsPageSize: search.limit,
      returnDetailsFields: search.metadata.remaining.size > 0 ? ["locales", "source", "imetadata"] : ["locales", "source"],
      sort: search.sort, // a list, as THRON's SDK models it
    },
  };
}
