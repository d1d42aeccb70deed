/**
 * createApp(config, deps) → the BFF as one Hono app: provider sub-apps joined with route(),
 * errors as problems, CORS from ALLOWED_ORIGINS, the bundle, the demo and, in sandbox mode,
 * the simulated upstreams.
 */
import { Health } from "@embedkit/contracts";
import { swaggerUI } from "@hono/swagger-ui";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Config } from "./config.ts";
import { type CacheStore, MemoryStore, ResponseCache, type Ttl } from "./core/cache.ts";
import { cors } from "./core/cors.ts";
import type { FleetLock } from "./core/fleet-lock.ts";
import { createLogger, type LogSink } from "./core/logger.ts";
import type { MetricsGauges, ScrapedMetrics } from "./core/metrics.ts";
import { metricsRoute } from "./core/metrics-route.ts";
import { originMatcher } from "./core/origins.ts";
import { ProblemError, sendProblem } from "./core/problem.ts";
import { ProviderHealth } from "./core/provider-health.ts";
import { type CounterStore, MemoryCounterStore, RollingQuota } from "./core/quota.ts";
import { clientAddress, rateLimit } from "./core/rate-limit.ts";
import { requestLog } from "./core/request-log.ts";
import { responseHeaders } from "./core/response-headers.ts";
import { SECURITY_HEADERS } from "./core/security-headers.ts";
import { mountStaticAssets, type StaticFiles } from "./core/static-assets.ts";
import type { Tracing } from "./core/tracing.ts";
import type { FetchLike } from "./core/upstream.ts";
import { validationHook } from "./core/validation.ts";
import { demoPage } from "./demo/page.ts";
import { entryChunks } from "./demo/preload.ts";
import { createSandboxMode, SANDBOX_PATH, sandboxUrlsFollowRequest } from "./sandbox-mode.ts";
import { createThronAuth } from "./thron/auth.ts";
import { ThronClient } from "./thron/client.ts";
import { type ThronTtls, thronRoutes } from "./thron/routes.ts";
import { ThroughLineClient } from "./throughline/client.ts";
import { EVENT_SHARE_OF_QUOTA, throughlineRoutes } from "./throughline/routes.ts";
import { thunderRoutes } from "./thunder/routes.ts";
import { createThunderSso } from "./thunder/sso.ts";
import { ticketLedger } from "./thunder/ticket.ts";

export interface AppDeps {
  /** Where this BFF is reachable from browsers (sandbox URLs are built from it). */
  publicUrl: string;
  /** publicUrl is a guess (no PUBLIC_URL): sandbox media URLs follow the origin each request came to. */
  publicUrlGuessed?: boolean;
  /** The elements' bundle; null when it is not built. */
  staticFiles?: StaticFiles | null;
  fetch?: FetchLike;
  logSink?: LogSink;
  /** Write info lines in batches (server runtimes); off where a runtime may freeze after a response (Workers). */
  batchLogs?: boolean;
  /** Upstream call timeout. */
  upstreamTimeoutMs?: number;
  /** Refresh tokens this long before they expire. */
  refreshAheadMs?: number;
  /** The client's network address as the runtime knows it (rate limiting). */
  clientAddress?: (c: Context) => string | undefined;
  /** Shared stores (Redis) for cached answers and upstream call counts; in memory by default. */
  stores?: { cache: CacheStore; counters: CounterStore; lock?: FleetLock; isUp?: () => boolean };
  /** Traces (core/otel.ts); the runtime loads it only when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  tracing?: Tracing;
  /** Builds the metrics behind GET /metrics (core/prometheus.ts); the runtime loads it only when metrics are enabled. */
  metrics?: (gauges: MetricsGauges) => ScrapedMetrics;
  /** The clock token lifetimes are measured with (tests move it). */
  now?: () => number;
  /** How long answers stay fresh, and then usable while stale. */
  ttl?: Partial<CacheTtls>;
  /** ThroughLine calls started per second at most (ThroughLine allows 30). */
  throughlinePerSecond?: number;
}

export type CacheTtls = ThronTtls & { throughline: Ttl };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Search pages go stale quickly; filter definitions and content details change rarely. */
const DEFAULT_TTLS: CacheTtls = {
  assets: { freshMs: MINUTE, staleMs: 10 * MINUTE },
  definitions: { freshMs: 10 * MINUTE, staleMs: HOUR },
  detail: { freshMs: 5 * MINUTE, staleMs: HOUR },
  // About 1,000 ThroughLine calls a day for every page view: hours fresh, a week as a fallback.
  throughline: { freshMs: 6 * HOUR, staleMs: 7 * 24 * HOUR },
};

