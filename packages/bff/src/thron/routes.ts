/** The THRON routes of the public contract: /v1/thron/galleries/… */
import { Asset, AssetPage, AssetParams, AssetsQuery, Gallery, GalleryParams, GalleryQuery } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { GalleryConfig, ThronConfig } from "../config.ts";
import { ByteBoundedMap } from "../core/byte-bounded-map.ts";
import type { CursorSeal } from "../http/cursor-seal.ts";
import { acceptedEncoding } from "../http/encoding.ts";
import { invalidRequest, ProblemError, problemSpec } from "../http/problem.ts";
import { RenderMemo } from "../http/render-memo.ts";
import { respond } from "../http/response-headers.ts";
import { validationHook } from "../http/validation.ts";
import type { ResponseCache, Ttl } from "../upstream/cache.ts";
import { ContentNotFound, type ThronClient } from "./client.ts";
import { matchesRemaining, parseFilters, toFilters, toMetadataCriteria } from "./filters.ts";
import { decodeCursor, detailToAsset, durationMs, encodeCursor, type GalleryPage, toAsset, toThronLang } from "./mapping.ts";
import { assetsSearchBody, type ThronSearchBody } from "./search-body.ts";

const upstreamProblems = {
  502: problemSpec("THRON failed or refused"),
  503: problemSpec("THRON unavailable"),
  504: problemSpec("THRON timed out"),
};

const getGallery = createRoute({
  method: "get",
  path: "/galleries/{gallery}",
  summary: "A gallery's player parameters and filters",
  description: "Filters come from the THRON metadata definitions named in the gallery's filter keys, labelled in `locale`.",
  request: { params: GalleryParams, query: GalleryQuery },
  responses: {
    200: { description: "The gallery", content: { "application/json": { schema: Gallery } } },
    400: problemSpec("Invalid request"),
    404: problemSpec("Unknown gallery"),
    ...upstreamProblems,
  },
});

const listAssets = createRoute({
  method: "get",
  path: "/galleries/{gallery}/assets",
  summary: "One page of a gallery's assets",
  description:
    "Besides the parameters below, `filter.<key>=<value>` (repeatable) filters by the gallery's metadata: OR within a key, AND across keys. " +
    "When two keys each have several values, pages may hold fewer items than `limit`; keep following `nextCursor`.",
  request: { params: GalleryParams, query: AssetsQuery },
  responses: {
    200: { description: "A page of assets", content: { "application/json": { schema: AssetPage } } },
    400: problemSpec("Invalid request"),
    404: problemSpec("Unknown gallery"),
    ...upstreamProblems,
  },
});

const getAsset = createRoute({
  method: "get",
  path: "/galleries/{gallery}/assets/{id}",
  summary: "One asset with its playback sources",
  request: { params: AssetParams, query: GalleryQuery },
  responses: {
    200: { description: "The asset", content: { "application/json": { schema: Asset } } },
    400: problemSpec("Invalid request"),
    404: problemSpec("Unknown gallery or asset"),
    ...upstreamProblems,
  },
});

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

const cacheFor = (seconds: number) => `public, max-age=${seconds}, stale-while-revalidate=${seconds * 10}`;
/** Search pages change more often than galleries and assets. */
const ASSETS_CACHE_CONTROL = cacheFor(30);

/** Plans take a few hundred bytes each; 4 MB keeps thousands of distinct searches. */
const MAX_PLAN_BYTES = 4 * 1024 * 1024;

const GZIP_ONLY = ["gzip"] as const;

/** Query parameters the assets route reads; any other is ignored, and left out of plan keys. */
const SEARCH_PARAMS = new Set(["q", "type", "sort", "cursor", "limit", "locale"]);

/** The path and the used parameters in a stable order (a name's repeated values keep theirs). */
export function planKey(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const query = url.indexOf("?", start);
  if (query < 0) return url.slice(start);
  const used: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(url.slice(query + 1)))
    if (SEARCH_PARAMS.has(name) || name.startsWith("filter.")) used.push([name, value]);
  used.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `${url.slice(start, query)}?${JSON.stringify(used)}`;
}

const PLAYER_SCRIPT_PATH = "/shared/ce/bootstrap/1/scripts/embeds-min.js";

