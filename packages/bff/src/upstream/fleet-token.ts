/**
 * Upstream tokens shared by the fleet (with BFF_CACHE_URL): the instance holding the provider's
 * lock asks for a token and stores it; the others adopt it instead of asking themselves.
 *
 * Shared: ThroughLine's client-credentials token (a bearer token with no refresh token) and
 * THRON's JWT with its refresh token (each instance derives its own legacy X-TokenID from it).
 * Not Thunder's: each launch mints a short-lived token of its own. THRON rotates its refresh
 * token: once one instance refreshes, the refresh token every other instance holds is dead. So a
 * refresh always starts from the newest JWT the fleet stored, under the lock; an instance that
 * refreshes alone (Redis away) with a dead refresh token falls back to a full login
 * (thron/auth.ts). The shared store then holds these tokens: protect it like the secrets.
 */

import { type FleetOptions, onceInFleet } from "../core/fleet-lock.ts";
import type { CacheStore } from "./cache.ts";

/** A token with its expiry: all a fleet needs to know of it (upstream/token-source.ts holds one). */
export interface ExpiringToken {
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface SharedTokens {
  fleet: FleetOptions;
  store: CacheStore;
}

/**
 * Wraps a token source's `obtain`: adopt a newer token the fleet stored, else obtain one under
 * the lock (from the newest token known) and store it. `key` names the provider and account.
 */
export function obtainInFleet<T extends ExpiringToken>(
  shared: SharedTokens,
  key: string,
  obtain: (previous: T | null) => Promise<T>,
  /** A stored token with less life left than this is not worth adopting (the source's refresh-ahead). */
  minRemainingMs: number,
  now: () => number = Date.now,
): (previous: T | null) => Promise<T> {
  const storeKey = `token:${key}`;
  const stored = async () => (await shared.store.get<T>(storeKey))?.value;
  return async (previous) => {
    const newer = async () => {
      const token = await stored();
      return token && token.expiresAt - now() > minRemainingMs && (!previous || token.expiresAt > previous.expiresAt) ? token : undefined;
    };
    return (
      (await newer()) ??
      onceInFleet(
        shared.fleet,
        storeKey,
        async () => {
          const latest = await stored();
          const token = await obtain(latest && (!previous || latest.expiresAt > previous.expiresAt) ? latest : previous);
          await shared.store.set(storeKey, { value: token, freshUntil: token.expiresAt, staleUntil: token.expiresAt });
          return token;
        },
        newer,
      )
    );
  };
}
