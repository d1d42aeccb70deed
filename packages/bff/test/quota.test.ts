import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { durableObjectStores } from "../src/stores/durable-object.ts";
import { namespacePrefix, scopedCounters } from "../src/stores/namespace.ts";
import { MemoryCounterStore, RollingQuota } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { workersStandIn } from "./fleet-stores.ts";

const HOUR = 3_600_000;

function quota(name = "throughline") {
  const clock = manualClock(Date.UTC(2026, 0, 1, 12, 30));
  const store = new MemoryCounterStore(clock.now);
  return { clock, store, quota: new RollingQuota(name, 1_000, store, clock.now) };
}

describe("rolling daily quota", () => {
  it("counts calls over the last 24 hours, to the hour, and lets older hours go", async () => {
    const { clock, quota: q } = quota();
    for (let i = 0; i < 3; i++) await q.reserve();
    assert.equal(await q.used(), 3);
    clock.advance(23 * HOUR);
    await q.reserve();
    assert.equal(await q.used(), 4, "23 hours later the first calls still count");
    clock.advance(HOUR);
    assert.equal(await q.used(), 1, "24 hours later they no longer do");
    clock.advance(24 * HOUR);
    assert.equal(await q.used(), 0);
  });

  it("keeps separate counts per name in one store", async () => {
    const { clock, store } = quota();
    const a = new RollingQuota("a", 10, store, clock.now);
    const b = new RollingQuota("b", 10, store, clock.now);
    await a.reserve();
    await a.reserve();
    await b.reserve();
    assert.deepEqual([await a.used(), await b.used()], [2, 1]);
  });
});

/** A shared store that can be switched off, as Redis going away. */
class FlakyStore extends MemoryCounterStore {
  down = false;
  override async increment(key: string, ttlMs: number, by?: number) {
    if (this.down) throw new Error("unreachable");
    return super.increment(key, ttlMs, by);
  }
  override async read(keys: string[]) {
    if (this.down) throw new Error("unreachable");
    return super.read(keys);
  }
}

describe("rolling daily quota in a shared store", () => {
  it("adds the calls made while the store was away once it answers again", async () => {
    const clock = manualClock();
    const store = new FlakyStore(clock.now);
    const q = new RollingQuota("t", 10, store, clock.now);
    for (let i = 0; i < 3; i++) assert.ok(await q.reserve());
    store.down = true;
    for (let i = 0; i < 5; i++) assert.ok(await q.reserve());
    await q.release(); // one of them refused by the upstream
    assert.equal(await q.used(), 7, "counted in process meanwhile");
    store.down = false;
    assert.equal(await q.used(), 7, "and in the store once it is back");
    const other = new RollingQuota("t", 10, store, clock.now);
    assert.equal(await other.used(), 7, "another instance sees them");
    let granted = 0;
    for (let i = 0; i < 10; i++) if (await other.reserve()) granted++;
    assert.equal(granted, 3);
  });

  it("never lets instances sharing a store grant more than the limit between them", async () => {
    const clock = manualClock();
    const store = new MemoryCounterStore(clock.now);
    const instances = [1, 2, 3].map(() => new RollingQuota("t", 10, store, clock.now));
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => instances[i % 3]?.reserve()));
    const granted = results.filter(Boolean).length;
    assert.ok(granted <= 10 && granted >= 8, `${granted} granted`);
    assert.equal(await instances[0]?.used(), granted, "a refused call is taken back");
  });
});

describe("MemoryCounterStore", () => {
  it("starts a key again at 1 once it expired, and reads an expired key as 0", async () => {
    const { clock, store } = quota();
    assert.equal(await store.increment("k", 1_000), 1);
    assert.equal(await store.increment("k", 1_000), 2);
    clock.advance(999);
    assert.deepEqual(await store.read(["k", "absent"]), [2, 0]);
    clock.advance(1);
    assert.deepEqual(await store.read(["k"]), [0]);
    assert.equal(await store.increment("k", 1_000), 1);
  });
});

/** A shared store whose reads (only) can fail. */
class HalfFlakyStore extends MemoryCounterStore {
  readDown = false;
  override async read(keys: string[]) {
    if (this.readDown) throw new Error("unreachable");
    return super.read(keys);
  }
}

