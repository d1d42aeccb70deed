/** The sandbox's fault switch is a test tool: it refuses other sites and says in the log when it is used. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ASSETS, PUBLIC_URL, sandboxBff } from "./helpers.ts";

const FAULTS = "/_sandbox/_admin/faults";

describe("the sandbox's fault switch", () => {
  it("refuses a cross-site text/plain POST (a form on any page could send it) and any other site", async () => {
    const bff = sandboxBff();
    const attempts: [RequestInit, number][] = [
      [{ headers: { "content-type": "text/plain", origin: "https://evil.example" } }, 415],
      [{ headers: { "content-type": "text/plain" } }, 415],
      [{ headers: { "content-type": "application/json", origin: "https://evil.example" } }, 403],
      [{ headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" } }, 403],
      [{ headers: { "content-type": "application/json", "sec-fetch-site": "same-site" } }, 403],
    ];
    for (const [init, status] of attempts) {
      const response = await bff.get(FAULTS, { method: "POST", body: JSON.stringify({ errorRate: 1 }), ...init });
      assert.equal(response.status, status, JSON.stringify(init.headers));
    }
    assert.equal(bff.thron.faults.errorRate, 0, "no fault was set");
    assert.equal((await bff.get(`${ASSETS}?limit=1`)).status, 200);
  });

  it("takes JSON from the sandbox's own pages and tools, and logs that a test tool set faults", async () => {
    const bff = sandboxBff();
    const response = await bff.get(FAULTS, {
      method: "POST",
      headers: { "content-type": "application/json", origin: PUBLIC_URL, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ latencyMs: 1 }),
    });
    assert.equal(response.status, 200);
    assert.equal(bff.thron.faults.latencyMs, 1);
    const lines = bff.logs.map((line) => JSON.parse(line) as { level: string; message: string });
    assert.ok(
      lines.some((l) => l.level === "info" && /_admin\/faults is a test tool/.test(l.message)),
      "said at start",
    );
    assert.ok(
      lines.some((l) => l.level === "warn" && /fault switch set \(a test tool/.test(l.message)),
      "said when used",
    );
  });
});
