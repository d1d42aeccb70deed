import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ASSETS, sandboxBff } from "./helpers.ts";

describe("security headers", () => {
  it("sends security headers that still let other sites read the JSON, and a request id", async () => {
    const bff = sandboxBff();
    const response = await bff.get(`${ASSETS}?limit=1`);
    assert.equal(response.headers.get("x-content-type-options"), "nosniff");
    assert.equal(response.headers.get("cross-origin-resource-policy"), "cross-origin");
    // No page may frame the BFF's answers, and no request from them tells a site where it came from.
    assert.equal(response.headers.get("x-frame-options"), "DENY");
    assert.equal(response.headers.get("referrer-policy"), "no-referrer");
    // A window the demo page opens shares no browsing context with it.
    assert.equal(response.headers.get("cross-origin-opener-policy"), "same-origin");
    assert.match(response.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
    const id = response.headers.get("x-request-id") ?? "";
    assert.ok(
      bff.logs.some((line) => line.includes(id)),
      "the log line carries the same id",
    );
  });
});
