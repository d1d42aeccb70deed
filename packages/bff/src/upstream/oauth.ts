/**
 * OAuth 2.0 token requests as THRON and ThroughLine take them, in oauth4webapi's style: one
 * function builds each grant's request, and one processes the token endpoint's answer. The
 * client authenticates in the form body (client_secret_post), so secrets never reach a URL, and
 * an error answer is reduced to its `error` code: descriptions are not trusted to be free of
 * secrets, and no upstream body travels further.
 */
import { z } from "zod";
import { answerError, badGateway, callUpstream, type UpstreamOptions } from "./call.ts";

/** The token endpoint and the client's credentials for it. */
export interface OAuthClient {
  tokenUrl: string;
  clientId: string;
  /** Sent in the body; left out for a grant that takes none (THRON's refresh). */
  clientSecret?: string;
}

/** A token endpoint's answer, with the lifetime turned into an expiry. */
export interface TokenSet {
  accessToken: string;
  /** Null when the endpoint issued none. */
  refreshToken: string | null;
  /** Milliseconds since the epoch, counted from when the request was sent. */
  expiresAt: number;
}

/** The endpoint refused the grant (a 4xx): `code` is its OAuth `error`, or `status N` without one. */
export class OAuthError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`OAuth error ${code}`);
  }
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional().catch(undefined),
  expires_in: z.number().positive(),
});
const ErrorResponse = z.object({ error: z.string() }).partial();

/** Any grant: `grant_type`, the grant's parameters, then the client's credentials. */
export function genericGrantRequest(client: OAuthClient, grantType: string, parameters: Record<string, string>): Request {
  return new Request(client.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({
      grant_type: grantType,
      ...parameters,
      client_id: client.clientId,
      ...(client.clientSecret !== undefined && { client_secret: client.clientSecret }),
    }),
  });
}

/** The client's own token (ThroughLine). */
export function clientCredentialsGrantRequest(client: OAuthClient, parameters: Record<string, string> = {}): Request {
  return genericGrantRequest(client, "client_credentials", parameters);
}

/** A new access token for a refresh token (THRON rotates it: the answer carries the next one). */
export function refreshTokenGrantRequest(client: OAuthClient, refreshToken: string): Request {
  return genericGrantRequest(client, "refresh_token", { refresh_token: refreshToken });
}

/**
 * The token endpoint's answer: the tokens, or an `OAuthError` for a refusal (4xx), or a problem
 * naming `provider` for an outage (5xx, "unavailable") or an answer that is not a token.
 * `sentAt` is when the request left: the lifetime counts from then.
 */
export async function processTokenResponse(provider: string, response: Response, sentAt: number): Promise<TokenSet> {
  // Stryker disable next-line ArrowFunction: undefined fails both schemas below just as null does
  const body: unknown = await response.json().catch(() => null);
  if (response.status >= 400 && response.status < 500)
    throw new OAuthError(ErrorResponse.safeParse(body).data?.error ?? `status ${response.status}`, response.status);
  if (!response.ok) throw answerError(provider, response.status, `The token endpoint answered status ${response.status}.`);
  const parsed = TokenResponse.safeParse(body);
  if (!parsed.success) throw badGateway(provider, "The token endpoint answered an unexpected shape.");
  const { access_token, refresh_token, expires_in } = parsed.data;
  return { accessToken: access_token, refreshToken: refresh_token ?? null, expiresAt: sentAt + expires_in * 1000 };
}

/** Sends one grant request (never twice: a token request is not idempotent) and processes the answer. */
export async function requestTokens(upstream: UpstreamOptions, request: () => Request, now: () => number): Promise<TokenSet> {
  const sentAt = now();
  const response = await callUpstream(upstream, request, { idempotent: false, operation: "token" });
  return processTokenResponse(upstream.name, response, sentAt);
}
