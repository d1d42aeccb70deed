/**
 * createApp(config, deps) → the BFF as one Hono app: the edge middleware, /health, each
 * configured provider's routes (wired in its folder's index.ts), the API's description, the
 * bundle, and in sandbox mode the simulated upstreams and the demo.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { builderRoutes } from "./builder/routes.ts";
import { type Config, ownConfig, secretsOf } from "./config.ts";
import type { FleetLock } from "./core/fleet-lock.ts";
import { createLogger, type LogSink } from "./core/logger.ts";
import type { MetricsGauges, ScrapedMetrics } from "./core/metrics.ts";
import { ProblemError } from "./core/problem.ts";
import type { Tracing } from "./core/tracing.ts";
import { mountDemo } from "./demo/routes.ts";
import { mountDocs, type SwaggerUiFiles } from "./docs/page.ts";
import { compressOnTheWay } from "./http/compression.ts";
import { cors } from "./http/cors.ts";
import { deadline } from "./http/deadline.ts";
import { answerErrorsAsProblems } from "./http/errors.ts";
import { mountHealth } from "./http/health.ts";
import { jsonBodies, METHODS_WITH_BODY, noBodiesOnReads } from "./http/json-body.ts";
import { metricsRoute } from "./http/metrics-route.ts";
import { originMatcher } from "./http/origins.ts";
import { clientAddress, rateLimit } from "./http/rate-limit.ts";
import { requestLog } from "./http/request-log.ts";
import { responseHeaders } from "./http/response-headers.ts";
import { SECURITY_HEADERS } from "./http/security-headers.ts";
import { mountStaticAssets, type StaticFiles } from "./http/static-assets.ts";
import { validationHook } from "./http/validation.ts";
import type { Provider, ProviderContext, ProviderDeps, ProviderModule } from "./providers/contract.ts";
import { renderRoutes } from "./render/routes.ts";
import { createSandboxMode, SANDBOX_PATH, sandboxUrlsFollowRequest } from "./sandbox-mode.ts";
import { namespacePrefix, scopedCache, scopedCounters, scopedLock } from "./stores/namespace.ts";
import type { ThronTtls } from "./thron/search-pages.ts";
import { type CacheStore, MemoryStore, ResponseCache, type Ttl } from "./upstream/cache.ts";
import type { FetchLike } from "./upstream/call.ts";
import { type CounterStore, MemoryCounterStore } from "./upstream/quota.ts";

/** What the runtime gives the app; what providers read of it is declared in providers/contract.ts. */
export interface AppDeps extends ProviderDeps {
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
  /** The client's network address as the runtime knows it (rate limiting). */
  clientAddress?: (c: Context) => string | undefined;
  /** Middleware of your own, run on every request after the edge's first steps (security headers, request id) and before CORS and the routes. */
  middleware?: MiddlewareHandler[];
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
  /** How long a request waits on one shared-store (Redis) command before it goes on from memory: 50 ms unless given. */
  sharedStoreBudgetMs?: number;
  /** Traces (core/otel.ts); the runtime loads it only when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  tracing?: Tracing;
  /** Builds the metrics behind GET /metrics (core/prometheus.ts); the runtime loads it only when metrics are enabled. */
  metrics?: (gauges: MetricsGauges) => ScrapedMetrics;
  /**
   * The clock of whatever expires: token lifetimes, cached answers, quotas, rate limits, launch
   * tickets, provider health (tests move it). Timeouts, the request deadline, log times and the
   * shared stores' own expiry run on real time.
   */
  now?: () => number;
  /** How long answers stay fresh, and then usable while stale (defaults in thron/index.ts and throughline/index.ts). */
  ttl?: Partial<CacheTtls>;
}

export type CacheTtls = ThronTtls & { throughline: Ttl };

/**
 * An upstream call's budget, retry included, and the longest any request waits (a token, a
 * renewal and a search in a row): well under what a visitor watching a spinner will bear.
 */
const UPSTREAM_BUDGET_MS = 4_000;
const REQUEST_DEADLINE_MS = 9_000;

