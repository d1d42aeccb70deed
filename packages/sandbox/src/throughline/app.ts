/**
 * The simulated ThroughLine: client-credentials OAuth with 2-hour tokens, the helpline directory
 * of API v2 (v1's directory paths answer 410 Gone, as a retired API does), the two events
 * endpoints at the `/v1/events/…` paths ThroughLine documents, and the quota enforced with 429:
 * 30 a second, and 1,000 a day over a window that "is advanced hourly" (spent at 5:50pm, open
 * again at 6pm). The 429 says when to come back in Retry-After: the next second, or the next
 * whole hour (our choice: ThroughLine documents no header for it).
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { type Faults, faultMiddleware, noFaults } from "../faults.ts";
import { mountDirectory, mountEvents, tlError } from "./directory.ts";

export const THROUGHLINE_SANDBOX = {
  clientId: "tl-sandbox-client",
  clientSecret: "tl-sbx-secret-c2b91f07e4a8",
} as const;

const HOUR = 3_600_000;

type Tokens = Map<string, number>; // token → expiry (ms)

/** Client credentials only, in the body (never the URL), for one of the account's applications. */
function mountToken(app: Hono, settings: ThroughLineSettings, tokens: Tokens, stats: { tokenRequests: number }): void {
  app.post("/oauth/token", async (c) => {
    stats.tokenRequests++;
    const query = new URL(c.req.url).searchParams;
    if (query.has("client_secret") || query.has("client_id"))
      return tlError(c, 400, "invalid_request", "Client credentials must be sent in the request body, never in the URL.");
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (form.grant_type !== "client_credentials") return tlError(c, 400, "unsupported_grant_type", "Only client_credentials is supported.");
    if (typeof form.client_id !== "string" || settings.applications.get(form.client_id) !== form.client_secret)
      return tlError(c, 401, "invalid_client", "Client authentication failed.");
    const token = crypto.randomUUID().replaceAll("-", "");
    tokens.set(token, Date.now() + settings.tokenLifetimeSeconds * 1000);
    return c.json({
      access_token: token,
      token_type: "Bearer",
      expires_in: settings.tokenLifetimeSeconds,
      scope: "public",
      created_at: Math.floor(Date.now() / 1000),
    });
  });
}

/** Every v2 call and every event needs a live bearer token and counts against the quota. */
function guarded(settings: ThroughLineSettings, tokens: Tokens, calls: number[], stats: ThroughLineStats, clock: () => number) {
  return async (c: Context, next: () => Promise<void>) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const expiry = token ? tokens.get(token) : undefined;
    if (!expiry || Date.now() >= expiry) return tlError(c, 401, "invalid_token", "The access token is invalid or has expired.");
    const now = clock();
    // The day's window moves on the hour: it holds this hour and the 23 before it.
    const hourStart = Math.floor(now / HOUR) * HOUR;
    while (calls.length > 0 && (calls[0] as number) < hourStart - 23 * HOUR) calls.shift();
    const lastSecond = calls.filter((t) => t > now - 1000).length;
    if (calls.length >= settings.dailyQuota || lastSecond >= settings.perSecond) {
      stats.refusedForQuota++;
      const toNextHour = Math.ceil((hourStart + HOUR - now) / 1000);
      return c.json({ error: "Too Many Requests" }, 429, { "retry-after": String(calls.length >= settings.dailyQuota ? toNextHour : 1) });
    }
    calls.push(now);
    stats.apiCalls++;
    await next();
  };
}

type ThroughLineOptions = { tokenLifetimeSeconds?: number; dailyQuota?: number; now?: () => number };
type ThroughLineSettings = ReturnType<typeof settingsOf>;
type ThroughLineStats = { tokenRequests: number; apiCalls: number; refusedForQuota: number; events: Record<string, unknown>[] };

function settingsOf(options: ThroughLineOptions) {
  return {
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 7_200,
    dailyQuota: options.dailyQuota ?? 1_000,
    perSecond: 30,
    /** The account's applications (client id → secret): every one of them counts against the one quota. */
    applications: new Map<string, string>([[THROUGHLINE_SANDBOX.clientId, THROUGHLINE_SANDBOX.clientSecret]]),
  };
}

export function createThroughLineSandbox(options: ThroughLineOptions = {}) {
  const clock = options.now ?? Date.now;
  const faults: Faults = noFaults();
  const settings = settingsOf(options);
  const tokens: Tokens = new Map();
  const calls: number[] = []; // API call times within the rolling day
  const stats: ThroughLineStats = { tokenRequests: 0, apiCalls: 0, refusedForQuota: 0, events: [] };

  const app = new Hono();
  mountToken(app, settings, tokens, stats);
  // v1 is retired (November 11th, 2026): its directory answers 410, before any token or quota check.
  for (const path of ["/v1/countries", "/v1/topics", "/v1/helplines", "/v1/helplines/*"])
    app.all(path, (c) => tlError(c, 410, "gone", "API v1 was retired on November 11th, 2026: use /v2."));
  for (const path of ["/v2/*", "/v1/events/*"]) {
    app.use(
      path,
      faultMiddleware(faults, () => new Response("Internal Server Error", { status: 500 })),
    );
    app.use(path, guarded(settings, tokens, calls, stats, clock));
  }
  mountDirectory(app, clock);
  mountEvents(app, stats.events);

  return {
    app,
    faults,
    settings,
    stats,
    /** ThroughLine's own switch: calls allowed per rolling day; 0 exhausts the quota at once. */
    switches: {
      shape: { dailyQuota: z.number().int().min(0).max(1_000_000) },
      apply(fields: Record<string, unknown>) {
        if (typeof fields.dailyQuota === "number") settings.dailyQuota = fields.dailyQuota;
      },
    },
    /** Forgets the calls counted so far (a new day). */
    resetQuota: () => calls.splice(0),
    revokeTokens: () => tokens.clear(),
    issuedTokens: () => [...tokens.keys()],
  };
}

export type ThroughLineSandbox = ReturnType<typeof createThroughLineSandbox>;
