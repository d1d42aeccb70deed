/**
 * onceInFleet's promises when the lock holder misbehaves: a holder that never answers costs a
 * bounded wait, then the waiter's own call (never a hang); a holder that gives up is taken over.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type FleetLock, onceInFleet } from "../src/core/fleet-lock.ts";
import { durableObjectStores } from "../src/stores/durable-object.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";

/** The lock as another instance holds it: `holder` says whether it still does. */
function lockHeldElsewhere(holder: { holds: boolean }): FleetLock {
  return {
    async acquire() {
      return { held: !holder.holds, release: async () => {} };
    },
  };
}

describe("one call per key per fleet, when the holder misbehaves", () => {
  it("a holder that never answers: the waiter calls on its own once its wait is over", async () => {
    let calls = 0;
    const value = await onceInFleet(
      { lock: lockHeldElsewhere({ holds: true }), leaseMs: 1_000, waitMs: 30, pollMs: 5 },
      "k",
      async () => {
        calls++;
        return "own answer";
      },
      async () => undefined,
    );
    assert.equal(value, "own answer");
    assert.equal(calls, 1);
  });

  it("a holder that gives up (lock freed, nothing stored): the waiter takes over and calls once", async () => {
    const holder = { holds: true };
    let polls = 0;
    let calls = 0;
    const value = await onceInFleet(
      { lock: lockHeldElsewhere(holder), leaseMs: 1_000, waitMs: 60_000, pollMs: 1 },
      "k",
      async () => {
        calls++;
        return "taken over";
      },
      async () => {
        if (++polls === 3) holder.holds = false; // the holder's call failed: it released the lock
        return undefined;
      },
    );
    assert.equal(value, "taken over");
    assert.equal(calls, 1);
  });

  it("a holder that answers: the waiter uses the stored answer and calls nothing", async () => {
    let calls = 0;
    let polls = 0;
    const value = await onceInFleet(
      { lock: lockHeldElsewhere({ holds: true }), leaseMs: 1_000, waitMs: 60_000, pollMs: 1 },
      "k",
      async () => {
        calls++;
        return "own";
      },
      async () => (++polls === 2 ? "the holder's answer" : undefined),
    );
    assert.equal(value, "the holder's answer");
    assert.equal(calls, 0);
  });

  it("an answer stored before the lock was taken (a holder finished meanwhile): the new holder uses it and calls nothing", async () => {
    let calls = 0;
    const value = await onceInFleet(
      { lock: lockHeldElsewhere({ holds: false }), leaseMs: 1_000, waitMs: 60_000, pollMs: 1 },
      "k",
      async () => {
        calls++;
        return "a second upstream call";
      },
      async () => "the answer stored meanwhile",
    );
    assert.equal(value, "the answer stored meanwhile");
    assert.equal(calls, 0);
  });
});

describe("one call per key per fleet, with the fleet's own lock", () => {
  const fleet = (waitMs: number) => ({ lock: sharedStoresInMemory().lock, leaseMs: 60_000, waitMs, pollMs: 20 });

  it("a holder frees the key once its call is done, even when the call failed: the next instance takes it at once", async () => {
    const options = fleet(60_000);
    await onceInFleet(
      options,
      "k",
      async () => "answer",
      async () => undefined,
    );
    assert.equal((await options.lock.acquire("k", 60_000)).held, true, "the key is free after an answer");
    const failing = fleet(60_000);
    await assert.rejects(
      onceInFleet(
        failing,
        "k",
        async () => Promise.reject(new Error("upstream down")),
        async () => undefined,
      ),
      /upstream down/,
    );
    assert.equal((await failing.lock.acquire("k", 60_000)).held, true, "the key is free after a failed call");
  });

  it("a wait of 0 ms: an instance whose key is held elsewhere calls at once, without looking for the holder's answer", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.UTC(2026, 0, 1) });
    const options = fleet(0);
    assert.equal((await options.lock.acquire("k", 60_000)).held, true, "another instance holds the key");
    let looked = 0;
    const value = await onceInFleet(
      options,
      "k",
      async () => "own answer",
      async () => {
        looked++;
        return "the holder's answer";
      },
    );
    assert.equal(value, "own answer");
    assert.equal(looked, 0);
  });
});

describe("the Workers fleet's lock (a Durable Object)", () => {
  it("a lease runs out by itself, and only its holder frees a key: a holder past its lease frees nothing of the next one's", async (t) => {
    const start = Date.UTC(2026, 0, 1);
    t.mock.timers.enable({ apis: ["Date"], now: start });
    const { lock } = sharedStoresInMemory();
    const first = await lock.acquire("k", 1_000);
    assert.equal(first.held, true);
    t.mock.timers.setTime(start + 999);
    assert.equal((await lock.acquire("k", 1_000)).held, false, "held to the end of its lease");
    assert.equal((await lock.acquire("other", 1_000)).held, true, "a lock holds its own key only");
    t.mock.timers.setTime(start + 1_000);
    const second = await lock.acquire("k", 1_000);
    assert.equal(second.held, true, "free once the lease ran out, as after a holder that crashed");
    await first.release();
    assert.equal((await lock.acquire("k", 1_000)).held, false, "the first holder's late release freed nothing");
    await second.release();
    assert.equal((await lock.acquire("k", 1_000)).held, true, "its holder's release frees it at once");
  });

  it("a Durable Object that cannot be reached: each instance acts alone, and the counters fail (the quota then counts in process)", async () => {
    const away = durableObjectStores({
      idFromName: () => "fleet",
      get: () => ({ fetch: async () => Promise.reject(new Error("Durable Object unavailable")) }),
    });
    const taken = await away.lock.acquire("k", 1_000);
    assert.equal(taken.held, true, "no instance waits on a lock it cannot reach");
    await taken.release(); // and its release fails quietly
    await assert.rejects(away.counters.increment("quota:t:1", 1_000), /Durable Object unavailable/);
    await assert.rejects(away.counters.read(["quota:t:1"]), /Durable Object unavailable/);
  });
});
