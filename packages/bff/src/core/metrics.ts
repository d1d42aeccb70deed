/**
 * What the BFF tells its metrics: requests, upstream calls, cache results, token requests.
 * The app calls this interface everywhere; the Prometheus registry behind it (core/prometheus.ts)
 * is loaded only when /metrics is enabled (METRICS_TOKEN or METRICS_PORT), so other deploys
 * and the Workers bundle never load it.
 */
/** How a cached answer was served (upstream/cache.ts). */
export type CacheStatus = "hit" | "stale" | "miss" | "stale-on-error";

/** How an upstream call ended: answered (2xx–4xx), failed with 5xx, timed out, or never connected. */
export type UpstreamOutcome = "ok" | "client-error" | "server-error" | "timeout" | "unreachable";

export interface Metrics {
  request(route: string, method: string, status: number, seconds: number): void;
  upstreamCall(provider: string, operation: string, outcome: UpstreamOutcome, seconds: number): void;
  /** `kind`: what is cached (`thron:search`, `throughline:helplines`…). */
  cacheResult(kind: string, status: CacheStatus): void;
  /** A token asked of a provider: a first one, or a renewal of one held (refresh grant or re-login). */
  tokenRequest(provider: string, renewal: boolean): void;
}

/** Values read when scraped, not counted as they happen. */
export interface MetricsGauges {
  /** Upstream calls counted against a daily quota, and that quota. */
  quota?: () => Promise<{ provider: string; used: number; limit: number }[]>;
  /** Each configured provider: ready (its recent calls worked) or degraded, as /health reports. */
  providers?: () => { provider: string; degraded: boolean }[];
  /** Whether the shared store (Redis) answers; absent when none is configured. */
  sharedStoreUp?: () => boolean;
}

/** Metrics that can be scraped: the text to answer on /metrics, and its content type. */
export interface ScrapedMetrics extends Metrics {
  render(): Promise<{ body: string; contentType: string }>;
}
