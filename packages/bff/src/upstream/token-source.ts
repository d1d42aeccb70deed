/**
 * The lifecycle of one upstream token, written once for THRON, Thunder and ThroughLine:
 * cached by its own expiry, refreshed ahead of it, one upstream request however many callers
 * wait, and invalidated when the upstream says it is dead. One renewal serves every waiting
 * caller, so it is made to hold: a transient failure is retried once before they all fail,
 * and while a token held is still valid a failed renewal leaves it in use.
 */

import { UpstreamError } from "./call.ts";
import { type ExpiringToken, obtainInFleet, type SharedTokens } from "./fleet-token.ts";

/**
 * Refused connections and upstream 5xx: quick failures worth one more try. Not a timeout (the
 * callers have waited long enough) nor a refusal of the credentials.
 */
const isUpstreamFailure = (error: unknown) => error instanceof UpstreamError && error.status !== 504;

export type { ExpiringToken };

export interface TokenSourceOptions<T extends ExpiringToken> {
  /** Obtains a token; `previous` is the last one held (a refresh token may live in it). */
  obtain: (previous: T | null) => Promise<T>;
  /** Refresh this long before expiry; callers in that window get the current token while it refreshes. */
  refreshAheadMs: number;
  /**
   * Prefer not to hand out a token with less life left than this: callers wait for a new one
   * instead (if that renewal fails, they get the old one while it is still valid).
   */
  minValidityMs?: number;
  now?: () => number;
  /** Which failures of `obtain` are transient (retried once); by default the upstream's own failures. */
  isTransient?: (error: unknown) => boolean;
  /** Pause before that one retry. */
  retryDelayMs?: number;
  /** Told of each token asked of the upstream: a renewal when one was held before (metrics). */
  onObtain?: (renewal: boolean) => void;
  /** Shares tokens with the other instances (core/fleet-token.ts); `key` names the provider and account. */
  shared?: SharedTokens & { key: string };
}

export class TokenSource<T extends ExpiringToken> {
  /** The last token obtained; kept after invalidation, since a refresh may need what it holds. */
  #current: T | null = null;
  // Stryker disable next-line BooleanLiteral: read only alongside #current, which is null until a token obtained resets this to false
  #invalidated = false;
  #inFlight: Promise<T> | null = null;
  readonly #options: TokenSourceOptions<T>;
  readonly #now: () => number;
  readonly #obtain: (previous: T | null) => Promise<T>;

  constructor(options: TokenSourceOptions<T>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    const { obtain, onObtain, isTransient = isUpstreamFailure, retryDelayMs = 100 } = options;
    const counted = (previous: T | null) => {
      onObtain?.(previous !== null);
      return obtain(previous);
    };
    const retried = (previous: T | null) =>
      counted(previous).catch(async (error: unknown) => {
        if (!isTransient(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        return counted(previous);
      });
    // In a fleet, the instance holding the lock makes the request and its one retry.
    this.#obtain = options.shared ? obtainInFleet(options.shared, options.shared.key, retried, options.refreshAheadMs, this.#now) : retried;
  }

  /** A token valid now. Never one past its expiry. */
  async get(): Promise<T> {
    const current = this.#invalidated ? null : this.#current;
    const now = this.#now();
    if (current && now < current.expiresAt - (this.#options.minValidityMs ?? 0)) {
      if (now >= current.expiresAt - this.#options.refreshAheadMs) {
        // Refresh ahead in the background; a failure there leaves the still-valid token in use.
        this.#refresh().catch(() => {});
      }
      return current;
    }
    try {
      return await this.#refresh();
    } catch (error) {
      // Still valid though inside minValidityMs: better than failing every caller.
      if (current && this.#now() < current.expiresAt && !this.#invalidated) return current;
      throw error;
    }
  }

  /** Stops handing out `token` if it is still the one held; a newer token obtained meanwhile is kept. */
  invalidate(token: T): void {
    if (this.#current === token) this.#invalidated = true;
  }

  /** The upstream called `token` dead: a new one (or one obtained meanwhile by another caller). */
  renew(token: T): Promise<T> {
    this.invalidate(token);
    return this.get();
  }

  #refresh(): Promise<T> {
    if (!this.#inFlight) {
      const previous = this.#current;
      this.#inFlight = this.#obtain(previous)
        .then((token) => {
          this.#current = token;
          this.#invalidated = false;
          return token;
        })
        .finally(() => {
          this.#inFlight = null;
        });
    }
    return this.#inFlight;
  }
}

/** Something that hands out a credential and renews one the upstream refused. */
export interface Renewable<T> {
  get(): Promise<T>;
  renew(refused: T): Promise<T>;
}

/**
 * "Renew once and retry", written once: runs `call` with a credential; when the upstream refuses
 * it (`isRefused`), renews it and calls exactly once more. A refusal of the renewed credential
 * too is final: `refusedAgain` names it (it returns the error to throw).
 */
export async function withRenewal<T, R>(
  credentials: Renewable<T>,
  call: (credential: T) => Promise<R>,
  isRefused: (error: unknown) => boolean,
  refusedAgain: (error: unknown) => Error,
): Promise<R> {
  const credential = await credentials.get();
  try {
    return await call(credential);
  } catch (error) {
    if (!isRefused(error)) throw error;
  }
  const renewed = await credentials.renew(credential);
  try {
    return await call(renewed);
  } catch (error) {
    throw isRefused(error) ? refusedAgain(error) : error;
  }
}
