/**
 * THRON's content search over the sandbox catalogue: criteria, ACLs, sort, cursor paging and
 * the details a caller asks for, as THRON's SDK models them.
 */
import { hash32 } from "../prng.ts";
import { type Catalogue, type Content, folderTree } from "./catalogue.ts";

export const MAX_PAGE_SIZE = 50;

interface CategoryRef {
  id: string;
  cascade?: boolean;
}
interface MetadataRef {
  classificationId?: string;
  key: string;
  value: string;
}
interface TagRef {
  classificationId?: string;
  id: string;
}
type Combinators<T> = { haveAll?: T[]; haveAtLeastOne?: T[]; haveNot?: T[] };

export interface SearchBody {
  criteria?: {
    linkedCategories?: Combinators<CategoryRef>;
    contentType?: string[];
    lemma?: { text: string; textMatch?: string; lang?: string };
    imetadata?: Combinators<MetadataRef>;
    itag?: Combinators<TagRef>;
    /** Only these contents (the SDK's `ids`: "used to filter content by id"); ANDed with the rest, no order promised. */
    ids?: string[];
  };
  pageToken?: string;
  responseOptions?: {
    resultsPageSize?: number;
    returnDetailsFields?: string[];
    thumbsOptions?: { id: string; divArea: string }[];
    /** A list of sorts in the SDK model (`List[MContentSort]`); THRON also takes a single one. */
    sort?: ContentSort | ContentSort[];
  };
}

/**
 * One `MContentSort`: one field set; if several are, only the first counts. The title sort's
 * preferred language is `langPreferred` (the SDK's name, what the BFF sends); `locale` is read too.
 */
type ContentSort = Record<string, { order?: "asc" | "desc"; langPreferred?: string; locale?: string }>;

export class SearchError extends Error {}

const TEXT_MATCHES = ["phrase_match", "all_word_match", "any_word_match", "all_word_fuzzy_match", "any_word_fuzzy_match"];

const words = (text: string) =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function matchesText(content: Content, lemma: NonNullable<NonNullable<SearchBody["criteria"]>["lemma"]>): boolean {
  const match = lemma.textMatch ?? "any_word_match";
  if (!TEXT_MATCHES.includes(match)) throw new SearchError(`textMatch ${match} is not supported`);
  const locales = lemma.lang ? content.locales.filter((l) => l.locale === lemma.lang) : content.locales;
  const haystack = locales.map((l) => `${l.name} ${l.description}`).join(" ");
  const query = words(lemma.text);
  if (query.length === 0) return true;
  if (match === "phrase_match") return words(haystack).join(" ").includes(query.join(" "));
  const have = words(haystack);
  const fuzzy = match.includes("fuzzy");
  const hit = (q: string) => have.some((w) => (fuzzy ? w.startsWith(q.slice(0, Math.max(3, q.length - 1))) : w === q));
  return match.startsWith("all") ? query.every(hit) : query.some(hit);
}

function combine<T>(refs: Combinators<T> | undefined, has: (ref: T) => boolean): boolean {
  if (!refs) return true;
  if (refs.haveAll && !refs.haveAll.every(has)) return false;
  if (refs.haveAtLeastOne?.length && !refs.haveAtLeastOne.some(has)) return false;
  if (refs.haveNot?.some(has)) return false;
  return true;
}