export function createApp(config: Config, deps: AppDeps) {
  const logger = createLogger(deps.logSink ?? ((line) => console.log(line)), secretsOf(config), {
    minLevel: config.logLevel,
    batch: deps.batchLogs ?? false,
  });
  const sandboxMode = config.sandbox
    ? createSandboxMode(deps.publicUrl, { fallback: deps.fetch ?? fetch, providers: config.providers, now: deps.now, logger })
    : null;
  for (const warning of config.warnings) logger.log("warn", warning);
  const providers: Provider[] = [];
  const sharedState = deps.stores?.sharedState;
  const metrics = deps.metrics?.(gaugesOf(providers, sharedState)) ?? null;
  const contextIn = (namespace: readonly string[]) => providerContext(config, deps, logger, metrics, sandboxMode?.fetch, namespace);
  // The edge's rate limits belong to this deployment: namespaced by every provider's namespace.
  // Stryker disable next-line StringLiteral: "v1" only labels the edge's keys; the providers' prefixes after it set them apart, and no provider's namespace starts with an empty part
  const context = contextIn(["v1", ...config.providers.map((module) => namespacePrefix(namespaceOf(config, module)))]);

  const app = new OpenAPIHono({ defaultHook: validationHook });
  if (deps.tracing) app.use(deps.tracing.request);
  app.use(responseHeaders(SECURITY_HEADERS, compressOnTheWay()));
  app.use(requestLog(logger, metrics ?? undefined));
  app.use(noBodiesOnReads()); // on every path: /health and the bundle as much as /v1
  for (const middleware of deps.middleware ?? []) app.use(middleware);
  useApiEdge(app, config, context);
  if (sandboxMode && deps.publicUrlGuessed) {
    const followRequest = sandboxUrlsFollowRequest(deps.publicUrl);
    // The render route and the demo embed sandbox URLs too, and so does the sandbox Player's own content-detail call.
    const paths = [
      "/v1/thron/*",
      "/v1/render/*",
      // Stryker disable next-line StringLiteral: Hono registers a middleware's path "" as "/" (mergePath), the same route
      "/",
      `${SANDBOX_PATH}/thron/api/*`,
    ];
    for (const path of paths) app.use(path, followRequest);
  }
  app.use("/v1/*", deadline(deps.deadlineMs ?? REQUEST_DEADLINE_MS));
  answerErrorsAsProblems(app, logger);

  const wired = config.providers.map((module) => {
    const own = ownConfig(config, module);
    return [module.id, own ? module.create(contextIn(module.namespace(own)), own) : null] as const;
  });
  mountHealth(app, { sandbox: config.sandbox, providers: wired, sharedState });
  // The render route asks the providers' JSON routes in-process, past the edge (already passed).
  const inProcess = new Hono();
  answerErrorsAsProblems(inProcess, logger);
  for (const [id, provider] of wired) {
    if (!provider) continue;
    provider.health.onProblem = (message) => logger.log("warn", message, { provider: id });
    providers.push(provider);
    app.route(provider.path, provider.routes);
    inProcess.route(provider.path, provider.routes);
  }
  const render = renderRoutes(async (path) => inProcess.request(path), {
    onRendererMissing: (error) =>
      logger.log("warn", "server rendering unavailable: /v1/render answers bare tags", { error: String(error) }),
    // A guessed URL is the caller's Host header: never written into a fragment a shared cache may keep.
    ...(!deps.publicUrlGuessed && deps.publicUrl && { publicUrl: deps.publicUrl }),
  });
  app.route("/v1/render", render);
  inProcess.route("/v1/render", render);

  if (metrics && config.metricsToken) app.get("/metrics", metricsRoute(metrics, config.metricsToken));
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Embedkit BFF", version: "0.1.0", description: "The backend-for-frontend of the Embedkit elements." },
  });
  mountDocs(app, deps.swaggerUi ?? null);
  mountStaticAssets(app, deps.staticFiles ?? null);
  if (config.builder) {
    const galleries = [...(config.thron?.galleries.keys() ?? [])];
    app.route("/builder", builderRoutes({ publicUrl: deps.publicUrl, galleries, isAllowedOrigin: context.isAllowedOrigin }));
  }
  if (sandboxMode) {
    // Mounted, not merged: the sandbox's routes stay in its own router, so the BFF's own
    // routes can use Hono's fastest router (some sandbox patterns are beyond it).
    app.mount(SANDBOX_PATH, sandboxMode.sandbox.app.fetch);
    mountDemo(app, sandboxMode.sandbox, deps.staticFiles, (path, signal) => withSignal(Promise.resolve(inProcess.request(path)), signal));
  }

  return { app, sandbox: sandboxMode?.sandbox ?? null, logger, metrics };
}

/** The configuration loader for a whole BFF: sandbox mode's simulated values at hand (config.ts's alone never loads them). */
export { loadConfig } from "./sandbox-mode.ts";
export { ProblemError };

/** What decides a provider's answers; nothing when it is off. */
function namespaceOf(config: Config, module: ProviderModule): readonly string[] {
  const own = ownConfig(config, module);
  // Stryker disable next-line ArrayDeclaration: in the edge's namespace an off provider's part only has to differ from a configured one's prefix (its name first), as any constant does
  return own ? module.namespace(own) : [];
}

/**
 * What every provider shares: its upstream calls, caches, counters, the clock, who the client
 * is. Every shared-store key it uses is in `namespace` (stores/namespace.ts).
 */
