/**
 * Environment → typed configuration: the BFF's own settings here, each provider's in its
 * `<provider>/config.ts`. Every problem is collected and reported at once, naming the
 * variables, so an operator fixes a deploy in one round.
 */
import { parse } from "tldts";
import { z } from "zod";
import {
  credentialsOf,
  decimalNumber,
  type Env,
  envVar,
  list,
  readVars,
  secretValues,
  stripSlash,
  type VarValues,
  wholeNumber,
} from "./core/env-vars.ts";
import { LOG_LEVELS } from "./core/logger.ts";
import { PROVIDERS } from "./provider.ts";
import type { ProviderModule, SimulatedValues } from "./providers/contract.ts";
import type { ThronConfig } from "./thron/config.ts";
import type { ThroughLineConfig } from "./throughline/config.ts";
import type { ThunderConfig } from "./thunder/config.ts";

export type { GalleryConfig, ThronConfig } from "./thron/config.ts";
export type { ThroughLineConfig } from "./throughline/config.ts";
export { DEFAULT_THUNDER_TOKEN_MINUTES, type ThunderConfig, type ThunderTarget } from "./thunder/config.ts";

const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;
const REDIS_URL_PATTERN = /^rediss?:\/\/\S+$/;
const orNull = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

/** The BFF's own variables; those of the runtime alone (HOST, PUBLIC_URL) are here to be checked and documented. */
export const BASE_VARS = {
  port: envVar(
    { env: "PORT", doc: "Port to listen on (Node, Bun, Deno)." },
    decimalNumber("PORT must be a port number (0–65535)", 0, 65_535).default(8787),
  ),
  host: envVar({ env: "HOST", doc: "Interface to listen on." }, z.string().default("0.0.0.0")),
  publicUrl: envVar(
    {
      env: "PUBLIC_URL",
      doc: "Where browsers reach the BFF; sandbox URLs are built from it. Unset, sandbox media URLs follow the origin each request came to.",
      unset: "http://localhost:$PORT",
    },
    z
      .string()
      .refine(isHttpUrl, "PUBLIC_URL must be the http(s) URL browsers reach the BFF at, such as https://bff.example.com")
      .optional(),
  ),
  /** Exact origins and `https://*.domain` patterns; `*` only in sandbox mode. */
  allowedOrigins: envVar(
    {
      env: "ALLOWED_ORIGINS",
      doc: "Comma list of origins that may call /v1 from a browser; `https://*.example.com` wildcards; `*` only in sandbox mode.",
      unset: "* in sandbox mode, none otherwise",
    },
    z.string().optional(),
  ),
  sandbox: envVar(
    {
      env: "BFF_SANDBOX",
      doc: "`1` forces sandbox mode (simulated upstreams under /_sandbox), `0` forbids it.",
      unset: "on when no provider is configured",
    },
    z.enum(["0", "1"], { error: "BFF_SANDBOX must be 0 or 1" }).optional(),
  ),
  /** Serve /builder, the page that writes embed snippets (default: in sandbox mode only). */
  builder: envVar(
    {
      env: "BFF_BUILDER",
      doc: "`1` serves /builder (the page that writes embed snippets for editors), `0` hides it.",
      unset: "on in sandbox mode, off otherwise",
    },
    z.enum(["0", "1"], { error: "BFF_BUILDER must be 0 or 1" }).optional(),
  ),
  /** Shared cache and counters (redis:// or rediss://), this or else REDIS_URL; null: in process memory. */
  cacheUrl: envVar(
    {
      env: "BFF_CACHE_URL",
      doc:
        "`redis://…` or `rediss://…`: cached answers, tokens, locks, rate limits and ThroughLine's quota shared by every instance. " +
        "Every key is namespaced by what decides it (THRON tenant and user, ThroughLine client id, Thunder user), so deployments may share one Redis.",
      unset: "REDIS_URL, else in-process memory",
      secret: true, // may hold a Redis password
    },
    orNull(z.string().regex(REDIS_URL_PATTERN, "BFF_CACHE_URL must be a redis:// or rediss:// URL")),
  ),
  /** The name most platforms give their Redis: used when BFF_CACHE_URL is unset. */
  redisUrl: envVar(
    {
      env: "REDIS_URL",
      doc: "The shared store when BFF_CACHE_URL is unset (the name most platforms set); ignored when BFF_CACHE_URL is set.",
      unset: "in-process memory, unless BFF_CACHE_URL is set",
      secret: true,
    },
    orNull(z.string()),
  ),
  /** Requests per client per minute on /v1. */
  rateLimitPerMinute: envVar(
    { env: "RATE_LIMIT_PER_MINUTE", doc: "Requests per client per minute on /v1; 429 with Retry-After beyond." },
    decimalNumber("RATE_LIMIT_PER_MINUTE must be a whole number ≥ 1", 1, 1e12).default(600),
  ),
  /** The least severe log lines written; `warn` drops the access log. */
  logLevel: envVar(
    {
      env: "LOG_LEVEL",
      doc: "`debug`, `info`, `warn` or `error`: the least severe JSON log lines written to stdout. `warn` drops the one-line-per-request access log.",
    },
    z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  /** GET /metrics on the main port answers only with this bearer token; null: not served there. */
  metricsToken: envVar(
    {
      env: "METRICS_TOKEN",
      doc: "Serves GET /metrics (Prometheus text) to requests with `Authorization: Bearer <token>`; at least 16 characters.",
      unset: "/metrics not served on the main port",
      secret: true,
    },
    orNull(z.string().min(16, "METRICS_TOKEN must be at least 16 characters")),
  ),
  /** GET /metrics on a port of its own (Node, Bun, Deno), without a token; null: none. */
  metricsPort: envVar(
    {
      env: "METRICS_PORT",
      doc: "Serves GET /metrics without a token on a port of its own (Node, Bun, Deno); keep that port private.",
      unset: "none",
    },
    orNull(wholeNumber("METRICS_PORT must be a port number (0–65535)", 0, 65_535)),
  ),
  /** Where OpenTelemetry traces go (OTLP over HTTP); null: no tracing, nothing loaded. */
  otlpEndpoint: envVar(
    {
      env: "OTEL_EXPORTER_OTLP_ENDPOINT",
      doc: "OTLP/HTTP collector base URL: one trace span per request, a child span per upstream call. Nothing is loaded when unset.",
      unset: "no tracing",
    },
    orNull(z.string().regex(/^https?:\/\/\S+$/, "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL")),
  ),
  /**
   * Proxies the operator runs in front of the BFF (0: none). The client's address is the
   * X-Forwarded-For entry the outermost of them added, counted from the right: what is left of
   * it is the client's to choose.
   */
  trustProxy: envVar(
    {
      env: "TRUST_PROXY",
      doc: "Proxies you run in front of the BFF: `true` or `1` for one, `<n>` for n in a chain, `false` or `0` for none. The client address is the X-Forwarded-For entry the outermost of them added (n-th from the right); entries to its left are the client's to forge.",
    },
    z
      .string()
      .transform((text) => (text.toLowerCase() === "true" ? "1" : text.toLowerCase() === "false" ? "0" : text))
      .pipe(decimalNumber("TRUST_PROXY must be true, false or the number of proxies in front of the BFF (0–20)", 0, 20))
      .default(0),
  ),
  /** Thunder launches per client per minute. */
  launchesPerMinute: envVar(
    { env: "THUNDER_LAUNCHES_PER_MINUTE", doc: "Launches per client per minute." },
    wholeNumber("THUNDER_LAUNCHES_PER_MINUTE must be a whole number ≥ 1", 1).default(20),
  ),
};

export type { SimulatedValues };

/**
 * The BFF's settings, and each provider's own configuration under its id (null when it is off):
 * the three built in are typed here; any other module's is read with `ownConfig`.
 */
export type Config = ReturnType<typeof baseSettings> & {
  thron: ThronConfig | null;
  thunder: ThunderConfig | null;
  throughline: ThroughLineConfig | null;
  /** Every provider the BFF knows: PROVIDERS, unless loadConfig was given others. */
  providers: readonly ProviderModule[];
  /** Worth an operator's attention at start, though not errors (logged once). */
  warnings: string[];
};

/** A provider's own configuration in `config`, null when it is off. */
export function ownConfig(config: Config, module: ProviderModule): unknown {
  const byId: Readonly<Record<string, unknown>> = config;
  return byId[module.id] ?? null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export interface LoadOptions {
  /** Where this BFF is reachable; in sandbox mode the simulated upstreams live under it. */
  publicUrl?: string;
  /**
   * The simulated upstreams' values, read in sandbox mode over the operator's variables: given
   * by sandbox-mode.ts (its loadConfig), so that reading a real configuration never loads the simulator.
   */
  simulated?: (module: ProviderModule, publicUrl: string) => SimulatedValues | null;
  /** The providers the BFF knows (PROVIDERS unless given: a test's fixture provider). */
  providers?: readonly ProviderModule[];
}

export function loadConfig(env: Env, options: LoadOptions = {}): Config {
  const problems: string[] = [];
  const warnings: string[] = [];
  const providers = options.providers ?? PROVIDERS;
  const vars = readVars(BASE_VARS, env, problems);
  const anyEnabled = providers.map((module) => isEnabled(module, env, problems)).includes(true);
  const sandbox = sandboxMode(vars.sandbox, anyEnabled, problems);
  const base = baseSettings(vars, sandbox, problems, warnings);
  const simulatedOf = sandbox ? simulatedValues(options, vars.port, problems) : null;
  // In sandbox mode each provider reads its simulator's values over the operator's; one without
  // a simulator is on only when the operator configured it.
  const own = providers.map((module) => {
    const simulated = simulatedOf?.(module) ?? null;
    const read = simulated ? { ...env, ...simulated.env } : env;
    const on = credentialsOf(module.vars, read).present.length > 0;
    return [module.id, on ? module.config(readVars(module.vars, read, problems), { sandbox, simulated }, problems) : null] as const;
  });
  if (problems.length > 0) throw new ConfigError(problems);
  // Typed for the three built in (Config); any other provider's is read with ownConfig.
  return { ...base, warnings, providers, ...(Object.fromEntries(own) as Pick<Config, "thron" | "thunder" | "throughline">) };
}

/** Each provider's simulated values for sandbox mode; a problem when the caller did not give them. */
function simulatedValues(options: LoadOptions, port: number, problems: string[]) {
  const { simulated } = options;
  if (!simulated) {
    problems.push("sandbox mode needs the simulated upstreams: load the configuration with sandbox-mode.ts's loadConfig");
    return null;
  }
  const publicUrl = stripSlash(options.publicUrl ?? `http://localhost:${port}`);
  return (module: ProviderModule) => simulated(module, publicUrl);
}

/** A provider is enabled when any of its credentials is set; then all of them must be. */
function isEnabled(module: ProviderModule, env: Env, problems: string[]): boolean {
  const { present, missing } = credentialsOf(module.vars, env);
  if (present.length > 0 && missing.length > 0)
    problems.push(`${module.name} is partly configured: set ${missing.join(", ")} (or unset ${present.join(", ")})`);
  return present.length > 0;
}

function sandboxMode(setting: "0" | "1" | undefined, anyProvider: boolean, problems: string[]): boolean {
  if (setting === "0" && !anyProvider)
    problems.push("BFF_SANDBOX=0 forbids sandbox mode, but no provider is configured (THRON_*, THUNDER_* or THROUGHLINE_*)");
  return setting === "1" || (setting === undefined && !anyProvider);
}

function baseSettings(vars: VarValues<typeof BASE_VARS>, sandbox: boolean, problems: string[], warnings: string[]) {
  const { host: _host, publicUrl: _publicUrl, sandbox: _sandbox, builder, allowedOrigins: origins, cacheUrl, ...settings } = vars;
  const allowedOrigins = list(origins ?? (sandbox ? "*" : ""));
  problems.push(...allowedOrigins.flatMap((origin) => originProblems(origin, sandbox)));
  if (!sandbox && allowedOrigins.length === 0)
    warnings.push("ALLOWED_ORIGINS is empty: no other site can use the elements from a browser; list the sites that embed them");
  return {
    ...settings,
    ...sharedStore(cacheUrl, settings.redisUrl, problems),
    sandbox,
    builder: builder === undefined ? sandbox : builder === "1",
    allowedOrigins,
  };
}

/** BFF_CACHE_URL, else REDIS_URL (checked only when it is the one used), and which of them it is. */
function sharedStore(cacheUrl: string | null, redisUrl: string | null, problems: string[]) {
  if (cacheUrl !== null) return { cacheUrl, cacheUrlVar: "BFF_CACHE_URL" as const };
  if (redisUrl === null) return { cacheUrl: null, cacheUrlVar: null };
  if (!REDIS_URL_PATTERN.test(redisUrl)) problems.push("REDIS_URL must be a redis:// or rediss:// URL (or set BFF_CACHE_URL)");
  return { cacheUrl: redisUrl, cacheUrlVar: "REDIS_URL" as const };
}

function originProblems(origin: string, sandbox: boolean): string[] {
  if (origin === "*") return sandbox ? [] : ["ALLOWED_ORIGINS may be * only in sandbox mode: list the sites that embed the elements"];
  if (!ORIGIN.test(origin))
    return [`ALLOWED_ORIGINS: "${origin}" is not an origin such as https://www.example.com or https://*.example.com`];
  if (origin.includes("://*.") && isPublicSuffix(origin.split("://*.")[1] as string))
    return [`ALLOWED_ORIGINS: "${origin}" covers every site under a public suffix; name your own domain, such as https://*.example.com`];
  return [];
}

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^/\s?#][^\s?#]*$/i.test(text)) return false;
  try {
    return Boolean(new URL(text).host);
  } catch {
    return false;
  }
}

/** `com`, `co.uk`, `github.io`: a `*.` over one would let anyone's site in. */
function isPublicSuffix(hostAndPort: string): boolean {
  // Stryker disable next-line Regex: tldts reads a host without its port by itself; the port is dropped here only to say so
  const host = hostAndPort.replace(/:\d+$/, "");
  const parsed = parse(host, { allowPrivateDomains: true });
  return !parsed.isIp && parsed.domain === null;
}

/** Every configured secret, from the variables marked secret: log lines never carry them. */
export function secretsOf(config: Config): string[] {
  return [
    ...secretValues(BASE_VARS, config),
    ...config.providers.flatMap((module) => secretValues(module.vars, ownConfig(config, module) as Record<string, unknown> | null)),
  ];
}
