/** Thunder wired: per-launch SSO tokens, one-time tickets and POST /v1/thunder/launch. */
import type { ProviderModule } from "../providers/contract.ts";
import { ProviderHealth } from "../upstream/health.ts";
import { createThunderAuth } from "./auth.ts";
import { ThunderClient } from "./client.ts";
import { THUNDER_VARS, type ThunderConfig, thunderConfig } from "./config.ts";
import { checkThunder } from "./doctor.ts";
import { thunderRoutes } from "./routes.ts";
import { ticketLedger } from "./ticket.ts";

export const thunder: ProviderModule<ThunderConfig, typeof THUNDER_VARS> = {
  id: "thunder",
  name: "Thunder",
  vars: THUNDER_VARS,
  config: (vars, { sandbox, simulated }, problems) =>
    thunderConfig(vars, { sandbox, sandboxHubLookup: simulated?.extra?.hubLookup ?? null }, problems),
  doctor: checkThunder,
  simulator: async () => (await import("./sandbox.ts")).thunderSimulator,
  // Used tickets and launch budgets belong to the Thunder account.
  namespace: (own) => ["thunder", own.username],
  create({ config, deps, logger, now, upstream, counters, sharedCounters, clientKey, isAllowedOrigin }, own) {
    if (own.publicLaunch && !config.sandbox)
      logger.log("warn", "THUNDER_PUBLIC_LAUNCH=1: Thunder launches are protected by the Origin header only", {
        detail: "Any program can send an allowed Origin; set THUNDER_TICKET_SECRET so the host site vouches for each launch.",
      });
    if (own.ticketSecret && !config.cacheUrl && !config.sandbox)
      logger.log("warn", "THUNDER_TICKET_SECRET without BFF_CACHE_URL: each instance keeps its own list of used tickets", {
        detail: "With several instances a ticket can launch once per instance; set BFF_CACHE_URL so they share one list.",
      });
    // The BFF's own pages (the demo) may always launch, whatever ALLOWED_ORIGINS lists. Its own
    // origin is PUBLIC_URL's: the Host header is the caller's to choose (DNS rebinding, forged
    // requests), so it is trusted only by the sandbox's demo when PUBLIC_URL is not set.
    const ownOrigin = URL.canParse(deps.publicUrl) && (!deps.publicUrlGuessed || config.sandbox) ? new URL(deps.publicUrl).origin : null;
    const hostIsOwn = config.sandbox && deps.publicUrlGuessed === true;
    const health = new ProviderHealth(undefined, now);
    const client = new ThunderClient(own, upstream("Thunder"), createThunderAuth(own), health, now);
    const routes = thunderRoutes({
      config: own,
      client,
      isAllowedOrigin: (origin, requestUrl) =>
        origin === ownOrigin || isAllowedOrigin(origin) || (hostIsOwn && origin === new URL(requestUrl).origin),
      tickets: ticketLedger(counters),
      clientKey,
      launchesPerMinute: config.launchesPerMinute,
      now,
      ...(sharedCounters && { sharedCounters }),
    });
    return { name: "Thunder", path: "/v1/thunder", routes, health };
  },
};
