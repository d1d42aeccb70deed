/** /openapi.json and /docs (docs/page.ts): the API described from the schemas that validate it. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PROVIDERS } from "../src/provider.ts";
import { sandboxBff } from "./helpers.ts";

/** Each provider's public routes (a contract: a route gone is a failure here), by its id; the BFF's own under "". */
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  "": [
    "/health",
    "/v1/render/styles/{file}",
    "/v1/render/thron-asset",
    "/v1/render/thron-filter-bar",
    "/v1/render/thron-gallery",
    "/v1/render/throughline-helplines",
    "/v1/render/thunder-launch-button",
  ],
  thron: [
    "/v1/thron/galleries",
    "/v1/thron/galleries/{gallery}",
    "/v1/thron/galleries/{gallery}/assets",
    "/v1/thron/galleries/{gallery}/assets/{id}",
  ],
  thunder: ["/v1/thunder/launch"],
  throughline: ["/v1/throughline/countries", "/v1/throughline/events", "/v1/throughline/helplines", "/v1/throughline/topics"],
};

describe("the API's description", () => {
  it("documents the API from the same schemas: /openapi.json lists every route, /docs renders it", async () => {
    const bff = sandboxBff();
    const doc = (await (await bff.get("/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, "3.1.0");
    assert.deepEqual(
      Object.keys(ROUTES).slice(1),
      PROVIDERS.map((module) => module.id),
      "every provider's routes are listed here",
    );
    for (const module of PROVIDERS)
      for (const route of ROUTES[module.id] ?? [])
        assert.ok(route.startsWith(`/v1/${module.id}/`), `${route} is under ${module.name}'s path`);
    assert.deepEqual(Object.keys(doc.paths).sort(), Object.values(ROUTES).flat().sort());
    const docs = await bff.get("/docs");
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /\/openapi\.json/);
  });
});

describe("/docs, Swagger UI served from this origin", () => {
  const swaggerUi = { css: new TextEncoder().encode(".swagger-ui{}"), js: new TextEncoder().encode("window.SwaggerUIBundle=1") };

  it("is a page that loads only this origin's files, under a CSP that allows no inline script nor framing, never cached stale", async () => {
    const docs = await sandboxBff({}, { swaggerUi }).get("/docs");
    assert.equal(docs.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(docs.headers.get("cache-control"), "no-cache");
    const csp = docs.headers.get("content-security-policy") ?? "";
    for (const directive of ["default-src 'none'", "script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"])
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    const page = await docs.text();
    assert.match(page, /^<!doctype html>/);
    assert.deepEqual(
      [...page.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((m) => m[1]),
      ["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/init.js"],
    );
    assert.doesNotMatch(page, /<script>/, "no inline script");
  });

  it("starts Swagger UI on /openapi.json from a script file of its own, cached a day", async () => {
    const init = await sandboxBff().get("/docs/init.js");
    assert.equal(init.status, 200);
    assert.equal(init.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(init.headers.get("cache-control"), "public, max-age=86400");
    assert.match(
      await init.text(),
      /SwaggerUIBundle\(\{ url: document\.getElementById\("swagger-ui"\)\.dataset\.spec, dom_id: "#swagger-ui" \}\)/,
    );
  });

  it("serves swagger-ui-dist's stylesheet and script as they are, cached a day; without them (Workers) they are not found", async () => {
    const bff = sandboxBff({}, { swaggerUi });
    const css = await bff.get("/docs/swagger-ui.css");
    assert.deepEqual(
      [css.status, css.headers.get("content-type"), css.headers.get("cache-control"), await css.text()],
      [200, "text/css; charset=utf-8", "public, max-age=86400", ".swagger-ui{}"],
    );
    const js = await bff.get("/docs/swagger-ui-bundle.js");
    assert.deepEqual(
      [js.status, js.headers.get("content-type"), js.headers.get("cache-control"), await js.text()],
      [200, "text/javascript; charset=utf-8", "public, max-age=86400", "window.SwaggerUIBundle=1"],
    );
    const without = sandboxBff();
    assert.equal((await without.get("/docs")).status, 200, "the page itself is still served");
    for (const path of ["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js"]) assert.equal((await without.get(path)).status, 404, path);
  });
});
