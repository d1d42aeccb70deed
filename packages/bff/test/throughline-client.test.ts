/**
 * ThroughLine's token renewal through the BFF configured for real credentials, against the
 * simulator: a 401 gets one fresh token and one retry, and only one.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Health, Problem } from "@embedkit/contracts";
import { createSandbox, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { type AppDeps, createApp } from "../src/app.ts";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { manualClock } from "./clock.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";
import { sandboxBff } from "./helpers.ts";

const HOST = "https://throughline.simulated";

function bffWith(
  fetchUpstream: (request: Request, sandbox: ReturnType<typeof createSandbox>) => Promise<Response>,
  { sandbox = createSandbox({ baseUrl: HOST }), ...deps }: { sandbox?: ReturnType<typeof createSandbox> } & Partial<AppDeps> = {},
) {
  const config = loadConfig({
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    THROUGHLINE_TOKEN_URL: `${HOST}/throughline/oauth/token`,
    THROUGHLINE_API_URL: `${HOST}/throughline/v2`,
    ALLOWED_ORIGINS: "https://www.host.example",
  });
  return createApp(config, {
    publicUrl: "https://bff.example",
    logSink: () => {},
    fetch: (input, init) => fetchUpstream(new Request(input, init), sandbox),
    ...deps,
  }).app;
}

describe("ThroughLine's token endpoint", () => {
  it("an outage (5xx) is 'unavailable', a refusal names the credentials; neither spends API quota", async () => {
    let tokenStatus = 503;
    let apiCalls = 0;
    const app = bffWith(async (request, sandbox) => {
      if (request.url.endsWith("/oauth/token")) return Response.json({ error: "invalid_client" }, { status: tokenStatus });
      apiCalls++;
      return sandbox.app.fetch(request);
    });
    const outage = await app.request("https://bff.example/v1/throughline/countries");
    assert.equal(outage.status, 503);
    assert.equal(Problem.parse(await outage.json()).title, "ThroughLine is unavailable");
    tokenStatus = 401;
    const refused = await app.request("https://bff.example/v1/throughline/topics");
    assert.equal(refused.status, 502);
    assert.equal(Problem.parse(await refused.json()).title, "ThroughLine refused the BFF's credentials");
    assert.equal(apiCalls, 0);
  });

  it("names the credentials to check when the token endpoint refuses them with 400 or 401, and only then", async () => {
    const answers = new Map<number, [string, string, string]>([
      [
        400,
        [
          "throughline-credentials",
          "ThroughLine refused the BFF's credentials",
          "Check THROUGHLINE_CLIENT_ID and THROUGHLINE_CLIENT_SECRET.",
        ],
      ],
      [
        401,
        [
          "throughline-credentials",
          "ThroughLine refused the BFF's credentials",
          "Check THROUGHLINE_CLIENT_ID and THROUGHLINE_CLIENT_SECRET.",
        ],
      ],
      [403, ["upstream-error", "ThroughLine answered with an error", "The token endpoint answered status 403."]],
    ]);
    for (const [status, expected] of answers) {
      const app = bffWith(async (request, sandbox) =>
        request.url.endsWith("/oauth/token") ? Response.json({ error: "invalid_client" }, { status }) : sandbox.app.fetch(request),
      );
      const response = await app.request("https://bff.example/v1/throughline/countries");
      assert.equal(response.status, 502, `${status}`);
      const problem = Problem.parse(await response.json());
      assert.deepEqual(
        [problem.type, problem.title, problem.detail],
        [`https://embedkit.dev/problems/${expected[0]}`, ...expected.slice(1)],
      );
    }
  });
});

describe("ThroughLine token renewal", () => {
  it("renews the token five minutes before it lapses, while the one held still serves, and counts it in /metrics", async () => {
    const clock = manualClock();
    const token = "metrics-token-for-tests-0123456789";
    const bff = sandboxBff({ METRICS_TOKEN: token }, { metrics: createPrometheusMetrics, now: clock.now });
    const tokenMetrics = async () =>
      (await (await bff.get("/metrics", { headers: { authorization: `Bearer ${token}` } })).text())
        .split("\n")
        .filter((line) => line.startsWith('embedkit_token_requests_total{provider="ThroughLine"'));
    assert.equal((await bff.get("/v1/throughline/countries")).status, 200);
    clock.advance(2 * 3_600_000 - 6 * 60_000); // the simulator's 2-hour token, six minutes before it lapses
    assert.equal((await bff.get("/v1/throughline/topics")).status, 200);
    assert.deepEqual(await tokenMetrics(), ['embedkit_token_requests_total{provider="ThroughLine",kind="new"} 1']);
    clock.advance(2 * 60_000); // four minutes left
    assert.equal((await bff.get("/v1/throughline/helplines?country=NZ")).status, 200);
    assert.deepEqual(await tokenMetrics(), [
      'embedkit_token_requests_total{provider="ThroughLine",kind="new"} 1',
      'embedkit_token_requests_total{provider="ThroughLine",kind="renewal"} 1',
    ]);
    assert.equal(bff.sandbox.throughline.stats.tokenRequests, 2);
    const calls = (await (await bff.get("/metrics", { headers: { authorization: `Bearer ${token}` } })).text())
      .split("\n")
      .filter((line) => line.startsWith('embedkit_upstream_calls_total{provider="ThroughLine"'));
    assert.deepEqual(
      calls.map((line) => /operation="([^"]*)"/.exec(line)?.[1]).sort(),
      ["countries", "helplines", "token", "topics"],
      "each call counted under what it asked",
    );
    const metrics = await (await bff.get("/metrics", { headers: { authorization: `Bearer ${token}` } })).text();
    const cached = metrics.matchAll(/^embedkit_cache_results_total\{kind="(throughline:[^"]*)"/gm);
    assert.deepEqual(
      [...new Set([...cached].map((m) => m[1]))].sort(),
      ["throughline:countries", "throughline:helplines", "throughline:topics"],
      "cached answers counted by what they are",
    );
    const spent = `embedkit_quota_used{provider="ThroughLine"} ${bff.sandbox.throughline.stats.apiCalls}\n`;
    assert.ok(metrics.includes(spent), "the calls spent, under the provider's name");
  });

  it("is asked for once by instances sharing a store: the second adopts the first one's token", async () => {
    const sandbox = createSandbox({ baseUrl: HOST });
    const stores = sharedStoresInMemory();
    const [a, b] = [0, 1].map(() => bffWith(async (request) => sandbox.app.fetch(request), { sandbox, stores }));
    assert.equal((await a!.request("https://bff.example/v1/throughline/countries")).status, 200);
    assert.equal((await b!.request("https://bff.example/v1/throughline/topics")).status, 200);
    assert.equal(sandbox.throughline.stats.apiCalls, 2, "each asked ThroughLine");
    assert.equal(sandbox.throughline.stats.tokenRequests, 1, "with one token");
  });

  it("asks for one fresh token and retries once when the API keeps refusing the token, then answers 502", async () => {
    const calls = { token: 0, api: 0 };
    const app = bffWith(async (request, sandbox) => {
      if (request.url.endsWith("/oauth/token")) {
        calls.token++;
        return sandbox.app.fetch(request);
      }
      calls.api++;
      // The token was revoked on ThroughLine's side: every API call is refused.
      return Response.json({ error: "invalid_token" }, { status: 401 });
    });
    const response = await app.request("https://bff.example/v1/throughline/countries");
    assert.equal(response.status, 502);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    assert.deepEqual(calls, { token: 2, api: 2 }, "one fresh token, one retry");
    const helplines = await app.request("https://bff.example/v1/throughline/helplines?country=US");
    assert.equal(helplines.status, 502, "a 502 problem, never a 500");
    const problem = Problem.parse(await helplines.json());
    assert.deepEqual([problem.title, problem.detail], ["ThroughLine answered with an error", "ThroughLine refused a fresh token too."]);
    // Whether ThroughLine counts a refused (401) call is undocumented: the BFF counts it, to fail closed.
    // The look-up needed the countries again, whose failure is remembered for a while: no call spent twice.
    const health = Health.parse(await (await app.request("https://bff.example/health")).json());
    assert.equal(health.quota?.throughline?.used, 2);
    assert.deepEqual(calls, { token: 2, api: 2 });
  });
});
