/** Token renewals that hold, and a bounded wait whatever the upstreams do. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LaunchResponse, Problem } from "@embedkit/contracts";
import { ProblemError } from "../src/core/problem.ts";
import { badGateway, UpstreamError, unavailable } from "../src/upstream/call.ts";
import { TokenSource } from "../src/upstream/token-source.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";

interface Token {
  id: number;
  expiresAt: number;
}

/** A token source whose upstream fails as `failures` says, call by call, with a clock the test moves. */
function flakySource(failures: (Error | null)[], options: { minValidityMs?: number } = {}) {
  let now = 1_000_000;
  let calls = 0;
  let issued = 0;
  const source = new TokenSource<Token>({
    refreshAheadMs: 10_000,
    retryDelayMs: 1,
    now: () => now,
    ...options,
    obtain: async () => {
      const failure = failures[calls++];
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (failure) throw failure;
      return { id: ++issued, expiresAt: now + 60_000 };
    },
  });
  return { source, calls: () => calls, advance: (ms: number) => (now += ms) };
}

describe("token renewal", () => {
  it("retries a transient failure once, so fifty waiting callers all get the token", async () => {
    for (const transient of [unavailable("X", "The connection failed."), badGateway("X", "Token endpoint status 500.")]) {
      const { source, calls } = flakySource([transient, null]);
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => source.get()));
      assert.deepEqual([...new Set(results.map((r) => r.status))], ["fulfilled"]);
      assert.equal(calls(), 2, "one renewal and its one retry for all fifty");
    }
  });

  it("fails its waiters after the retry fails too, and does not retry a refusal or a timeout", async () => {
    const twice = flakySource([unavailable("X"), unavailable("X"), null]);
    await assert.rejects(twice.source.get(), UpstreamError);
    assert.equal(twice.calls(), 2);
    const refused = flakySource([new ProblemError(502, "credentials", "X refused the credentials"), null]);
    await assert.rejects(refused.source.get(), /refused the credentials/);
    assert.equal(refused.calls(), 1);
    const timedOut = flakySource([new UpstreamError(504, "upstream-timeout", "X did not answer in time"), null]);
    await assert.rejects(timedOut.source.get(), /in time/);
    assert.equal(timedOut.calls(), 1, "callers have waited a whole timeout already");
  });

  it("keeps using a still-valid token while refreshing ahead fails", async () => {
    const { source, advance, calls } = flakySource([null, unavailable("X"), unavailable("X"), unavailable("X"), unavailable("X")]);
    const first = await source.get();
    advance(55_000); // inside the refresh-ahead window: the refresh fails in the background
    assert.equal(await source.get(), first);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await source.get(), first);
    assert.ok(calls() > 1, "a refresh was tried");
  });

  it("hands out the held token when the renewal it waited for fails, if it is still valid", async () => {
    const { source, advance } = flakySource([null, unavailable("X"), unavailable("X"), unavailable("X"), unavailable("X")], {
      minValidityMs: 20_000,
    });
    const first = await source.get();
    advance(45_000); // 15 s left: less than minValidityMs, so callers wait for a renewal, which fails
    assert.equal(await source.get(), first);
    advance(20_000); // expired now
    await assert.rejects(source.get());
  });

  it("fifty launches at once survive a failed Thunder token request", async () => {
    const bff = sandboxBff({ ALLOWED_ORIGINS: "https://www.club.example", THUNDER_LAUNCHES_PER_MINUTE: "100" });
    bff.sandbox.thunder.faults.burst5xx = 1; // the token request fails once
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        bff.get("/v1/thunder/launch", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "https://www.club.example" },
          body: JSON.stringify({ method: "stats", ids: ["1"] }),
        }),
      ),
    );
    assert.deepEqual([...new Set(responses.map((r) => r.status))], [200]);
    LaunchResponse.parse(await responses[0]?.json());
    // Each launch has a token of its own: the one request that failed was retried, not passed on.
    assert.equal(bff.sandbox.thunder.stats.tokenRequests, 50, "a token for each of the fifty");
  });
});

describe("time budgets", () => {
  it("an upstream call's retry fits in its one budget: a slow THRON costs one timeout, not two", async () => {
    // A budget a loaded machine still meets for the first calls; the slow search overruns it well.
    const bff = sandboxBff({}, { upstreamTimeoutMs: 1_000 });
    await bff.get(`${ASSETS}?limit=1`); // session and token in place
    bff.thron.faults.latencyMs = 1_500;
    const response = await bff.get(`${ASSETS}?limit=2`);
    assert.equal(response.status, 504);
    bff.thron.faults.latencyMs = 0;
    assert.equal(bff.thron.stats.searches, 1, "the timed-out search was not sent a second time");
  });

  it("no request waits past the deadline, whatever the upstreams do: a 504 problem", async () => {
    const bff = sandboxBff({}, { upstreamTimeoutMs: 5_000, deadlineMs: 200 });
    bff.thron.faults.latencyMs = 600;
    const response = await bff.get(`${ASSETS}?limit=3`);
    assert.equal(response.status, 504);
    assert.equal(Problem.parse(await response.json()).title, "The upstream services did not answer in time");
    bff.thron.faults.latencyMs = 0;
  });
});
