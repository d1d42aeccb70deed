import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Health } from "@embedkit/contracts";
import { THRON_SANDBOX } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { ProblemError } from "../src/core/problem.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { badGateway, unavailable } from "../src/upstream/call.ts";
import { ProviderHealth } from "../src/upstream/health.ts";
import { manualClock } from "./clock.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";
import { ASSETS, PUBLIC_URL, sandboxBff, THRON } from "./helpers.ts";

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

describe("GET /health", () => {
  const health = async (bff: ReturnType<typeof sandboxBff>) => Health.parse(await (await bff.get("/health")).json());

  it("says whether the shared store answers, as it is at each request, and is degraded while it does not", async () => {
    let state: "ready" | "unavailable" = "ready";
    const bff = sandboxBff({}, { stores: { ...sharedStoresInMemory(), sharedState: () => state } });
    assert.deepEqual([(await health(bff)).sharedCache, (await health(bff)).status], ["ready", "ok"]);
    state = "unavailable";
    assert.deepEqual([(await health(bff)).sharedCache, (await health(bff)).status], ["unavailable", "degraded"]);
    assert.equal((await health(sandboxBff())).sharedCache, undefined, "no shared store, nothing said of one");
  });

  it("names a standing configuration problem (a THRON user without the viewer role), and none while there is none", async () => {
    const bff = sandboxBff({}, { ttl: { definitions: { freshMs: 0, staleMs: 0 } } });
    assert.equal((await health(bff)).problems, undefined);
    bff.thron.faults.revokeViewerRole = true;
    assert.equal((await bff.get("/v1/thron/galleries/default")).status, 200);
    const problems = (await health(bff)).problems ?? [];
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0] ?? "", new RegExp(`THRON_CLASS_${THRON_SANDBOX.classificationId}_VIEWER`));
  });

  it("is degraded while a provider is: THRON failing makes the whole BFF degraded", async () => {
    const bff = sandboxBff();
    assert.deepEqual([(await health(bff)).status, (await health(bff)).providers.thron], ["ok", "ready"]);
    bff.thron.faults.burst5xx = 10;
    assert.ok((await bff.get(`${ASSETS}?limit=2`)).status >= 502);
    bff.thron.faults.burst5xx = 0;
    assert.deepEqual([(await health(bff)).status, (await health(bff)).providers.thron], ["degraded", "degraded"]);
  });

  it("shows the ThroughLine calls spent of its daily quota, and no quota at all where no provider has one", async () => {
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "500" });
    assert.deepEqual((await health(bff)).quota, { throughline: { used: 0, limit: 500 } });
    assert.equal((await bff.get("/v1/throughline/countries")).status, 200);
    assert.ok(((await health(bff)).quota?.throughline?.used ?? 0) >= 1, "the calls it took are counted");
    const config = loadConfig(THRON, { publicUrl: PUBLIC_URL }); // THRON alone, not in sandbox mode: no call is made
    const { app } = createApp(config, { publicUrl: PUBLIC_URL, logSink: () => {} });
    const thronOnly = Health.parse(await (await app.request(`${PUBLIC_URL}/health`)).json());
    assert.equal(thronOnly.providers.throughline, "unconfigured");
    assert.ok(!("quota" in thronOnly), JSON.stringify(thronOnly));
    assert.equal(thronOnly.problems, undefined, "an unconfigured provider has no problems to report");
  });

  it("is documented in /openapi.json: what it is for, and its answer as the Health schema naming each provider", async () => {
    const spec = await (await sandboxBff().get("/openapi.json")).json();
    const get = spec.paths["/health"].get;
    assert.equal(get.summary, "Liveness and the state of each provider");
    assert.equal(get.responses["200"].description, "Health");
    assert.deepEqual(get.responses["200"].content["application/json"].schema, { $ref: "#/components/schemas/Health" });
    assert.deepEqual(spec.components.schemas.Health.properties.providers.required, ["thron", "thunder", "throughline"]);
  });
});
