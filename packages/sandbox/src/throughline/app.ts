/**
 * The simulated ThroughLine: client-credentials OAuth with 2-hour tokens, the helpline directory
 * of API v2 (v1's directory paths answer 410 Gone, as a retired API does), the two events
 * endpoints at the `/v1/events/…` paths ThroughLine documents, and the quota enforced with 429:
 * 30 a second, and 1,000 a day over a window that "is advanced hourly" (spent at 5:50pm, open
 * again at 6pm). The 429 says when to come back in Retry-After: the next second, or the next
 * whole hour (our choice: ThroughLine documents no header for it).
 */
import { type Context, Hono } from "hono";
import { type Faults, faultMiddleware, noFaults } from "../faults.ts";
import { COUNTRIES, HELPLINES, type SandboxContactMethod, type SandboxHelpline, TOPICS } from "./data.ts";
import { localDay, openingHours } from "./opening-hours.ts";

export const THROUGHLINE_SANDBOX = {
  clientId: "tl-sandbox-client",
  clientSecret: "tl-sbx-secret-c2b91f07e4a8",
} as const;

const HOUR = 3_600_000;

export function createThroughLineSandbox(options: { tokenLifetimeSeconds?: number; dailyQuota?: number; now?: () => number } = {}) {
  const clock = options.now ?? Date.now;
  const faults: Faults = noFaults();
  const settings = {
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 7_200,
    dailyQuota: options.dailyQuota ?? 1_000,
    perSecond: 30,
    /** The account's applications (client id → secret): every one of them counts against the one quota. */
    applications: new Map<string, string>([[THROUGHLINE_SANDBOX.clientId, THROUGHLINE_SANDBOX.clientSecret]]),
  };
  const tokens = new Map<string, number>(); // token → expiry (ms)
  const calls: number[] = []; // API call times within the rolling day
  const stats = { tokenRequests: 0, apiCalls: 0, refusedForQuota: 0, events: [] as Record<string, unknown>[] };

  const app = new Hono();
  const error = (c: Context, status: 400 | 401 | 404 | 410 | 429, code: string, description: string) =>
    c.json({ error: code, error_description: description }, status);

  app.post("/oauth/token", async (c) => {
    stats.tokenRequests++;
    const query = new URL(c.req.url).searchParams;
    if (query.has("client_secret") || query.has("client_id"))
      return error(c, 400, "invalid_request", "Client credentials must be sent in the request body, never in the URL.");
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (form.grant_type !== "client_credentials") return error(c, 400, "unsupported_grant_type", "Only client_credentials is supported.");
    if (typeof form.client_id !== "string" || settings.applications.get(form.client_id) !== form.client_secret)
      return error(c, 401, "invalid_client", "Client authentication failed.");
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

  // v1 is retired (November 11th, 2026): its directory answers 410, before any token or quota check.
  for (const path of ["/v1/countries", "/v1/topics", "/v1/helplines", "/v1/helplines/*"])
    app.all(path, (c) => error(c, 410, "gone", "API v1 was retired on November 11th, 2026: use /v2."));

  // Every v2 call and every event needs a live bearer token and counts against the quota.
  const guarded = async (c: Context, next: () => Promise<void>) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const expiry = token ? tokens.get(token) : undefined;
    if (!expiry || Date.now() >= expiry) return error(c, 401, "invalid_token", "The access token is invalid or has expired.");
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
  for (const path of ["/v2/*", "/v1/events/*"]) {
    app.use(
      path,
      faultMiddleware(faults, () => new Response("Internal Server Error", { status: 500 })),
    );
    app.use(path, guarded);
  }

  const contactMethod = (method: SandboxContactMethod, zone: string) => {
    const weekly = typeof method.weekly === "function" ? method.weekly(localDay(zone, clock())) : (method.weekly ?? []);
    return {
      contactMethodType: method.type,
      value: method.value,
      alwaysOpen: method.alwaysOpen ?? false,
      openingHours: method.alwaysOpen ? [] : openingHours(zone, weekly, clock()),
    };
  };
  const publicHelpline = ({ priority: _priority, contactMethods, ...helpline }: SandboxHelpline) => ({
    ...helpline,
    contactMethods: contactMethods.map((m) => contactMethod(m, helpline.timezone)),
  });
  const topicMatches = (helpline: SandboxHelpline, topic: string) => {
    const wanted = topic.trim().toLowerCase();
    const known = TOPICS.find((t) => t.name.toLowerCase() === wanted || t.code === wanted);
    return !!known && helpline.topics.includes(known.name);
  };

  app.get("/v2/countries", (c) => c.json({ countries: COUNTRIES }));
  app.get("/v2/topics", (c) => c.json({ topics: TOPICS }));
  app.get("/v2/helplines", (c) => {
    const country = c.req.query("country_code")?.toUpperCase();
    const topic = c.req.query("topic");
    const priorityOnly = c.req.query("priority_only") === "true";
    const limit = Number(c.req.query("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return error(c, 400, "invalid_request", "limit must be between 1 and 100.");
    const helplines = HELPLINES.filter(
      (h) => (!country || h.country.code === country) && (!topic || topicMatches(h, topic)) && (!priorityOnly || h.priority),
    ).slice(0, limit);
    return c.json({ helplines: helplines.map(publicHelpline) });
  });
  app.get("/v2/helplines/:id", (c) => {
    const helpline = HELPLINES.find((h) => h.id === c.req.param("id"));
    return helpline ? c.json({ helpline: publicHelpline(helpline) }) : error(c, 404, "not_found", "No such helpline.");
  });
  const event = (type: string) => async (c: Context) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const valid =
      body &&
      typeof body.helpline_id === "string" &&
      typeof body.session_id === "string" &&
      typeof body.timestamp === "string" &&
      !Number.isNaN(Date.parse(body.timestamp)) &&
      (type !== "helpline_click" || typeof body.contact_method === "string");
    if (!valid) return error(c, 400, "invalid_request", "helpline_id, session_id, timestamp (and contact_method for clicks) are required.");
    stats.events.push({ type, ...body });
    return c.body(null, 204);
  };
  app.post("/v1/events/helpline_display", event("helpline_display"));
  app.post("/v1/events/helpline_click", event("helpline_click"));

  return {
    app,
    faults,
    settings,
    stats,
    /** Forgets the calls counted so far (a new day). */
    resetQuota: () => calls.splice(0),
    revokeTokens: () => tokens.clear(),
    issuedTokens: () => [...tokens.keys()],
  };
}

export type ThroughLineSandbox = ReturnType<typeof createThroughLineSandbox>;
