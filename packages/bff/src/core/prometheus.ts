/**
 * The Metrics interface kept in a prom-client registry of its own (not the global one), written
 * out in the Prometheus text format for GET /metrics. Loaded only when metrics are enabled.
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { MetricsGauges, ScrapedMetrics } from "./metrics.ts";

/** Seconds: cached answers take well under a millisecond, cold THRON searches up to seconds. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createPrometheusMetrics(gauges: MetricsGauges = {}): ScrapedMetrics {
  const registry = new Registry();
  const registers = [registry];
  const requests = new Counter({
    name: "embedkit_http_requests_total",
    help: "Requests answered, by route pattern, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers,
  });
  const requestSeconds = new Histogram({
    name: "embedkit_http_request_duration_seconds",
    help: "Time to answer a request, by route pattern.",
    labelNames: ["route", "method"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const upstreamCalls = new Counter({
    name: "embedkit_upstream_calls_total",
    help: "Calls to THRON, Thunder and ThroughLine, by provider, operation and outcome.",
    labelNames: ["provider", "operation", "outcome"] as const,
    registers,
  });
  const upstreamSeconds = new Histogram({
    name: "embedkit_upstream_call_duration_seconds",
    help: "Time an upstream call took, by provider and operation.",
    labelNames: ["provider", "operation"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const cacheResults = new Counter({
    name: "embedkit_cache_results_total",
    help: "Cached-answer look-ups: hit, stale (served while refreshing), miss, stale-on-error.",
    labelNames: ["kind", "result"] as const,
    registers,
  });
  const tokenRequests = new Counter({
    name: "embedkit_token_requests_total",
    help: "Tokens asked of a provider: new ones and renewals of one held.",
    labelNames: ["provider", "kind"] as const,
    registers,
  });
  registerGauges(gauges, registers);

  return {
    request(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      requestSeconds.observe({ route, method }, seconds);
    },
    upstreamCall(provider, operation, outcome, seconds) {
      upstreamCalls.inc({ provider, operation, outcome });
      upstreamSeconds.observe({ provider, operation }, seconds);
    },
    cacheResult(kind, status) {
      cacheResults.inc({ kind, result: status });
    },
    tokenRequest(provider, renewal) {
      tokenRequests.inc({ provider, kind: renewal ? "renewal" : "new" });
    },
    async render() {
      return { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}

/** Gauges read when scraped: quotas, providers' health, the shared store. */
function registerGauges(gauges: MetricsGauges, registers: Registry[]): void {
  if (gauges.quota) {
    const readQuota = gauges.quota;
    new Gauge({
      name: "embedkit_quota_used",
      help: "Upstream calls counted against the provider's daily quota over the last 24 hours.",
      labelNames: ["provider"] as const,
      registers,
      async collect() {
        for (const { provider, used } of await readQuota()) this.set({ provider }, used);
      },
    });
    new Gauge({
      name: "embedkit_quota_left",
      help: "Calls left in the provider's daily quota.",
      labelNames: ["provider"] as const,
      registers,
      async collect() {
        for (const { provider, used, limit } of await readQuota()) this.set({ provider }, Math.max(0, limit - used));
      },
    });
  }
  if (gauges.providers) {
    const read = gauges.providers;
    new Gauge({
      name: "embedkit_provider_up",
      help: "1 when the provider's recent upstream calls worked, 0 when degraded (as /health reports).",
      labelNames: ["provider"] as const,
      registers,
      collect() {
        for (const { provider, degraded } of read()) this.set({ provider }, degraded ? 0 : 1);
      },
    });
  }
  if (gauges.sharedStoreUp) {
    const up = gauges.sharedStoreUp;
    new Gauge({
      name: "embedkit_shared_store_up",
      help: "1 when the shared store (Redis, BFF_CACHE_URL) answers, 0 when it does not.",
      registers,
      collect() {
        this.set(up() ? 1 : 0);
      },
    });
  }
}
