/**
 * What the Redis tests check, on a machine without redis-server: instances sharing the stores of
 * fleet-stores.ts (a cache, and the counters and lock of the Workers runtime), and the real Redis
 * client pointed at a port where nothing answers.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Health } from "@embedkit/contracts";
import { freePort } from "../../../scripts/lib/loopback.ts";
import { createApp } from "../src/app.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { durableObjectStores } from "../src/stores/durable-object.ts";
import { type WorkersCacheLike, workersCacheStore } from "../src/stores/workers-cache.ts";
import { MemoryStore } from "../src/upstream/cache.ts";
import { manualClock } from "./clock.ts";
import { sharedStoresInMemory, workersStandIn } from "./fleet-stores.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";
import { startStandaloneSandbox } from "./standalone-sandbox.ts";

const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);

describe("two instances sharing stores, without redis-server", () => {
  const pair = (env: Record<string, string> = {}) => {
    const stores = sharedStoresInMemory();
    const clock = manualClock();
    return [sandboxBff(env, { stores, now: clock.now }), sandboxBff(env, { stores, now: clock.now })] as const;
  };

  it("the second instance answers from the shared cache without calling its upstream, nor even logging in", async () => {
    const [a, b] = pair();
    const first = await a.get(`${ASSETS}?limit=7&type=video`);
    assert.equal(first.headers.get("x-cache"), "miss");
    const second = await b.get(`${ASSETS}?limit=7&type=video`);
    assert.equal(second.headers.get("x-cache"), "hit");
    const ids = async (r: Response) => ((await r.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    assert.deepEqual(await ids(second), await ids(first));
    assert.equal(b.thron.stats.searches, 0);
    assert.equal(b.thron.stats.tokenRequests, 0);
  });

  it("a cold search asked of both at once is one THRON search, and both answer it", async () => {
    const [a, b] = pair();
    for (const bff of [a, b]) bff.thron.faults.latencyMs = 50;
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).get(`${ASSETS}?limit=5&q=match`)));
    assert.deepEqual([...new Set(responses.map((r) => r.status))], [200]);
    assert.equal(a.thron.stats.searches + b.thron.stats.searches, 1);
  });

  it("spends one ThroughLine quota between them, and shares helpline answers", async () => {
    const [a, b] = pair();
    assert.equal((await a.get("/v1/throughline/helplines?country=US")).status, 200);
    const before = b.sandbox.throughline.stats.apiCalls;
    assert.equal((await b.get("/v1/throughline/helplines?country=US")).status, 200);
    assert.equal(b.sandbox.throughline.stats.apiCalls, before, "B answered from what A stored");
    assert.equal((await b.get("/v1/throughline/helplines?country=NZ")).status, 200);
    const calls = sum([a, b].map((bff) => bff.sandbox.throughline.stats.apiCalls));
    const health = Health.parse(await (await b.get("/health")).json());
    assert.equal(health.quota?.throughline?.used, calls, "every call of either instance, counted once, in one place");
  });

  it("a client's launch budget is spent across instances", async () => {
    const [a, b] = pair({ THUNDER_LAUNCHES_PER_MINUTE: "2" });
    const launch = (bff: typeof a) =>
      bff.get("/v1/thunder/launch", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://bff.test" },
        body: JSON.stringify({ method: "stats", ids: ["1"] }),
      });
    const statuses = [];
    for (const bff of [a, b, b]) statuses.push((await launch(bff)).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });
});

describe("the Workers fleet's Durable Object", () => {
  it("keeps ThroughLine's quota in durable storage, where it outlives an eviction; rate limits and locks stay in its memory", async () => {
    const workers = workersStandIn();
    const stores = { cache: new MemoryStore(), ...durableObjectStores(workers.namespace) };
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "100" }, { stores });
    for (const country of ["US", "NZ"]) assert.equal((await bff.get(`/v1/throughline/helplines?country=${country}`)).status, 200);
    const quota = async () => Health.parse(await (await bff.get("/health")).json()).quota?.throughline?.used;
    const used = await quota();
    assert.equal(used, bff.sandbox.throughline.stats.apiCalls);
    const stored = [...workers.entries.keys()];
    assert.ok(stored.length > 0);
    assert.deepEqual(
      stored.filter((key) => !/^[^|]*\|quota:throughline:\d+$/.test(key)),
      [],
      "nothing but the quota's hourly counts is written to durable storage",
    );
    workers.evict();
    assert.equal(await quota(), used, "a new object reads the day's count from storage");
    // Cloudflare keeps the storage per name: a new version under another name would start the day's quota from zero.
    assert.deepEqual([...workers.names], ["fleet"], "the object every deployed version has named");
  });
});

/** Cloudflare's Cache API as a data centre's isolates share it: a response kept for its max-age. */
function workersCacheStandIn() {
  const kept = new Map<string, { response: Response; until: number; maxAge: number }>();
  const cache: WorkersCacheLike = {
    match: async (request) => {
      const entry = kept.get(request.url);
      return entry && Date.now() < entry.until ? entry.response.clone() : undefined;
    },
    put: async (request, response) => {
      const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get("cache-control") ?? "")?.[1]);
      kept.set(request.url, { response, until: Date.now() + maxAge * 1000, maxAge });
    },
  };
  return { cache, kept };
}

