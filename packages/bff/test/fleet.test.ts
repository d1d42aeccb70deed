/**
 * One upstream call per query per fleet: two BFF instances sharing one redis-server, asked the
 * same cold questions at once, make one upstream call between them (the sandboxes count).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { hasRedis, needsRedis, PATIENT_WITH_REDIS, startRedis } from "../../../scripts/lib/redis-server.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { startStandaloneSandbox } from "./standalone-sandbox.ts";

type Instance = Awaited<ReturnType<typeof startNodeServer>>;

/** One redis-server and two BFF instances sharing it (BFF_CACHE_URL). */
async function startPair(env: Record<string, string>) {
  const { process: redis, url } = await startRedis();
  const start = () => startNodeServer({ env: { ...env, BFF_CACHE_URL: url }, port: 0, deps: { logSink: () => {}, ...PATIENT_WITH_REDIS } });
  const a = await start();
  const b = await start();
  return {
    a,
    b,
    redis,
    stop: async () => {
      await a.close();
      await b.close();
      redis.kill();
    },
  };
}

describe("BFF_CACHE_URL: one upstream call per query across instances", () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let a: Instance;
  let b: Instance;

  before(async () => {
    if (!hasRedis) return;
    pair = await startPair({ BFF_SANDBOX: "1" });
    ({ a, b } = pair);
    // Upstreams slow enough that both instances are asking at the same time.
    for (const bff of [a, b]) {
      if (!bff.sandbox) throw new Error("expected sandbox mode");
      bff.sandbox.thron.faults.latencyMs = 100;
      bff.sandbox.throughline.faults.latencyMs = 100;
    }
  });
  after(() => pair?.stop());

  const both = <T>(pick: (bff: typeof a) => T) => [pick(a), pick(b)];
  const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);

  it("a cold search asked of both at once is one THRON search, and both answer it", needsRedis, async () => {
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

  it(
    "a cold ThroughLine look-up asked of both at once spends one look-up (and one country list) of the shared quota",
    needsRedis,
    async () => {
      const before = sum(both((bff) => bff.sandbox?.throughline.stats.apiCalls ?? 0));
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => fetch(`${(i % 2 === 0 ? a : b).url}/v1/throughline/helplines?country=NZ`)),
      );
      assert.ok(responses.every((r) => r.status === 200));
      // A look-up first resolves the country against ThroughLine's list: one list and one look-up for the fleet.
      assert.equal(sum(both((bff) => bff.sandbox?.throughline.stats.apiCalls ?? 0)) - before, 2);
    },
  );
});

describe("BFF_CACHE_URL: tokens obtained once for the fleet", () => {
  let upstreams: Awaited<ReturnType<typeof startStandaloneSandbox>>;
  let pair: Awaited<ReturnType<typeof startPair>>;

  before(async () => {
    if (!hasRedis) return;
    upstreams = await startStandaloneSandbox();
    upstreams.sandbox.thron.faults.latencyMs = 50;
    pair = await startPair(upstreams.env);
  });
  after(async () => {
    await pair?.stop();
    await upstreams?.close();
  });

  it(
    "different cold questions on both instances at once: one THRON login, one ThroughLine token, a Thunder token per launch",
    needsRedis,
    async () => {
      const { a, b } = pair;
      const launch = (url: string) =>
        fetch(`${url}/v1/thunder/launch`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "https://www.host.example" },
          body: JSON.stringify({ method: "stats", ids: ["1"] }),
        });
      const responses = await Promise.all([
        fetch(`${a.url}/v1/thron/galleries/default/assets?limit=3&q=a`),
        fetch(`${b.url}/v1/thron/galleries/default/assets?limit=3&q=b`),
        fetch(`${a.url}/v1/throughline/helplines?country=NZ`),
        fetch(`${b.url}/v1/throughline/helplines?country=US`),
        launch(a.url),
        launch(b.url),
      ]);
      assert.deepEqual(
        responses.map((r) => r.status),
        [200, 200, 200, 200, 200, 200],
      );
      assert.equal(upstreams.sandbox.thron.stats.searches, 2, "two different questions, two searches");
      assert.equal(upstreams.sandbox.thron.stats.tokenRequests, 1, "one THRON login for both instances");
      assert.equal(upstreams.sandbox.throughline.stats.tokenRequests, 1);
      // Thunder tokens are never shared: each launch mints its own short-lived one.
      assert.equal(upstreams.sandbox.thunder.stats.tokenRequests, 2);
    },
  );

  it(
    "THRON's rotating refresh token: after sessions expire, one instance refreshes and the other adopts that session",
    needsRedis,
    async () => {
      const { a, b } = pair;
      const grants = () => ({ ...upstreams.sandbox.thron.stats.tokenRequestsByGrant });
      const before = grants();
      upstreams.sandbox.thron.expireSessions();
      assert.equal((await fetch(`${a.url}/v1/thron/galleries/default/assets?limit=3&q=after-expiry-a`)).status, 200);
      // B still holds the old session, whose refresh token A's refresh has just killed.
      assert.equal((await fetch(`${b.url}/v1/thron/galleries/default/assets?limit=3&q=after-expiry-b`)).status, 200);
      const after = grants();
      const spent = (grant: string) => (after[grant] ?? 0) - (before[grant] ?? 0);
      assert.equal(spent("refresh_token"), 1, "one refresh for the fleet");
      assert.equal(spent("urn:thron:oauth:user-impersonation"), 0, "no instance fell back to a full login");
    },
  );
});

describe("BFF_CACHE_URL: rate limits shared by the fleet", () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let a: Instance;
  let b: Instance;

  before(async () => {
    if (!hasRedis) return;
    pair = await startPair({ BFF_SANDBOX: "1", RATE_LIMIT_PER_MINUTE: "6", THUNDER_LAUNCHES_PER_MINUTE: "2" });
    ({ a, b } = pair);
    // Shared windows follow the clock's minutes: start well inside one, so the test never straddles two.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
  });
  after(() => pair?.stop());

  // From the BFF's own page (its demo), which may always launch in sandbox mode.
  const launch = (url: string) =>
    fetch(`${url}/v1/thunder/launch`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: new URL(url).origin },
      body: JSON.stringify({ method: "stats", ids: ["1"] }),
    });

  // Both instances see every request from 127.0.0.1: one client, one budget of 6 reads and 2 launches a minute.
  it("a client's launch budget is spent across instances", needsRedis, async () => {
    const statuses = [];
    for (const bff of [a, b, b]) statuses.push((await launch(bff.url)).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });

  it(
    "so is its budget on /v1: three launches and three reads, and the seventh request is refused wherever it lands",
    needsRedis,
    async () => {
      const statuses = [];
      for (const bff of [a, b, a, b]) statuses.push((await fetch(`${bff.url}/v1/throughline/topics`)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
    },
  );

  it("with Redis gone, each instance limits on its own instead of letting everything through", needsRedis, async () => {
    pair.redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${b.url}/v1/throughline/topics`)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429]);
  });
});
