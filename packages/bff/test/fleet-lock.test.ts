/**
 * onceInFleet's promises when the lock holder misbehaves: a holder that never answers costs a
 * bounded wait, then the waiter's own call (never a hang); a holder that gives up is taken over.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type FleetLock, onceInFleet } from "../src/core/fleet-lock.ts";

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
