import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CacheEntry, type CacheStore, MemoryStore, ResponseCache } from "../src/upstream/cache.ts";
import { MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ttl = { freshMs: MINUTE, staleMs: 10 * MINUTE };
/** Lets a background refresh finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("ResponseCache", () => {
  it("serves a hit for freshMs, then stale while one refresh runs, then loads again after staleMs", async () => {
    const clock = manualClock();
    const cache = new ResponseCache(new MemoryStore(), clock.now);
    let loads = 0;
    const load = async () => ++loads;
    assert.deepEqual(await cache.get("k", ttl, load), { value: 1, status: "miss" });
    clock.advance(MINUTE - 1);
    assert.deepEqual(await cache.get("k", ttl, load), { value: 1, status: "hit" });
    clock.advance(1);
    assert.deepEqual(await cache.get("k", ttl, load), { value: 1, status: "stale" });
    await settle();
    assert.equal(loads, 2, "one background refresh");
    assert.deepEqual(await cache.get("k", ttl, load), { value: 2, status: "hit" }, "the refresh is fresh from when it finished");
    clock.advance(MINUTE + 10 * MINUTE - 1);
    assert.deepEqual(await cache.get("k", ttl, load), { value: 2, status: "stale" });
    await settle();
    clock.advance(MINUTE + 10 * MINUTE);
    assert.deepEqual(await cache.get("k", ttl, load), { value: 4, status: "miss" }, "past staleUntil: the caller waits for a load");
  });

  it("gives concurrent callers of a missing key one load", async () => {
    const cache = new ResponseCache(new MemoryStore(), manualClock().now);
    let loads = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = async () => {
      await gate;
      return ++loads;
    };
    const waiting = [cache.get("k", ttl, load), cache.get("k", ttl, load), cache.get("k", ttl, load)];
    await settle();
    release();
    assert.deepEqual(
      (await Promise.all(waiting)).map((r) => r.value),
      [1, 1, 1],
    );
    assert.equal(loads, 1);
  });

  it("answers an expired entry, marked, when the load fails, and throws when it holds nothing", async () => {
    const clock = manualClock();
    const cache = new ResponseCache(new MemoryStore(), clock.now);
    await cache.get("k", ttl, async () => "old");
    clock.advance(HOUR);
    const failing = async (): Promise<string> => {
      throw new Error("upstream down");
    };
    assert.deepEqual(await cache.get("k", ttl, failing), { value: "old", status: "stale-on-error" });
    await assert.rejects(cache.get("other", ttl, failing), /upstream down/);
  });

  it("keeps a stale entry when its background refresh fails", async () => {
    const clock = manualClock();
    const cache = new ResponseCache(new MemoryStore(), clock.now);
    await cache.get("k", ttl, async () => "old");
    clock.advance(2 * MINUTE);
    const failing = async (): Promise<string> => {
      throw new Error("upstream down");
    };
    assert.deepEqual(await cache.get("k", ttl, failing), { value: "old", status: "stale" });
    await settle();
    assert.deepEqual(await cache.get("k", ttl, failing), { value: "old", status: "stale" });
  });
});

describe("MemoryStore", () => {
  it("forgets the least recently used entry past its bound", async () => {
    const store = new MemoryStore(2);
    const entry = (value: string): CacheEntry<string> => ({ value, freshUntil: 1, staleUntil: 2 });
    await store.set("a", entry("a"));
    await store.set("b", entry("b"));
    await store.get("a"); // a is now more recent than b
    await store.set("c", entry("c"));
    assert.deepEqual([(await store.get("a"))?.value, await store.get("b"), (await store.get("c"))?.value], ["a", undefined, "c"]);
  });
});

describe("the app's cache lifetimes", () => {
  it("are milliseconds: searches 1 min fresh + 10 min stale, filters 10 min + 1 h, details 5 min + 1 h, ThroughLine 6 h + 7 days", async () => {
    const written: CacheEntry<unknown>[] = [];
    const memory = new MemoryStore();
    const recording: CacheStore = {
      get: (key) => memory.get(key),
      set: (key, entry) => {
        written.push(entry);
        return memory.set(key, entry);
      },
    };
    const bff = sandboxBff({}, { stores: { cache: recording, counters: new MemoryCounterStore() } });
    const before = Date.now();
    const page = (await (await bff.get(`${ASSETS}?limit=2`)).json()) as { items: { id: string }[] };
    assert.equal((await bff.get("/v1/thron/galleries/default")).status, 200);
    assert.equal((await bff.get(`${ASSETS}/${page.items[0]?.id}`)).status, 200);
    assert.equal((await bff.get("/v1/throughline/countries")).status, 200);
    const after = Date.now();
    const expected: [string, number, number][] = [
      ["search", MINUTE, 10 * MINUTE],
      ["filter definitions", 10 * MINUTE, HOUR],
      ["asset detail", 5 * MINUTE, HOUR],
      ["ThroughLine", 12 * HOUR, 7 * 24 * HOUR],
    ];
    for (const [what, freshMs, staleMs] of expected) {
      const match = written.find(
        (e) => e.staleUntil - e.freshUntil === staleMs && e.freshUntil >= before + freshMs && e.freshUntil <= after + freshMs,
      );
      assert.ok(match, `${what}: fresh ${freshMs} ms then stale ${staleMs} ms`);
    }
  });

  it("ages the app's cached answers on the app's clock", async () => {
    const clock = manualClock();
    const bff = sandboxBff({}, { now: clock.now });
    const status = async () => (await bff.get(`${ASSETS}?limit=3`)).headers.get("x-cache");
    assert.equal(await status(), "miss");
    assert.equal(await status(), "hit");
    clock.advance(MINUTE + 1);
    assert.equal(await status(), "stale", "a minute later on that clock, served stale while it refreshes");
    clock.advance(11 * MINUTE);
    assert.equal(await status(), "miss", "past its stale window too");
  });
});

describe("MemoryStore's bound", () => {
  it("evicts the entry least recently used, counting an update as a use", async () => {
    const store = new MemoryStore(2);
    const entry = (value: string) => ({ value, freshUntil: 0, staleUntil: 0 });
    await store.set("a", entry("a1"));
    await store.set("b", entry("b1"));
    await store.set("a", entry("a2"));
    await store.set("c", entry("c1"));
    assert.deepEqual([(await store.get("a"))?.value, await store.get("b"), (await store.get("c"))?.value], ["a2", undefined, "c1"]);
  });
});

describe("the cache in a fleet", () => {
  it("loads again once the stored answer is no longer fresh, even from its last millisecond on", async () => {
    const clock = manualClock();
    const stores = sharedStoresInMemory();
    const cache = new ResponseCache(stores.cache, clock.now, { fleet: { lock: stores.lock, leaseMs: 1_000, waitMs: 1_000, pollMs: 1 } });
    const ttl = { freshMs: 1_000, staleMs: 0 };
    await cache.get("k", ttl, async () => "first");
    clock.advance(1_000); // fresh until now, and no longer stale either
    let loads = 0;
    const result = await cache.get("k", ttl, async () => `load ${++loads}`);
    assert.deepEqual([result.value, result.status, loads], ["load 1", "miss", 1]);
  });
});
