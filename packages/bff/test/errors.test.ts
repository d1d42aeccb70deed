/** The app's answer to what it cannot route or failed to answer (http/errors.ts). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sandboxBff } from "./helpers.ts";

describe("errors as problems", () => {
  it("answers unknown routes with a 404 problem", async () => {
    const response = await sandboxBff().get("/v2/anything");
    assert.equal(response.status, 404);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
  });
});
