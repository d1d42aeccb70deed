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
