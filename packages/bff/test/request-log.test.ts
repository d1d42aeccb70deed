/** Request ids and the access log (http/request-log.ts). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ASSETS, sandboxBff } from "./helpers.ts";

describe("request ids and the access log", () => {
  it("keeps a caller's request id when it is a plain token, and makes a new one otherwise", async () => {
    const bff = sandboxBff();
    const sent = async (id: string) => (await bff.get("/health", { headers: { "x-request-id": id } })).headers.get("x-request-id");
    const before = performance.now();
    assert.equal(await sent("edge-7f3a_91=="), "edge-7f3a_91==");
    const tookMs = performance.now() - before;
    assert.match((await sent("not plain; <script>")) ?? "", /^[0-9a-f-]{36}$/);
    assert.match((await sent("x".repeat(256))) ?? "", /^[0-9a-f-]{36}$/);
    const line = bff.logs
      .map((text) => JSON.parse(text) as { requestId: string; ms: number })
      .find((l) => l.requestId === "edge-7f3a_91==");
    assert.ok(line && line.ms >= 0 && line.ms <= tookMs + 0.1, `logged ${line?.ms} ms for a request that took ${tookMs} ms`);
  });

  it("logs how long a request took, in milliseconds to a tenth: a THRON 60 ms slow makes it no shorter", async () => {
    const bff = sandboxBff();
    bff.thron.faults.latencyMs = 60;
    const before = performance.now();
    assert.equal((await bff.get(`${ASSETS}?limit=2`, { headers: { "x-request-id": "slow-1" } })).status, 200);
    const tookMs = performance.now() - before;
    const line = bff.logs.map((text) => JSON.parse(text) as { requestId?: string; ms: number }).find((l) => l.requestId === "slow-1");
    assert.ok(line && line.ms >= 60 && line.ms <= tookMs + 0.1, `logged ${line?.ms} ms for a request that took ${tookMs} ms`);
    assert.ok(Math.abs(Math.round(line.ms * 10) - line.ms * 10) < 1e-6, `${line.ms}: to a tenth of a millisecond`);
  });

  it("writes no access log at LOG_LEVEL=warn, except for failed requests, and still the warnings", async () => {
    const bff = sandboxBff({ LOG_LEVEL: "warn" });
    bff.thron.faults.errorRate = 1;
    assert.equal((await bff.get("/health")).status, 200);
    assert.equal((await bff.get(`${ASSETS}?limit=3`)).status, 502);
    const lines = bff.logs.map((line) => JSON.parse(line) as { level: string; status: number; path?: string });
    assert.deepEqual(
      lines.map(({ level, status, path }) => [level, status, path]),
      [
        ["warn", 502, undefined],
        ["error", 502, ASSETS],
      ],
      "the upstream failure and its request; the healthy request leaves no line",
    );
  });
});
