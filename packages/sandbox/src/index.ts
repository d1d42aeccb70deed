/**
 * The sandbox: simulated upstreams mounted under one Hono app. The BFF mounts it in sandbox
 * mode; `pnpm sandbox` serves it alone; tests create it in-process.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { createThronSandbox } from "./thron/app.ts";
import { createThroughLineSandbox } from "./throughline/app.ts";
import { createThunderSandbox } from "./thunder/app.ts";

export { pngSize } from "./png.ts";
export { deliveryQuirk, THRON_SANDBOX, type ThronSandbox, type ThronSandboxStats } from "./thron/app.ts";
export { CLASSIFICATION_ID, FOLDERS, RESTRICTED_CONTENTS, VISIBLE_CONTENTS } from "./thron/catalogue.ts";
export { THROUGHLINE_SANDBOX, type ThroughLineSandbox } from "./throughline/app.ts";
export { THUNDER_SANDBOX, type ThunderSandbox } from "./thunder/app.ts";
export { type VerifiedLaunch, verifyLaunchUrl } from "./thunder/verify-launch-url.ts";

export interface SandboxOptions {
  /** Public URL where this app is reachable, e.g. `http://127.0.0.1:8790` or `https://bff.example/_sandbox`. */
  baseUrl: string;
  thron?: { tokenLifetimeSeconds?: number; legacySessionSeconds?: number };
  /** The clock THRON sessions and ThroughLine's hours and rate are measured with (tests move it). */
  now?: () => number;
  thunder?: { defaultMinutes?: number };
  throughline?: { tokenLifetimeSeconds?: number; dailyQuota?: number; now?: () => number };
  /** Where the sandbox says what its fault switch was set to (it is a test tool, and says so). */
  log?: (message: string, fields: Record<string, unknown>) => void;
}

/**
 * The fault switch answers only the sandbox's own pages and tools: a JSON body (which a
 * cross-site form or `text/plain` POST cannot send without a preflight nobody answers), and
 * no Origin or Sec-Fetch-Site from another site.
 */
const sameSiteOnly: MiddlewareHandler = async (c, next) => {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header("content-type") ?? ""))
    return c.json({ error: "the fault switch takes a JSON body (Content-Type: application/json)" }, 415);
  const origin = c.req.header("origin");
  const site = c.req.header("sec-fetch-site");
  if ((origin !== undefined && origin !== new URL(c.req.url).origin) || (site !== undefined && site !== "same-origin" && site !== "none"))
    return c.json({ error: "the fault switch is a test tool: it refuses requests from other sites" }, 403);
  await next();
};

const FaultsBody = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    burst5xx: z.number().int().min(0).max(10_000),
    playerScriptDown: z.boolean(),
    playerNeverReady: z.boolean(),
    expireSessions: z.boolean(),
    tokenLifetimeSeconds: z.number().int().min(1).max(86_400),
    /** THRON: an idle legacy session's life. */
    legacySessionSeconds: z.number().int().min(1).max(86_400),
    /** THRON: a misconfigured account, as `pnpm doctor` must name it. */
    rejectClientSecret: z.boolean(),
    revokeFolderRights: z.boolean(),
    revokeViewerRole: z.boolean(),
    /** ThroughLine: calls allowed per rolling day; 0 exhausts the quota at once. */
    dailyQuota: z.number().int().min(0).max(1_000_000),
  })
  .partial();

export function createSandbox(options: SandboxOptions) {
  const urls = sandboxUrls(options.baseUrl);
  const thron = createThronSandbox({ cdnBaseUrl: urls.thron, ...options.thron, ...(options.now && { now: options.now }) });
  const thunder = createThunderSandbox(options.thunder);
  const throughline = createThroughLineSandbox({ ...(options.now && { now: options.now }), ...options.throughline });

  const app = new Hono();
  app.route("/thron", thron.app);
  app.route("/thunder", thunder.app);
  app.route("/throughline", throughline.app);

  // The fault switch over HTTP; it exists only where the sandbox itself is mounted.
  app.get("/_admin/state", (c) =>
    c.json({
      thron: { faults: thron.faults, stats: thron.stats, settings: thron.settings },
      thunder: { faults: thunder.faults, stats: thunder.stats, settings: thunder.settings },
      throughline: { faults: throughline.faults, stats: throughline.stats, settings: throughline.settings },
    }),
  );
  const providers = { thron, thunder, throughline };
  app.use("/_admin/faults", sameSiteOnly);
  app.use("/_admin/faults/*", sameSiteOnly);
  const setFaults = (provider: keyof typeof providers) => async (c: Context) => {
    const parsed = FaultsBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    const { expireSessions, tokenLifetimeSeconds, legacySessionSeconds, dailyQuota, ...faults } = parsed.data;
    const { rejectClientSecret, revokeFolderRights, revokeViewerRole, ...common } = faults;
    const target = providers[provider];
    Object.assign(target.faults, provider === "thron" ? faults : common);
    if (provider === "thron" && tokenLifetimeSeconds) thron.settings.tokenLifetimeSeconds = tokenLifetimeSeconds;
    if (provider === "thron" && legacySessionSeconds) thron.settings.legacySessionSeconds = legacySessionSeconds;
    if (provider === "thron" && expireSessions) thron.expireSessions();
    if (provider === "throughline" && dailyQuota !== undefined) throughline.settings.dailyQuota = dailyQuota;
    options.log?.("sandbox fault switch set (a test tool: the simulated upstreams now fail on purpose)", { provider, ...parsed.data });
    return c.json({ [provider]: { faults: target.faults, settings: target.settings } });
  };
  app.post("/_admin/faults", setFaults("thron"));
  for (const provider of Object.keys(providers) as (keyof typeof providers)[]) app.post(`/_admin/faults/${provider}`, setFaults(provider));

  return {
    app,
    thron,
    thunder,
    throughline,
    urls,
  };
}

/** Where each simulated upstream answers under `baseUrl`: the one place that knows the sandbox's paths. */
export function sandboxUrls(baseUrl: string) {
  const base = baseUrl.replace(/\/$/, "");
  return {
    thron: `${base}/thron`,
    thunder: `${base}/thunder/sso/RESTSSOServices.svc`,
    /** Hub Pro's lookup URL, `{guid}` where the saved URL's GUID goes. */
    thunderHubLookup: `${base}/thunder/hub/{guid}`,
    throughlineToken: `${base}/throughline/oauth/token`,
    throughlineApi: `${base}/throughline/v2`,
    throughlineEvents: `${base}/throughline/v1/events`,
  };
}

export type SandboxUrls = ReturnType<typeof sandboxUrls>;

export type Sandbox = ReturnType<typeof createSandbox>;
