/**
 * One upstream call per query per fleet: two BFF instances sharing one redis-server, asked the
 * same cold questions at once, make one upstream call between them (the sandboxes count).
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { freePort } from "./loopback.ts";
import { hasRedis, NO_REDIS, startRedis } from "./redis-server.ts";

describe("BFF_CACHE_URL: one upstream call per query across instances", { skip: !hasRedis && NO_REDIS }, () => {
  let redis: ChildProcess;
  let a: Awaited<ReturnType<typeof startNodeServer>>;
  let b: Awaited<ReturnType<typeof startNodeServer>>;

  before(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const env = { BFF_SANDBOX: "1", BFF_CACHE_URL: `redis://127.0.0.1:${port}` };
    a = await startNodeServer({ env, port: 0, deps: { logSink: () => {} } });
    b = await startNodeServer({ env, port: 0, deps: { logSink: () => {} } });
    // Upstreams slow enough that both instances are asking at the same time.
    for (const bff of [a, b]) {
      if (!bff.sandbox) throw new Error("expected sandbox mode");
      bff.sandbox.thron.faults.latencyMs = 100;
      bff.sandbox.throughline.faults.latencyMs = 100;
    }
  });
  after(async () => {
    await a?.close();
    await b?.close();
    redis?.kill();
  });

  const both = <T>(pick: (bff: typeof a) => T) => [pick(a), pick(b)];
  const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);

  it("a cold search asked of both at once is one THRON search, and both answer it", async () => {
    const path = "/v1/thron/galleries/sport/assets?limit=5&q=match";
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${(i % 2 === 0 ? a : b).url}${path}`).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    assert.ok(responses.every((r) => r.status === 200));
    assert.ok(
      responses.every(
        (r) =>
          JSON.stringify(r.body.items.map((x: { id: string }) => x.id)) ===
          JSON.stringify(responses[0]?.body.items.map((x: { id: string }) => x.id)),
      ),
    );
    assert.equal(sum(both((bff) => bff.sandbox?.thron.stats.searches ?? 0)), 1, "one search in the fleet");
  });

  it("a cold ThroughLine look-up asked of both at once spends one call of the shared quota", async () => {
    const before = sum(both((bff) => bff.sandbox?.throughline.stats.apiCalls ?? 0));
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => fetch(`${(i % 2 === 0 ? a : b).url}/v1/throughline/helplines?country=NZ`)),
    );
    assert.ok(responses.every((r) => r.status === 200));
    assert.equal(sum(both((bff) => bff.sandbox?.throughline.stats.apiCalls ?? 0)) - before, 1);
  });
});