export function thronRoutes({ config, client, cache, ttl, cursors }: ThronRouteDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const pages = new RenderMemo<GalleryPage>();

  const galleryFor = (name: string) => {
    const gallery = config.galleries.get(name);
    if (!gallery) throw new ProblemError(404, "unknown-gallery", "Unknown gallery", `No gallery is configured under the name "${name}".`);
    return gallery;
  };
  const definitions = async () => {
    if (!config.classificationId) return [];
    const classificationId = config.classificationId;
    return (await cache.get(`thron:definitions:${classificationId}`, ttl.definitions, () => client.listDefinitions(classificationId)))
      .value;
  };

  app.openapi(getGallery, async (c) => {
    const { gallery: name } = c.req.valid("param");
    const { locale = "en" } = c.req.valid("query");
    const gallery = galleryFor(name);
    const filters = gallery.filterKeys.length > 0 ? toFilters(await definitions(), gallery.filterKeys, toThronLang(locale)) : [];
    c.header("cache-control", cacheFor(60));
    return c.json(
      {
        id: name,
        locale,
        player: { scriptUrl: `${config.cdnUrl}${PLAYER_SCRIPT_PATH}`, clientId: config.tenant, sessId: gallery.pkey },
        filters,
      },
      200,
    );
  });

  /** Everything a request URL decides: the THRON search it needs and how to render the answer. */
  interface SearchPlan {
    key: string;
    body: ThronSearchBody;
    gallery: GalleryConfig;
    /** THRON's language for the request's locale. */
    lang: string;
    variant: string;
    render: (page: GalleryPage, nextCursor: string | null) => AssetPage;
  }
  /**
   * Plans by the request's path and the parameters a search uses (normalised), bounded by
   * bytes: a request seen before is valid and means the same search, so repeats skip
   * validation, filter parsing and key building (the cached path's main cost). Parameters the
   * route ignores are not part of the key, so padding a URL with them costs no memory.
   */
  const plans = new ByteBoundedMap<SearchPlan>(MAX_PLAN_BYTES, (plan) => 2 * (plan.key.length + plan.variant.length) + 1024);

  /** A content's detail through the shared cache (the detail route reads the same entries). */
  const detailOf = (gallery: GalleryConfig, id: string, lang: string) =>
    cache.get(`thron:detail:${gallery.pkey}:${id}:${lang}`, ttl.detail, () => client.contentDetail(id, gallery.pkey, lang));

  /**
   * A search page with durations on its videos and audio, read from their details when the page
   * is loaded (so cache hits cost nothing). A detail that fails just leaves its tile without one.
   */
  const searchWithDurations = async (plan: SearchPlan): Promise<GalleryPage> => {
    const page = await client.search(plan.body, plan.gallery.folderId);
    const items = await Promise.all(
      page.items.map(async (item) => {
        if (item.contentType !== "VIDEO" && item.contentType !== "AUDIO") return item;
        // The detail in the page's language: opening the asset in that language is then a cache hit.
        const duration = await detailOf(plan.gallery, item.id, plan.lang).then(
          ({ value }) => durationMs(value.deliveryInfo),
          () => undefined,
        );
        return duration === undefined ? item : { ...item, durationMs: duration };
      }),
    );
    return { ...page, items };
  };

  /** The page's next cursor, sealed once per cached page. */
  const nextCursors = new WeakMap<GalleryPage, string | null>();
  const nextCursorOf = async (page: GalleryPage) => {
    let next = nextCursors.get(page);
    if (next === undefined) {
      next = page.nextPageToken ? await cursors.seal(encodeCursor(page.nextPageToken)) : null;
      nextCursors.set(page, next);
    }
    return next;
  };

  const answer = async (c: Context, plan: SearchPlan) => {
    const { value: page, status } = await cache.get(plan.key, ttl.assets, () => searchWithDurations(plan));
    const next = nextCursors.get(page) ?? (await nextCursorOf(page));
    const render = () => plan.render(page, next);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "cache-control": ASSETS_CACHE_CONTROL,
      "x-cache": status,
      vary: "Origin, Accept-Encoding",
    };
    if (acceptedEncoding(c.req.header("accept-encoding"), GZIP_ONLY)) {
      const pending = pages.gzip(page, plan.variant, render);
      const gzipped = pending instanceof Promise ? await pending : pending;
      if (gzipped) {
        headers["content-encoding"] = "gzip";
        return respond(c, gzipped, 200, headers);
      }
    }
    return respond(c, pages.json(page, plan.variant, render), 200, headers);
  };

  app.use("/galleries/:gallery/assets", async (c, next) => {
    const plan = plans.get(planKey(c.req.url));
    return plan ? answer(c, plan) : next();
  });

  app.openapi(listAssets, async (c) => {
    const { gallery: name } = c.req.valid("param");
    const query = c.req.valid("query");
    const gallery = galleryFor(name);
    const opened = query.cursor === undefined ? undefined : await cursors.open(query.cursor);
    const pageToken = opened === undefined ? undefined : opened === null ? null : decodeCursor(opened);
    const { filters, errors } = parseFilters(c.req.queries(), gallery.filterKeys);
    if (pageToken === null) errors.push({ field: "cursor", message: "is not a cursor this API issued" });
    if (errors.length > 0 || pageToken === null) throw invalidRequest(errors);
    const metadata = toMetadataCriteria(filters, config.classificationId ?? "");
    const lang = toThronLang(query.locale);
    const body = assetsSearchBody({
      folderId: gallery.folderId,
      types: query.type,
      q: query.q,
      metadata,
      pageToken,
      limit: query.limit,
      sort: query.sort,
      lang,
    });
    const plan: SearchPlan = {
      // Keyed by what THRON is asked, not by the raw URL: equivalent queries and every locale share an entry.
      key: `thron:search:${JSON.stringify(body)}`,
      body,
      gallery,
      lang,
      variant: JSON.stringify([name, lang, [...metadata.remaining]]),
      render: (page, nextCursor) => ({
        items: page.items
          .filter((item) => matchesRemaining(item, metadata.remaining))
          .flatMap((item) => toAsset(item, config, gallery, lang) ?? []),
        nextCursor,
        total: page.estimatedTotalResults ?? page.items.length,
      }),
    };
    plans.set(planKey(c.req.url), plan);
    // Already serialised; typed as the contract's AssetPage for the OpenAPI route.
    return (await answer(c, plan)) as unknown as ReturnType<typeof c.json<AssetPage, 200>>;
  });

  app.openapi(getAsset, async (c) => {
    const { gallery: name, id } = c.req.valid("param");
    const { locale } = c.req.valid("query");
    const gallery = galleryFor(name);
    const lang = toThronLang(locale);
    const notFound = new ProblemError(404, "unknown-asset", "Unknown asset", `This gallery has no asset ${id}.`);
    try {
      const { value: detail, status } = await detailOf(gallery, id, lang);
      const asset = detailToAsset(id, detail, config, gallery, lang);
      if (!asset) throw notFound;
      c.header("x-cache", status);
      c.header("cache-control", cacheFor(60));
      return c.json(asset, 200);
    } catch (error) {
      if (error instanceof ContentNotFound) throw notFound;
      throw error;
    }
  });

  return app;
}
