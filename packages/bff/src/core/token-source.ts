/**
 * The lifecycle of one upstream token, written once for THRON, Thunder and ThroughLine:
 * cached by its own expiry, refreshed ahead of it, one upstream request however many callers
 * wait, and invalidated when the upstream says it is dead.
 */

import { obtainInFleet, type SharedTokens } from "./fleet-token.ts";

export interface ExpiringToken {
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface TokenSourceOptions<T extends ExpiringToken> {
  /** Obtains a token; `previous` is the last one held (a refresh token may live in it). */
  obtain: (previous: T | null) => Promise<T>;
  /** Refresh this long before expiry; callers in that window get the current token while it refreshes. */
  refreshAheadMs: number;
  /** Never hand out a token with less life left than this: callers wait for a new one instead. */
  minValidityMs?: number;
  now?: () => number;
  /** Told of each token asked of the upstream: a renewal when one was held before (metrics). */
  onObtain?: (renewal: boolean) => void;
  /** Shares tokens with the other instances (core/fleet-token.ts); `key` names the provider and account. */
  shared?: SharedTokens & { key: string };
}

export class TokenSource<T extends ExpiringToken> {
  /** The last token obtained; kept after invalidation, since a refresh may need what it holds. */
  #current: T | null = null;
  #invalidated = false;
  #inFlight: Promise<T> | null = null;
  readonly #options: TokenSourceOptions<T>;
  readonly #now: () => number;
  readonly #obtain: (previous: T | null) => Promise<T>;

  constructor(options: TokenSourceOptions<T>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    const counted = (previous: T | null) => {
      options.onObtain?.(previous !== null);
      return options.obtain(previous);
    };
    this.#obtain = options.shared ? obtainInFleet(options.shared, options.shared.key, counted, options.refreshAheadMs, this.#now) : counted;
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
    return this.#refresh();
  }

  /** Stops handing out `token` if it is still the one held; a newer token obtained meanwhile is kept. */
  invalidate(token: T): void {
    if (this.#current === token) this.#invalidated = true;
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
