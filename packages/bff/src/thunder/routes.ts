/**
 * POST /v1/thunder/launch: a finished launch URL (or, with Hub Pro, its lookup URL) and its
 * expiry. The browser never sees credentials; each launch gets its own short-lived token, and
 * only a caller the host vouches for (a one-time ticket) or, when the operator opts in, a page
 * from an allowed origin may mint one.
 */
import { LaunchRequest, LaunchResponse } from "@embedkit/contracts";
import { isMessageMethod } from "@embedkit/contracts/thunder-vocabulary";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { invalidRequest, ProblemError, problemSpec } from "../core/problem.ts";
import { rateLimit } from "../http/rate-limit.ts";
import { validationHook } from "../http/validation.ts";
import type { CounterStore } from "../upstream/quota.ts";
import type { ThunderClient } from "./client.ts";
import type { ThunderConfig } from "./config.ts";
import { buildLaunchUrl, hubProLookupUrl, invalidIds } from "./mapping.ts";
import { checkTicket, type TicketLedger } from "./ticket.ts";

const launch = createRoute({
  method: "post",
  path: "/launch",
  summary: "A Thunder launch URL for plays, edits, GSIS, STATS or MessageXML ids",
  request: { body: { content: { "application/json": { schema: LaunchRequest } }, required: true } },
  responses: {
    200: { description: "The URL to open", content: { "application/json": { schema: LaunchResponse } } },
    400: problemSpec("Invalid method, ids, league or angles"),
    401: problemSpec("Missing, expired, forged or already used ticket"),
    403: problemSpec("Origin missing or not allowed, or ids outside the ticket"),
    429: problemSpec("Too many launches"),
    502: problemSpec("Thunder refused the credentials or failed"),
    503: problemSpec("Thunder unavailable"),
    504: problemSpec("Thunder timed out"),
  },
});

export interface ThunderRouteDeps {
  config: ThunderConfig;
  client: ThunderClient;
  /** ALLOWED_ORIGINS, plus the BFF's own origin (its demo page); `requestUrl` is the URL the request came to. */
  isAllowedOrigin: (origin: string, requestUrl: string) => boolean;
  tickets: TicketLedger;
  clientKey: (c: Context) => string;
  launchesPerMinute: number;
  /** Launch counts shared by the fleet (Redis); in memory without. */
  sharedCounters?: CounterStore;
  /** The clock tickets and launch budgets are measured with. */
  now?: () => number;
}

export function thunderRoutes({
  config,
  client,
  isAllowedOrigin,
  tickets,
  clientKey,
  launchesPerMinute,
  sharedCounters,
  now = Date.now,
}: ThunderRouteDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // Each launch mints a token for the BFF's Thunder user: a budget of its own, tighter than reads.
  app.use(
    "/launch",
    rateLimit({
      limit: launchesPerMinute,
      clientKey,
      now,
      ...(sharedCounters && { shared: { counters: sharedCounters, name: "launch" } }),
    }),
  );
  app.use("/launch", async (c, next) => {
    // Browsers always send Origin on a POST; a page from a site not allowed is refused here.
    const origin = c.req.header("origin");
    if (origin !== undefined && !isAllowedOrigin(origin, c.req.url))
      throw new ProblemError(403, "origin-not-allowed", "This site may not launch Thunder", "Add its origin to ALLOWED_ORIGINS.");
    // Without tickets the Origin is all there is; a caller that sends none (not a browser) gets nothing.
    if (origin === undefined && !config.ticketSecret)
      throw new ProblemError(
        403,
        "origin-required",
        "This site may not launch Thunder",
        "Launches without a ticket are accepted only from a browser page on an allowed origin.",
      );
    await next();
  });

  app.openapi(launch, async (c) => {
    const { method, ids, league, angles, ticket } = c.req.valid("json");
    const errors = invalidIds(method, ids);
    if (!isMessageMethod(method)) {
      if (league !== undefined) errors.push({ field: "league", message: "is taken only by xos-message, gsis-message and pff-message" });
      if (angles !== undefined) errors.push({ field: "angles", message: "is taken only by xos-message, gsis-message and pff-message" });
    }
    if (errors.length > 0) throw invalidRequest(errors);
    const claimed = config.ticketSecret ? await checkTicket(ticket, config.ticketSecret, ids, tickets, now) : null;
    let url: string;
    let expiresAt: number;
    try {
      const minted = await client.mintToken();
      expiresAt = minted.expiresAt;
      url = buildLaunchUrl({ target: config.target, method, ids, token: minted.token, vendor: config.vendorGuid, league, angles });
      // Hub Pro takes no direct launch URL: Thunder keeps it, and the browser gets a lookup URL without the token.
      // Stryker disable next-line ConditionalExpression: config.ts sets a lookup URL only in hub-pro mode, so taking every mode for hub-pro changes nothing
      const hubPro = config.launchMode === "hub-pro";
      if (hubPro && config.hubProLookupUrl) url = hubProLookupUrl(config.hubProLookupUrl, await client.saveUrl(url));
    } catch (error) {
      // Thunder failed, so the ticket launched nothing: the user may try again with it.
      await claimed?.release();
      throw error;
    }
    c.header("cache-control", "no-store");
    return c.json({ url, expiresAt: new Date(expiresAt).toISOString() }, 200);
  });
  return app;
}
