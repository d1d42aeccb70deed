/**
 * GET /metrics: Prometheus text read back by a real text-format parser, behind METRICS_TOKEN or
 * on METRICS_PORT, counting what the BFF did (requests, upstream calls, cache, tokens, quota).
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { serveMetrics } from "../src/runtime/metrics-server.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { sharedStoresInMemory } from "./fleet-stores.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";

const TOKEN = "metrics-token-for-tests-0123456789";
const auth = { headers: { authorization: `Bearer ${TOKEN}` } };

type Family = { name: string; type: string; metrics: { value?: string; count?: string; labels?: Record<string, string> }[] };

function sample(families: Family[], name: string, labels: Record<string, string>): number {
  const family = families.find((f) => f.name === name);
  assert.ok(family, `${name} is exported`);
  const found = family.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return Number(found?.value ?? found?.count ?? 0);
}

async function scrape(get: (path: string, init?: RequestInit) => Response | Promise<Response>): Promise<Family[]> {
  const response = await get("/metrics", auth);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
  assert.equal(response.headers.get("cache-control"), "no-store", "every scrape sees the numbers as they are now");
  return parsePrometheusTextFormat(await response.text()) as Family[];
}

describe("GET /metrics", () => {
  it("is not served without METRICS_TOKEN or METRICS_PORT", async () => {
    const bff = sandboxBff({}, { metrics: createPrometheusMetrics });
    assert.equal((await bff.get("/metrics")).status, 404);
  });

  it("answers 401 without the bearer token, and never shows the token", async () => {
    const bff = sandboxBff({ METRICS_TOKEN: TOKEN }, { metrics: createPrometheusMetrics });
    const wrong = { headers: { authorization: "Bearer wrong-token-of-some-length" } };
    const otherScheme = { headers: { authorization: `Not-Bearer ${TOKEN}` } }; // the token, but not as a bearer token
    for (const init of [undefined, wrong, otherScheme]) {
      const response = await bff.get("/metrics", init);
      assert.equal(response.status, 401);
      assert.equal(response.headers.get("content-type"), "application/problem+json");
      assert.equal(response.headers.get("www-authenticate"), 'Bearer realm="metrics"');
      const text = await response.text();
      assert.ok(!text.includes(TOKEN));
      const problem = Problem.parse(JSON.parse(text));
      assert.deepEqual(
        [problem.type, problem.title, problem.detail],
        ["https://embedkit.dev/problems/metrics-token", "Metrics need a token", "Send Authorization: Bearer <METRICS_TOKEN>."],
      );
    }
    await scrape(bff.get);
    assert.ok(bff.logs.every((line) => !line.includes(TOKEN)));
  });

  it("counts requests by route, upstream calls, cache results, token requests and the quota", async () => {
    const bff = sandboxBff({ METRICS_TOKEN: TOKEN }, { metrics: createPrometheusMetrics });
    const path = `${ASSETS}?limit=5`;
    assert.equal((await bff.get(path)).status, 200);
    assert.equal((await bff.get(path)).status, 200);
    assert.equal((await bff.get(`${ASSETS}?limit=0`)).status, 400);
    assert.equal((await bff.get("/v1/throughline/helplines?country=NZ")).status, 200);

    const families = await scrape(bff.get);
    const route = "/v1/thron/galleries/:gallery/assets";
    assert.equal(sample(families, "embedkit_http_requests_total", { route, method: "GET", status: "200" }), 2);
    assert.equal(sample(families, "embedkit_http_requests_total", { route, method: "GET", status: "400" }), 1);
    // This parser folds a labelled histogram's series into one; its type and buckets are what it keeps.
    const latency = families.find((f) => f.name === "embedkit_http_request_duration_seconds") as unknown as {
      type: string;
      metrics: { buckets: Record<string, string> }[];
    };
    assert.equal(latency.type, "HISTOGRAM");
    assert.ok(Object.keys(latency.metrics[0]?.buckets ?? {}).includes("+Inf"));
    assert.equal(sample(families, "embedkit_cache_results_total", { kind: "thron:search", result: "miss" }), 1);
    assert.equal(sample(families, "embedkit_cache_results_total", { kind: "thron:search", result: "hit" }), 1);
    assert.equal(
      sample(families, "embedkit_upstream_calls_total", { provider: "THRON", operation: "search", outcome: "ok" }),
      bff.thron.stats.searches,
    );
    assert.equal(sample(families, "embedkit_token_requests_total", { provider: "THRON", kind: "new" }), bff.thron.stats.tokenRequests);
    assert.equal(sample(families, "embedkit_token_requests_total", { provider: "ThroughLine", kind: "new" }), 1);
    const apiCalls = bff.sandbox.throughline.stats.apiCalls;
    assert.ok(apiCalls > 0);
    assert.equal(sample(families, "embedkit_upstream_calls_total", { provider: "ThroughLine", operation: "helplines", outcome: "ok" }), 1);
    assert.equal(sample(families, "embedkit_quota_used", { provider: "ThroughLine" }), apiCalls);
    assert.equal(sample(families, "embedkit_quota_left", { provider: "ThroughLine" }), bff.config.throughline!.dailyQuota - apiCalls);
    // Labels are route patterns and kinds, never what a user typed.
    const text = await (await bff.get("/metrics", auth)).text();
    assert.ok(!text.includes("limit=5"));
  });

  it("counts requests no route answers under one catch-all label, never as a route that does not exist", async () => {
    const bff = sandboxBff({ METRICS_TOKEN: TOKEN }, { metrics: createPrometheusMetrics });
    for (const path of ["/v1/thron", "/v1/thron/", "/v1/thron/nowhere", "/v1/nowhere"])
      assert.equal((await bff.get(path)).status, 404, path);
    const requests = (await scrape(bff.get)).find((f) => f.name === "embedkit_http_requests_total");
    assert.deepEqual(
      requests?.metrics.filter((m) => m.labels?.status === "404").map((m) => [m.labels?.route, m.value]),
      [["/v1/*", "4"]],
    );
  });

  it("counts a token asked again once the one held runs out as a renewal, apart from the first", async () => {
    const clock = { now: Date.UTC(2026, 0, 5, 9) };
    const bff = sandboxBff({ METRICS_TOKEN: TOKEN }, { metrics: createPrometheusMetrics, now: () => clock.now });
    assert.equal((await bff.get(`${ASSETS}?limit=2`)).status, 200);
    clock.now += 24 * 60 * 60_000; // THRON's token and the cached answer have both run out
    assert.equal((await bff.get(`${ASSETS}?limit=3`)).status, 200);
    const families = await scrape(bff.get);
    assert.equal(sample(families, "embedkit_token_requests_total", { provider: "THRON", kind: "new" }), 1);
    assert.equal(sample(families, "embedkit_token_requests_total", { provider: "THRON", kind: "renewal" }), 1);
  });

  it("counts failed upstream calls by outcome", async () => {
    const bff = sandboxBff({ METRICS_TOKEN: TOKEN }, { metrics: createPrometheusMetrics });
    bff.thron.faults.burst5xx = 10;
    assert.ok((await bff.get(`${ASSETS}?limit=4`)).status >= 500);
    const families = await scrape(bff.get);
    assert.ok(sample(families, "embedkit_upstream_calls_total", { provider: "THRON", outcome: "server-error" }) >= 1);
    assert.equal(sample(families, "embedkit_provider_up", { provider: "THRON" }), 0, "degraded, as /health says");
    assert.equal(sample(families, "embedkit_provider_up", { provider: "ThroughLine" }), 1);
  });

  it("times requests by route and method, and upstream calls by provider and operation", async () => {
    const bff = sandboxBff({ METRICS_TOKEN: TOKEN }, { metrics: createPrometheusMetrics });
    assert.equal((await bff.get(`${ASSETS}?limit=5`)).status, 200);
    const text = await (await bff.get("/metrics", auth)).text();
    const count = (name: string, labels: string[]) =>
      text.split("\n").find((line) => line.startsWith(`${name}_count{`) && labels.every((label) => line.includes(label)));
    const route = 'route="/v1/thron/galleries/:gallery/assets"';
    assert.match(count("embedkit_http_request_duration_seconds", [route, 'method="GET"']) ?? "", / 1$/, text);
    const sum = text.split("\n").find((line) => line.startsWith("embedkit_http_request_duration_seconds_sum{") && line.includes(route));
    const seconds = Number(sum?.split(" ").at(-1));
    assert.ok(seconds > 0 && seconds < 5, `the request took ${seconds} s`);
    const search = count("embedkit_upstream_call_duration_seconds", ['provider="THRON"', 'operation="search"']);
    assert.match(search ?? "", new RegExp(` ${bff.thron.stats.searches}$`), text);
  });

  it("says whether the shared store answers, as it is at each scrape", async () => {
    let state: "ready" | "unavailable" = "ready";
    const stores = { ...sharedStoresInMemory(), sharedState: () => state };
    const bff = sandboxBff({ METRICS_TOKEN: TOKEN }, { metrics: createPrometheusMetrics, stores });
    const family = (families: Family[]) => families.find((f) => f.name === "embedkit_shared_store_up") as Family & { help: string };
    const ready = await scrape(bff.get);
    assert.equal(family(ready).type, "GAUGE");
    assert.match(family(ready).help, /shared store .*answers/);
    assert.equal(Number(family(ready).metrics[0]?.value), 1);
    state = "unavailable";
    assert.equal(Number(family(await scrape(bff.get)).metrics[0]?.value), 0);
  });

  it("METRICS_PORT serves it on a port of its own, without a token, and not on the main port", async () => {
    const server = await startNodeServer({ env: { BFF_SANDBOX: "1", METRICS_PORT: "0" }, port: 0, deps: { logSink: () => {} } });
    try {
      assert.ok(server.metricsUrl);
      assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
      await fetch(`${server.url}/health`);
      const families = parsePrometheusTextFormat(await (await fetch(`${server.metricsUrl}/metrics`)).text()) as Family[];
      assert.equal(sample(families, "embedkit_http_requests_total", { route: "/health", status: "200" }), 1);
    } finally {
      await server.close();
    }
  });

  it("METRICS_PORT on an IPv6 interface: its URL writes the address in brackets, and answers there", async () => {
    const server = await startNodeServer({
      env: { BFF_SANDBOX: "1", METRICS_PORT: "0" },
      hostname: "::1",
      port: 0,
      deps: { logSink: () => {} },
    });
    try {
      assert.match(server.metricsUrl ?? "", /^http:\/\/\[::1\]:\d+$/);
      assert.equal((await fetch(`${server.metricsUrl}/metrics`)).status, 200);
    } finally {
      await server.close();
    }
  });

  it("METRICS_PORT in use: the start fails with Node's EADDRINUSE, not a crash or a hang", {
    timeout: 5_000,
  }, async () => {
    const taken = createServer().listen(0, "127.0.0.1").unref(); // a start that never ends keeps no test waiting on it
    await once(taken, "listening");
    try {
      await assert.rejects(serveMetrics(createPrometheusMetrics(), (taken.address() as AddressInfo).port, "127.0.0.1"), {
        code: "EADDRINUSE",
      });
    } finally {
      taken.close();
    }
  });
});
