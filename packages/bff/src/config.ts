/**
 * Environment → typed configuration. Every problem is collected and reported at once, naming
 * the variables, so an operator fixes a deploy in one round.
 */
import { THRON_SANDBOX, THROUGHLINE_SANDBOX, THUNDER_SANDBOX } from "@embedkit/sandbox";
import { parse } from "tldts";
import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./core/logger.ts";
import { API_VERSION, DEFAULT_API_URL, DEFAULT_EVENTS_URL } from "./throughline/mapping.ts";

export interface GalleryConfig {
  folderId: string;
  pkey: string;
  filterKeys: string[];
}

export interface ThronConfig {
  tenant: string;
  authUrl: string;
  apiUrl: string;
  cdnUrl: string;
  clientId: string;
  clientSecret: string;
  username: string;
  classificationId: string | null;
  /** By name; a Map, so a name such as `constructor` or `__proto__` is only ever an unknown gallery. */
  galleries: ReadonlyMap<string, GalleryConfig>;
}

export type ThunderTarget = "cloud" | "local-https" | "local-http" | { base: string };

export interface ThunderConfig {
  ssoUrl: string;
  username: string;
  password: string;
  vendorGuid: string;
  target: ThunderTarget;
  /** Lifetime asked of GenerateTokenWithDuration for each launch's own token. */
  tokenMinutes: number;
  /** When set, a launch needs a host-issued HS256 ticket signed with it. */
  ticketSecret: string | null;
  /** THUNDER_PUBLIC_LAUNCH=1: no ticket, only an allowed Origin (weaker; refused without Origin). */
  publicLaunch: boolean;
  /** `direct`: the launch URL goes to the browser; `hub-pro`: it is saved with SaveUserUrlByGuid and the lookup URL goes instead. */
  launchMode: "direct" | "hub-pro";
  /** hub-pro: the lookup URL answered to the browser, `{guid}` replaced. */
  hubProLookupUrl: string | null;
}

export interface ThroughLineConfig {
  tokenUrl: string;
  /** The directory API, at the version the mapping speaks (v2). */
  apiUrl: string;
  /** Base of the display and click events (ThroughLine documents them under /v1/events). */
  eventsUrl: string;
  clientId: string;
  clientSecret: string;
  /** Upstream calls the BFF allows itself per rolling day. */
  dailyQuota: number;
}

