/**
 * Start-up shared by the server runtimes (Node, Bun, Deno): configuration, the shared store
 * when BFF_CACHE_URL (or REDIS_URL) is set, the bundle from disk, the app.
 */
import { type AppDeps, createApp } from "../app.ts";
import { secretsOf } from "../config.ts";
import { createLogger } from "../core/logger.ts";
import type { Tracing } from "../core/tracing.ts";
import { loadConfig } from "../sandbox-mode.ts";
import { MemoryTier } from "../stores/memory-tier.ts";
import { readBundle, readSwaggerUi } from "./bundle-files.ts";
import { serveMetrics } from "./metrics-server.ts";
import { browserHost, urlHost } from "./url-host.ts";

/** The interface HOST names, trimmed as every other variable is; all of them when unset or blank. */
export function listenHostOf(env: Record<string, string | undefined>): string {
  return env.HOST?.trim() || "0.0.0.0";
}

export interface PrepareOptions {
  env: Record<string, string | undefined>;
  /** The port actually listened on (it may differ from PORT when 0 was asked). */
  port: number;
  /** Host browsers use when PUBLIC_URL is not set. */
  publicHost: string;
  /** Interface METRICS_PORT's server listens on (the one the app listens on). */
  metricsHost: string;
  deps?: Partial<AppDeps>;
}

export async function prepareBff({ env, port, publicHost, metricsHost, deps = {} }: PrepareOptions) {
  const url = env.PUBLIC_URL?.replace(/\/$/, "") ?? `http://${urlHost(publicHost)}:${port}`;
  const config = loadConfig({ ...env, PORT: String(port) }, { publicUrl: url });
  const sink = deps.logSink ?? ((line: string) => console.log(line));
  // Loaded only when configured: memory-only deploys never load the Redis client.
  const redis = config.cacheUrl
    ? await (await import("../stores/redis.ts")).connectRedis(
        config.cacheUrl,
        createLogger(sink, secretsOf(config), { minLevel: config.logLevel }),
        {
          from: config.cacheUrlVar ?? undefined,
          // Stryker disable next-line ObjectLiteral,LogicalOperator: a tests' knob (PATIENT_WITH_REDIS): without it the fleet tests keep the 150 ms budget, which only a loaded machine notices
          ...(deps.sharedStoreBudgetMs && { commandBudgetMs: deps.sharedStoreBudgetMs }),
        },
      )
    : null;
  // Whatever fails once Redis is connected (a METRICS_PORT in use, the app's own set-up) releases
  // what was opened, so an in-process caller (tests, an embedding server) is not left holding a connection.
  let tracing: Tracing | null = null;
  try {
    // Loaded only when /metrics is enabled: prom-client stays out of every other deploy.
    const metrics =
      config.metricsToken !== null || config.metricsPort !== null ? (await import("../core/prometheus.ts")).createPrometheusMetrics : null;
    // Loaded only when traces are exported: the OpenTelemetry SDK stays out of every other deploy.
    tracing = config.otlpEndpoint ? (await import("../core/otel.ts")).createOtelTracing(config.otlpEndpoint) : null;
    // The memory tier sits in front of Redis for answers; tokens stay in Redis alone (a rotated
    // refresh token must be seen by every instance at once).
    const stores = redis && {
      cache: new MemoryTier(redis.cache),
      counters: redis.counters,
      lock: redis.lock,
      tokens: redis.cache,
      sharedState: redis.state,
    };
    const built = createApp(config, {
      publicUrl: url,
      publicUrlGuessed: !env.PUBLIC_URL,
      staticFiles: readBundle(),
      swaggerUi: readSwaggerUi(),
      batchLogs: true,
      ...(stores && { stores }),
      ...(metrics && { metrics }),
      ...(tracing && { tracing }),
      ...deps,
    });
    const metricsServer =
      config.metricsPort !== null && built.metrics ? await serveMetrics(built.metrics, config.metricsPort, metricsHost) : null;
    const openTracing = tracing;
    return {
      ...built,
      config,
      url,
      /** Where METRICS_PORT's server listens (the port actually bound). */
      metricsUrl: metricsServer?.url ?? null,
      tracing: openTracing,
      /** Releases everything; one release failing (spans a collector refused) is a warning, and the rest still go. */
      close: async () => {
        built.logger.flush();
        // The spans still waiting are sent before Redis goes.
        await inTurn(
          [
            ["closing the metrics server", () => metricsServer?.close()],
            ["sending the last traces", () => openTracing?.shutdown()],
            ["closing the shared store", () => redis?.close()],
          ],
          (what, error) => built.logger.log("warn", `stopping: ${what} failed`, { error: String(error) }),
        );
      },
    };
  } catch (error) {
    const opened = tracing;
    // The start's own error is the one to tell.
    await inTurn(
      [
        ["sending the traces", () => opened?.shutdown()],
        ["closing the shared store", () => redis?.close()],
      ],
      () => {},
    );
    throw error;
  }
}

/** Runs each release in turn, every one even when an earlier fails, telling `failed` of each that does. */
async function inTurn(
  releases: [what: string, release: () => Promise<unknown> | undefined][],
  failed: (what: string, error: unknown) => void,
): Promise<void> {
  for (const [what, release] of releases) {
    try {
      await release();
    } catch (error) {
      failed(what, error);
    }
  }
}

/**
 * For runtimes that listen where PORT says (Bun, Deno): prepares the BFF on that port, with the
 * runtime's own way of reading the client's address, and says where it listens.
 */
export async function prepareOnConfiguredPort(
  env: Record<string, string | undefined>,
  runtime: string,
  clientAddress: NonNullable<AppDeps["clientAddress"]>,
) {
  const port = loadConfig(env).port;
  const hostname = listenHostOf(env);
  const bff = await prepareBff({ env, port, publicHost: browserHost(hostname), metricsHost: hostname, deps: { clientAddress } });
  process.once("exit", () => bff.logger.flush()); // the lines still waiting in their batch
  console.log(`Embedkit BFF on ${runtime} at ${bff.url}${bff.config.sandbox ? " (sandbox mode)" : ""}`);
  return { ...bff, port, hostname };
}
