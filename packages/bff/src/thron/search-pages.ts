/**
 * The assets route's hot path: what a request URL means (a search plan, remembered per URL),
 * the THRON page it needs (cached, with durations on videos and audio), and the answer rendered
 * and gzipped once per cached page.
 */
import type { AssetPage, AssetsQuery } from "@embedkit/contracts";
import type { Context, TypedResponse } from "hono";
import { ByteBoundedMap } from "../core/byte-bounded-map.ts";
import type { CursorSeal } from "../http/cursor-seal.ts";
import { acceptedEncoding } from "../http/encoding.ts";
import { RenderMemo } from "../http/render-memo.ts";
import { respond } from "../http/response-headers.ts";
import type { ResponseCache, Ttl } from "../upstream/cache.ts";
import type { ThronClient } from "./client.ts";
import type { GalleryConfig, ThronConfig } from "./config.ts";
import { matchesRemaining, type SelectedFilters, toMetadataCriteria } from "./filters.ts";
import { durationMs, encodeCursor, type GalleryPage, toAsset, toThronLang } from "./mapping.ts";
import { assetsSearchBody, type ThronSearchBody } from "./search-body.ts";

/** A response whose body is an AssetPage in JSON. */
type AssetPageResponse = Response & TypedResponse<AssetPage, 200, "json">;

export interface ThronTtls {
  assets: Ttl;
  definitions: Ttl;
  detail: Ttl;
}

export interface ThronRouteDeps {
  config: ThronConfig;
  /** Seals the page cursors handed to clients, so only cursors this BFF issued reach THRON. */
  cursors: CursorSeal;
  client: ThronClient;
  cache: ResponseCache;
  ttl: ThronTtls;
}

/** Everything a request URL decides: the THRON search it needs and how to render the answer. */
export interface SearchPlan {
  key: string;
  body: ThronSearchBody;
  gallery: GalleryConfig;
  /** THRON's language for the request's locale. */
  lang: string;
  variant: string;
  /** What its page cursors are bound to: the gallery and the search (text, types, filters, sort), any page. */
  cursorContext: string;
  render: (page: GalleryPage, nextCursor: string | null) => AssetPage;
}

export const cacheFor = (seconds: number) => `public, max-age=${seconds}, stale-while-revalidate=${seconds * 10}`;
/** Search pages change more often than galleries and assets. */
const ASSETS_CACHE_CONTROL = cacheFor(30);

/** Plans take a few hundred bytes each; 4 MB keeps thousands of distinct searches. */
// Stryker disable next-line ArithmeticOperator: a memo's bound: keeping fewer plans (or none) answers the same, only slower
const MAX_PLAN_BYTES = 4 * 1024 * 1024;
/** Exact URLs remembered for their plan: a few thousand ordinary ones; a longer URL is only ever normalised. */
// Stryker disable next-line ArithmeticOperator: a memo's bound: keeping fewer URLs (or none) answers the same, only slower
const MAX_URL_MEMO_BYTES = 1024 * 1024;
const MAX_MEMO_URL_LENGTH = 1024;

const GZIP_ONLY = ["gzip"] as const;

/** Query parameters the assets route reads; any other is ignored, and left out of plan keys. */
const SEARCH_PARAMS = new Set(["q", "type", "sort", "cursor", "limit", "locale", "ids"]);

/**
 * The path and the used parameters in a stable order (a name's repeated values keep theirs):
 * names decoded, as the route reads them, values as sent. Two URLs share a key only when the
 * route's validation reads the same values from both, so a plan remembered for a valid URL never
 * answers an invalid one (a value URLSearchParams would decode alike, `%FF` and `%EF%BF%BD`, may
 * not be alike to the route's parser and its length check).
 */
export function planKey(url: string): string {
  // Stryker disable next-line ArithmeticOperator,StringLiteral: starting at the scheme's or host's slash keys each host apart: more memo entries, only slower, the same answers
  const start = url.indexOf("/", url.indexOf("//") + 2);
  // A missing '?' or '=' (-1) reads as one past the end (`>>> 0`): a URL without a query has no
  // used parameter, a pair without '=' is all name, its value "".
  const query = url.indexOf("?", start) >>> 0;
  const used: [string, string][] = [];
  for (const pair of url.slice(query + 1).split("&")) {
    const equals = pair.indexOf("=") >>> 0;
    const name = decodedName(pair.slice(0, equals));
    if (SEARCH_PARAMS.has(name) || name.startsWith("filter."))
      // Stryker disable next-line ArithmeticOperator,MethodExpression: a value with more of its pair in front (its name's last character and '=', or the whole pair) still tells every two values apart, so it only keys apart one name sent two ways (`q`, `%71`): slower, never another answer
      used.push([name, pair.slice(equals + 1)]);
  }
  // Stryker disable next-line ArrowFunction,ConditionalExpression,EqualityOperator,UnaryOperator,MethodExpression: the comparator sees names only, so any order it makes keeps each name's values in their order (checked for every order of up to 6 pairs); a worse order keys more URLs apart, only slower
  used.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `${url.slice(start, query)}?${JSON.stringify(used)}`;
}

