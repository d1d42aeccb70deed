/** THRON's auth host: the OAuth 2 token endpoint (impersonation, refresh, client credentials) and legacy tokens. */
import type { Context, Hono } from "hono";
import { sessionEnded } from "./envelope.ts";
import { THRON_SANDBOX, type ThronState, USER_RIGHTS } from "./state.ts";

const IMPERSONATION = "urn:thron:oauth:user-impersonation";

/** A dead or unknown session, answered as THRON does (a bare 403, or an envelope when the setting says so). */
export const sessionDead = (c: Context, state: ThronState, reason: "expired" | "unknown") =>
  sessionEnded(c, reason === "expired" ? "SESSION_EXPIRED" : "AUTHENTICATION_ERROR", state.settings.sessionErrorsAsEnvelope);

/** Resolves X-TOKENID to a live session, or answers as THRON does. */
export function legacySession(c: Context, state: ThronState) {
  const check = state.sessions.checkLegacy(c.req.header("x-tokenid"));
  if (check.ok) return { session: check.session };
  return { response: sessionDead(c, state, check.reason) };
}

async function token(c: Context, state: ThronState) {
  const { stats, sessions, faults } = state;
  stats.tokenRequests++;
  if (!c.req.header("content-type")?.includes("application/x-www-form-urlencoded"))
    return c.json({ error: "invalid_request", error_description: "form-encoded body expected" }, 400);
  const form = await c.req.parseBody();
  const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  const grant = field("grant_type");
  stats.tokenRequestsByGrant[grant] = (stats.tokenRequestsByGrant[grant] ?? 0) + 1;
  if (field("client_id") !== THRON_SANDBOX.clientId)
    return c.json({ error: "invalid_client", error_description: "Client authentication failed" }, 401);
  if (grant === "refresh_token") {
    const tokens = await sessions.refresh(field("refresh_token"), field("client_id"));
    return tokens ? c.json(tokens) : c.json({ error: "invalid_grant", error_description: "Invalid refresh token" }, 400);
  }
  if (field("client_secret") !== THRON_SANDBOX.clientSecret || faults.rejectClientSecret)
    return c.json({ error: "invalid_client", error_description: "Client authentication failed" }, 401);
  if (grant === "client_credentials") return c.json(await sessions.issue(field("client_id"), field("client_id"), "client_credentials"));
  if (grant === IMPERSONATION) {
    const subject = field("subject");
    if (!(subject in USER_RIGHTS)) return c.json({ error: "invalid_grant", error_description: `Unknown subject ${subject}` }, 400);
    return c.json(await sessions.issue(subject, field("client_id"), "user-impersonation"));
  }
  return c.json({ error: "unsupported_grant_type", error_description: `grant_type ${grant} is not supported` }, 400);
}

export function mountAuth(app: Hono, state: ThronState): void {
  app.post("/api/v1/authentication/oauth2/token", (c) => token(c, state));
  app.get("/api/v1/authentication/token/legacy", async (c) => {
    state.stats.legacyTokenRequests++;
    const check = await state.sessions.checkBearer(c.req.header("authorization"));
    if (!check.ok) return sessionDead(c, state, check.reason);
    return c.json({ token: state.sessions.legacyTokenFor(check.session) });
  });
}
