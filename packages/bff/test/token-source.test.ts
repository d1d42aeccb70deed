import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { obtainInFleet } from "../src/upstream/fleet-token.ts";
import { TokenSource } from "../src/upstream/token-source.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";

interface Token {
  id: number;
  expiresAt: number;
}

/** A token source over a counter, with a clock the test moves. */
function counterSource(lifetimeMs: number, refreshAheadMs: number) {
  let now = 1_000_000;
  let issued = 0;
  const previousSeen: (Token | null)[] = [];
  const source = new TokenSource<Token>({
    refreshAheadMs,
    now: () => now,
    obtain: async (previous) => {
      previousSeen.push(previous);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { id: ++issued, expiresAt: now + lifetimeMs };
    },
  });
  return { source, advance: (ms: number) => (now += ms), issued: () => issued, previousSeen };
}

describe("token source", () => {
  it("makes one upstream request for any number of concurrent callers", async () => {
    const { source, issued } = counterSource(60_000, 10_000);
    const tokens = await Promise.all(Array.from({ length: 200 }, () => source.get()));
    assert.equal(issued(), 1);
    assert.ok(tokens.every((t) => t.id === 1));
  });

  it("caches by the token's own expiry and refreshes ahead of it without making callers wait", async () => {
    const { source, advance, issued, previousSeen } = counterSource(60_000, 10_000);
    assert.equal((await source.get()).id, 1);
    advance(45_000);
    assert.equal((await source.get()).id, 1, "well before expiry: cached");
    advance(5_000); // exactly 10 s left: the headroom's first millisecond
    assert.equal((await source.get()).id, 1, "in the headroom: the still-valid token, refresh started");
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(issued(), 2);
    assert.equal((await source.get()).id, 2);
    assert.equal(previousSeen[1]?.id, 1, "the refresh sees the previous token (its refresh token)");
  });

  it("never hands out a token past its expiry", async () => {
    const { source, advance } = counterSource(60_000, 0);
    await source.get();
    advance(60_000);
    assert.equal((await source.get()).id, 2);
  });

  it("invalidates only the token it was told about, and still offers it to the refresh", async () => {
    const { source, previousSeen } = counterSource(60_000, 0);
    const first = await source.get();
    source.invalidate(first);
    const second = await source.get();
    assert.equal(second.id, 2);
    assert.equal(previousSeen[1]?.id, 1, "the dead token's refresh token is still usable");
    source.invalidate(first); // a late caller reporting the old token must not drop the new one
    assert.equal((await source.get()).id, 2);
  });

  it("lets a failed obtain reach the callers and tries again on the next call", async () => {
    let fail = true;
    let calls = 0;
    const source = new TokenSource<Token>({
      refreshAheadMs: 0,
      obtain: async () => {
        calls++;
        if (fail) throw new Error("upstream down");
        return { id: calls, expiresAt: Date.now() + 60_000 };
      },
    });
    const results = await Promise.allSettled([source.get(), source.get()]);
    assert.ok(results.every((r) => r.status === "rejected"));
    assert.equal(calls, 1);
    fail = false;
    assert.equal((await source.get()).id, 2);
  });
});

describe("token source minimum validity", () => {
  it("makes callers wait for a new token rather than hand out one with less than minValidityMs left", async () => {
    let now = 0;
    let issued = 0;
    const source = new TokenSource<Token>({
      refreshAheadMs: 0,
      minValidityMs: 60_000,
      now: () => now,
      obtain: async () => ({ id: ++issued, expiresAt: now + 15 * 60_000 }),
    });
    assert.equal((await source.get()).id, 1);
    now += 14 * 60_000 - 1;
    assert.equal((await source.get()).id, 1, "a minute and a millisecond left: still handed out");
    now += 1;
    assert.equal((await source.get()).id, 2, "a minute left: a new token first");
  });

  it("hands out a held token while a renewal fails only before its expiry, never at it", async () => {
    let now = 0;
    let issued = 0;
    const source = new TokenSource<Token>({
      refreshAheadMs: 0,
      minValidityMs: 60_000,
      now: () => now,
      isTransient: () => false,
      obtain: async () => {
        if (issued > 0) throw new Error("upstream down");
        return { id: ++issued, expiresAt: now + 15 * 60_000 };
      },
    });
    await source.get();
    now = 15 * 60_000 - 1;
    assert.equal((await source.get()).id, 1, "a millisecond left, the renewal failed: still the held token");
    now += 1;
    await assert.rejects(source.get(), /upstream down/, "at its expiry: the failure");
  });
});

