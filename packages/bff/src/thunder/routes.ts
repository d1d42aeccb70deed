/** POST /v1/thunder/launch: a finished launch URL and its expiry; the browser never sees credentials. */
import { LaunchRequest, LaunchResponse } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ThunderConfig } from "../config.ts";
import { invalidRequest, ProblemError, problemSpec } from "../core/problem.ts";
import type { ProviderHealth } from "../core/provider-health.ts";
import type { CounterStore } from "../core/quota.ts";
import { rateLimit } from "../core/rate-limit.ts";
import type { TokenSource } from "../core/token-source.ts";
import { validationHook } from "../core/validation.ts";
import { buildLaunchUrl, invalidIds } from "./launch-url.ts";
import type { ThunderToken } from "./sso.ts";
import { checkTicket } from "./ticket.ts";

const launch = createRoute({
  method: "post",
  path: "/launch",
  summary: "A Thunder launch URL for plays, edits, GSIS or STATS ids",
  request: { body: { content: { "application/json": { schema: LaunchRequest } }, required: true } },
  responses: {
    200: { description: "The URL to open", content: { "application/json": { schema: LaunchResponse } } },
    400: problemSpec("Invalid method or ids"),
    401: problemSpec("Missing, expired or forged ticket"),
    403: problemSpec("Origin not allowed, or ids outside the ticket"),
    429: problemSpec("Too many launches"),
    502: problemSpec("Thunder refused or failed"),
    503: problemSpec("Thunder unavailable"),
    504: problemSpec("Thunder timed out"),
  },
});

export interface ThunderRouteDeps {
  config: ThunderConfig;
  tokens: TokenSource<ThunderToken>;
  health: ProviderHealth;
  isAllowedOrigin: (origin: string) => boolean;
  clientKey: (c: Context) => string;
  launchesPerMinute: number;
  /** Launch counts shared by the fleet (Redis); in memory without. */
  sharedCounters?: CounterStore;
}

export function thunderRoutes({ config, tokens, health, isAllowedOrigin, clientKey, launchesPerMinute, sharedCounters }: ThunderRouteDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // Each launch mints a token for the BFF's Thunder user: a budget of its own, tighter than reads.
  app.use(
    "/launch",
    rateLimit({ limit: launchesPerMinute, clientKey, ...(sharedCounters && { shared: { counters: sharedCounters, name: "launch" } }) }),
  );
  app.use("/launch", async (c, next) => {
    // Browsers always send Origin on a POST; a page from a site not allowed is refused here.
    const origin = c.req.header("origin");
    if (origin !== undefined && !isAllowedOrigin(origin))
      throw new ProblemError(403, "origin-not-allowed", "This site may not launch Thunder", "Add its origin to ALLOWED_ORIGINS.");
    await next();
  });

  app.openapi(launch, async (c) => {
    const { method, ids, ticket } = c.req.valid("json");
    const errors = invalidIds(method, ids);
    if (errors.length > 0) throw invalidRequest(errors);
    if (config.ticketSecret) await checkTicket(ticket, config.ticketSecret, ids);
    const current = await health.track(() => tokens.get());
    c.header("cache-control", "no-store");
    return c.json(
      {
        url: buildLaunchUrl({ target: config.target, method, ids, token: current.token, vendor: config.vendorGuid }),
        expiresAt: new Date(current.expiresAt).toISOString(),
      },
      200,
    );
  });
  return app;
}