/** A parameter's name as the route reads it; one that does not decode stays as sent (and is no parameter a search uses). */
function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return raw;
  }
}

/**
 * A validated request's plan: keyed by what THRON is asked, not by the raw URL, so equivalent
 * queries and every locale share a cache entry.
 */
export function searchPlan(
  config: ThronConfig,
  gallery: { name: string; config: GalleryConfig },
  query: AssetsQuery,
  filters: SelectedFilters,
  pageToken: string | undefined,
): SearchPlan {
  // Stryker disable next-line StringLiteral: without a classification no gallery has filter keys (the configuration refuses them), so no filter ever carries this id
  const metadata = toMetadataCriteria(filters, config.classificationId ?? "");
  const lang = toThronLang(query.locale);
  const { ids } = query;
  const body = assetsSearchBody({
    folderId: gallery.config.folderId,
    types: query.type,
    q: query.q,
    metadata,
    // A hand-picked list is one page of exactly its length (≤ 50, THRON's cap), in THRON's default order: reordered below.
    ids,
    // Stryker disable next-line ConditionalExpression: the route refuses a cursor with ids, so with ids pageToken is undefined anyway (false); true is killed by the paging tests
    pageToken: ids ? undefined : pageToken,
    limit: ids ? ids.length : query.limit,
    sort: ids ? undefined : query.sort,
    lang,
  });
  return {
    key: `thron:search:${JSON.stringify(body)}`,
    body,
    gallery: gallery.config,
    lang,
    // Stryker disable next-line LogicalOperator: the page is THRON's answer to a body that holds the ids, in their order: a page is only ever rendered for its own list
    variant: JSON.stringify([gallery.name, lang, [...metadata.remaining], ids ?? null]),
    // The page size may change between pages; anything else makes THRON's page token another search's.
    cursorContext: JSON.stringify([gallery.name, body.criteria, body.responseOptions.sort ?? null, [...metadata.remaining]]),
    render: (page, nextCursor) => {
      const items = (ids ? inListOrder(page.items, ids) : page.items)
        .filter((item) => matchesRemaining(item, metadata.remaining))
        .flatMap((item) => toAsset(item, config, gallery.config, lang) ?? []);
      if (ids) return { items, nextCursor: null, total: items.length };
      return { items, nextCursor, total: page.estimatedTotalResults ?? page.items.length };
    },
  };
}