describe("token source shared by the fleet", () => {
  /** An instance's token source over `stores`, obtaining tokens of `lifetimeMs`, refreshing a minute ahead. */
  function fleetSource(stores: ReturnType<typeof sharedStoresInMemory>, now: () => number, lifetimeMs: number) {
    let issued = 0;
    const source = new TokenSource<Token>({
      refreshAheadMs: 60_000,
      now,
      obtain: async () => ({ id: ++issued, expiresAt: now() + lifetimeMs }),
      shared: { fleet: { lock: stores.lock, leaseMs: 1_000, waitMs: 1_000, pollMs: 1 }, store: stores.tokens, key: "account" },
    });
    return { source, issued: () => issued };
  }

  it("adopts the token another instance stored, and not one inside the refresh-ahead margin: that one is renewed", async () => {
    let time = 1_000_000;
    const now = () => time;
    const stores = sharedStoresInMemory();
    const a = fleetSource(stores, now, 10 * 60_000);
    const b = fleetSource(stores, now, 10 * 60_000);
    const first = await a.source.get();
    assert.deepEqual(await b.source.get(), first, "B adopts A's token");
    assert.equal(b.issued(), 0);
    time += 9 * 60_000 + 30_000; // 30 s left: inside the one-minute margin
    const c = fleetSource(stores, now, 10 * 60_000);
    const renewed = await c.source.get();
    assert.equal(c.issued(), 1, "a token about to be renewed is not worth adopting: C obtains one");
    assert.ok(renewed.expiresAt - time > 60_000);
  });
});

describe("a fleet's shared token, seen from one instance", () => {
  /** obtainInFleet over a fresh shared store, a one-minute margin, and an upstream recording what each request started from. */
  function fleetObtain() {
    const stores = sharedStoresInMemory();
    const time = 1_000_000;
    const startedFrom: (number | undefined)[] = [];
    const obtain = obtainInFleet<Token>(
      { fleet: { lock: stores.lock, leaseMs: 1_000, waitMs: 1_000, pollMs: 1 }, store: stores.tokens },
      "account",
      async (previous) => {
        startedFrom.push(previous?.id);
        return { id: 100 + startedFrom.length, expiresAt: time + 10 * 60_000 };
      },
      60_000,
      () => time,
    );
    /** Another instance stored a token with `leftMs` to live. */
    const stored = (id: number, leftMs: number) =>
      stores.tokens.set("token:account", { value: { id, expiresAt: time + leftMs }, freshUntil: time + leftMs, staleUntil: time + leftMs });
    return { obtain, stored, startedFrom, time };
  }

  it("adopts a stored token with more than the margin left, and renews one with just the margin left", async () => {
    const { obtain, stored, startedFrom } = fleetObtain();
    await stored(1, 60_001);
    assert.equal((await obtain(null)).id, 1, "a millisecond more than the margin: adopted");
    assert.deepEqual(startedFrom, []);
    await stored(2, 60_000);
    assert.equal((await obtain(null)).id, 101, "exactly the margin left: renewed");
    assert.deepEqual(startedFrom, [2], "from the stored token (its refresh token)");
  });

  it("renews from the newest token known: the stored one if later than its own, else its own (THRON rotates refresh tokens)", async () => {
    const { obtain, stored, startedFrom, time } = fleetObtain();
    const own = { id: 4, expiresAt: time + 40_000 };
    await stored(5, 50_000);
    await obtain(own);
    await stored(3, 30_000);
    await obtain(own);
    await stored(6, 40_000);
    await obtain(own);
    assert.deepEqual(startedFrom, [5, 4, 4], "later stored: from it; older stored: from its own; a tie: its own");
  });
});
