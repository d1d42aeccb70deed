/**
 * onceInFleet's promises when the lock holder misbehaves: a holder that never answers costs a
 * bounded wait, then the waiter's own call (never a hang); a holder that gives up is taken over.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type FleetLock, onceInFleet } from "../src/core/fleet-lock.ts";
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
