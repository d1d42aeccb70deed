/** /openapi.json and /docs (docs/page.ts): the API described from the schemas that validate it. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sandboxBff } from "./helpers.ts";

describe("the API's description", () => {
  it("documents the API from the same schemas: /openapi.json lists every route, /docs renders it", async () => {
    const bff = sandboxBff();
    const doc = (await (await bff.get("/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, "3.1.0");
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      "/health",
      "/v1/render/thron-asset",
      "/v1/render/thron-gallery",
      "/v1/render/throughline-helplines",
      "/v1/render/thunder-launch-button",
      "/v1/thron/galleries",
      "/v1/thron/galleries/{gallery}",
      "/v1/thron/galleries/{gallery}/assets",
      "/v1/thron/galleries/{gallery}/assets/{id}",
      "/v1/throughline/countries",
      "/v1/throughline/events",
      "/v1/throughline/helplines",
      "/v1/throughline/topics",
      "/v1/thunder/launch",
    ]);
    const docs = await bff.get("/docs");
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /\/openapi\.json/);
  });
});