describe("the Workers fleet's cache (the Cache API)", () => {
  it("the second isolate answers from it without calling its upstream; an answer is kept as long as it may be served stale", async () => {
    const { cache, kept } = workersCacheStandIn();
    const stores = () => ({ cache: workersCacheStore(cache), ...durableObjectStores(workersStandIn().namespace) });
    const [a, b] = [sandboxBff({}, { stores: stores() }), sandboxBff({}, { stores: stores() })];
    assert.equal((await a.get(`${ASSETS}?limit=7`)).headers.get("x-cache"), "miss");
    const second = await b.get(`${ASSETS}?limit=7`);
    assert.deepEqual([second.status, second.headers.get("x-cache"), b.thron.stats.searches], [200, "hit", 0]);
    for (const url of kept.keys()) assert.match(url, /^https:\/\/embedkit-cache\.internal\/[0-9a-f]{64}$/, "a key hashed, on no real host");
    const ages = [...kept.values()].map((entry) => entry.maxAge);
    assert.ok(ages.includes(11 * 60), `a search: fresh 1 min, then stale 10 min (${ages})`);
    assert.ok(
      ages.every((age) => age >= 1),
      `${ages}`,
    );
  });

  it("a Cache API that fails is a miss: every answer still comes, from the upstream", async () => {
    const broken: WorkersCacheLike = {
      match: async () => Promise.reject(new Error("cache unavailable")),
      put: async () => Promise.reject(new Error("cache unavailable")),
    };
    const bff = sandboxBff({}, { stores: { cache: workersCacheStore(broken), ...durableObjectStores(workersStandIn().namespace) } });
    for (let i = 0; i < 2; i++) assert.equal((await bff.get(`${ASSETS}?limit=7`)).status, 200);
    assert.equal(bff.thron.stats.searches, 2);
  });

  it("an answer kept for the seconds it may still be served, begun ones included, and a second at least", async (t) => {
    const now = Date.UTC(2026, 0, 1, 12);
    t.mock.timers.enable({ apis: ["Date"], now });
    const { cache, kept } = workersCacheStandIn();
    const store = workersCacheStore(cache);
    await store.set("k", { value: "v", freshUntil: now - 5_000, staleUntil: now - 1_000 });
    await store.set("soon", { value: "w", freshUntil: now, staleUntil: now + 1_500 });
    assert.deepEqual(
      [...kept.values()].map((entry) => entry.maxAge),
      [1, 2],
    );
    assert.equal((await store.get<string>("k"))?.value, "v");
    assert.equal(await store.get("other"), undefined);
  });
});