/** THRON's items in the order of the hand-picked `ids`; ids it did not find are skipped. */
function inListOrder<T extends { id: string }>(items: T[], ids: string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  // Stryker disable next-line ArrayDeclaration: whatever stands in for an id THRON did not find, it has no content type, so the mapping drops it all the same
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export class SearchPages {
  /**
   * Plans by the request's path and the parameters a search uses (normalised), bounded by
   * bytes: a request seen before is valid and means the same search, so repeats skip
   * validation, filter parsing and key building (the cached path's main cost). Parameters the
   * route ignores are not part of the key, so padding a URL with them costs no memory.
   */
  // Stryker disable next-line ArithmeticOperator,ArrowFunction: the size estimate only moves how many plans are kept (memory); a missing plan is planned again, to the same answer
  readonly #plans = new ByteBoundedMap<SearchPlan>(MAX_PLAN_BYTES, (plan) => 2 * (plan.key.length + plan.variant.length) + 1024);
  /** The exact URLs of recent requests → their plan: a repeat (what a cache hit usually is) skips even normalising its query. */
  // Stryker disable next-line ArrowFunction: the size estimate only moves how many URLs are kept (memory); a URL not kept is normalised again, to the same plan
  readonly #byUrl = new ByteBoundedMap<SearchPlan>(MAX_URL_MEMO_BYTES, () => 64);
  readonly #pages = new RenderMemo<GalleryPage>();
  /** The page's next cursor, sealed once per cached page and cursor context (galleries on one folder share pages). */
  readonly #nextCursors = new WeakMap<GalleryPage, Map<string, string | null>>();

  constructor(readonly deps: ThronRouteDeps) {}

  /** The plan of a request URL planned before, if any. */
  planFor(url: string): SearchPlan | undefined {
    let plan = this.#byUrl.get(url);
    // Stryker disable next-line ConditionalExpression: a memo: passing it by (false) finds the same plan under the normalised key, only slower
    if (plan) return plan;
    plan = this.#plans.get(planKey(url));
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,CallExpression: a memo bounded by bytes: keeping more, fewer or no URLs (an undefined plan kept reads as none) answers the same, only slower
    if (plan && url.length <= MAX_MEMO_URL_LENGTH) this.#byUrl.set(url, plan);
    return plan;
  }

  /** Remembers the plan of a validated request's URL. */
  // Stryker disable next-line BlockStatement: a shortcut: without it every request is validated and planned again, to the same answer
  remember(url: string, plan: SearchPlan): void {
    // Stryker disable next-line CallExpression: as above, a shortcut
    this.#plans.set(planKey(url), plan);
  }

  /** A content's detail through the shared cache (the detail route reads the same entries). */
  detailOf(gallery: GalleryConfig, id: string, lang: string) {
    const { cache, ttl, client } = this.deps;
    return cache.get(`thron:detail:${gallery.pkey}:${id}:${lang}`, ttl.detail, () => client.contentDetail(id, gallery.pkey, lang));
  }

  /**
   * The plan's page as the answer: from the cache, rendered once, gzipped once for clients that
   * take it. Typed as the contract's AssetPage, which its body is (rendered by `plan.render`), so
   * the OpenAPI route returns it as it is.
   */
  async answer(c: Context, plan: SearchPlan): Promise<AssetPageResponse> {
    return (await this.#answer(c, plan)) as AssetPageResponse;
  }

  async #answer(c: Context, plan: SearchPlan): Promise<Response> {
    const { value: page, status } = await this.deps.cache.get(plan.key, this.deps.ttl.assets, () => this.#searchWithDurations(plan));
    const next = this.#nextCursors.get(page)?.get(plan.cursorContext) ?? (await this.#nextCursorOf(page, plan.cursorContext));
    const render = () => plan.render(page, next);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "cache-control": ASSETS_CACHE_CONTROL,
      "x-cache": status,
      vary: "Origin, Accept-Encoding",
    };
    if (acceptedEncoding(c.req.header("accept-encoding"), GZIP_ONLY)) {
      const pending = this.#pages.gzip(page, plan.variant, render);
      // Stryker disable next-line ConditionalExpression: awaiting the bytes already there (true) gives the same bytes, a microtask later; false is killed by the gzip test
      const gzipped = pending instanceof Promise ? await pending : pending;
      if (gzipped) {
        headers["content-encoding"] = "gzip";
        return respond(c, gzipped, 200, headers);
      }
    }
    return respond(c, this.#pages.json(page, plan.variant, render), 200, headers);
  }

  /**
   * A search page with durations on its videos and audio, read from their details when the page
   * is loaded (so cache hits cost nothing). A detail that fails just leaves its tile without one.
   */
  async #searchWithDurations(plan: SearchPlan): Promise<GalleryPage> {
    const page = await this.deps.client.search(plan.body, plan.gallery.folderId);
    const items = await Promise.all(
      page.items.map(async (item) => {
        if (item.contentType !== "VIDEO" && item.contentType !== "AUDIO") return item;
        // The detail in the page's language: opening the asset in that language is then a cache hit.
        const duration = await this.detailOf(plan.gallery, item.id, plan.lang).then(
          ({ value }) => durationMs(value.deliveryInfo),
          () => undefined,
        );
        // Stryker disable next-line ConditionalExpression: false (durationMs: undefined) maps and serialises as the item itself; true is killed by the durations tests
        return duration === undefined ? item : { ...item, durationMs: duration };
      }),
    );
    return { ...page, items };
  }

  async #nextCursorOf(page: GalleryPage, context: string): Promise<string | null> {
    const sealed = this.#nextCursors.get(page) ?? new Map<string, string | null>();
    // Stryker disable next-line CallExpression: a memo: without it the cursor is sealed again, and the page's JSON is rendered once per variant anyway (RenderMemo)
    this.#nextCursors.set(page, sealed);
    let next = sealed.get(context);
    // Stryker disable next-line ConditionalExpression: as above: sealing every time (true) answers the same; false is killed by every page test
    if (next === undefined) {
      next = page.nextPageToken ? await this.deps.cursors.seal(encodeCursor(page.nextPageToken), context) : null;
      // Stryker disable next-line CallExpression: as above, a memo
      sealed.set(context, next);
    }
    return next;
  }
}
