/** Thunder's settings: its environment variables, what they parse to. */
import { z } from "zod";
import { envVar, flag, httpUrl, type VarValues, wholeNumber } from "../core/env-vars.ts";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIN_TICKET_SECRET = 32;
/**
 * Each launch's own token lives this long unless THUNDER_TOKEN_MINUTES says otherwise: long
 * enough for the app to open, short enough that a leaked URL soon dies.
 * An assumption: the vendor documents no minimum, nor whether the app needs the token after it opens.
 */
export const DEFAULT_THUNDER_TOKEN_MINUTES = 5;
/**
 * Hub Pro: a lookup URL does not extend the token's life, and the user opens it some time after
 * it was saved. Thunder's own default lifetime (GenerateToken), as the vendor gives no figure.
 */
export const DEFAULT_HUB_PRO_TOKEN_MINUTES = 15;
/**
 * How a lookup URL may begin: the prefixes Thunder's SaveUserUrlByGuid article lists
 * (`https://localhost:8081/` is one of the https addresses), or any https address.
 */
const LOOKUP_PREFIXES = ["thundercloud://", "https://", "http://localhost:8080/"];

const target = z.string().transform((text, ctx) => {
  if (text === "cloud" || text === "local-https" || text === "local-http") return text;
  if (/^https?:\/\/[^\s'<>"]+$/.test(text)) return { base: text.endsWith("/") ? text : `${text}/` };
  ctx.issues.push({ code: "custom", input: text, message: "THUNDER_TARGET must be cloud, local-https, local-http or a base URL" });
  return z.NEVER;
});
export type ThunderTarget = z.output<typeof target>;

export const THUNDER_VARS = {
  username: envVar({ env: "THUNDER_USERNAME", doc: "Thunder Cloud user.", credential: true }, z.string().default("")),
  password: envVar({ env: "THUNDER_PASSWORD", doc: "Thunder Cloud password.", credential: true, secret: true }, z.string().default("")),
  vendorGuid: envVar(
    { env: "THUNDER_VENDOR_GUID", doc: "The vendor GUID assigned to your integration (enabled for that user).", credential: true },
    z.string().regex(GUID, "THUNDER_VENDOR_GUID must be a GUID (the one assigned to your integration)").default(""),
  ),
  ssoUrl: envVar(
    { env: "THUNDER_SSO_URL", doc: "SSO service." },
    httpUrl("THUNDER_SSO_URL must be an http(s) URL").default("https://tcssoservices.xosdigital.com/sso/RESTSSOServices.svc"),
  ),
  target: envVar(
    { env: "THUNDER_TARGET", doc: "`cloud` (`thundercloud://`), `local-https`, `local-http`, or a base URL." },
    target.default("cloud"),
  ),
  /** Lifetime asked of GenerateTokenWithDuration for each launch's own token. */
  tokenMinutes: envVar(
    {
      env: "THUNDER_TOKEN_MINUTES",
      doc: "Lifetime (1–1440 minutes) of the token each launch gets of its own (GenerateTokenWithDuration): long enough for Thunder to open (in `hub-pro` mode, for the user to open the lookup URL: a lookup does not extend it), short enough that a copied URL soon dies.",
      unset: `${DEFAULT_THUNDER_TOKEN_MINUTES}, or ${DEFAULT_HUB_PRO_TOKEN_MINUTES} (Thunder's own default) with THUNDER_LAUNCH_MODE=hub-pro`,
    },
    wholeNumber("THUNDER_TOKEN_MINUTES must be a whole number from 1 to 1440", 1, 1440).nullable().default(null),
  ),
  /** When set, a launch needs a host-issued HS256 ticket signed with it. */
  ticketSecret: envVar(
    {
      env: "THUNDER_TICKET_SECRET",
      doc: `At least ${MIN_TICKET_SECRET} characters. A launch needs an HS256 ticket the host site's backend signs for its signed-in user (\`exp\` within 10 minutes, a unique \`jti\`: each ticket launches once). Required once Thunder is configured, unless THUNDER_PUBLIC_LAUNCH=1.`,
      secret: true,
    },
    z.string().nullable().default(null),
  ),
  /** THUNDER_PUBLIC_LAUNCH=1: no ticket, only an allowed Origin (weaker; refused without Origin). */
  publicLaunch: envVar(
    {
      env: "THUNDER_PUBLIC_LAUNCH",
      doc: "`1`: no tickets; any page from ALLOWED_ORIGINS may launch. Weaker (outside a browser an Origin header is easy to forge), warned at start; a request without Origin is refused.",
    },
    flag("THUNDER_PUBLIC_LAUNCH must be 0 or 1").default(false),
  ),
  /** `direct`: the launch URL goes to the browser; `hub-pro`: it is saved with SaveUserUrlByGuid and the lookup URL goes instead. */
  launchMode: envVar(
    {
      env: "THUNDER_LAUNCH_MODE",
      doc: "`direct`: the browser gets the launch URL. `hub-pro`: Hub Pro accepts no direct launch URLs, so the BFF saves it with SaveUserUrlByGuid and the browser gets the lookup URL (no token in it).",
    },
    z.enum(["direct", "hub-pro"], { error: "THUNDER_LAUNCH_MODE must be direct or hub-pro" }).default("direct"),
  ),
  /** hub-pro: the lookup URL answered to the browser, `{guid}` replaced. */
  hubProLookupUrl: envVar(
    {
      env: "THUNDER_HUB_PRO_LOOKUP_URL",
      doc: "`hub-pro` only, and then required: the lookup URL Thunder gave you, with `{guid}` where the saved URL's GUID goes. It starts with `thundercloud://`, `https://` (`https://localhost:8081/` included) or `http://localhost:8080/`.",
      unset: "the sandbox's stand-in in sandbox mode",
    },
    z.string().nullable().default(null),
  ),
};

/** Sandbox mode, and there the simulated Hub Pro lookup URL used when none is set. */
export interface ThunderConfigContext {
  sandbox: boolean;
  sandboxHubLookup: string | null;
}

/** Thunder's configuration from its variables; what holds only across several of them is checked here. */
export function thunderConfig(vars: VarValues<typeof THUNDER_VARS>, context: ThunderConfigContext, problems: string[]) {
  const { ticketSecret, publicLaunch } = vars;
  if (ticketSecret !== null && ticketSecret.length < MIN_TICKET_SECRET)
    problems.push(`THUNDER_TICKET_SECRET must be at least ${MIN_TICKET_SECRET} characters`);
  if (publicLaunch && ticketSecret !== null)
    problems.push("set THUNDER_TICKET_SECRET (tickets) or THUNDER_PUBLIC_LAUNCH=1 (origin only), not both");
  // A launch mints a token for the BFF's Thunder user: outside the sandbox only a host-signed ticket proves who asks.
  if (!context.sandbox && !publicLaunch && ticketSecret === null)
    problems.push(
      "Thunder is configured but THUNDER_TICKET_SECRET is not: set it (the host site signs a ticket per launch), or THUNDER_PUBLIC_LAUNCH=1 to accept any page from ALLOWED_ORIGINS (weaker)",
    );
  const tokenMinutes = vars.tokenMinutes ?? (vars.launchMode === "hub-pro" ? DEFAULT_HUB_PRO_TOKEN_MINUTES : DEFAULT_THUNDER_TOKEN_MINUTES);
  return { ...vars, tokenMinutes, hubProLookupUrl: hubProLookupUrl(vars, context, problems) };
}

function hubProLookupUrl(
  { hubProLookupUrl: url, launchMode }: VarValues<typeof THUNDER_VARS>,
  { sandbox, sandboxHubLookup }: ThunderConfigContext,
  problems: string[],
): string | null {
  if (url !== null && launchMode !== "hub-pro") problems.push("THUNDER_HUB_PRO_LOOKUP_URL is used only with THUNDER_LAUNCH_MODE=hub-pro");
  else if (url !== null && !isLookupTemplate(url, sandbox ? [...LOOKUP_PREFIXES, "http://"] : LOOKUP_PREFIXES))
    problems.push(
      `THUNDER_HUB_PRO_LOOKUP_URL must be a URL containing {guid} that starts with thundercloud://, https://${sandbox ? ", http://" : ""} or http://localhost:8080/, such as https://hub.example/launch/{guid}`,
    );
  if (launchMode !== "hub-pro" || url !== null) return url;
  if (!sandbox) problems.push("THUNDER_LAUNCH_MODE=hub-pro needs THUNDER_HUB_PRO_LOOKUP_URL (the lookup URL with {guid}, from Thunder)");
  // Stryker disable next-line ConditionalExpression: outside sandbox mode there is no sandbox lookup (null), and the missing URL is already a problem above
  return sandbox ? sandboxHubLookup : null;
}

/** A lookup URL template: `{guid}` in it, and once a GUID is put there a URL starting with one of `prefixes`. */
function isLookupTemplate(template: string, prefixes: readonly string[]): boolean {
  if (!template.includes("{guid}") || /\s/.test(template)) return false;
  const sample = template.replaceAll("{guid}", "00000000-0000-0000-0000-000000000000");
  if (!URL.canParse(sample)) return false;
  const { href } = new URL(sample); // scheme and host lower-cased, so HTTPS://Hub.example counts
  return prefixes.some((prefix) => href.startsWith(prefix));
}

export type ThunderConfig = ReturnType<typeof thunderConfig>;
