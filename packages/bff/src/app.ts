/**
 * createApp(config, deps) → the BFF as one Hono app: provider sub-apps joined with route(),
 * errors as problems, CORS from ALLOWED_ORIGINS, the bundle, the demo and, in sandbox mode,
 * the simulated upstreams.
 */
import { Health } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { builderRoutes } from "./builder/routes.ts";
import { type Config, secretsOf } from "./config.ts";
import type { FleetLock } from "./core/fleet-lock.ts";
import { createLogger, type LogSink } from "./core/logger.ts";
import type { MetricsGauges, ScrapedMetrics } from "./core/metrics.ts";
import type { Tracing } from "./core/tracing.ts";
import { DEMO_CSP, DEMO_SCRIPT, demoPage } from "./demo/page.ts";
import { entryChunks } from "./demo/preload.ts";
import { mountDocs, type SwaggerUiFiles } from "./docs/page.ts";
import { cors } from "./http/cors.ts";
import { CursorSeal } from "./http/cursor-seal.ts";
import { deadline } from "./http/deadline.ts";
import { jsonBodies } from "./http/json-body.ts";
import { metricsRoute } from "./http/metrics-route.ts";
import { originMatcher } from "./http/origins.ts";
import { ProblemError, sendProblem } from "./http/problem.ts";
import { clientAddress, rateLimit } from "./http/rate-limit.ts";
import { requestLog } from "./http/request-log.ts";
import { respond, respondedDirectly, responseHeaders } from "./http/response-headers.ts";
import { SECURITY_HEADERS } from "./http/security-headers.ts";
import { mountStaticAssets, type StaticFiles } from "./http/static-assets.ts";
import { validationHook } from "./http/validation.ts";
import { createSandboxMode, SANDBOX_PATH, sandboxUrlsFollowRequest } from "./sandbox-mode.ts";
import { createThronAuth } from "./thron/auth.ts";
import { ThronClient } from "./thron/client.ts";
import { type ThronTtls, thronRoutes } from "./thron/routes.ts";
import { ThroughLineClient } from "./throughline/client.ts";
import { throughlineRoutes } from "./throughline/routes.ts";
import { createThunderAuth } from "./thunder/auth.ts";
import { ThunderClient } from "./thunder/client.ts";
import { thunderRoutes } from "./thunder/routes.ts";
import { ticketLedger } from "./thunder/ticket.ts";
import { type CacheStore, MemoryStore, ResponseCache, type Ttl } from "./upstream/cache.ts";
import type { FetchLike } from "./upstream/call.ts";
import { ProviderHealth } from "./upstream/health.ts";
import { type CounterStore, MemoryCounterStore, RollingQuota } from "./upstream/quota.ts";

