/**
 * Thunder SSO tokens through the shared token source: `Authorization: API base64(user:password)`,
 * GenerateToken or GenerateTokenWithDuration, answers parsed leniently (WCF `*Result`, a bare
 * JSON string, or text), and refused credentials named as such (the service answers 500).
 */

import type { ThunderConfig } from "../config.ts";
import { ProblemError } from "../core/problem.ts";
import { TokenSource } from "../core/token-source.ts";
import { badGateway, callUpstream, type UpstreamOptions } from "../core/upstream.ts";

export interface ThunderToken {
  token: string;
  expiresAt: number;
}

/** Assumed from the vendor's help centre: "about 15 minutes" when no duration is asked for. */
const VENDOR_DEFAULT_MINUTES = 15;

function base64Utf8(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** The token in any of the shapes the service has been seen to answer. */
export function parseTokenAnswer(text: string): string | null {
  const trimmed = text.trim();
  try {
    const json: unknown = JSON.parse(trimmed);
    if (typeof json === "string") return json.trim() || null;
    if (json && typeof json === "object") {
      const result = Object.entries(json).find(([key, value]) => key.endsWith("Result") && typeof value === "string");
      return (result?.[1] as string | undefined)?.trim() || null;
    }
    return null;
  } catch {
    return /^[\w.~+/=-]{8,}$/.test(trimmed) ? trimmed : null;
  }
}

export function createThunderTokens(config: ThunderConfig, upstream: UpstreamOptions, now: () => number = Date.now) {
  const minutes = config.tokenMinutes ?? VENDOR_DEFAULT_MINUTES;
  const lifetimeMs = minutes * 60_000;
  const endpoint = config.tokenMinutes === null ? "GenerateToken" : "GenerateTokenWithDuration";
  const body =
    config.tokenMinutes === null ? { productId: config.vendorGuid } : { productId: config.vendorGuid, durationInMins: config.tokenMinutes };
  const authorization = `API ${base64Utf8(`${config.username}:${config.password}`)}`;

  return new TokenSource<ThunderToken>({
    now,
    onObtain: (renewal) => upstream.metrics?.tokenRequest(upstream.name, renewal),
    ...(upstream.sharedTokens && {
      shared: { ...upstream.sharedTokens, key: `Thunder:${config.username}:${config.vendorGuid}:${minutes}` },
    }),
    // Ahead of expiry, and never a launch URL whose token dies within the minute.
    refreshAheadMs: Math.min(2 * 60_000, lifetimeMs / 4),
    minValidityMs: Math.min(60_000, lifetimeMs / 4),
    async obtain() {
      const startedAt = now();
      const response = await callUpstream(
        upstream,
        () =>
          new Request(`${config.ssoUrl}/${endpoint}`, {
            method: "POST",
            headers: { authorization, "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify(body),
          }),
        { idempotent: false, operation: "token" },
      );
      const text = await response.text();
      if (response.status === 401 || response.status === 403 || response.status === 500)
        throw new ProblemError(
          502,
          "thunder-credentials",
          "Thunder refused the BFF's credentials",
          "Check THUNDER_USERNAME, THUNDER_PASSWORD and that THUNDER_VENDOR_GUID is enabled for that user.",
        );
      if (!response.ok) throw badGateway("Thunder", `Thunder's token service answered status ${response.status}.`);
      const token = parseTokenAnswer(text);
      if (!token) throw badGateway("Thunder", "Thunder's token service answered no token.");
      return { token, expiresAt: startedAt + lifetimeMs };
    },
  });
}
