/**
 * Paces calls to at most `perSecond` starts in any rolling second (ThroughLine allows 30 a
 * second and answers 429 beyond): a call over the rate waits its turn instead of being refused.
 * With a shared counter store, instances sharing it share the pace too (ThroughLine counts per
 * IP, not per instance); while that store is away, each instance paces itself alone.
 */
import type { CounterStore } from "./quota.ts";

export interface SharedPace {
  store: CounterStore;
  /** Prefix of the per-second counters. */
  key: string;
}

export class Pacer {
  readonly #starts: number[] = [];
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly perSecond: number,
    /** A little more than a second, so the upstream's window never sees one call too many. */
    readonly windowMs = 1_050,
    readonly now: () => number = Date.now,
    readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    readonly shared?: SharedPace,
  ) {}

  /** Resolves when a call may start; calls start in the order they asked. */
  turn(): Promise<void> {
    const next = this.#queue.then(async () => {
      await this.#localTurn();
      await this.#sharedTurn();
    });
    this.#queue = next.catch(() => {});
    return next;
  }

  async #localTurn(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (
        // Stryker disable next-line ConditionalExpression,EqualityOperator: on an empty list the check below is false too (undefined <= n)
        this.#starts.length > 0 &&
        (this.#starts[0] as number) <= now - this.windowMs
      )
        this.#starts.shift();
      if (this.#starts.length < this.perSecond) {
        this.#starts.push(now);
        return;
      }
      await this.sleep((this.#starts[0] as number) + this.windowMs - now);
    }
  }

  /**
   * Counts the call in this second's shared counter; the previous second's count is added, so
   * no rolling second can hold more than `perSecond` starts across the fleet (at the price of
   * some throughput, which a daily quota of 1,000 never needs).
   */
  async #sharedTurn(): Promise<void> {
    const shared = this.shared;
    if (!shared) return;
    for (;;) {
      const second = Math.floor(this.now() / 1000);
      const key = (s: number) => `${shared.key}:${s}`;
      try {
        const current = await shared.store.increment(key(second), 3_000);
        const [previous = 0] = await shared.store.read([key(second - 1)]);
        if (current + previous <= this.perSecond) return;
        await shared.store.increment(key(second), 3_000, -1);
      } catch {
        return; // the store is away: this instance's own pace still holds
      }
      await this.sleep((second + 1) * 1000 - this.now());
    }
  }
}