export interface AppDeps {
  /** Where this BFF is reachable from browsers (sandbox URLs are built from it). */
  publicUrl: string;
  /** publicUrl is a guess (no PUBLIC_URL): sandbox media URLs follow the origin each request came to. */
  publicUrlGuessed?: boolean;
  /** The elements' bundle; null when it is not built. */
  staticFiles?: StaticFiles | null;
  /** Swagger UI's files for /docs (server runtimes read them from swagger-ui-dist). */
  swaggerUi?: SwaggerUiFiles | null;
  fetch?: FetchLike;
  logSink?: LogSink;
  /** Write info lines in batches (server runtimes); off where a runtime may freeze after a response (Workers). */
  batchLogs?: boolean;
  /** One upstream call's budget, its retry included. */
  upstreamTimeoutMs?: number;
  /** The longest a /v1 request waits for its upstreams before a 504. */
  deadlineMs?: number;
  /** Refresh tokens this long before they expire. */
  refreshAheadMs?: number;
  /** The client's network address as the runtime knows it (rate limiting). */
  clientAddress?: (c: Context) => string | undefined;
  /** Shared stores (Redis) for cached answers and upstream call counts; in memory by default. */
  stores?: {
    cache: CacheStore;
    counters: CounterStore;
    /** One upstream call per cache key and token across instances (core/fleet-lock.ts). */
    lock?: FleetLock;
    /** Where fleet-shared tokens live: the shared store itself, never a per-instance tier in front of it. */
    tokens?: CacheStore;
    /** Whether the shared store answers now (/health and metrics report it). */
    sharedState?: () => "ready" | "unavailable";
  };
  /** Entries the in-memory cache of THRON's answers keeps (5,000 unless given). */
  memoryCacheEntries?: number;
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
  /** How paced calls wait their turn (tests move their clock instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
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
  throughline: { freshMs: 12 * HOUR, staleMs: 7 * 24 * HOUR },
};

/**
 * An upstream call's budget, retry included, and the longest any request waits (a token, a
 * renewal and a search in a row): well under what a visitor watching a spinner will bear.
 */
const UPSTREAM_BUDGET_MS = 4_000;
const REQUEST_DEADLINE_MS = 9_000;
/** ThroughLine's answers: countries, topics and two lists per country (a few hundred entries). */
const THROUGHLINE_CACHE_ENTRIES = 2_000;

export function createApp(config: Config, deps: AppDeps) {
  const logger = createLogger(deps.logSink ?? ((line) => console.log(line)), secretsOf(config), {
    minLevel: config.logLevel,
    batch: deps.batchLogs ?? false,
  });
  const sandboxMode = config.sandbox ? createSandboxMode(deps.publicUrl, deps.fetch ?? fetch, deps.now, logger) : null;
  const upstreamFetch = sandboxMode?.fetch ?? deps.fetch ?? ((input, init) => fetch(input, init));
  for (const warning of config.warnings) logger.log("warn", warning);
  const ttls: CacheTtls = { ...DEFAULT_TTLS, ...deps.ttl };
  const thronHealth = new ProviderHealth();
  thronHealth.onProblem = (message) => logger.log("warn", message, { provider: "thron" });
  const thunderHealth = new ProviderHealth();
  const throughlineHealth = new ProviderHealth();
  const counters = deps.stores?.counters ?? new MemoryCounterStore(deps.now);
  const throughlineQuota = config.throughline ? new RollingQuota("throughline", config.throughline.dailyQuota, counters) : null;
  const sharedState = deps.stores?.sharedState;
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
      ...(sharedState && { sharedStoreUp: () => sharedState() === "ready" }),
    }) ?? null;
  const upstreamTimeoutMs = deps.upstreamTimeoutMs ?? UPSTREAM_BUDGET_MS;
  // One upstream call per key across instances: a holder's lease outlives a call and its retry.
  const fleet = deps.stores?.lock
    ? { lock: deps.stores.lock, leaseMs: 2 * upstreamTimeoutMs + 1_000, waitMs: upstreamTimeoutMs + 1_000, pollMs: 20 }
    : null;
  const responseCache = (store: CacheStore) =>
    new ResponseCache(store, Date.now, {
      // Labelled by what is cached (`thron:search`), never by the key itself (one label per query).
      ...(metrics && { observe: (key, status) => metrics.cacheResult(key.split(":", 2).join(":"), status) }),
      ...(fleet && { fleet }),
    });
  const cache = responseCache(deps.stores?.cache ?? new MemoryStore(deps.memoryCacheEntries));
  const upstreamExtras = {
    ...(metrics && { metrics }),
    ...(deps.tracing && { tracing: deps.tracing }),
    // Not in sandbox mode: each instance has simulated upstreams of its own, which know only their own tokens.
    ...(fleet && deps.stores && !config.sandbox && { sharedTokens: { fleet, store: deps.stores.tokens ?? deps.stores.cache } }),
  };

  const app = new OpenAPIHono({ defaultHook: validationHook });
  const isAllowed = originMatcher(config.allowedOrigins);

  // Whatever was not compressed ahead of time (cached pages and the bundle are, and answer
  // through respond()) is compressed on the way out when the client accepts it; outermost, so
  // it sees every header.
  const compressOnTheWay = compress();
  app.use(async (c, next) => {
    await next();
    // Hono's compress works on the answer once `next` is done: hand it the finished one.
    if (!respondedDirectly(c)) await compressOnTheWay(c, async () => {});
  });
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
  app.on(["POST", "PUT", "PATCH"], "/v1/*", jsonBodies()); // by method, so reads never run it
  if (sandboxMode && deps.publicUrlGuessed) app.use("/v1/thron/*", sandboxUrlsFollowRequest(deps.publicUrl));
  app.use("/v1/*", deadline(deps.deadlineMs ?? REQUEST_DEADLINE_MS));

  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      if (error.status >= 500)
        logger.log("warn", error.title, { requestId: c.get("requestId"), status: error.status, detail: error.detail });
      return sendProblem(c, error, error.headers);
    }
    // A framework refusal of the request (Hono's validators): the client's 4xx, not our failure.
    if (error instanceof HTTPException && error.status < 500)
      return sendProblem(c, new ProblemError(error.status, "invalid-request", "Invalid request", error.message));
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
      const sharedCache = sharedState?.();
      const status: Health["status"] = Object.values(providers).includes("degraded") || sharedCache === "unavailable" ? "degraded" : "ok";
      c.header("cache-control", "no-store");
      const problems = thronHealth.problems;
      return c.json(
        {
          status,
          sandbox: config.sandbox,
          providers,
          ...(quota && { quota }),
          ...(sharedCache && { sharedCache }),
          ...(problems.length > 0 && { problems }),
        },
        200,
      );
    },
  );

  if (config.thron) {
    const upstream = { name: "THRON", fetch: upstreamFetch, timeoutMs: upstreamTimeoutMs, ...upstreamExtras };
    const sessions = createThronAuth(config.thron, upstream, deps.refreshAheadMs ?? 5 * MINUTE, deps.now);
    const client = new ThronClient(config.thron, upstream, sessions, thronHealth, deps.now);
    const cursors = new CursorSeal(cursorSecret(config));
    app.route("/v1/thron", thronRoutes({ config: config.thron, client, cache, ttl: ttls, cursors }));
  }

  if (config.thunder) {
    const upstream = { name: "Thunder", fetch: upstreamFetch, timeoutMs: upstreamTimeoutMs, ...upstreamExtras };
    if (config.thunder.publicLaunch && !config.sandbox)
      logger.log("warn", "THUNDER_PUBLIC_LAUNCH=1: Thunder launches are protected by the Origin header only", {
        detail: "Any program can send an allowed Origin; set THUNDER_TICKET_SECRET so the host site vouches for each launch.",
      });
    if (config.thunder.ticketSecret && !config.cacheUrl && !config.sandbox)
      logger.log("warn", "THUNDER_TICKET_SECRET without BFF_CACHE_URL: each instance keeps its own list of used tickets", {
        detail: "With several instances a ticket can launch once per instance; set BFF_CACHE_URL so they share one list.",
      });
    // The BFF's own pages (the demo) may always launch, whatever ALLOWED_ORIGINS lists. Its own
    // origin is PUBLIC_URL's: the Host header is the caller's to choose (DNS rebinding, forged
    // requests), so it is trusted only by the sandbox's demo when PUBLIC_URL is not set.
    const ownOrigin = URL.canParse(deps.publicUrl) && (!deps.publicUrlGuessed || config.sandbox) ? new URL(deps.publicUrl).origin : null;
    const hostIsOwn = config.sandbox && deps.publicUrlGuessed === true;
    const client = new ThunderClient(config.thunder, upstream, thunderHealth);
    app.route(
      "/v1/thunder",
      thunderRoutes({
        config: config.thunder,
        auth: createThunderAuth(client, deps.now),
        client,
        isAllowedOrigin: (origin, requestUrl) =>
          origin === ownOrigin || isAllowed(origin) || (hostIsOwn && origin === new URL(requestUrl).origin),
        tickets: ticketLedger(counters),
        clientKey,
        launchesPerMinute: config.launchesPerMinute,
        ...(sharedCounters && { sharedCounters }),
      }),
    );
  }

  if (config.throughline && throughlineQuota) {
    const upstream = { name: "ThroughLine", fetch: upstreamFetch, timeoutMs: upstreamTimeoutMs, ...upstreamExtras };
    const client = new ThroughLineClient(config.throughline, upstream, throughlineQuota, throughlineHealth, {
      perSecond: deps.throughlinePerSecond,
      now: deps.now,
      sleep: deps.sleep,
    });
    // Its own cache: THRON searches can never push out answers that cost ThroughLine's daily quota.
    const throughlineCache = responseCache(deps.stores?.cache ?? new MemoryStore(THROUGHLINE_CACHE_ENTRIES));
    app.route(
      "/v1/throughline",
      throughlineRoutes({ client, cache: throughlineCache, ttl: ttls.throughline, counters, clientKey, now: deps.now }),
    );
  }

  if (metrics && config.metricsToken) app.get("/metrics", metricsRoute(metrics, config.metricsToken));

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Embedkit BFF", version: "0.1.0", description: "The backend-for-frontend of the Embedkit elements." },
  });

  mountDocs(app, deps.swaggerUi ?? null);

  mountStaticAssets(app, deps.staticFiles ?? null);
  if (config.builder) {
    const galleries = [...(config.thron?.galleries.keys() ?? [])];
    app.route("/builder", builderRoutes({ publicUrl: deps.publicUrl, galleries, isAllowedOrigin: isAllowed }));
  }
  if (sandboxMode) {
    // Mounted, not merged: the sandbox's routes stay in its own router, so the BFF's own
    // routes can use Hono's fastest router (some sandbox patterns are beyond it).
    app.mount(SANDBOX_PATH, sandboxMode.sandbox.app.fetch);
    const page = demoPage({ preload: entryChunks(deps.staticFiles), thron: sandboxMode.sandbox.thron });
    app.get("/", (c) => respond(c, page, 200, { "content-type": "text/html; charset=utf-8", "content-security-policy": DEMO_CSP }));
    app.get("/demo.js", (c) =>
      respond(c, DEMO_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }),
    );
  }

  return { app, sandbox: sandboxMode?.sandbox ?? null, cache, logger, metrics };
}

export { ProblemError, secretsOf };

/**
 * The key page cursors are sealed with: derived from the THRON client secret, so every instance
 * of a deployment opens the others' cursors; random per process in sandbox mode (its secret is public).
 */
function cursorSecret(config: Config): string | undefined {
  if (config.sandbox || !config.thron) return undefined;
  return `embedkit cursor seal\n${config.thron.clientSecret}`;
}
