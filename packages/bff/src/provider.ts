/**
 * The one shape every provider has. Each provider folder (thron/, thunder/, throughline/) has an
 * index.ts exporting a `ProviderModule`: given what the app shares (`ProviderContext`), it wires
 * its own auth, client and routes, and returns what the app needs of it (`Provider`): where its
 * routes go, and its health and quota for /health and the metrics. A fourth provider is a copy of
 * one folder and one more entry in app.ts's list.
 */
import type { Health } from "@embedkit/contracts";
import type { Context, Hono } from "hono";
import type { AppDeps } from "./app.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./core/logger.ts";
import type { ResponseCache } from "./upstream/cache.ts";
import type { UpstreamOptions } from "./upstream/call.ts";
import type { ProviderHealth } from "./upstream/health.ts";
import type { CounterStore, RollingQuota } from "./upstream/quota.ts";

/** The provider's key in /health's `providers` (and `quota`). */
export type ProviderId = keyof Health["providers"];

export interface ProviderModule {
  id: ProviderId;
  /**
   * What decides its answers (THRON: tenant and impersonated user), or null when it is not
   * configured: every key it puts in a shared store is namespaced by it (stores/namespace.ts).
   */
  namespace(config: Config): readonly string[] | null;
  /** The provider wired, or null when it is not configured (off). */
  create(context: ProviderContext): Provider | null;
}

/** A configured provider, as the app mounts and reports it. */
export interface Provider {
  /** Its name in metrics and log lines (`THRON`). */
  name: string;
  /** Where its routes are mounted (`/v1/thron`). */
  path: string;
  routes: Hono;
  /** Whether its recent upstream calls worked, and its standing configuration problems. */
  health: ProviderHealth;
  /** A daily quota of upstream calls, when the vendor sets one. */
  quota?: RollingQuota;
}

/** What the app shares with every provider. */
export interface ProviderContext {
  config: Config;
  deps: AppDeps;
  logger: Logger;
  /** The clock for whatever expires: tokens, cached answers, quotas, rate limits, tickets (AppDeps.now). */
  now: () => number;
  /** How to call the upstream named `name`: fetch (in-process in sandbox mode), timeout, metrics, traces, fleet-shared tokens. */
  upstream(name: string): UpstreamOptions;
  /**
   * A cache of answers of its own: in the shared store when there is one, else in memory
   * (`memoryEntries` at most). Like the counters, tokens and locks below, its keys are in the
   * provider's namespace.
   */
  responseCache(memoryEntries?: number): ResponseCache;
  /** Counters for quotas, tickets and budgets: shared by the fleet when a shared store is set. */
  counters: CounterStore;
  /** The shared store's counters, when there is one (rate limits count in memory without). */
  sharedCounters?: CounterStore;
  /**
   * The shared store's counters outside any deployment's namespace, for a vendor's limit per
   * egress address (ThroughLine's 30 a second per IP): every deployment on this store counts in
   * the same window, since they may leave through one address. Counts only, never answers.
   */
  egressCounters?: CounterStore;
  /** The client's network address (rate limits, budgets). */
  clientKey: (c: Context) => string;
  /** ALLOWED_ORIGINS. */
  isAllowedOrigin: (origin: string) => boolean;
}