describe("tokens obtained once for the fleet, without redis-server", () => {
  let upstreams: Awaited<ReturnType<typeof startStandaloneSandbox>>;
  after(() => upstreams?.close());

  it("different cold questions on both instances at once: one THRON login, one ThroughLine token", async () => {
    upstreams = await startStandaloneSandbox();
    upstreams.sandbox.thron.faults.latencyMs = 30;
    const stores = sharedStoresInMemory();
    const [a, b] = [1, 2].map(() => {
      const config = loadConfig(upstreams.env, { publicUrl: "http://bff.test" });
      return createApp(config, { publicUrl: "http://bff.test", logSink: () => {}, stores }).app;
    }) as [ReturnType<typeof createApp>["app"], ReturnType<typeof createApp>["app"]];
    const responses = await Promise.all([
      a.request("http://bff.test/v1/thron/galleries/default/assets?limit=3&q=a"),
      b.request("http://bff.test/v1/thron/galleries/default/assets?limit=3&q=b"),
      a.request("http://bff.test/v1/throughline/helplines?country=NZ"),
      b.request("http://bff.test/v1/throughline/helplines?country=US"),
    ]);
    assert.deepEqual(
      responses.map((r) => r.status),
      [200, 200, 200, 200],
    );
    assert.equal(upstreams.sandbox.thron.stats.tokenRequests, 1, "one THRON login for both instances");
    assert.equal(upstreams.sandbox.throughline.stats.tokenRequests, 1);

    // THRON rotates refresh tokens: after sessions expire, one instance refreshes and the other adopts that session.
    const grants = () => ({ ...upstreams.sandbox.thron.stats.tokenRequestsByGrant });
    const before = grants();
    upstreams.sandbox.thron.expireSessions();
    assert.equal((await a.request("http://bff.test/v1/thron/galleries/default/assets?limit=3&q=after-a")).status, 200);
    assert.equal((await b.request("http://bff.test/v1/thron/galleries/default/assets?limit=3&q=after-b")).status, 200);
    const spent = (grant: string) => (grants()[grant] ?? 0) - (before[grant] ?? 0);
    assert.equal(spent("refresh_token"), 1, "one refresh for the fleet");
    assert.equal(spent("urn:thron:oauth:user-impersonation"), 0, "no instance fell back to a full login");
  });
});

describe("a Redis that never answers, without redis-server", () => {
  const stops: (() => unknown)[] = [];
  after(async () => {
    for (const stop of stops) await stop();
  });
  const start = async (env: Record<string, string>) => {
    const bff = await startNodeServer({ env: { BFF_SANDBOX: "1", ...env }, port: 0, deps: { logSink: () => {} } });
    stops.push(() => bff.close());
    return bff;
  };

  it("ThroughLine's quota keeps counting in process: it fails closed, not open", async () => {
    const bff = await start({ BFF_CACHE_URL: `redis://127.0.0.1:${await freePort()}`, THROUGHLINE_DAILY_QUOTA: "4" });
    const statuses: number[] = [];
    const queries = ["US", "NZ"].flatMap((country) => ["", "&priority=true", "&topic=anxiety"].map((q) => `country=${country}${q}`));
    for (const query of queries) {
      const response = await fetch(`${bff.url}/v1/throughline/helplines?${query}`);
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    assert.equal(bff.sandbox?.throughline.stats.apiCalls, 4, "no call past the daily quota");
    assert.ok(statuses.includes(200) && statuses.includes(503), `${statuses}`);
  });

  it("answers what this instance loaded from memory, so an outage never multiplies upstream calls", async () => {
    const bff = await start({ BFF_CACHE_URL: `redis://127.0.0.1:${await freePort()}` });
    const paths = [`${ASSETS}?limit=6`, `${ASSETS}?limit=6&type=video`, "/v1/thron/galleries/sport/assets?limit=4"];
    for (const path of paths) assert.equal((await fetch(`${bff.url}${path}`)).status, 200);
    const searches = bff.sandbox?.thron.stats.searches;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => fetch(`${bff.url}${paths[i % paths.length]}`)));
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
    assert.equal(bff.sandbox?.thron.stats.searches, searches, "no search went upstream again");
  });

  it("rate limits each client in this instance's memory instead of letting everything through", async () => {
    const bff = await start({ BFF_CACHE_URL: `redis://127.0.0.1:${await freePort()}`, RATE_LIMIT_PER_MINUTE: "6" });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${bff.url}/v1/throughline/topics`)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429]);
  });

  it("costs no request a wait on the store: 24 requests in a row answer in seconds, not a second's wait each", async (t) => {
    const away = await start({ BFF_CACHE_URL: `redis://127.0.0.1:${await freePort()}` });
    const paths = [`${ASSETS}?limit=6`, "/v1/throughline/topics"];
    const started = performance.now();
    for (let i = 0; i < 24; i++) {
      const response = await fetch(`${away.url}${paths[i % 2]}`, { signal: AbortSignal.timeout(5_000) });
      assert.equal(response.status, 200);
      await response.arrayBuffer();
    }
    const took = performance.now() - started;
    t.diagnostic(`24 requests in a row, Redis unreachable: ${took.toFixed(0)} ms`);
    // An unreachable store is refused at once; a request that waited even a second on it would
    // make these 24 take 24 s. The latency against a BFF without a store is `pnpm bench:fleet`'s
    // to measure, not a test's on a shared machine.
    assert.ok(took < 10_000, `24 requests took ${took.toFixed(0)} ms`);
  });
});
