/**
 * What a provider implements, below every provider and below the app that lists them. Each
 * provider folder (thron/, thunder/, throughline/) has an index.ts exporting a `ProviderModule`:
 * given what the app shares (`ProviderContext`) and its own configuration, it wires its own auth,
 * client and routes, and returns what the app needs of it (`Provider`): where its routes go, and
 * its health and quota for /health and the metrics.
 */
import type { SimulatedUpstream } from "@embedkit/sandbox";
import type { Context, Hono } from "hono";
import type { VarShape, VarValues } from "../core/env-vars.ts";
import type { Logger } from "../core/logger.ts";
import type { ResponseCache, Ttl } from "../upstream/cache.ts";
import type { UpstreamOptions } from "../upstream/call.ts";
import type { ProviderHealth } from "../upstream/health.ts";
import type { CounterStore, RollingQuota } from "../upstream/quota.ts";
import type { Checkup, Probe } from "./checkup.ts";

/**
 * Everything about one provider. `C`: its own configuration, as its config.ts reads it; `S`: its
 * environment variables. config.ts, docs/configuration.md, the doctor, /health, /metrics and
 * /openapi.json all loop over the modules (provider.ts lists them).
 */
export interface ProviderModule<C = unknown, S extends VarShape = VarShape> {
  /** Its key in /health's `providers` (and `quota`), and its configuration's name in `Config` (`thron`). */
  id: string;
  /** Its name in docs, the doctor's lines, metrics and log lines (`THRON`). */
  name: string;
  /** Its environment variables: setting any credential among them turns it on, and then all are needed. */
  vars: S;
  /** Its configuration from its variables; what holds only across several of them is checked here. */
  config(vars: VarValues<S>, context: ConfigContext, problems: string[]): C;
  /**
   * What decides its answers (THRON: tenant and impersonated user): every key it puts in a
   * shared store is namespaced by it (stores/namespace.ts).
   */
  namespace(config: C): readonly string[];
  /** The provider wired; called only when it is configured. */
  create(context: ProviderContext, config: C): Provider;
  /** `pnpm doctor`'s walk through it with the real configuration, one step reported at a time. */
  doctor?(config: C, probe: Probe, report: Checkup): Promise<void>;
  /**
   * Its simulated upstream for sandbox mode, loaded only there (sandbox-mode.ts's loadSimulators):
   * a dynamic import, so a real configuration never loads the simulator. Without one, the provider
   * is on in sandbox mode only when the operator configured it.
   */
  simulator?: () => Promise<ProviderSimulator>;
}

/**
 * A provider's simulated upstream. Sandbox mode mounts it at `<sandbox root>/<id>` (the root is
 * `<public URL>/_sandbox`), and the sandbox's fault switch sets it at `/_sandbox/_admin/faults/<id>`.
 */
export interface ProviderSimulator {
  /** Its variables as the simulator sets them (read over the operator's), its upstream under `root`/<id>. */
  values(root: string): SimulatedValues;
  /** A fresh simulated upstream: its routes, faults (with switches of its own) and counters. */
  create(options: { root: string; now?: (() => number) | undefined }): SimulatedUpstream;
}

/** What a provider's configuration may depend on besides its own variables. */
export interface ConfigContext {
  sandbox: boolean;
  /** In sandbox mode, what its simulator sets (its variables already read over the operator's). */
  simulated: SimulatedValues | null;
}

/** What sandbox mode reads of a provider's simulator (sandbox-mode.ts). */
export interface SimulatedValues {
  /** Its variables as the simulator sets them. */
  env: Readonly<Record<string, string>>;
  /** What else its configuration takes from the simulator (Thunder: the Hub Pro lookup URL when none is set). */
  extra?: Readonly<Record<string, string>>;
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

/** The BFF-wide settings a provider may read (config.ts's `Config` holds them all). */
export interface BaseConfig {
  /** Sandbox mode: the simulated upstreams answer, their secrets are public. */
  sandbox: boolean;
  /** The shared store's URL, null when state lives in process memory. */
  cacheUrl: string | null;
  /** THUNDER_LAUNCHES_PER_MINUTE: launches per client per minute. */
  launchesPerMinute: number;
}

/** What the runtime gives the app that providers read (app.ts's `AppDeps` holds them all). */
export interface ProviderDeps {
  /** Where this BFF is reachable from browsers (sandbox URLs are built from it). */
  publicUrl: string;
  /** publicUrl is a guess (no PUBLIC_URL): sandbox media URLs follow the origin each request came to. */
  publicUrlGuessed?: boolean;
  /** Refresh tokens this long before they expire. */
  refreshAheadMs?: number;
  /** Entries the in-memory cache of THRON's answers keeps (5,000 unless given). */
  memoryCacheEntries?: number;
  /** How long answers stay fresh, and then usable while stale, by what is cached (defaults in each provider's index.ts). */
  ttl?: { readonly [cached: string]: Ttl | undefined };
  /** ThroughLine calls started per second at most (ThroughLine allows 30). */
  throughlinePerSecond?: number;
  /** How paced calls wait their turn (tests move their clock instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  /** How long a failed ThroughLine look-up is answered without a call (30 s; browser tests of a retry set 0). */
  throughlineFailureMemoryMs?: number;
}

/** What the app shares with every provider. */
export interface ProviderContext {
  config: BaseConfig;
  deps: ProviderDeps;
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
