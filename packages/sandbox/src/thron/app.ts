/**
 * The simulated THRON: auth host, legacy API host and delivery CDN in one Hono app.
 * Paths, bodies, envelopes and status codes follow THRON's SDK and server library. Its routes
 * are in one module per area (auth, search, detail, delivery), over the state in state.ts.
 */
import { Hono } from "hono";
import { cors } from "hono/cors";
import { z } from "zod";
import type { SimulatedUpstream } from "../fault-switch.ts";
import { faultMiddleware } from "../faults.ts";
import { mountAuth } from "./auth-routes.ts";
import { mountDelivery } from "./delivery-routes.ts";
import { mountDetail } from "./detail-routes.ts";
import { exception } from "./envelope.ts";
import { mountSearch } from "./search-routes.ts";
import { createThronState, newStats, type ThronSandboxOptions, type ThronState } from "./state.ts";

export { type DeliveryQuirk, deliveryQuirk } from "./detail-routes.ts";
export { noAccountFaults, THRON_SANDBOX, type ThronAccountFaults, type ThronSandboxOptions, type ThronSandboxStats } from "./state.ts";

/** THRON's own switches: a misconfigured account, session lifetimes, every session ended at once. */
function thronSwitches(state: ThronState) {
  return {
    shape: {
      /** An idle legacy session's life. */
      legacySessionSeconds: z.number().int().min(1).max(86_400),
      tokenLifetimeSeconds: z.number().int().min(1).max(86_400),
      expireSessions: z.boolean(),
      /** A misconfigured account, as `pnpm doctor` must name it. */
      rejectClientSecret: z.boolean(),
      revokeFolderRights: z.boolean(),
      revokeViewerRole: z.boolean(),
    },
    apply(fields: Record<string, unknown>) {
      for (const key of ["rejectClientSecret", "revokeFolderRights", "revokeViewerRole"] as const)
        if (typeof fields[key] === "boolean") state.faults[key] = fields[key];
      if (typeof fields.tokenLifetimeSeconds === "number") state.settings.tokenLifetimeSeconds = fields.tokenLifetimeSeconds;
      if (typeof fields.legacySessionSeconds === "number") state.settings.legacySessionSeconds = fields.legacySessionSeconds;
      if (fields.expireSessions === true) state.sessions.expireAll();
    },
  };
}

export function createThronSandbox(options: ThronSandboxOptions) {
  const state = createThronState(options);
  const app = new Hono();
  app.use("/api/*", faultMiddleware(state.faults, exception));
  // What the Player and the browser fetch from any page: delivery, content detail, the script.
  for (const path of ["/delivery/*", "/shared/*", "/api/xcontents/resources/delivery/*"]) app.use(path, cors());
  mountAuth(app, state);
  mountSearch(app, state);
  mountDetail(app, state);
  mountDelivery(app, state);
  const { faults, stats, settings, catalogue, sessions } = state;
  return {
    app,
    faults,
    stats,
    settings,
    catalogue,
    switches: thronSwitches(state),
    /** Every session issued so far now answers 403 Session Expired. */
    expireSessions: () => sessions.expireAll(),
    /** Every access, refresh and legacy token issued so far. */
    issuedTokens: sessions.issuedTokens as ReadonlySet<string>,
    /** Every refresh token issued so far is refused from now on. */
    revokeRefreshTokens: () => sessions.revokeRefreshTokens(),
    resetStats: () => Object.assign(stats, newStats()),
  } satisfies SimulatedUpstream & Record<string, unknown>;
}

export type ThronSandbox = ReturnType<typeof createThronSandbox>;
