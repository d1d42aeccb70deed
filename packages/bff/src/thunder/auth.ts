/**
 * Thunder's launch tokens: each launch gets a token of its own from GenerateTokenWithDuration,
 * as short-lived as configured, never cached, shared nor renewed (so no token source).
 */
import type { ThunderClient } from "./client.ts";

export interface ThunderToken {
  token: string;
  expiresAt: number;
}

export function createThunderAuth(client: ThunderClient, now: () => number = Date.now) {
  const { config, upstream } = client;
  return {
    /** A token of its own for one launch. */
    async mintToken(): Promise<ThunderToken> {
      const startedAt = now();
      upstream.metrics?.tokenRequest(upstream.name, false); // never shared nor renewed: every launch asks for a new one
      // Minting twice is harmless, so an outage is worth one more try.
      const token = await client.call(
        "GenerateTokenWithDuration",
        { productId: config.vendorGuid, durationInMins: config.tokenMinutes },
        { label: "token", retryOutage: true },
      );
      return { token, expiresAt: startedAt + config.tokenMinutes * 60_000 };
    },
  };
}

export type ThunderAuth = ReturnType<typeof createThunderAuth>;
