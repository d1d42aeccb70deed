/**
 * THRON's content search request (the SDK's `MContentsearchReq`), as much of it as the BFF
 * sends, and the bodies it sends: THRON's search vocabulary lives here and nowhere else. The
 * gallery's folder is the search's boundary: without it THRON would search everything the BFF's
 * user can see, so a body without a folder criterion cannot be built.
 */
import type { AssetType } from "@embedkit/contracts";
import type { MetadataCriteria } from "./filters.ts";
import { type SortName, type ThronSort, thronSort } from "./sort.ts";

const TO_THRON_TYPE: Record<AssetType, string> = { image: "IMAGE", video: "VIDEO", audio: "AUDIO", document: "OTHER" };

/** Our asset types → THRON's content types; none asked: every type a gallery shows. */
export const thronContentTypes = (types: AssetType[] | undefined) =>
  (types?.length ? types : (Object.keys(TO_THRON_TYPE) as AssetType[])).map((t) => TO_THRON_TYPE[t]);

/** THRON's detail fields a search answer may carry per item. */
type DetailsField = "locales" | "source" | "imetadata";

export interface ThronSearchBody {
  criteria: {
    /** Within this folder and its sub-folders. */
    linkedCategories: { haveAtLeastOne: { id: string; cascade: boolean }[] };
    /** THRON's upper-case content types (IMAGE, VIDEO, AUDIO, OTHER). */
    contentType?: string[];
    /** Free text; no `lang` is sent, so THRON matches the text in any language. */
    lemma?: { text: string; textMatch: "all_word_match" };
    imetadata?: MetadataCriteria["imetadata"];
    /** Only these content ids (the SDK's `MContentSearchCriteria.ids`), ANDed with the folder: an id elsewhere is not found. */
    ids?: string[];
  };
  /** The previous answer's `nextPageToken`; absent on the first page. */
  pageToken?: string;
  responseOptions: {
    resultsPageSize: number;
    returnDetailsFields: DetailsField[];
    /** A list, as THRON's SDK models it (see sort.ts). */
    sort?: ThronSort[];
  };
}

export interface GallerySearch {
  folderId: string;
  contentTypes: string[];
  q?: string | undefined;
  metadata: MetadataCriteria;
  /** A hand-picked list: THRON answers them in its own order, on one page of their number. */
  ids?: string[] | undefined;
  pageToken?: string | undefined;
  limit: number;
  /** THRON's list of content sorts (see sort.ts). */
  sort: ThronSort[];
}

const inFolder = (folderId: string): ThronSearchBody["criteria"]["linkedCategories"] => {
  if (typeof folderId !== "string" || folderId.length === 0)
    throw new Error("A THRON search needs the gallery's folder id: without it the search is not limited to the gallery.");
  return { haveAtLeastOne: [{ id: folderId, cascade: true }] };
};

/** One page of a gallery: its folder, the caller's types, text, filters and sort. */
export function gallerySearchBody(search: GallerySearch): ThronSearchBody {
  return {
    criteria: {
      linkedCategories: inFolder(search.folderId),
      contentType: search.contentTypes,
      ...(search.q && { lemma: { text: search.q, textMatch: "all_word_match" } }),
      ...(search.metadata.imetadata && { imetadata: search.metadata.imetadata }),
      ...(search.ids && { ids: search.ids }),
    },
    ...(search.pageToken && { pageToken: search.pageToken }),
    responseOptions: {
      resultsPageSize: search.limit,
      // Filters THRON could not combine are checked here, on each item's metadata.
      returnDetailsFields: search.metadata.remaining.size > 0 ? ["locales", "source", "imetadata"] : ["locales", "source"],
      sort: search.sort,
    },
  };
}

/** A page of the assets route in our vocabulary (asset types, sort names). */
export interface AssetsSearch extends Omit<GallerySearch, "contentTypes" | "sort"> {
  types?: AssetType[] | undefined;
  sort?: SortName | undefined;
  /** THRON's language (`EN`), for the title sort. */
  lang: string;
}

export function assetsSearchBody({ types, sort, lang, ...search }: AssetsSearch): ThronSearchBody {
  return gallerySearchBody({ ...search, contentTypes: thronContentTypes(types), sort: thronSort(sort, lang) });
}

/** The smallest search in a folder (the doctor's check of the user's read rights there). */
export function folderProbeBody(folderId: string): ThronSearchBody {
  return { criteria: { linkedCategories: inFolder(folderId) }, responseOptions: { resultsPageSize: 1, returnDetailsFields: [] } };
}
