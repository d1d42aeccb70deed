/** ThroughLine wired: its daily quota, the paced client, a cache of its own and the routes under /v1/throughline. */
import type { ProviderModule } from "../providers/contract.ts";
import type { Ttl } from "../upstream/cache.ts";
import { ProviderHealth } from "../upstream/health.ts";
import { RollingQuota } from "../upstream/quota.ts";
import { createThroughLineAuth } from "./auth.ts";
import { ThroughLineClient } from "./client.ts";
import { THROUGHLINE_VARS, type ThroughLineConfig, throughlineConfig } from "./config.ts";
import { checkThroughLine } from "./doctor.ts";
import { throughlineRoutes } from "./routes.ts";

const HOUR = 3_600_000;
/** About 1,000 ThroughLine calls a day for every page view: hours fresh, a week as a fallback. */
export const THROUGHLINE_TTL: Ttl = { freshMs: 12 * HOUR, staleMs: 7 * 24 * HOUR };
/** Countries, topics and two lists per country: a few hundred entries. */
const CACHE_ENTRIES = 2_000;

export const throughline: ProviderModule<ThroughLineConfig, typeof THROUGHLINE_VARS> = {
  id: "throughline",
  name: "ThroughLine",
  vars: THROUGHLINE_VARS,
  config: (vars) => throughlineConfig(vars),
  doctor: checkThroughLine,
  simulator: async () => (await import("./sandbox.ts")).throughlineSimulator,
  // Quota, token and answers belong to the ThroughLine app.
  // Stryker disable next-line StringLiteral: the client id keeps ThroughLine's keys apart; no other provider's namespace could then match
  namespace: (own) => ["throughline", own.clientId],
  create({ deps, now, upstream, responseCache, counters, egressCounters, clientKey }, own) {
    // Stryker disable next-line StringLiteral: the name only keys the count, in counters scoped to this app where the events' quota is named apart
    const quota = new RollingQuota("throughline", own.dailyQuota, counters, now);
    const health = new ProviderHealth(undefined, now);
    const options = upstream("ThroughLine");
    const tokens = createThroughLineAuth(own, options, now);
    const client = new ThroughLineClient(own, options, tokens, quota, health, {
      perSecond: deps.throughlinePerSecond,
      now,
      sleep: deps.sleep,
      // 30 a second per IP: counted with every deployment on the store, not per ThroughLine app.
      sharedCounters: egressCounters,
    });
    // A cache of its own: THRON searches can never push out answers that cost ThroughLine's daily quota.
    const cache = responseCache(CACHE_ENTRIES);
    const routes = throughlineRoutes({
      client,
      cache,
      ttl: deps.ttl?.throughline ?? THROUGHLINE_TTL,
      counters,
      clientKey,
      now,
      failureMemoryMs: deps.throughlineFailureMemoryMs,
    });
    return { name: "ThroughLine", path: "/v1/throughline", routes, health, quota };
  },
};
