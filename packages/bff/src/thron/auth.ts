/**
 * THRON sessions for the BFF: user impersonation (folder ACLs are the impersonated user's),
 * refresh with rotation, and the legacy X-TokenID derived from the JWT. The legacy session has
 * its own life (it lapses after an idle hour while the 8-hour JWT is still good), so it is
 * renewed on its own when the legacy API refuses it, and the JWT only when that fails too.
 */
import { z } from "zod";
import { ProblemError } from "../core/problem.ts";
import { answerError, badGateway, callUpstream, type UpstreamOptions } from "../upstream/call.ts";
import { genericGrantRequest, type OAuthClient, OAuthError, refreshTokenGrantRequest, requestTokens } from "../upstream/oauth.ts";
import { TokenSource, withRenewal } from "../upstream/token-source.ts";
import type { ThronConfig } from "./config.ts";

/** What a legacy call needs: the X-TokenID, and the JWT it was derived from. */
export interface ThronSession {
  legacyToken: string;
  accessToken: string;
  expiresAt: number;
}

interface Jwt {
  accessToken: string;
  /** Rotated by every refresh: the newest one is the only one alive. */
  refreshToken: string | null;
  expiresAt: number;
}

const LegacyResponse = z.object({ token: z.string().min(1) });
const SsoEnvelope = z.object({ ssoCode: z.string().nullish() });

const IMPERSONATION = "urn:thron:oauth:user-impersonation";

/** The legacy-token endpoint refused the JWT: it is dead, whatever its expiry says. */
class JwtRefused extends Error {}

export interface ThronSessions {
  /** A session to call the legacy API with; the JWT is refreshed ahead of its expiry. */
  get(): Promise<ThronSession>;
  /** The legacy API refused `session`: a new legacy token, from a new JWT if the old one is dead. */
  renew(session: ThronSession): Promise<ThronSession>;
}

/** THRON's token endpoint, with the external app's credentials. */
export function thronOAuthClient(config: Pick<ThronConfig, "authUrl" | "clientId" | "clientSecret">): OAuthClient {
  return { tokenUrl: `${config.authUrl}/api/v1/authentication/oauth2/token`, clientId: config.clientId, clientSecret: config.clientSecret };
}

/** The user-impersonation grant: the BFF acts as THRON_USERNAME, whose folder rights apply (the doctor sends the same). */
export function impersonationGrantRequest(config: Pick<ThronConfig, "authUrl" | "clientId" | "clientSecret" | "username">): Request {
  return genericGrantRequest(thronOAuthClient(config), IMPERSONATION, { scope: "", subject: config.username });
}

/** The legacy session (X-TokenID) derived from a JWT. */
export function legacyTokenRequest(config: Pick<ThronConfig, "authUrl">, accessToken: string): Request {
  return new Request(`${config.authUrl}/api/v1/authentication/token/legacy`, { headers: { authorization: `Bearer ${accessToken}` } });
}

/**
 * The JWTs: a user-impersonation login, then refreshes with rotation, shared with the fleet when
 * there is one.
 */
function createJwtSource(config: ThronConfig, upstream: UpstreamOptions, refreshAheadMs: number, now: () => number): TokenSource<Jwt> {
  /** The last refresh token this instance sent: spent whatever the answer, so never sent twice. */
  let spentRefreshToken: string | null = null;
  /** THRON's refresh grant takes the client id but no secret. */
  const refreshClient: OAuthClient = { tokenUrl: thronOAuthClient(config).tokenUrl, clientId: config.clientId };

  async function login() {
    try {
      return await requestTokens(upstream, () => impersonationGrantRequest(config), now);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      if (error.code === "invalid_client")
        throw new ProblemError(
          502,
          "thron-credentials",
          "THRON rejected the BFF's credentials",
          "Check THRON_CLIENT_ID and THRON_CLIENT_SECRET.",
        );
      throw new ProblemError(
        502,
        "thron-user",
        "THRON refused to impersonate the configured user",
        `Check THRON_USERNAME (${error.code}).`,
      );
    }
  }

  /** Rotation: the answer carries a new refresh token and the old one is dead. */
  async function refresh(token: string) {
    try {
      return await requestTokens(upstream, () => refreshTokenGrantRequest(refreshClient, token), now);
    } catch (error) {
      // Refused for any reason (invalid_grant, invalid_client, 400, 401): the token is dead.
      if (error instanceof OAuthError) return undefined;
      throw error;
    }
  }

  return new TokenSource<Jwt>({
    refreshAheadMs,
    now,
    onObtain: (renewal) => upstream.metrics?.tokenRequest(upstream.name, renewal),
    // Shared with the fleet (core/fleet-token.ts): `previous` is then the newest JWT any instance stored.
    ...(upstream.sharedTokens && { shared: { ...upstream.sharedTokens, key: `THRON:${config.clientId}:${config.username}` } }),
    async obtain(previous) {
      const held = previous?.refreshToken !== spentRefreshToken ? previous?.refreshToken : null;
      if (held) spentRefreshToken = held; // spent by this attempt, whatever happens
      // A refused refresh (rotated elsewhere, revoked) falls back to a full impersonation login.
      return (held ? await refresh(held) : undefined) ?? (await login());
    },
  });
}

/** The sessions of the legacy API: an X-TokenID derived from the current JWT, renewed on its own. */
export function createThronAuth(config: ThronConfig, upstream: UpstreamOptions, refreshAheadMs: number, now: () => number = Date.now) {
  const jwts = createJwtSource(config, upstream, refreshAheadMs, now);

  async function deriveLegacy(jwt: Jwt): Promise<string> {
    const response = await callUpstream(upstream, () => legacyTokenRequest(config, jwt.accessToken), {
      idempotent: true,
      operation: "legacy-token",
    });
    // Stryker disable next-line ArrowFunction: null or undefined for a body that is not JSON: both fail both schemas below alike
    const body: unknown = await response.json().catch(() => null);
    const ssoCode = SsoEnvelope.safeParse(body).data?.ssoCode;
    if (response.status === 401 || response.status === 403 || ssoCode === "SESSION_EXPIRED" || ssoCode === "AUTHENTICATION_ERROR")
      throw new JwtRefused();
    const parsed = LegacyResponse.safeParse(body);
    if (!response.ok || !parsed.success)
      throw answerError("THRON", response.status, `The legacy token endpoint answered status ${response.status}.`);
    return parsed.data.token;
  }

  const legacy = new TokenSource<ThronSession>({
    refreshAheadMs: 0,
    now,
    // A JWT the legacy endpoint refuses is dead before its time (revoked, or the session ended upstream): a new one, once.
    obtain: () =>
      withRenewal(
        jwts,
        async (jwt) => ({ legacyToken: await deriveLegacy(jwt), accessToken: jwt.accessToken, expiresAt: jwt.expiresAt }),
        (error) => error instanceof JwtRefused,
        () => badGateway("THRON", "THRON refused a legacy token for a JWT it had just issued."),
      ),
  });

  const sessions: ThronSessions = {
    async get() {
      const jwt = await jwts.get(); // refreshes the JWT ahead of its expiry
      const session = await legacy.get();
      // Stryker disable next-line ConditionalExpression: the next check returns this session too, after one more look at the cached JWT
      if (session.accessToken === jwt.accessToken) return session;
      // A session derived just now, from a JWT renewed because the legacy endpoint refused `jwt`, is current.
      if (session.accessToken === (await jwts.get()).accessToken) return session;
      // The JWT was refreshed: derive the legacy token from the new one.
      return legacy.renew(session);
    },
    renew: (session) => legacy.renew(session),
  };
  return sessions;
}
