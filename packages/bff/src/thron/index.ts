/** THRON wired: sessions, the client, sealed page cursors and the routes under /v1/thron. */
import { CursorSeal } from "../http/cursor-seal.ts";
import type { ProviderModule } from "../providers/contract.ts";
import { ttlsWith } from "../upstream/cache.ts";
import { ProviderHealth } from "../upstream/health.ts";
import { createThronAuth } from "./auth.ts";
import { ThronClient } from "./client.ts";
import { THRON_VARS, type ThronConfig, thronConfig } from "./config.ts";
import { checkThron } from "./doctor.ts";
import { thronRoutes } from "./routes.ts";
import type { ThronTtls } from "./search-pages.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Search pages go stale quickly; filter definitions and content details change rarely. */
export const THRON_TTLS: ThronTtls = {
  assets: { freshMs: MINUTE, staleMs: 10 * MINUTE },
  definitions: { freshMs: 10 * MINUTE, staleMs: HOUR },
  detail: { freshMs: 5 * MINUTE, staleMs: HOUR },
};
/** Sessions are renewed this long before they expire (AppDeps.refreshAheadMs). */
const REFRESH_AHEAD_MS = 5 * MINUTE;

export const thron: ProviderModule<ThronConfig, typeof THRON_VARS> = {
  id: "thron",
  name: "THRON",
  vars: THRON_VARS,
  config: (vars, _context, problems) => thronConfig(vars, problems),
  doctor: checkThron,
  simulator: async () => (await import("./sandbox.ts")).thronSimulator,
  // The impersonated user's folder rights decide what THRON answers; the folder is in every key.
  // Stryker disable next-line StringLiteral: the tenant and user set the keys apart; "thron" only labels them (no other provider's namespace has them)
  namespace: (own) => ["thron", own.tenant, own.username],
  create({ config, deps, now, upstream, responseCache }, own) {
    const health = new ProviderHealth(undefined, now);
    const options = upstream("THRON");
    const sessions = createThronAuth(own, options, deps.refreshAheadMs ?? REFRESH_AHEAD_MS, now);
    const client = new ThronClient(own, options, sessions, health, now);
    const routes = thronRoutes({
      config: own,
      client,
      cache: responseCache(deps.memoryCacheEntries),
      ttl: ttlsWith(THRON_TTLS, deps.ttl),
      cursors: new CursorSeal(config.sandbox ? undefined : cursorSecret(own)),
    });
    return { name: "THRON", path: "/v1/thron", routes, health };
  },
};

/**
 * The key page cursors are sealed with: derived from the THRON client secret, so every instance
 * of a deployment opens the others' cursors; random per process in sandbox mode (its secret is public).
 */
function cursorSecret(own: ThronConfig): string {
  return `embedkit cursor seal\n${own.clientSecret}`;
}
