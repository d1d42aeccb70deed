/** The THRON routes of the public contract: /v1/thron/galleries/… */
import { AssetPage, AssetsQuery, GalleryParams, Problem } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { ThronConfig } from "../config.ts";
import type { ResponseCache, Ttl } from "../core/cache.ts";
import { invalidRequest, ProblemError } from "../core/problem.ts";
import { validationHook } from "../core/validation.ts";
import type { ThronClient } from "./client.ts";
import { decodeCursor, encodeCursor, thronContentTypes, toAsset, toThronLang } from "./mapping.ts";

const problems = {
  400: { description: "Invalid request", content: { "application/problem+json": { schema: Problem } } },
  404: { description: "Unknown gallery", content: { "application/problem+json": { schema: Problem } } },
  502: { description: "THRON failed", content: { "application/problem+json": { schema: Problem } } },
  503: { description: "THRON unavailable", content: { "application/problem+json": { schema: Problem } } },
  504: { description: "THRON timed out", content: { "application/problem+json": { schema: Problem } } },
};

const listAssets = createRoute({
  method: "get",
  path: "/galleries/{gallery}/assets",
  summary: "One page of a gallery's assets",
  request: { params: GalleryParams, query: AssetsQuery },
  responses: {
    200: { description: "A page of assets", content: { "application/json": { schema: AssetPage } } },
    ...problems,
  },
});

export interface ThronRouteDeps {
  config: ThronConfig;
  client: ThronClient;
  cache: ResponseCache;
  ttl: { assets: Ttl };
}

export function thronRoutes({ config, client, cache, ttl }: ThronRouteDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });

  const galleryFor = (name: string) => {
    const gallery = config.galleries[name];
    if (!gallery) throw new ProblemError(404, "unknown-gallery", "Unknown gallery", `No gallery is configured under the name "${name}".`);
    return gallery;
  };

  app.openapi(listAssets, async (c) => {
    const { gallery: name } = c.req.valid("param");
    const query = c.req.valid("query");
    const gallery = galleryFor(name);
    const pageToken = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (pageToken === null) throw invalidRequest([{ field: "cursor", message: "is not a cursor this API issued" }]);
    const lang = toThronLang(query.locale);
    const body = {
      criteria: {
        linkedCategories: { haveAtLeastOne: [{ id: gallery.folderId, cascade: true }] },
        contentType: thronContentTypes(query.type),
        ...(query.q && { lemma: { text: query.q, textMatch: "all_word_match" } }),
      },
      ...(pageToken && { pageToken }),
      responseOptions: {
        resultsPageSize: query.limit,
        returnDetailsFields: ["locales", "source"],
        sort: { creationDate: { order: "desc" } },
      },
    };
    // Keyed by what THRON is asked, not by the raw URL: equivalent queries share an entry.
    const { value: page, status } = await cache.get(`thron:search:${JSON.stringify(body)}`, ttl.assets, () => client.search(body));
    c.header("x-cache", status);
    c.header("cache-control", "public, max-age=30, stale-while-revalidate=300");
    return c.json(
      {
        items: page.items.flatMap((item) => toAsset(item, config, gallery, lang) ?? []),
        nextCursor: page.nextPageToken ? encodeCursor(page.nextPageToken) : null,
        total: page.estimatedTotalResults ?? page.items.length,
      },
      200,
    );
  });

  return app;
}
