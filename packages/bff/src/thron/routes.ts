/** The THRON routes of the public contract: /v1/thron/galleries/… */
import { Asset, AssetPage, AssetParams, AssetsQuery, Gallery, GalleryList, GalleryParams, GalleryQuery } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { invalidRequest, ProblemError, problemSpec } from "../core/problem.ts";
import { validationHook } from "../http/validation.ts";
import { ContentNotFound, MissingViewerRole } from "./client.ts";
import { parseFilters, toFilters } from "./filters.ts";
import { decodeCursor, detailToAsset, toThronLang } from "./mapping.ts";
import { cacheFor, SearchPages, searchPlan, type ThronRouteDeps } from "./search-pages.ts";

const upstreamProblems = {
  502: problemSpec("THRON failed or refused"),
  503: problemSpec("THRON unavailable"),
  504: problemSpec("THRON timed out"),
};

const listGalleries = createRoute({
  method: "get",
  path: "/galleries",
  summary: "The names of the galleries this BFF offers",
  description: "`default` first, then THRON_GALLERIES' names in A–Z order. Names only: no folder or key.",
  responses: {
    200: { description: "The galleries", content: { "application/json": { schema: GalleryList } } },
  },
});

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

/** How long a missing viewer role is remembered (asking costs a call, a renewal and a retry). */
const ROLE_DENIAL_MEMORY_MS = 60_000;

const PLAYER_SCRIPT_PATH = "/shared/ce/bootstrap/1/scripts/embeds-min.js";

/**
 * The classification's metadata definitions (the filters' vocabulary), cached; a missing viewer
 * role reads as none, remembered in process only: it is never cached as a good, empty list.
 */
function definitionsReader({ config, client, cache, ttl }: ThronRouteDeps) {
  let roleMissingUntil = 0;
  return async () => {
    const classificationId = config.classificationId;
    // Stryker disable next-line ConditionalExpression: only a gallery with filter keys reads definitions, and config.ts refuses filter keys without THRON_CLASSIFICATION_ID
    if (!classificationId) return [];
    if (client.now() < roleMissingUntil) return [];
    try {
      return (await cache.get(`thron:definitions:${classificationId}`, ttl.definitions, () => client.listDefinitions(classificationId)))
        .value;
    } catch (error) {
      if (!(error instanceof MissingViewerRole)) throw error;
      // Asked again no sooner than a good answer would be: a role granted shows up as fast.
      roleMissingUntil = client.now() + Math.min(ROLE_DENIAL_MEMORY_MS, ttl.definitions.freshMs);
      return [];
    }
  };
}

export function thronRoutes(deps: ThronRouteDeps) {
  const { config, cursors } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const pages = new SearchPages(deps);

  const galleryFor = (name: string) => {
    const gallery = config.galleries.get(name);
    if (!gallery) throw new ProblemError(404, "unknown-gallery", "Unknown gallery", `No gallery is configured under the name "${name}".`);
    return gallery;
  };
  const definitions = definitionsReader(deps);

  app.openapi(listGalleries, (c) => {
    c.header("cache-control", cacheFor(60));
    return c.json({ items: galleryNames(config.galleries).map((name) => ({ name })) }, 200);
  });

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

  // A URL planned before skips validation and planning: straight to the cache. Only for GET (and
  // HEAD), the one method the route answers: another method is answered as the route would. The
  // method is checked here rather than by registering for GET alone, which made every cached
  // request slower (measured: 28–34 µs against 12–20 µs in process).
  app.use("/galleries/:gallery/assets", async (c, next) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: a speed shortcut: turned off, the route answers alike (only slower); turned on for every method, hostile-input.test.ts fails
    const plan = c.req.method === "GET" || c.req.method === "HEAD" ? pages.planFor(c.req.url) : undefined;
    // Stryker disable next-line ConditionalExpression: as above: without the plan the route answers alike
    return plan ? pages.answer(c, plan) : next();
  });

  app.openapi(listAssets, async (c) => {
    const { gallery: name } = c.req.valid("param");
    const query = c.req.valid("query");
    const gallery = galleryFor(name);
    const { filters, errors } = parseFilters(c.req.queries(), gallery.filterKeys);
    if (errors.length > 0) throw invalidRequest(errors);
    if (query.ids && query.cursor !== undefined)
      throw invalidRequest([{ field: "cursor", message: "does not apply with ids: a hand-picked list is one page" }]);
    let plan = searchPlan(config, { name, config: gallery }, query, filters, undefined);
    if (query.cursor !== undefined) {
      // A cursor opens only under the gallery and search it was issued for: another one's never reaches THRON.
      const opened = await cursors.open(query.cursor, plan.cursorContext);
      const pageToken = opened === null ? null : decodeCursor(opened);
      if (pageToken === null)
        throw invalidRequest([{ field: "cursor", message: "is not a cursor this API issued for this gallery and search" }]);
      plan = searchPlan(config, { name, config: gallery }, query, filters, pageToken);
    }
    // Stryker disable next-line CallExpression: a shortcut: without it every request is validated and planned again, to the same answer
    pages.remember(c.req.url, plan);
    return pages.answer(c, plan);
  });

  app.openapi(getAsset, async (c) => {
    const { gallery: name, id } = c.req.valid("param");
    const { locale } = c.req.valid("query");
    const gallery = galleryFor(name);
    const lang = toThronLang(locale);
    const notFound = new ProblemError(404, "unknown-asset", "Unknown asset", `This gallery has no asset ${id}.`);
    try {
      const { value: detail, status } = await pages.detailOf(gallery, id, lang);
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

/** `default` first (what an editor picks when unsure), the others A–Z: a list that reads the same on every instance. */
function galleryNames(galleries: ReadonlyMap<string, unknown>): string[] {
  const names = [...galleries.keys()].sort();
  return names.includes("default") ? ["default", ...names.filter((name) => name !== "default")] : names;
}
