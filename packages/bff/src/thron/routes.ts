/** The THRON routes of the public contract: /v1/thron/galleries/… */
import { Asset, AssetPage, AssetParams, AssetsQuery, Gallery, GalleryParams, GalleryQuery } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { GalleryConfig, ThronConfig } from "../config.ts";
import type { ResponseCache, Ttl } from "../core/cache.ts";
import { invalidRequest, ProblemError, problemSpec } from "../core/problem.ts";
import { RenderMemo } from "../core/render-memo.ts";
import { respond } from "../core/response-headers.ts";
import { validationHook } from "../core/validation.ts";
import { ContentNotFound, type SearchResponse, type ThronClient } from "./client.ts";
import { matchesRemaining, parseFilters, toFilters, toMetadataCriteria } from "./filters.ts";
import { decodeCursor, detailToAsset, durationMs, encodeCursor, thronContentTypes, toAsset, toThronLang } from "./mapping.ts";

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
  client: ThronClient;
  cache: ResponseCache;
  ttl: ThronTtls;
}

const cacheFor = (seconds: number) => `public, max-age=${seconds}, stale-while-revalidate=${seconds * 10}`;
/** Search pages change more often than galleries and assets. */
const ASSETS_CACHE_CONTROL = cacheFor(30);

const PLAYER_SCRIPT_PATH = "/shared/ce/bootstrap/1/scripts/embeds-min.js";

export function thronRoutes({ config, client, cache, ttl }: ThronRouteDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const pages = new RenderMemo<SearchResponse>();

  const galleryFor = (name: string) => {
    const gallery = config.galleries[name];
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
    body: Record<string, unknown>;
    gallery: GalleryConfig;
    variant: string;
    render: (page: SearchResponse) => AssetPage;
  }
  /**
   * Plans by request URL, bounded: a URL seen before is valid and means the same search, so
   * repeats skip validation, filter parsing and key building (the cached path's main cost).
   */
  const plans = new Map<string, SearchPlan>();
  const MAX_PLANS = 10_000;
  const urlOf = (url: string) => url.slice(url.indexOf("/", url.indexOf("//") + 2));

  /** A content's detail through the shared cache (the detail route reads the same entries). */
  const detailOf = (gallery: GalleryConfig, id: string, lang: string) =>
    cache.get(`thron:detail:${gallery.pkey}:${id}:${lang}`, ttl.detail, () => client.contentDetail(id, gallery.pkey, lang));

  /**
   * A search page with durations on its videos and audio, read from their details when the page
   * is loaded (so cache hits cost nothing). A detail that fails just leaves its tile without one.
   */
  const searchWithDurations = async (plan: SearchPlan): Promise<SearchResponse> => {
    const page = await client.search(plan.body);
    const items = await Promise.all(
      page.items.map(async (item) => {
        if (item.contentType !== "VIDEO" && item.contentType !== "AUDIO") return item;
        const duration = await detailOf(plan.gallery, item.id, "EN").then(
          ({ value }) => durationMs(value.deliveryInfo),
          () => undefined,
        );
        return duration === undefined ? item : { ...item, durationMs: duration };
      }),
    );
    return { ...page, items };
  };

  const answer = async (c: Context, plan: SearchPlan) => {
    const { value: page, status } = await cache.get(plan.key, ttl.assets, () => searchWithDurations(plan));
    return respond(
      c,
      pages.json(page, plan.variant, () => plan.render(page)),
      200,
      {
        "content-type": "application/json",
        "cache-control": ASSETS_CACHE_CONTROL,
        "x-cache": status,
      },
    );
  };

  app.use("/galleries/:gallery/assets", async (c, next) => {
    const plan = plans.get(urlOf(c.req.url));
    return plan ? answer(c, plan) : next();
  });

  app.openapi(listAssets, async (c) => {
    const { gallery: name } = c.req.valid("param");
    const query = c.req.valid("query");
    const gallery = galleryFor(name);
    const pageToken = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const { filters, errors } = parseFilters(c.req.queries(), gallery.filterKeys);
    if (pageToken === null) errors.push({ field: "cursor", message: "is not a cursor this API issued" });
    if (errors.length > 0) throw invalidRequest(errors);
    const metadata = toMetadataCriteria(filters, config.classificationId ?? "");
    const body = {
      criteria: {
        linkedCategories: { haveAtLeastOne: [{ id: gallery.folderId, cascade: true }] },
        contentType: thronContentTypes(query.type),
        ...(query.q && { lemma: { text: query.q, textMatch: "all_word_match" } }),
        ...(metadata.imetadata && { imetadata: metadata.imetadata }),
      },
      ...(pageToken && { pageToken }),
      responseOptions: {
        resultsPageSize: query.limit,
        returnDetailsFields: metadata.remaining.size > 0 ? ["locales", "source", "imetadata"] : ["locales", "source"],
        sort: [{ creationDate: { order: "desc" } }], // a list, as THRON's SDK models it
      },
    };
    const lang = toThronLang(query.locale);
    const plan: SearchPlan = {
      // Keyed by what THRON is asked, not by the raw URL: equivalent queries and every locale share an entry.
      key: `thron:search:${JSON.stringify(body)}`,
      body,
      gallery,
      variant: JSON.stringify([name, lang, [...metadata.remaining]]),
      render: (page) => ({
        items: page.items
          .filter((item) => matchesRemaining(item, metadata.remaining))
          .flatMap((item) => toAsset(item, config, gallery, lang) ?? []),
        nextCursor: page.nextPageToken ? encodeCursor(page.nextPageToken) : null,
        total: page.estimatedTotalResults ?? page.items.length,
      }),
    };
    if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
    plans.set(urlOf(c.req.url), plan);
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