function providerContext(
  config: Config,
  deps: AppDeps,
  logger: ProviderContext["logger"],
  metrics: ScrapedMetrics | null,
  sandboxFetch: FetchLike | undefined,
  namespace: readonly string[],
): ProviderContext {
  const now = deps.now ?? Date.now;
  const stores = deps.stores && scopedStores(deps.stores, namespacePrefix(namespace));
  const upstreamFetch = sandboxFetch ?? deps.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = deps.upstreamTimeoutMs ?? UPSTREAM_BUDGET_MS;
  // One upstream call per key across instances: a holder's lease outlives a call and its retry.
  const fleet = stores?.lock ? { lock: stores.lock, leaseMs: 2 * timeoutMs + 1_000, waitMs: timeoutMs + 1_000, pollMs: 20 } : null;
  const extras = {
    ...(metrics && { metrics }),
    ...(deps.tracing && { tracing: deps.tracing }),
    // Not in sandbox mode: each instance has simulated upstreams of its own, which know only their own tokens.
    ...(fleet && stores && !config.sandbox && { sharedTokens: { fleet, store: stores.tokens ?? stores.cache } }),
  };
  const isAllowedOrigin = originMatcher(config.allowedOrigins);
  return {
    config,
    deps,
    logger,
    now,
    upstream: (name) => ({ name, fetch: upstreamFetch, timeoutMs, ...extras }),
    responseCache: (memoryEntries) =>
      new ResponseCache(stores?.cache ?? new MemoryStore(memoryEntries), now, {
        // Labelled by what is cached (`thron:search`), never by the key itself (one label per query).
        ...(metrics && { observe: (key, status) => metrics.cacheResult(key.split(":", 2).join(":"), status) }),
        ...(fleet && { fleet }),
      }),
    counters: stores?.counters ?? new MemoryCounterStore(now),
    ...(stores?.counters && { sharedCounters: stores.counters }),
    // Stryker disable next-line ArrayDeclaration,StringLiteral: "egress" only labels the counters of ThroughLine's pace (its one key); no deployment's key starts with "|" or "egress|" either
    ...(deps.stores?.counters && { egressCounters: scopedCounters(deps.stores.counters, namespacePrefix(["egress"])) }),
    clientKey: (c) => clientAddress(c, deps.clientAddress, config.trustProxy),
    isAllowedOrigin,
  };
}

/** The shared stores with every key in one namespace. */
function scopedStores(stores: NonNullable<AppDeps["stores"]>, prefix: string): NonNullable<AppDeps["stores"]> {
  return {
    ...stores,
    cache: scopedCache(stores.cache, prefix),
    counters: scopedCounters(stores.counters, prefix),
    ...(stores.lock && { lock: scopedLock(stores.lock, prefix) }),
    ...(stores.tokens && { tokens: scopedCache(stores.tokens, prefix) }),
  };
}

/** /v1's own edge: CORS for ALLOWED_ORIGINS, a rate limit per client, JSON bodies checked before any route reads them. */
function useApiEdge(app: OpenAPIHono, config: Config, context: ProviderContext): void {
  app.use(
    "/v1/*",
    cors({
      isAllowed: context.isAllowedOrigin,
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["content-type"],
      exposeHeaders: ["x-request-id", "retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"],
      maxAge: 600,
    }),
  );
  // With a shared store every instance counts in one window per client; in memory while it is away.
  const shared = context.sharedCounters;
  app.use(
    "/v1/*",
    rateLimit({
      limit: config.rateLimitPerMinute,
      clientKey: context.clientKey,
      now: context.now,
      // Stryker disable next-line StringLiteral: the name only labels the one limit counted in the edge's namespace (its counters hold nothing else)
      ...(shared && { shared: { counters: shared, name: "v1" } }),
    }),
  );
  app.on(METHODS_WITH_BODY, "/v1/*", jsonBodies()); // by method, so reads never run it
}

/** What the metrics read when scraped: each configured provider's health and quota, and the shared store. */
function gaugesOf(providers: readonly Provider[], sharedState: (() => "ready" | "unavailable") | undefined): MetricsGauges {
  return {
    quota: () =>
      Promise.all(
        providers.flatMap(({ name, quota }) =>
          quota ? [quota.used().then((used) => ({ provider: name, used, limit: quota.limit }))] : [],
        ),
      ),
    providers: () => providers.map(({ name, health }) => ({ provider: name, degraded: health.state === "degraded" })),
    ...(sharedState && { sharedStoreUp: () => sharedState() === "ready" }),
  };
}

/** `answer`, or a rejection once `signal` aborts (an in-process request cannot be cancelled). */
function withSignal<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([
    answer,
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal fires "abort" once, so `once` only detaches a listener that can never run again
    new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true })),
  ]);
}
