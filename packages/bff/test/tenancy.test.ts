/**
 * One tenant, one cache: two deployments sharing one store, whose THRON users differ (one has
 * no rights on the folder nor the classification viewer role), never serve each other's
 * answers, in either order. In memory (any machine) and on a real redis-server.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Gallery, Problem } from "@embedkit/contracts";
import { createSandbox, THRON_SANDBOX } from "@embedkit/sandbox";
import { needsRedis, PATIENT_WITH_REDIS, startRedis } from "../../../scripts/lib/redis-server.ts";
import { type AppDeps, createApp } from "../src/app.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { namespacePrefix, scopedCache, scopedCounters, scopedLock } from "../src/stores/namespace.ts";
import { MemoryStore } from "../src/upstream/cache.ts";
import { MemoryCounterStore } from "../src/upstream/quota.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";
import { sandboxBff } from "./helpers.ts";
import { startStandaloneSandbox, upstreamEnv } from "./standalone-sandbox.ts";

const GALLERY = "/v1/thron/galleries/default";
const ASSETS = `${GALLERY}/assets?limit=5&type=image`;

/** A deployment as the test drives it: GET a path. */
type Deployment = { get(path: string): Response | Promise<Response> };
/** Starts a deployment impersonating `username`, on the store of `round` (each round has a fresh one). */
type Start = (username: string, round: number) => Promise<Deployment>;

const withRights = THRON_SANDBOX.username;
const withoutRights = THRON_SANDBOX.userWithoutRights;

async function filtersOf(bff: Deployment): Promise<string[]> {
  const response = await bff.get(GALLERY);
  assert.equal(response.status, 200);
  return Gallery.parse(await response.json()).filters.map((f) => f.key);
}

/** The folder's assets: 200 for the user with rights; the one without is refused, never served another deployment's page. */
async function expectAssets(bff: Deployment, allowed: boolean) {
  const response = await bff.get(ASSETS);
  if (allowed) {
    assert.equal(response.status, 200);
    assert.ok(((await response.json()) as { items: unknown[] }).items.length > 0);
    return;
  }
  assert.equal(response.status, 502, `x-cache: ${response.headers.get("x-cache")}`);
  assert.equal(response.headers.get("x-cache"), null);
  assert.match(Problem.parse(await response.json()).type, /thron-access-denied/);
}

/** Both orders: the deployment with rights first, then the one without, and the other way round. */
function noAnswerCrosses(start: Start, options: { skip?: string } = {}) {
  it("the deployment with rights first: the one without is refused, and the first keeps its filters", options, async () => {
    const good = await start(withRights, 1);
    const bad = await start(withoutRights, 1);
    assert.deepEqual(await filtersOf(good), THRON_SANDBOX.filterKeys);
    await expectAssets(good, true);
    await expectAssets(bad, false);
    assert.deepEqual(await filtersOf(bad), [], "its user lacks the viewer role: no filters");
    await expectAssets(good, true);
  });

  it("the deployment without rights first: its empty filter list and its refusal are never served to the other", options, async () => {
    const bad = await start(withoutRights, 2);
    const good = await start(withRights, 2);
    assert.deepEqual(await filtersOf(bad), []);
    await expectAssets(bad, false);
    assert.deepEqual(await filtersOf(good), THRON_SANDBOX.filterKeys);
    await expectAssets(good, true);
  });
}

describe("two deployments, one shared store in memory, different THRON users", () => {
  // The simulated vendors in process, reached as real ones are: by their URLs.
  const base = "http://upstreams.test";
  const sandbox = createSandbox({ baseUrl: base });
  const stores = new Map<number, NonNullable<AppDeps["stores"]>>();
  noAnswerCrosses(async (username, round) => {
    if (!stores.has(round)) stores.set(round, { cache: new MemoryStore(), counters: new MemoryCounterStore() });
    const publicUrl = "http://bff.test";
    const config = loadConfig({ ...upstreamEnv(base), THRON_USERNAME: username }, { publicUrl });
    const { app } = createApp(config, {
      publicUrl,
      fetch: async (input, init) => sandbox.app.fetch(new Request(input, init)),
      logSink: () => {},
      stores: stores.get(round),
    });
    return { get: (path) => app.request(`${publicUrl}${path}`) };
  });
});

