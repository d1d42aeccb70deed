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
import { THRON_VARS, thronConfig } from "./thron/config.ts";
import { THROUGHLINE_VARS, throughlineConfig } from "./throughline/config.ts";
import { THUNDER_VARS, thunderConfig } from "./thunder/config.ts";

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

/** Each provider's variables, under the name its configuration takes in `Config`. */
export const PROVIDER_VARS = { thron: THRON_VARS, thunder: THUNDER_VARS, throughline: THROUGHLINE_VARS };
type Provider = keyof typeof PROVIDER_VARS;

export type Config = ReturnType<typeof baseSettings> & {
  thron: ReturnType<typeof thronConfig> | null;
  thunder: ReturnType<typeof thunderConfig> | null;
  throughline: ReturnType<typeof throughlineConfig> | null;
  /** Worth an operator's attention at start, though not errors (logged once). */
  warnings: string[];
};

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
  simulated?: (publicUrl: string) => SimulatedValues;
}

/** What sandbox mode reads: each provider's variables as the simulator sets them. */
export interface SimulatedValues {
  env: Env;
  /** Thunder's Hub Pro lookup URL in the sandbox, when THUNDER_LAUNCH_MODE=hub-pro names none. */
  thunderHubLookup: string;
}

export function loadConfig(env: Env, options: LoadOptions = {}): Config {
  const problems: string[] = [];
  const warnings: string[] = [];
  const vars = readVars(BASE_VARS, env, problems);
  const enabled = enabledProviders(env, problems);
  const sandbox = sandboxMode(vars.sandbox, Object.values(enabled).includes(true), problems);
  const base = baseSettings(vars, sandbox, problems, warnings);
  const simulated = sandbox ? simulatedValues(options, vars.port, problems) : null;
  // In sandbox mode each provider reads the sandbox's values over the operator's.
  const read = <S extends (typeof PROVIDER_VARS)[Provider]>(shape: S) =>
    readVars(shape, simulated ? { ...env, ...simulated.env } : env, problems);
  const on = (provider: Provider) => sandbox || enabled[provider];
  const thron = on("thron") ? thronConfig(read(THRON_VARS), problems) : null;
  const sandboxHubLookup = simulated?.thunderHubLookup ?? null;
  const thunder = on("thunder") ? thunderConfig(read(THUNDER_VARS), { sandbox, sandboxHubLookup }, problems) : null;
  const throughline = on("throughline") ? throughlineConfig(read(THROUGHLINE_VARS)) : null;
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...base, warnings, thron, thunder, throughline };
}

/** The simulator's values for sandbox mode; a problem when the caller did not give them. */
function simulatedValues(options: LoadOptions, port: number, problems: string[]): SimulatedValues | null {
  if (!options.simulated) {
    problems.push("sandbox mode needs the simulated upstreams: load the configuration with sandbox-mode.ts's loadConfig");
    return null;
  }
  return options.simulated(stripSlash(options.publicUrl ?? `http://localhost:${port}`));
}

/** A provider is enabled when any of its credentials is set; then all of them must be. */
function enabledProviders(env: Env, problems: string[]): Record<Provider, boolean> {
  const enabled = {} as Record<Provider, boolean>;
  for (const provider of Object.keys(PROVIDER_VARS) as Provider[]) {
    const { present, missing } = credentialsOf(PROVIDER_VARS[provider], env);
    enabled[provider] = present.length > 0;
    if (present.length > 0 && missing.length > 0)
      problems.push(`${provider} is partly configured: set ${missing.join(", ")} (or unset ${present.join(", ")})`);
  }
  return enabled;
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
  if (origin === "*") return sandbox ? [] : ["ALLOWED_ORIGINS may be * only in sandbox mode; list the sites that embed the elements"];
  if (!ORIGIN.test(origin))
    return [`ALLOWED_ORIGINS: "${origin}" is not an origin such as https://www.example.com or https://*.example.com`];
  if (origin.includes("://*.") && isPublicSuffix(origin.split("://*.")[1] as string))
    return [`ALLOWED_ORIGINS: "${origin}" covers every site under a public suffix; name your own domain, such as https://*.example.com`];
  return [];
}

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^/\s?#]+[^\s?#]*$/i.test(text)) return false;
  try {
    return Boolean(new URL(text).host);
  } catch {
    return false;
  }
}

/** `com`, `co.uk`, `github.io`: a `*.` over one would let anyone's site in. */
function isPublicSuffix(hostAndPort: string): boolean {
  const host = hostAndPort.replace(/:\d+$/, "");
  const parsed = parse(host, { allowPrivateDomains: true });
  return !parsed.isIp && parsed.domain === null;
}

/** Every configured secret, from the variables marked secret: log lines never carry them. */
export function secretsOf(config: Config): string[] {
  return [
    ...secretValues(BASE_VARS, config),
    ...(Object.keys(PROVIDER_VARS) as Provider[]).flatMap((provider) => secretValues(PROVIDER_VARS[provider], config[provider])),
  ];
}