describe("rolling daily quota when the shared store half answers", () => {
  it("counts a call the store took but could not confirm exactly once, before and after it answers", async () => {
    const clock = manualClock();
    const store = new HalfFlakyStore(clock.now);
    const q = new RollingQuota("t", 10, store, clock.now);
    store.readDown = true;
    assert.ok(await q.reserve(), "counted in the store, its total unknown: granted on what we knew");
    assert.equal(await q.used(), 1, "meanwhile the call is counted in process once");
    store.readDown = false;
    assert.equal(await q.used(), 1, "and once in the store, not added a second time");
    assert.equal(await q.used(), 1, "nor on the next read");
  });

  it("takes back a call the store took when what we knew says the day is spent", async () => {
    const clock = manualClock();
    const store = new HalfFlakyStore(clock.now);
    const q = new RollingQuota("t", 1, store, clock.now);
    assert.ok(await q.reserve());
    store.readDown = true;
    assert.equal(await q.reserve(), false, "the one call of the day is made: refused");
    store.readDown = false;
    assert.equal(await q.used(), 1, "the refused call is taken back from the store");
  });

  it("tells the store each call made while it was away once, and never a zero nor an hour that left the day", async () => {
    const clock = manualClock();
    const store = new FlakyStore(clock.now);
    const q = new RollingQuota("t", 10, store, clock.now);
    store.down = true;
    assert.ok(await q.reserve()); // this one goes stale: the store answers only after the day it counts in
    clock.advance(24 * HOUR);
    assert.ok(await q.reserve());
    await q.release(); // made and given back while the store was away: nothing to tell it
    clock.advance(HOUR);
    assert.ok(await q.reserve());
    store.down = false;
    const writes: number[] = [];
    const increment = store.increment.bind(store);
    store.increment = async (key, ttlMs, by) => {
      writes.push(by ?? 1);
      return increment(key, ttlMs, by);
    };
    assert.equal(await q.used(), 1);
    assert.equal(await q.used(), 1, "told once, not again on the next read");
    assert.deepEqual(writes, [1], "one write: not for the zero, nor for the stale hour");
  });

  it("gives back a call the upstream refused while the store answers", async () => {
    const { quota: q } = quota();
    assert.ok(await q.reserve());
    assert.ok(await q.reserve());
    await q.release();
    assert.equal(await q.used(), 1);
  });
});

describe("the Workers fleet's counters (a Durable Object)", () => {
  it("keep the day's quota through an eviction, a given-back call taken off, each deployment's apart", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.UTC(2026, 0, 1, 12, 30) });
    const workers = workersStandIn();
    const { counters } = durableObjectStores(workers.namespace);
    const deployment = (parts: string[]) => new RollingQuota("throughline", 10, scopedCounters(counters, namespacePrefix(parts)));
    const ours = deployment(["client-a"]);
    for (let i = 0; i < 3; i++) assert.ok(await ours.reserve());
    await ours.release(); // refused by ThroughLine: not counted
    assert.equal(await ours.used(), 2);
    workers.evict();
    assert.equal(await deployment(["client-a"]).used(), 2, "the count outlived the object that kept it");
    assert.equal(await deployment(["client-b"]).used(), 0, "another deployment's quota is its own");
  });

  it("expire after their time, start again from one, and a new bucket clears the expired ones from storage", async (t) => {
    const start = Date.UTC(2026, 0, 1, 12);
    t.mock.timers.enable({ apis: ["Date"], now: start });
    const workers = workersStandIn();
    const { counters } = durableObjectStores(workers.namespace);
    const [first, later, next] = ["quota:t:1", "quota:t:2", "quota:t:3"].map((key) => `${namespacePrefix(["a"])}${key}`) as [
      string,
      string,
      string,
    ];
    assert.equal(await counters.increment(first, 1_000), 1);
    assert.equal(await counters.increment(first, 1_000), 2);
    assert.equal(await counters.increment(later, 2_000), 1);
    t.mock.timers.setTime(start + 999);
    assert.deepEqual(await counters.read([first, later, next]), [2, 1, 0]);
    t.mock.timers.setTime(start + 1_000);
    assert.deepEqual(await counters.read([first, later]), [0, 1], "gone at the end of its time");
    assert.equal(await counters.increment(later, 2_000), 2);
    assert.deepEqual([...workers.entries.keys()], [first, later], "still stored until a new bucket starts (no listing on every call)");
    assert.equal(await counters.increment(next, 1_000), 1);
    assert.deepEqual([...workers.entries.keys()].sort(), [later, next], "the expired one is cleared, the live one kept");
    assert.equal(await counters.increment(first, 1_000), 1, "an expired count starts again from one");
    assert.equal(await counters.increment(next, 1_000, 5), 6, "by what it is told");
  });

  it("past the windows its memory holds, drop the expired ones and keep every live one", async (t) => {
    const start = Date.UTC(2026, 0, 1, 12);
    t.mock.timers.enable({ apis: ["Date"], now: start });
    const { counters } = durableObjectStores(workersStandIn(100).namespace);
    assert.equal(await counters.increment("rate:v1:client-a:1", 60_000), 1);
    for (let i = 0; i < 100; i++) await counters.increment(`rate:v1:client-${i}:0`, 1_000);
    t.mock.timers.setTime(start + 1_000); // every window but client-a's is over
    assert.equal(await counters.increment("rate:v1:client-a:1", 60_000), 2, "past 100 windows held: the sweep runs");
    assert.equal(await counters.increment("rate:v1:client-a:1", 60_000), 3, "a live window outlives it");
    assert.deepEqual(await counters.read(["rate:v1:client-1:0"]), [0]);
  });
});
