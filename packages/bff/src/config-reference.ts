/**
 * Every environment variable the BFF reads, in one place: docs/configuration.md is generated
 * from this (`pnpm docs:config`), and a test fails when config.ts reads one not listed here.
 */
import { DEFAULT_API_URL, DEFAULT_EVENTS_URL } from "./throughline/mapping.ts";

export interface ConfigVariable {
  name: string;
  group: "BFF" | "THRON" | "Thunder" | "ThroughLine";
  meaning: string;
  default?: string;
  /** Never logged, never answered, never in a URL. */
  secret?: boolean;
}

export const CONFIG_REFERENCE: ConfigVariable[] = [
  { name: "PORT", group: "BFF", meaning: "Port to listen on (Node, Bun, Deno).", default: "8787" },
  { name: "HOST", group: "BFF", meaning: "Interface to listen on.", default: "0.0.0.0" },
  {
    name: "PUBLIC_URL",
    group: "BFF",
    meaning:
      "Where browsers reach the BFF; sandbox URLs are built from it. Unset, sandbox media URLs follow the origin each request came to.",
    default: "http://localhost:$PORT",
  },
  {
    name: "ALLOWED_ORIGINS",
    group: "BFF",
    meaning: "Comma list of origins that may call /v1 from a browser; `https://*.example.com` wildcards; `*` only in sandbox mode.",
    default: "* in sandbox mode, none otherwise",
  },
  {
    name: "BFF_SANDBOX",
    group: "BFF",
    meaning: "`1` forces sandbox mode (simulated upstreams under /_sandbox), `0` forbids it.",
    default: "on when no provider is configured",
  },
  {
    name: "BFF_BUILDER",
    group: "BFF",
    meaning: "`1` serves /builder (the page that writes embed snippets for editors), `0` hides it.",
    default: "on in sandbox mode, off otherwise",
  },
  {
    name: "BFF_CACHE_URL",
    group: "BFF",
    meaning: "`redis://…` or `rediss://…`: cached answers and ThroughLine's quota shared by every instance.",
    default: "in-process memory",
    secret: true,
  },
  {
    name: "RATE_LIMIT_PER_MINUTE",
    group: "BFF",
    meaning: "Requests per client per minute on /v1; 429 with Retry-After beyond.",
    default: "600",
  },
  {
    name: "LOG_LEVEL",
    group: "BFF",
    meaning:
      "`debug`, `info`, `warn` or `error`: the least severe JSON log lines written to stdout. `warn` drops the one-line-per-request access log.",
    default: "info",
  },
  {
    name: "METRICS_TOKEN",
    group: "BFF",
    meaning: "Serves GET /metrics (Prometheus text) to requests with `Authorization: Bearer <token>`; at least 16 characters.",
    default: "/metrics not served on the main port",
    secret: true,
  },
  {
    name: "METRICS_PORT",
    group: "BFF",
    meaning: "Serves GET /metrics without a token on a port of its own (Node, Bun, Deno); keep that port private.",
    default: "none",
  },
  {
    name: "OTEL_EXPORTER_OTLP_ENDPOINT",
    group: "BFF",
    meaning: "OTLP/HTTP collector base URL: one trace span per request, a child span per upstream call. Nothing is loaded when unset.",
    default: "no tracing",
  },
  {
    name: "TRUST_PROXY",
    group: "BFF",
    meaning:
      "Proxies you run in front of the BFF: `true` or `1` for one, `<n>` for n in a chain, `false` or `0` for none. The client address is the X-Forwarded-For entry the outermost of them added (n-th from the right); entries to its left are the client's to forge.",
    default: "false",
  },
  { name: "THRON_TENANT", group: "THRON", meaning: "THRON subdomain: `acme` → acme.thron.com, acme-view.thron.com, acme-cdn.thron.com." },
  { name: "THRON_CLIENT_ID", group: "THRON", meaning: "Client id of the JWT external app." },
  { name: "THRON_CLIENT_SECRET", group: "THRON", meaning: "Client secret of the JWT external app.", secret: true },
  { name: "THRON_USERNAME", group: "THRON", meaning: "The dedicated user the BFF impersonates (read rights on the folders)." },
  { name: "THRON_AUTH_URL", group: "THRON", meaning: "OAuth host override.", default: "https://$THRON_TENANT.thron.com" },
  { name: "THRON_API_URL", group: "THRON", meaning: "Legacy API host override.", default: "https://$THRON_TENANT-view.thron.com" },
  { name: "THRON_CDN_URL", group: "THRON", meaning: "Delivery and player host override.", default: "https://$THRON_TENANT-cdn.thron.com" },
  { name: "THRON_FOLDER_ID", group: "THRON", meaning: "Folder (category) of the `default` gallery." },
  { name: "THRON_PKEY", group: "THRON", meaning: "That folder's pKey (player sessId, public delivery URLs)." },
  { name: "THRON_CLASSIFICATION_ID", group: "THRON", meaning: "Classification of the metadata definitions used as filters." },
  { name: "THRON_FILTER_KEYS", group: "THRON", meaning: "Comma list of metadata keys offered as filters in the `default` gallery." },
  { name: "THRON_GALLERIES", group: "THRON", meaning: 'JSON for more galleries: `{"<name>": {"folderId", "pkey", "filterKeys": […]}}`.' },
  { name: "THUNDER_USERNAME", group: "Thunder", meaning: "Thunder Cloud user." },
  { name: "THUNDER_PASSWORD", group: "Thunder", meaning: "Thunder Cloud password.", secret: true },
  { name: "THUNDER_VENDOR_GUID", group: "Thunder", meaning: "The vendor GUID assigned to your integration (enabled for that user)." },
  {
    name: "THUNDER_SSO_URL",
    group: "Thunder",
    meaning: "SSO service.",
    default: "https://tcssoservices.xosdigital.com/sso/RESTSSOServices.svc",
  },
  {
    name: "THUNDER_TARGET",
    group: "Thunder",
    meaning: "`cloud` (`thundercloud://`), `local-https`, `local-http`, or a base URL.",
    default: "cloud",
  },
  {
    name: "THUNDER_TOKEN_MINUTES",
    group: "Thunder",
    meaning:
      "Lifetime (1–1440 minutes) of the token each launch gets of its own (GenerateTokenWithDuration): long enough for Thunder (or the Hub Pro lookup) to open, short enough that a copied URL soon dies.",
    default: "5",
  },
  {
    name: "THUNDER_TICKET_SECRET",
    group: "Thunder",
    meaning:
      "At least 32 characters. A launch needs an HS256 ticket the host site's backend signs for its signed-in user (`exp` within 10 minutes, a unique `jti`: each ticket launches once). Required once Thunder is configured, unless THUNDER_PUBLIC_LAUNCH=1.",
    secret: true,
  },
  {
    name: "THUNDER_PUBLIC_LAUNCH",
    group: "Thunder",
    meaning:
      "`1`: no tickets; any page from ALLOWED_ORIGINS may launch. Weaker (outside a browser an Origin header is easy to forge), warned at start; a request without Origin is refused.",
    default: "0",
  },
  {
    name: "THUNDER_LAUNCH_MODE",
    group: "Thunder",
    meaning:
      "`direct`: the browser gets the launch URL. `hub-pro`: Hub Pro accepts no direct launch URLs, so the BFF saves it with SaveUserUrlByGuid and the browser gets the lookup URL (no token in it).",
    default: "direct",
  },
  {
    name: "THUNDER_HUB_PRO_LOOKUP_URL",
    group: "Thunder",
    meaning: "`hub-pro` only, and then required: the lookup URL Thunder gave you (https), with `{guid}` where the saved URL's GUID goes.",
    default: "the sandbox's stand-in in sandbox mode",
  },
  { name: "THUNDER_LAUNCHES_PER_MINUTE", group: "Thunder", meaning: "Launches per client per minute.", default: "20" },
  { name: "THROUGHLINE_CLIENT_ID", group: "ThroughLine", meaning: "ThroughLine app client id." },
  { name: "THROUGHLINE_CLIENT_SECRET", group: "ThroughLine", meaning: "ThroughLine app client secret.", secret: true },
  {
    name: "THROUGHLINE_TOKEN_URL",
    group: "ThroughLine",
    meaning: "OAuth token endpoint.",
    default: "https://api.findahelpline.com/oauth/token",
  },
  {
    name: "THROUGHLINE_API_URL",
    group: "ThroughLine",
    meaning: "Base of ThroughLine's API v2 (the only version the BFF speaks; v1 was retired on 2026-11-11 and answers 410).",
    default: DEFAULT_API_URL,
  },
  {
    name: "THROUGHLINE_EVENTS_URL",
    group: "ThroughLine",
    meaning: "Base of the display and click events, where ThroughLine documents them.",
    default: DEFAULT_EVENTS_URL,
  },
  {
    name: "THROUGHLINE_DAILY_QUOTA",
    group: "ThroughLine",
    meaning: "Upstream calls the BFF allows itself per rolling day.",
    default: "1000",
  },
];

/** docs/configuration.md, as generated from the table above. */
export function configurationMarkdown(): string {
  const lines = [
    "# Configuration reference",
    "",
    "Generated from `packages/bff/src/config-reference.ts` by `pnpm docs:config`; do not edit by hand.",
    "A provider is enabled when any of its credentials is set; a partial set stops the BFF at start with one message naming every missing or bad variable. With no provider configured the BFF starts in sandbox mode.",
  ];
  for (const group of ["BFF", "THRON", "Thunder", "ThroughLine"] as const) {
    lines.push("", `## ${group}`, "", "| variable | meaning | default |", "| --- | --- | --- |");
    for (const v of CONFIG_REFERENCE.filter((c) => c.group === group))
      lines.push(`| \`${v.name}\`${v.secret ? " (secret)" : ""} | ${v.meaning} | ${v.default ?? "—"} |`);
  }
  return `${lines.join("\n")}\n`;
}