export interface Config {
  port: number;
  sandbox: boolean;
  /** Serve /builder, the page that writes embed snippets (default: in sandbox mode only). */
  builder: boolean;
  /** Exact origins and `https://*.domain` patterns; `*` only in sandbox mode. */
  allowedOrigins: string[];
  thron: ThronConfig | null;
  thunder: ThunderConfig | null;
  throughline: ThroughLineConfig | null;
  /** Shared cache and counters (redis:// or rediss://); null: in process memory. */
  cacheUrl: string | null;
  /** Requests per client per minute on /v1. */
  rateLimitPerMinute: number;
  /** Thunder launches per client per minute. */
  launchesPerMinute: number;
  /**
   * Proxies the operator runs in front of the BFF (0: none). The client's address is the
   * X-Forwarded-For entry the outermost of them added, counted from the right: what is left of
   * it is the client's to choose.
   */
  trustProxy: number;
  /** The least severe log lines written; `warn` drops the access log. */
  logLevel: LogLevel;
  /** GET /metrics on the main port answers only with this bearer token; null: not served there. */
  metricsToken: string | null;
  /** GET /metrics on a port of its own (Node, Bun, Deno), without a token; null: none. */
  metricsPort: number | null;
  /** Where OpenTelemetry traces go (OTLP over HTTP); null: no tracing, nothing loaded. */
  otlpEndpoint: string | null;
  /** Worth an operator's attention at start, though not errors (logged once). */
  warnings: string[];
  /** Which providers have credentials; the ones not built yet report "unconfigured" in /health. */
  configured: { thron: boolean; thunder: boolean; throughline: boolean };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Variables that make up each provider's credentials: any one set means all are needed. */
const PROVIDER_VARS = {
  thron: ["THRON_TENANT", "THRON_CLIENT_ID", "THRON_CLIENT_SECRET", "THRON_USERNAME"],
  thunder: ["THUNDER_USERNAME", "THUNDER_PASSWORD", "THUNDER_VENDOR_GUID"],
  throughline: ["THROUGHLINE_CLIENT_ID", "THROUGHLINE_CLIENT_SECRET"],
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_THUNDER_SSO = "https://tcssoservices.xosdigital.com/sso/RESTSSOServices.svc";
const MIN_TICKET_SECRET = 32;
/**
 * Each launch's own token lives this long unless THUNDER_TOKEN_MINUTES says otherwise: long
 * enough for the app (or the Hub Pro lookup) to open, short enough that a leaked URL soon dies.
 * An assumption: the vendor documents no minimum, nor whether the app needs the token after it opens.
 */
export const DEFAULT_THUNDER_TOKEN_MINUTES = 5;
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;
const GalleryName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const GalleriesJson = z.record(
  GalleryName,
  z.object({ folderId: z.string().min(1), pkey: z.string().min(1), filterKeys: z.array(z.string().min(1)).default([]) }),
);

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const stripSlash = (url: string) => url.replace(/\/+$/, "");

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

export interface LoadOptions {
  /** Where this BFF is reachable; in sandbox mode the simulated upstreams live under it. */
  publicUrl?: string;
}

export function loadConfig(env: Record<string, string | undefined>, options: LoadOptions = {}): Config {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  const warnings: string[] = [];
  /** Plain decimal digits only: `0x1f90` or `1e3` are typos an operator should hear about. */
  const wholeNumber = (name: string, fallback: number, min: number, max: number, problem: string) => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
    if (!(n >= min && n <= max)) problems.push(problem);
    return n;
  };

  const port = wholeNumber("PORT", 8787, 0, 65_535, "PORT must be a port number (0–65535)");
  const rateLimitPerMinute = wholeNumber("RATE_LIMIT_PER_MINUTE", 600, 1, 1e12, "RATE_LIMIT_PER_MINUTE must be a whole number ≥ 1");
  const trustProxyVar = value("TRUST_PROXY")?.toLowerCase();
  const trustProxy =
    trustProxyVar === "true"
      ? 1
      : trustProxyVar === "false"
        ? 0
        : wholeNumber("TRUST_PROXY", 0, 0, 20, "TRUST_PROXY must be true, false or the number of proxies in front of the BFF (0–20)");
  const publicUrl = value("PUBLIC_URL");
  if (publicUrl !== undefined && !isHttpUrl(publicUrl))
    problems.push("PUBLIC_URL must be the http(s) URL browsers reach the BFF at, such as https://bff.example.com");
  const logLevel = (value("LOG_LEVEL") ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  const cacheUrl = value("BFF_CACHE_URL") ?? null;
  if (cacheUrl !== null && !/^rediss?:\/\/\S+$/.test(cacheUrl)) problems.push("BFF_CACHE_URL must be a redis:// or rediss:// URL");
  const metricsToken = value("METRICS_TOKEN") ?? null;
  if (metricsToken !== null && metricsToken.length < 16) problems.push("METRICS_TOKEN must be at least 16 characters");
  const metricsPortText = value("METRICS_PORT");
  const metricsPort = metricsPortText === undefined ? null : Number(metricsPortText);
  if (metricsPort !== null && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535))
    problems.push("METRICS_PORT must be a port number (0–65535)");
  const otlpEndpoint = value("OTEL_EXPORTER_OTLP_ENDPOINT") ?? null;
  if (otlpEndpoint !== null && !/^https?:\/\/\S+$/.test(otlpEndpoint)) problems.push("OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL");
  const launchesPerMinute = Number(value("THUNDER_LAUNCHES_PER_MINUTE") ?? 20);
  if (!Number.isInteger(launchesPerMinute) || launchesPerMinute < 1)
    problems.push("THUNDER_LAUNCHES_PER_MINUTE must be a whole number ≥ 1");

  const configured = {} as Config["configured"];
  for (const [provider, names] of Object.entries(PROVIDER_VARS) as [keyof typeof PROVIDER_VARS, readonly string[]][]) {
    const present = names.filter((n) => value(n));
    configured[provider] = present.length > 0;
    if (present.length > 0 && present.length < names.length) {
      const missing = names.filter((n) => !value(n));
      problems.push(`${provider} is partly configured: set ${missing.join(", ")} (or unset ${present.join(", ")})`);
    }
  }
  const anyProvider = configured.thron || configured.thunder || configured.throughline;

  const sandboxVar = value("BFF_SANDBOX");
  if (sandboxVar !== undefined && sandboxVar !== "0" && sandboxVar !== "1") problems.push("BFF_SANDBOX must be 0 or 1");
  const sandbox = sandboxVar === "1" || (sandboxVar === undefined && !anyProvider);
  if (sandboxVar === "0" && !anyProvider)
    problems.push("BFF_SANDBOX=0 forbids sandbox mode, but no provider is configured (THRON_*, THUNDER_* or THROUGHLINE_*)");

  const builderVar = value("BFF_BUILDER");
  if (builderVar !== undefined && builderVar !== "0" && builderVar !== "1") problems.push("BFF_BUILDER must be 0 or 1");
  const builder = builderVar === undefined ? sandbox : builderVar === "1";

  const allowedOrigins = list(value("ALLOWED_ORIGINS") ?? (sandbox ? "*" : ""));
  for (const origin of allowedOrigins) {
    if (origin === "*") {
      if (!sandbox) problems.push("ALLOWED_ORIGINS may be * only in sandbox mode; list the sites that embed the elements");
    } else if (!ORIGIN.test(origin)) {
      problems.push(`ALLOWED_ORIGINS: "${origin}" is not an origin such as https://www.example.com or https://*.example.com`);
    } else if (origin.includes("://*.") && isPublicSuffix(origin.split("://*.")[1] as string)) {
      problems.push(
        `ALLOWED_ORIGINS: "${origin}" covers every site under a public suffix; name your own domain, such as https://*.example.com`,
      );
    }
  }
  if (!sandbox && allowedOrigins.length === 0)
    warnings.push("ALLOWED_ORIGINS is empty: no other site can use the elements from a browser; list the sites that embed them");

  let thron: ThronConfig | null = null;
  if (sandbox) {
    const base = `${stripSlash(options.publicUrl ?? `http://localhost:${port}`)}/_sandbox/thron`;
    thron = {
      tenant: THRON_SANDBOX.tenant,
      authUrl: base,
      apiUrl: base,
      cdnUrl: base,
      clientId: THRON_SANDBOX.clientId,
      clientSecret: THRON_SANDBOX.clientSecret,
      username: THRON_SANDBOX.username,
      classificationId: THRON_SANDBOX.classificationId,
      galleries: new Map([
        ["default", { folderId: THRON_SANDBOX.folderId, pkey: THRON_SANDBOX.pkey, filterKeys: [...THRON_SANDBOX.filterKeys] }],
        ["sport", { folderId: THRON_SANDBOX.sportFolderId, pkey: THRON_SANDBOX.sportPkey, filterKeys: ["topic"] }],
        // A folder the sandbox user has no rights on: shows what an ACL mistake looks like.
        ["restricted", { folderId: THRON_SANDBOX.restrictedFolderId, pkey: THRON_SANDBOX.restrictedPkey, filterKeys: [] }],
      ]),
    };
  } else if (configured.thron) {
    const tenant = value("THRON_TENANT") ?? "";
    if (tenant && !/^[a-z0-9-]+$/i.test(tenant)) problems.push("THRON_TENANT must be the THRON subdomain, such as acme");
    const url = (name: string, fallback: string) => {
      const v = value(name) ?? fallback;
      if (!/^https?:\/\/[^/\s]+/.test(v)) problems.push(`${name} must be an http(s) URL`);
      return stripSlash(v);
    };
    const galleries = new Map<string, GalleryConfig>();
    const galleriesJson = value("THRON_GALLERIES");
    if (galleriesJson) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(galleriesJson);
      } catch {
        problems.push("THRON_GALLERIES is not valid JSON");
      }
      const result = GalleriesJson.safeParse(parsed);
      if (parsed !== undefined && !result.success)
        problems.push(`THRON_GALLERIES: ${result.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`);
      if (result.success) for (const [name, gallery] of Object.entries(result.data)) galleries.set(name, gallery);
    }
    const folderId = value("THRON_FOLDER_ID");
    const pkey = value("THRON_PKEY");
    if (folderId || pkey) {
      if (!folderId || !pkey)
        problems.push(`set both THRON_FOLDER_ID and THRON_PKEY (missing ${folderId ? "THRON_PKEY" : "THRON_FOLDER_ID"})`);
      else galleries.set("default", { folderId, pkey, filterKeys: list(value("THRON_FILTER_KEYS")) });
    }
    if (galleries.size === 0) problems.push("THRON needs a gallery: set THRON_FOLDER_ID and THRON_PKEY, or THRON_GALLERIES");
    const classificationId = value("THRON_CLASSIFICATION_ID") ?? null;
    if (!classificationId && [...galleries.values()].some((g) => g.filterKeys.length > 0))
      problems.push("filter keys are set but THRON_CLASSIFICATION_ID is missing");
    thron = {
      tenant,
      authUrl: url("THRON_AUTH_URL", `https://${tenant}.thron.com`),
      apiUrl: url("THRON_API_URL", `https://${tenant}-view.thron.com`),
      cdnUrl: url("THRON_CDN_URL", `https://${tenant}-cdn.thron.com`),
      clientId: value("THRON_CLIENT_ID") ?? "",
      clientSecret: value("THRON_CLIENT_SECRET") ?? "",
      username: value("THRON_USERNAME") ?? "",
      classificationId,
      galleries,
    };
  }

  let thunder: ThunderConfig | null = null;
  if (sandbox || configured.thunder) {
    const targetVar = value("THUNDER_TARGET") ?? "cloud";
    let target: ThunderTarget = "cloud";
    if (targetVar === "cloud" || targetVar === "local-https" || targetVar === "local-http") target = targetVar;
    else if (/^https?:\/\/[^\s'<>"]+$/.test(targetVar)) target = { base: targetVar.endsWith("/") ? targetVar : `${targetVar}/` };
    else problems.push("THUNDER_TARGET must be cloud, local-https, local-http or a base URL");
    const minutesVar = value("THUNDER_TOKEN_MINUTES");
    const tokenMinutes = minutesVar === undefined ? DEFAULT_THUNDER_TOKEN_MINUTES : Number(minutesVar);
    if (!Number.isInteger(tokenMinutes) || tokenMinutes < 1 || tokenMinutes > 1440)
      problems.push("THUNDER_TOKEN_MINUTES must be a whole number from 1 to 1440");
    const ticketSecret = value("THUNDER_TICKET_SECRET") ?? null;
    if (ticketSecret !== null && ticketSecret.length < MIN_TICKET_SECRET)
      problems.push(`THUNDER_TICKET_SECRET must be at least ${MIN_TICKET_SECRET} characters`);
    const publicLaunchVar = value("THUNDER_PUBLIC_LAUNCH");
    if (publicLaunchVar !== undefined && publicLaunchVar !== "0" && publicLaunchVar !== "1")
      problems.push("THUNDER_PUBLIC_LAUNCH must be 0 or 1");
    const publicLaunch = publicLaunchVar === "1";
    if (publicLaunch && ticketSecret !== null)
      problems.push("set THUNDER_TICKET_SECRET (tickets) or THUNDER_PUBLIC_LAUNCH=1 (origin only), not both");
    // A launch mints a token for the BFF's Thunder user: outside the sandbox only a host-signed ticket proves who asks.
    if (!sandbox && !publicLaunch && ticketSecret === null)
      problems.push(
        "Thunder is configured but THUNDER_TICKET_SECRET is not: set it (the host site signs a ticket per launch), or THUNDER_PUBLIC_LAUNCH=1 to accept any page from ALLOWED_ORIGINS (weaker)",
      );
    const launchModeVar = value("THUNDER_LAUNCH_MODE") ?? "direct";
    const launchMode = launchModeVar === "hub-pro" ? "hub-pro" : "direct";
    if (launchModeVar !== "direct" && launchModeVar !== "hub-pro") problems.push("THUNDER_LAUNCH_MODE must be direct or hub-pro");
    const publicBase = stripSlash(options.publicUrl ?? `http://localhost:${port}`);
    let hubProLookupUrl = value("THUNDER_HUB_PRO_LOOKUP_URL") ?? null;
    if (hubProLookupUrl !== null && launchMode !== "hub-pro")
      problems.push("THUNDER_HUB_PRO_LOOKUP_URL is used only with THUNDER_LAUNCH_MODE=hub-pro");
    else if (hubProLookupUrl !== null && !isLookupTemplate(hubProLookupUrl, sandbox ? ["https:", "http:"] : ["https:"]))
      problems.push(
        `THUNDER_HUB_PRO_LOOKUP_URL must be an ${sandbox ? "http(s)" : "https"} URL containing {guid}, such as https://hub.example/launch/{guid}`,
      );
    if (launchMode === "hub-pro" && hubProLookupUrl === null) {
      if (sandbox) hubProLookupUrl = `${publicBase}/_sandbox/thunder/hub/{guid}`;
      else problems.push("THUNDER_LAUNCH_MODE=hub-pro needs THUNDER_HUB_PRO_LOOKUP_URL (the lookup URL with {guid}, from Thunder)");
    }
    const launch = { target, tokenMinutes, ticketSecret, publicLaunch, launchMode, hubProLookupUrl } as const;
    if (sandbox) {
      thunder = {
        ssoUrl: `${publicBase}/_sandbox/thunder/sso/RESTSSOServices.svc`,
        username: THUNDER_SANDBOX.username,
        password: THUNDER_SANDBOX.password,
        vendorGuid: THUNDER_SANDBOX.vendorGuid,
        ...launch,
      };
    } else {
      const vendorGuid = value("THUNDER_VENDOR_GUID") ?? "";
      if (vendorGuid && !GUID.test(vendorGuid)) problems.push("THUNDER_VENDOR_GUID must be a GUID (the one assigned to your integration)");
      const ssoUrl = value("THUNDER_SSO_URL") ?? DEFAULT_THUNDER_SSO;
      if (!/^https?:\/\/[^/\s]+/.test(ssoUrl)) problems.push("THUNDER_SSO_URL must be an http(s) URL");
      thunder = {
        ssoUrl: stripSlash(ssoUrl),
        username: value("THUNDER_USERNAME") ?? "",
        password: value("THUNDER_PASSWORD") ?? "",
        vendorGuid,
        ...launch,
      };
    }
  }

  let throughline: ThroughLineConfig | null = null;
  if (sandbox || configured.throughline) {
    const dailyQuota = Number(value("THROUGHLINE_DAILY_QUOTA") ?? 1000);
    if (!Number.isInteger(dailyQuota) || dailyQuota < 1) problems.push("THROUGHLINE_DAILY_QUOTA must be a whole number ≥ 1");
    const sandboxBase = `${stripSlash(options.publicUrl ?? `http://localhost:${port}`)}/_sandbox/throughline`;
    const url = (name: string, fallback: string) => {
      const v = sandbox ? fallback : (value(name) ?? fallback);
      if (!/^https?:\/\/[^/\s]+/.test(v)) problems.push(`${name} must be an http(s) URL`);
      if (/[?&](client_id|client_secret)=/i.test(v)) problems.push(`${name} must not carry credentials: they go in the request body`);
      return stripSlash(v);
    };
    throughline = {
      tokenUrl: url("THROUGHLINE_TOKEN_URL", sandbox ? `${sandboxBase}/oauth/token` : "https://api.findahelpline.com/oauth/token"),
      apiUrl: url("THROUGHLINE_API_URL", sandbox ? `${sandboxBase}/${API_VERSION}` : DEFAULT_API_URL),
      eventsUrl: url("THROUGHLINE_EVENTS_URL", sandbox ? `${sandboxBase}/v1/events` : DEFAULT_EVENTS_URL),
      clientId: sandbox ? THROUGHLINE_SANDBOX.clientId : (value("THROUGHLINE_CLIENT_ID") ?? ""),
      clientSecret: sandbox ? THROUGHLINE_SANDBOX.clientSecret : (value("THROUGHLINE_CLIENT_SECRET") ?? ""),
      dailyQuota,
    };
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    sandbox,
    builder,
    cacheUrl,
    rateLimitPerMinute,
    launchesPerMinute,
    trustProxy,
    logLevel,
    metricsToken,
    metricsPort,
    otlpEndpoint,
    warnings,
    allowedOrigins,
    thron,
    thunder,
    throughline,
    configured: sandbox ? { thron: true, thunder: true, throughline: true } : configured,
  };
}

/** A lookup URL template: `{guid}` in it, and a URL of one of `protocols` once a GUID is put there. */
function isLookupTemplate(template: string, protocols: string[]): boolean {
  if (!template.includes("{guid}")) return false;
  const sample = template.replaceAll("{guid}", "00000000-0000-0000-0000-000000000000");
  return URL.canParse(sample) && protocols.includes(new URL(sample).protocol) && !/\s/.test(template);
}
