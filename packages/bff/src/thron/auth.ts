/**
 * THRON sessions for the BFF: user impersonation (folder ACLs are the impersonated user's),
 * refresh with rotation, and the legacy X-TokenID derived from each JWT and renewed with it.
 */
import { z } from "zod";
import type { ThronConfig } from "../config.ts";
import { ProblemError } from "../core/problem.ts";
import { TokenSource } from "../core/token-source.ts";
import { badGateway, callUpstream, type UpstreamOptions } from "../core/upstream.ts";

export interface ThronSession {
  accessToken: string;
  refreshToken: string | null;
  legacyToken: string;
  expiresAt: number;
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive(),
});
const LegacyResponse = z.object({ token: z.string().min(1) });
const OAuthError = z.object({ error: z.string() }).partial();

const IMPERSONATION = "urn:thron:oauth:user-impersonation";

export function createThronAuth(config: ThronConfig, upstream: UpstreamOptions, refreshAheadMs: number) {
  const tokenUrl = `${config.authUrl}/api/v1/authentication/oauth2/token`;

  async function requestTokens(form: Record<string, string>) {
    const response = await callUpstream(
      upstream,
      () =>
        new Request(tokenUrl, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: new URLSearchParams(form),
        }),
      { idempotent: false, operation: "token" },
    );
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = TokenResponse.safeParse(body);
      if (parsed.success) return parsed.data;
      throw badGateway("THRON", "The token endpoint answered an unexpected shape.");
    }
    // Only the OAuth error code is read; descriptions are not trusted to be free of secrets.
    const code = OAuthError.safeParse(body).data?.error;
    if (response.status >= 500) throw badGateway("THRON", `Token endpoint status ${response.status}.`);
    if (code === "invalid_client")
      throw new ProblemError(
        502,
        "thron-credentials",
        "THRON rejected the BFF's credentials",
        "Check THRON_CLIENT_ID and THRON_CLIENT_SECRET.",
      );
    throw new OAuthFailure(code ?? `status ${response.status}`);
  }

  async function login() {
    try {
      return await requestTokens({
        grant_type: IMPERSONATION,
        scope: "",
        client_id: config.clientId,
        client_secret: config.clientSecret,
        subject: config.username,
      });
    } catch (error) {
      if (error instanceof OAuthFailure)
        throw new ProblemError(
          502,
          "thron-user",
          "THRON refused to impersonate the configured user",
          `Check THRON_USERNAME (${error.code}).`,
        );
      throw error;
    }
  }

  async function legacyToken(accessToken: string) {
    const response = await callUpstream(
      upstream,
      () => new Request(`${config.authUrl}/api/v1/authentication/token/legacy`, { headers: { authorization: `Bearer ${accessToken}` } }),
      { idempotent: true, operation: "legacy-token" },
    );
    const parsed = LegacyResponse.safeParse(await response.json().catch(() => null));
    if (!response.ok || !parsed.success) throw badGateway("THRON", `The legacy token endpoint answered status ${response.status}.`);
    return parsed.data.token;
  }

  return new TokenSource<ThronSession>({
    refreshAheadMs,
    onObtain: (renewal) => upstream.metrics?.tokenRequest(upstream.name, renewal),
    ...(upstream.sharedTokens && { shared: { ...upstream.sharedTokens, key: `THRON:${config.clientId}:${config.username}` } }),
    async obtain(previous) {
      const startedAt = Date.now();
      let tokens: z.infer<typeof TokenResponse> | undefined;
      if (previous?.refreshToken) {
        // Rotation: the answer carries a new refresh token and the old one is dead; a failed
        // refresh (rotated elsewhere, revoked) falls back to a full impersonation login.
        tokens = await requestTokens({
          grant_type: "refresh_token",
          refresh_token: previous.refreshToken,
          client_id: config.clientId,
        }).catch((error) => {
          if (error instanceof OAuthFailure) return undefined;
          throw error;
        });
      }
      tokens ??= await login();
      return {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token ?? null,
        legacyToken: await legacyToken(tokens.access_token),
        expiresAt: startedAt + tokens.expires_in * 1000,
      };
    },
  });
}

class OAuthFailure extends Error {
  constructor(readonly code: string) {
    super(`OAuth error ${code}`);
  }
}