export function createApp(config: Config, deps: AppDeps) {
  const sandboxMode = config.sandbox ? createSandboxMode(deps.publicUrl, deps.fetch ?? fetch, deps.now) : null;
  const upstreamFetch = sandboxMode?.fetch ?? deps.fetch ?? ((input, init) => fetch(input, init));
  const logger = createLogger(deps.logSink ?? ((line) => console.log(line)), secretsOf(config), {
    minLevel: config.logLevel,
    batch: deps.batchLogs ?? false,
  });
  const ttls: CacheTtls = { ...DEFAULT_TTLS, ...deps.ttl };
  const thronHealth = new ProviderHealth();
  thronHealth.onProblem = (message) => logger.log("warn", message, { provider: "thron" });
  const thunderHealth = new ProviderHealth();
  const throughlineHealth = new ProviderHealth();
  const counters = deps.stores?.counters ?? new MemoryCounterStore();
  const throughlineQuota = config.throughline ? new RollingQuota("throughline", config.throughline.dailyQuota, counters) : null;
  const metrics =
    deps.metrics?.({
      ...(throughlineQuota && {
        quota: async () => [{ provider: "ThroughLine", used: await throughlineQuota.used(), limit: throughlineQuota.limit }],
      }),
      providers: () =>
        (
          [
            ["THRON", config.thron && thronHealth],
            ["Thunder", config.thunder && thunderHealth],
            ["ThroughLine", config.throughline && throughlineHealth],
          ] as const
        ).flatMap(([provider, health]) => (health ? [{ provider, degraded: health.state === "degraded" }] : [])),
      ...(deps.stores?.isUp && { sharedStoreUp: deps.stores.isUp }),
    }) ?? null;
  const upstreamTimeoutMs = deps.upstreamTimeoutMs ?? 8_000;
  // One upstream call per key across instances: a holder's lease outlives a call and its retry.
  const fleet = deps.stores?.lock
    ? { lock: deps.stores.lock, leaseMs: 2 * upstreamTimeoutMs + 1_000, waitMs: upstreamTimeoutMs + 1_000, pollMs: 20 }
    : null;
  const cache = new ResponseCache(deps.stores?.cache ?? new MemoryStore(), Date.now, {
    // Labelled by what is cached (`thron:search`), never by the key itself (one label per query).
    ...(metrics && { observe: (key, status) => metrics.cacheResult(key.split(":", 2).join(":"), status) }),
    ...(fleet && { fleet }),
  });
  const upstreamExtras = {
    ...(metrics && { metrics }),
    ...(deps.tracing && { tracing: deps.tracing }),
    // Not in sandbox mode: each instance has simulated upstreams of its own, which know only their own tokens.
    ...(fleet && deps.stores && !config.sandbox && { sharedTokens: { fleet, store: deps.stores.cache } }),
  };

  const app = new OpenAPIHono({ defaultHook: validationHook });
  const isAllowed = originMatcher(config.allowedOrigins);

  if (deps.tracing) app.use(deps.tracing.request);
  app.use(responseHeaders(SECURITY_HEADERS));
  app.use(requestLog(logger, metrics ?? undefined));

  app.use(
    "/v1/*",
    cors({
      isAllowed,
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["content-type"],
      exposeHeaders: ["x-request-id", "retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"],
      maxAge: 600,
    }),
  );

  const clientKey = (c: Context) => clientAddress(c, deps.clientAddress, config.trustProxy);
  // With a shared store every instance counts in one window per client; in memory while it is away.
  const sharedCounters = deps.stores?.counters;
  app.use(
    "/v1/*",
    rateLimit({ limit: config.rateLimitPerMinute, clientKey, ...(sharedCounters && { shared: { counters: sharedCounters, name: "v1" } }) }),
  );
  if (sandboxMode && deps.publicUrlGuessed) app.use("/v1/thron/*", sandboxUrlsFollowRequest(deps.publicUrl));

  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      if (error.status >= 500)
        logger.log("warn", error.title, { requestId: c.get("requestId"), status: error.status, detail: error.detail });
      return sendProblem(c, error);
    }
    logger.log("error", "unhandled error", { requestId: c.get("requestId"), error: String(error) });
    return sendProblem(c, new ProblemError(500, "internal", "Internal error", "The BFF failed to answer; the request id is in the logs."));
  });
  app.notFound((c) => sendProblem(c, new ProblemError(404, "not-found", "Not found", `No route for ${c.req.method} ${c.req.path}.`)));

  app.openapi(
    createRoute({
      method: "get",
      path: "/health",
      summary: "Liveness and the state of each provider",
      responses: { 200: { description: "Health", content: { "application/json": { schema: Health } } } },
    }),
    async (c) => {
      const providers: Health["providers"] = {
        thron: config.thron ? thronHealth.state : "unconfigured",
        thunder: config.thunder ? thunderHealth.state : "unconfigured",
        throughline: config.throughline ? throughlineHealth.state : "unconfigured",
      };
      const quota = throughlineQuota ? { throughline: { used: await throughlineQuota.used(), limit: throughlineQuota.limit } } : undefined;
      const status: Health["status"] = Object.values(providers).includes("degraded") ? "degraded" : "ok";
      c.header("cache-control", "no-store");
      const problems = thronHealth.problems;
      return c.json({ status, sandbox: config.sandbox, providers, ...(quota && { quota }), ...(problems.length > 0 && { problems }) }, 200);
    },
  );

  if (config.thron) {
    const upstream = { name: "THRON", fetch: upstreamFetch, timeoutMs: upstreamTimeoutMs, ...upstreamExtras };
    const sessions = createThronAuth(config.thron, upstream, deps.refreshAheadMs ?? 5 * MINUTE, deps.now);
    const client = new ThronClient(config.thron, upstream, sessions, thronHealth);
    app.route("/v1/thron", thronRoutes({ config: config.thron, client, cache, ttl: ttls }));
  }

  if (config.thunder) {
    const upstream = { name: "Thunder", fetch: upstreamFetch, timeoutMs: upstreamTimeoutMs, ...upstreamExtras };
    if (config.thunder.publicLaunch && !config.sandbox)
      logger.log("warn", "THUNDER_PUBLIC_LAUNCH=1: Thunder launches are protected by the Origin header only", {
        detail: "Any program can send an allowed Origin; set THUNDER_TICKET_SECRET so the host site vouches for each launch.",
      });
    // The BFF's own pages (the demo) may always launch, whatever ALLOWED_ORIGINS lists.
    const ownOrigin = URL.canParse(deps.publicUrl) ? new URL(deps.publicUrl).origin : null;
    app.route(
      "/v1/thunder",
      thunderRoutes({
        config: config.thunder,
        sso: createThunderSso(config.thunder, upstream, deps.now),
        health: thunderHealth,
        isAllowedOrigin: (origin) => origin === ownOrigin || isAllowed(origin),
        tickets: ticketLedger(counters),
        clientKey,
        launchesPerMinute: config.launchesPerMinute,
        ...(sharedCounters && { sharedCounters }),
      }),
    );
  }

  if (config.throughline && throughlineQuota) {
    const upstream = { name: "ThroughLine", fetch: upstreamFetch, timeoutMs: upstreamTimeoutMs, ...upstreamExtras };
    const client = new ThroughLineClient(config.throughline, upstream, throughlineQuota, throughlineHealth, deps.throughlinePerSecond);
    // Events spend at most their share of the daily quota, counted apart (and in the daily count too).
    const eventQuota = new RollingQuota("throughline-events", Math.floor(config.throughline.dailyQuota * EVENT_SHARE_OF_QUOTA), counters);
    app.route("/v1/throughline", throughlineRoutes({ client, cache, ttl: ttls.throughline, eventQuota }));
  }

  if (metrics && config.metricsToken) app.get("/metrics", metricsRoute(metrics, config.metricsToken));

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Embedkit BFF", version: "0.1.0", description: "The backend-for-frontend of the Embedkit elements." },
  });

  app.get("/docs", swaggerUI({ url: "/openapi.json", title: "Embedkit BFF API" }));

  mountStaticAssets(app, deps.staticFiles ?? null);
  if (sandboxMode) {
    // Mounted, not merged: the sandbox's routes stay in its own router, so the BFF's own
    // routes can use Hono's fastest router (some sandbox patterns are beyond it).
    app.mount(SANDBOX_PATH, sandboxMode.sandbox.app.fetch);
    const preload = entryChunks(deps.staticFiles);
    app.get("/", (c) => c.html(demoPage({ preload })));
  }

  return { app, sandbox: sandboxMode?.sandbox ?? null, cache, logger, metrics };
}

export { ProblemError };

/** Every configured secret: log lines never carry them. */
export function secretsOf(config: Config): string[] {
  return [
    config.thron?.clientSecret ?? "",
    config.thunder?.password ?? "",
    config.thunder?.ticketSecret ?? "",
    config.throughline?.clientSecret ?? "",
    config.cacheUrl ?? "", // may hold a Redis password
    config.metricsToken ?? "",
  ];
}
