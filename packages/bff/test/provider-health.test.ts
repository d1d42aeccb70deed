import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProblemError } from "../src/core/problem.ts";
import { badGateway, unavailable } from "../src/upstream/call.ts";
import { ProviderHealth } from "../src/upstream/health.ts";
import { manualClock } from "./clock.ts";

const fail = (error: Error) => async () => {
  throw error;
};

describe("provider health", () => {
  it("is degraded for a minute after an upstream failure, then ready again", async () => {
    const clock = manualClock();
    const health = new ProviderHealth(60_000, clock.now);
    assert.equal(health.state, "ready");
    await assert.rejects(health.track(fail(unavailable("THRON"))));
    assert.equal(health.state, "degraded");
    clock.advance(59_999);
    assert.equal(health.state, "degraded");
    clock.advance(1);
    assert.equal(health.state, "ready");
  });

  it("counts 502s as failures, not the caller's own errors, and is ready again after a success", async () => {
    const health = new ProviderHealth(60_000, manualClock().now);
    await assert.rejects(health.track(fail(new ProblemError(404, "unknown", "Unknown gallery"))));
    assert.equal(health.state, "ready", "a 404 says nothing about the upstream's health");
    await assert.rejects(health.track(fail(badGateway("THRON"))));
    assert.equal(health.state, "degraded");
    assert.equal(await health.track(async () => "ok"), "ok");
    assert.equal(health.state, "ready");
  });
});