/** The sorts in order (primary first), by creation date or localised name; newest first by default. */
function comparator(sort: ContentSort | ContentSort[] | undefined): (a: Content, b: Content) => number {
  const sorts = sort === undefined ? [{ creationDate: { order: "desc" as const } }] : Array.isArray(sort) ? sort : [sort];
  const keys = sorts.map((entry) => {
    if (!entry || typeof entry !== "object") throw new SearchError("sort entries must be objects");
    const [field, spec] = Object.entries(entry)[0] ?? [];
    if (field !== "creationDate" && field !== "name") throw new SearchError(`sort by ${field} is not supported`);
    const direction = spec?.order === "asc" ? 1 : -1;
    const lang = (spec?.langPreferred ?? spec?.locale)?.toUpperCase();
    const key = (c: Content) =>
      field === "name" ? ((c.locales.find((l) => l.locale === lang) ?? c.locales[0])?.name ?? "") : c.creationDate;
    return (a: Content, b: Content) => direction * key(a).localeCompare(key(b));
  });
  return (a, b) => {
    for (const key of keys) {
      const order = key(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

interface PageToken {
  offset: number;
  /** Fingerprint of the query the token belongs to: a token replayed on another query is refused. */
  query: string;
}

const encodeToken = (token: PageToken) => btoa(JSON.stringify(token)).replaceAll("=", "");
function decodeToken(raw: string): PageToken {
  try {
    const token = JSON.parse(atob(raw)) as PageToken;
    if (Number.isInteger(token.offset) && token.offset >= 0 && typeof token.query === "string") return token;
  } catch {}
  throw new SearchError("pageToken is not valid");
}

export interface SearchResult {
  items: Content[];
  nextPageToken: string | null;
  estimatedTotalResults: number;
}

/**
 * Runs a search for a user who may see `visibleFolders`. Contents outside them are never
 * returned; linking a folder outside them is an ACL error, as THRON answers.
 */
export function runSearch(catalogue: Catalogue, body: SearchBody, visibleFolders: Set<string>): SearchResult {
  const criteria = body.criteria ?? {};
  const options = body.responseOptions ?? {};
  const pageSize = options.resultsPageSize ?? 50;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new SearchError(`resultsPageSize must be between 1 and ${MAX_PAGE_SIZE}`);

  const categoryRefs = criteria.linkedCategories;
  for (const ref of [...(categoryRefs?.haveAll ?? []), ...(categoryRefs?.haveAtLeastOne ?? [])]) {
    if (!catalogue.folders.some((f) => f.id === ref.id)) throw new SearchError(`category ${ref.id} does not exist`);
    if (!visibleFolders.has(ref.id)) throw new AccessDenied(ref.id);
  }
  const inCategory = (content: Content) => (ref: CategoryRef) => folderTree(catalogue, ref.id, ref.cascade ?? false).has(content.folderId);
  const hasMetadata = (content: Content) => (ref: MetadataRef) =>
    content.imetadata.some(
      (m) => m.key === ref.key && m.value === ref.value && (!ref.classificationId || ref.classificationId === m.classificationId),
    );
  const hasTag = (content: Content) => (ref: TagRef) => content.itags.some((t) => t.id === ref.id);

  if (criteria.ids !== undefined && (!Array.isArray(criteria.ids) || criteria.ids.some((id) => typeof id !== "string")))
    throw new SearchError("ids must be a list of content ids");
  const ids = criteria.ids?.length ? new Set(criteria.ids) : null;
  let matches = catalogue.contents.filter(
    (content) =>
      visibleFolders.has(content.folderId) &&
      (!ids || ids.has(content.id)) &&
      combine(categoryRefs, inCategory(content)) &&
      (!criteria.contentType?.length || criteria.contentType.includes(content.contentType)) &&
      (!criteria.lemma || matchesText(content, criteria.lemma)) &&
      combine(criteria.imetadata, hasMetadata(content)) &&
      combine(criteria.itag, hasTag(content)),
  );

  const compare = comparator(options.sort);
  matches = [...matches].sort((a, b) => compare(a, b) || a.id.localeCompare(b.id));

  const query = JSON.stringify([criteria, options.sort ?? null]);
  const fingerprint = hash32(query).toString(36);
  const offset = body.pageToken ? decodeToken(body.pageToken).offset : 0;
  if (body.pageToken && decodeToken(body.pageToken).query !== fingerprint) throw new SearchError("pageToken belongs to another search");
  const items = matches.slice(offset, offset + pageSize);
  const next = offset + pageSize < matches.length ? encodeToken({ offset: offset + pageSize, query: fingerprint }) : null;
  return { items, nextPageToken: next, estimatedTotalResults: matches.length };
}

export class AccessDenied extends Error {
  constructor(readonly folderId: string) {
    super(`the user has no rights on category ${folderId}`);
  }
}
