/**
 * What createApp (app.ts) hands the providers when instances share a store (Redis, or the Workers
 * fleet's Durable Object): one upstream call per question for the fleet, THRON tokens shared
 * outside sandbox mode, every key under its deployment's namespace, the /v1 rate limit and
 * ThroughLine's pace counted across instances (the pace across deployments of different ThroughLine
 * applications: throughline-outage.test.ts). The shared store is fleet-stores.ts's stand-in.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSandbox, THRON_SANDBOX } from "@embedkit/sandbox";
import type { AppDeps } from "../src/app.ts";
import type { FleetLock } from "../src/core/fleet-lock.ts";
import { namespacePrefix } from "../src/stores/namespace.ts";
import type { CacheStore } from "../src/upstream/cache.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";
import { SIMULATED_THRON, simulatedThronBff } from "./thron-simulated.ts";

/** Instances of a real THRON deployment (not sandbox mode), at one simulated THRON, on `stores`. */
function thronDeployment(sandbox: ReturnType<typeof createSandbox>, stores: NonNullable<AppDeps["stores"]>) {
  return simulatedThronBff({ sandbox, deps: { stores } });
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
    const sandbox = createSandbox({ baseUrl: SIMULATED_THRON });
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
    const bff = thronDeployment(createSandbox({ baseUrl: SIMULATED_THRON }), { cache: seen, tokens: seen, counters, lock: locks });
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
