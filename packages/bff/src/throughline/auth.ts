/**
 * ThroughLine's client-credentials token through the shared token source: cached by its expiry,
 * renewed five minutes ahead, shared with the fleet when there is one. Refused credentials are
 * named as such; an outage is not blamed on them.
 */

import { ProblemError } from "../core/problem.ts";
import { badGateway, type UpstreamOptions } from "../upstream/call.ts";
import { clientCredentialsGrantRequest, OAuthError, requestTokens } from "../upstream/oauth.ts";
import { TokenSource } from "../upstream/token-source.ts";
import type { ThroughLineConfig } from "./config.ts";

/** A bearer token for the API and the events base. */
export interface ThroughLineToken {
  token: string;
  expiresAt: number;
}

const REFRESH_AHEAD_MS = 5 * 60_000;

/** The client-credentials token request (the doctor sends the same); the secret travels in the body only, never in a URL. */
export function throughlineTokenRequest(config: Pick<ThroughLineConfig, "tokenUrl" | "clientId" | "clientSecret">): Request {
  return clientCredentialsGrantRequest({ tokenUrl: config.tokenUrl, clientId: config.clientId, clientSecret: config.clientSecret });
}

export function createThroughLineAuth(
  config: ThroughLineConfig,
  upstream: UpstreamOptions,
  now: () => number = Date.now,
): TokenSource<ThroughLineToken> {
  return new TokenSource({
    refreshAheadMs: REFRESH_AHEAD_MS,
    now,
    onObtain: (renewal) => upstream.metrics?.tokenRequest(upstream.name, renewal),
    // Stryker disable next-line StringLiteral: the shared stores are already scoped to ThroughLine and this client id (app.ts), where no other key starts with "token:"
    ...(upstream.sharedTokens && { shared: { ...upstream.sharedTokens, key: `ThroughLine:${config.clientId}` } }),
    obtain: async () => {
      try {
        const { accessToken, expiresAt } = await requestTokens(upstream, () => throughlineTokenRequest(config), now);
        return { token: accessToken, expiresAt };
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        if (error.status === 400 || error.status === 401)
          throw new ProblemError(
            502,
            "throughline-credentials",
            "ThroughLine refused the BFF's credentials",
            "Check THROUGHLINE_CLIENT_ID and THROUGHLINE_CLIENT_SECRET.",
          );
        throw badGateway("ThroughLine", `The token endpoint answered status ${error.status}.`);
      }
    },
  });
}