describe("ThroughLine's quota and the edge's rate limit, namespaced", () => {
  const base = "http://upstreams.test";
  const sandbox = createSandbox({ baseUrl: base });
  const deployment = (env: Record<string, string>, stores: NonNullable<AppDeps["stores"]>) => {
    const publicUrl = "http://bff.test";
    const { app } = createApp(loadConfig({ ...upstreamEnv(base), ...env }, { publicUrl }), {
      publicUrl,
      fetch: async (input, init) => sandbox.app.fetch(new Request(input, init)),
      logSink: () => {},
      stores,
    });
    return { get: (path: string) => app.request(`${publicUrl}${path}`) };
  };

  it("another ThroughLine app on the same store counts none of this one's calls", async () => {
    const stores = { cache: new MemoryStore(), counters: new MemoryCounterStore() };
    const ours = deployment({}, stores);
    const theirs = deployment({ THROUGHLINE_CLIENT_ID: "another-throughline-app" }, stores);
    assert.equal((await ours.get("/v1/throughline/helplines?country=NZ")).status, 200);
    const quota = async (bff: Deployment) =>
      ((await (await bff.get("/health")).json()) as { quota: { throughline: { used: number } } }).quota.throughline.used;
    assert.ok((await quota(ours)) > 0);
    assert.equal(await quota(theirs), 0);
  });

  it("a client's requests to one deployment spend none of its budget at another", async () => {
    const stores = { cache: new MemoryStore(), counters: new MemoryCounterStore() };
    const ours = deployment({ RATE_LIMIT_PER_MINUTE: "2" }, stores);
    const theirs = deployment({ RATE_LIMIT_PER_MINUTE: "2", THRON_USERNAME: withoutRights }, stores);
    const statuses = [];
    for (const bff of [ours, ours, ours, theirs]) statuses.push((await bff.get("/v1/throughline/topics")).status);
    assert.deepEqual(statuses, [200, 200, 429, 200]);
  });
});

describe("namespaces on one shared store", () => {
  /** Namespaces that would read alike if their parts were only joined: a part may hold `:`, `|` or nothing. */
  const lookAlikes: [string[], string[]][] = [
    [
      ["thron", "acme", "xuser"],
      ["thron", "acmex", "user"],
    ],
    [
      ["thron", "acme:x", "user"],
      ["thron", "acme", "x:user"],
    ],
    [
      ["thron", "acme", "user|"],
      ["thron", "acme", "user"],
    ],
    [["thunder", ""], ["thunder"]],
  ];
  for (const [ours, theirs] of lookAlikes)
    it(`${ours.join(" / ")} and ${theirs.join(" / ")} share no answer, count or lock`, async () => {
      const { cache, counters, lock } = sharedStoresInMemory();
      const [a, b] = [ours, theirs].map((parts) => namespacePrefix(parts));
      if (a === undefined || b === undefined) throw new Error("two prefixes");
      const entry = { value: "ours", freshUntil: Date.now() + 60_000, staleUntil: Date.now() + 60_000 };
      await scopedCache(cache, a).set("thron:search:k", entry);
      assert.equal((await scopedCache(cache, a).get("thron:search:k"))?.value, "ours");
      for (const key of ["thron:search:k", "|thron:search:k"]) assert.equal(await scopedCache(cache, b).get(key), undefined, key);
      assert.equal(await scopedCounters(counters, a).increment("quota:t:1", 60_000), 1);
      assert.deepEqual(await scopedCounters(counters, b).read(["quota:t:1"]), [0]);
      assert.deepEqual(await scopedCounters(counters, a).read(["quota:t:1"]), [1]);
      assert.equal((await scopedLock(lock, a).acquire("k", 60_000)).held, true);
      assert.equal((await scopedLock(lock, b).acquire("k", 60_000)).held, true, "each deployment holds its own key");
    });
});

describe("an answer THRON refused is never stored as a good one", () => {
  it("a user lacking the viewer role gets no filters, and stores no empty list the fleet would then serve", async () => {
    const stores = { cache: new MemoryStore(), counters: new MemoryCounterStore() };
    const a = sandboxBff({}, { stores });
    const b = sandboxBff({}, { stores }); // the same deployment: one namespace
    a.thron.faults.revokeViewerRole = true;
    assert.deepEqual(await filtersOf(a), []);
    assert.deepEqual(await filtersOf(b), THRON_SANDBOX.filterKeys, "B asks THRON itself, which grants it the role");
  });
});

describe("two deployments, one redis-server, different THRON users", () => {
  const stops: (() => unknown)[] = [];
  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });
  const redisUrls = new Map<number, string>();
  let upstreams: Awaited<ReturnType<typeof startStandaloneSandbox>> | undefined;
  const start: Start = async (username, round) => {
    if (!upstreams) {
      upstreams = await startStandaloneSandbox();
      stops.push(upstreams.close);
    }
    if (!redisUrls.has(round)) {
      const redis = await startRedis();
      stops.push(() => redis.process.kill());
      redisUrls.set(round, redis.url);
    }
    const env = { ...upstreams.env, THRON_USERNAME: username, BFF_CACHE_URL: redisUrls.get(round) };
    const bff = await startNodeServer({ env, port: 0, deps: { logSink: () => {}, ...PATIENT_WITH_REDIS } });
    stops.push(bff.close);
    return { get: (path) => fetch(`${bff.url}${path}`) };
  };
  noAnswerCrosses(start, needsRedis);
});
