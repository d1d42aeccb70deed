/**
 * What createApp (app.ts) hands the providers when instances share a store (Redis, or the Workers
 * fleet's Durable Object): one upstream call per question for the fleet, THRON tokens shared
 * outside sandbox mode, every key under its deployment's namespace, the /v1 rate limit and
 * ThroughLine's pace counted across instances. The shared store is fleet-stores.ts's stand-in.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSandbox, THRON_SANDBOX, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { type AppDeps, createApp } from "../src/app.ts";
import type { FleetLock } from "../src/core/fleet-lock.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { namespacePrefix } from "../src/stores/namespace.ts";
import { type CacheStore, MemoryStore } from "../src/upstream/cache.ts";
import { MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";
import { ASSETS, sandboxBff, thronSimulatorEnv } from "./helpers.ts";

const BASE = "https://thron.simulated";

/** Instances of a real THRON deployment (not sandbox mode), at one simulated THRON, on `stores`. */
function thronDeployment(
  sandbox: ReturnType<typeof createSandbox>,
  stores: NonNullable<AppDeps["stores"]>,
  env: Record<string, string> = {},
) {
  const config = loadConfig({ ...thronSimulatorEnv(`${BASE}/thron`), ALLOWED_ORIGINS: "https://www.acme.com", ...env });
  const { app } = createApp(config, {
    publicUrl: "https://bff.example",
    logSink: () => {},
    fetch: async (input, init) => sandbox.app.fetch(new Request(input, init)),
    stores,
  });
  return { get: (path: string) => app.request(`https://bff.example${path}`) };
}

describe("instances sharing a store", () => {
  it("make one THRON search for a cold question asked of both at once, whether the budget is short or long", async () => {
    // The holder keeps a question two upstream budgets and a second (a token and a search), the
    // others wait one budget and a second for its answer. A cold question is three THRON calls
    // (two logins and the search): 0.75 s of a 600 ms budget's 1.6 s wait, 1.5 s of a 3 s budget's 4 s.
    for (const [budgetMs, latencyMs] of [
      [600, 250],
      [3_000, 500],
    ] as const) {
      const stores = sharedStoresInMemory();
      const [a, b] = [0, 1].map(() => sandboxBff({}, { stores, upstreamTimeoutMs: budgetMs }));
      if (!a || !b) throw new Error("two instances");
      for (const bff of [a, b]) bff.thron.faults.latencyMs = latencyMs;
      const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).get(`${ASSETS}?limit=5&q=match`)));
      assert.deepEqual([...new Set(responses.map((r) => r.status))], [200]);
      assert.equal(a.thron.stats.searches + b.thron.stats.searches, 1, `one search in the fleet (budget ${budgetMs} ms)`);
    }
  });

  it("share THRON's token outside sandbox mode, and not in it, where each instance's simulator knows only its own tokens", async () => {
    const sandbox = createSandbox({ baseUrl: BASE });
    const stores = sharedStoresInMemory();
    const [a, b] = [0, 1].map(() => thronDeployment(sandbox, stores));
    assert.equal((await a!.get(`${ASSETS}?limit=2`)).status, 200);
    assert.equal((await b!.get(`${ASSETS}?limit=3`)).status, 200);
    assert.equal(sandbox.thron.stats.tokenRequests, 1, "B used the token A obtained");

    const shared = sharedStoresInMemory();
    const [c, d] = [0, 1].map(() => sandboxBff({}, { stores: shared }));
    assert.equal((await c!.get(`${ASSETS}?limit=2`)).status, 200);
    assert.equal((await d!.get(`${ASSETS}?limit=3`)).status, 200);
    assert.deepEqual([c!.thron.stats.tokenRequests, d!.thron.stats.tokenRequests], [1, 1], "each logged in to its own simulator");
  });

  it("count a client's /v1 requests in one window across instances", async () => {
    const stores = sharedStoresInMemory();
    const [a, b] = [0, 1].map(() => sandboxBff({ RATE_LIMIT_PER_MINUTE: "2" }, { stores }));
    const statuses = [];
    for (const bff of [a, b, b]) statuses.push((await bff!.get("/v1/throughline/topics")).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });
});

describe("deployments of different ThroughLine applications on one store", () => {
  it("keep ThroughLine's pace per egress address between them: never more calls in a second than it takes", async () => {
    const clock = manualClock(Date.now());
    const sandbox = createSandbox({ baseUrl: "https://throughline.simulated", now: clock.now });
    sandbox.throughline.settings.perSecond = 4;
    sandbox.throughline.settings.applications.set("second-app", "second-app-secret");
    const counters = new MemoryCounterStore(clock.now);
    const sleep = async (ms: number) => {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(ms);
    };
    const host = "https://throughline.simulated/throughline";
    const deployments = [{}, { THROUGHLINE_CLIENT_ID: "second-app", THROUGHLINE_CLIENT_SECRET: "second-app-secret" }].map((app) => {
      const config = loadConfig({
        THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
        THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
        THROUGHLINE_TOKEN_URL: `${host}/oauth/token`,
        THROUGHLINE_API_URL: `${host}/v2`,
        THROUGHLINE_EVENTS_URL: `${host}/v1/events`,
        RATE_LIMIT_PER_MINUTE: "1000",
        ...app,
      });
      const fetch = async (input: RequestInfo | URL, init?: RequestInit) => sandbox.app.fetch(new Request(input, init));
      const stores = { cache: new MemoryStore(), counters };
      const bff = createApp(config, {
        publicUrl: "https://bff.example",
        logSink: () => {},
        now: clock.now,
        fetch,
        stores,
        throughlinePerSecond: 4,
        sleep,
      });
      return (path: string) => bff.app.request(`https://bff.example${path}`);
    });
    const topics = ["", "&topic=anxiety", "&topic=suicidal-thoughts", "&topic=domestic-violence"];
    const statuses = await Promise.all(
      deployments.flatMap((get) => topics.map(async (topic) => (await get(`/v1/throughline/helplines?country=NZ${topic}`)).status)),
    );
    assert.deepEqual([...new Set(statuses)], [200]);
    assert.equal(sandbox.throughline.stats.refusedForQuota, 0, "one egress address: never more than 4 in a second between them");
  });
});

describe("a deployment on a shared store", () => {
  it("keeps every answer, token and lock it stores under its THRON tenant and user (docs/deploy.md: one tenant, one cache)", async () => {
    const keys: string[] = [];
    const { cache, counters, lock } = sharedStoresInMemory();
    const noted = (key: string) => {
      keys.push(key);
      return key;
    };
    const seen: CacheStore = { get: (key) => cache.get(noted(key)), set: (key, entry) => cache.set(noted(key), entry) };
    const locks: FleetLock = { acquire: (key, leaseMs) => lock.acquire(noted(key), leaseMs) };
    const bff = thronDeployment(createSandbox({ baseUrl: BASE }), { cache: seen, tokens: seen, counters, lock: locks });
    assert.equal((await bff.get("/v1/thron/galleries/default")).status, 200);
    assert.equal((await bff.get(`${ASSETS}?limit=2`)).status, 200);
    const prefix = namespacePrefix(["thron", THRON_SANDBOX.tenant, THRON_SANDBOX.username]);
    assert.ok(
      keys.some((key) => key.includes("THRON:")),
      "the token was looked for in the shared store",
    );
    assert.deepEqual(
      keys.filter((key) => !key.startsWith(prefix)),
      [],
    );
  });
});
