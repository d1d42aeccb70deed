/**
 * Paces calls to at most `perSecond` starts in any rolling second (ThroughLine allows 30 a
 * second and answers 429 beyond): a call over the rate waits its turn instead of being refused.
 * Per instance; several instances share the daily quota, not the pace.
 */
export class Pacer {
  readonly #starts: number[] = [];
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly perSecond: number,
    /** A little more than a second, so the upstream's window never sees one call too many. */
    readonly windowMs = 1_050,
    readonly now: () => number = Date.now,
    readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Resolves when a call may start; calls start in the order they asked. */
  turn(): Promise<void> {
    const next = this.#queue.then(async () => {
      for (;;) {
        const now = this.now();
        while (this.#starts.length > 0 && (this.#starts[0] as number) <= now - this.windowMs) this.#starts.shift();
        if (this.#starts.length < this.perSecond) {
          this.#starts.push(now);
          return;
        }
        await this.sleep((this.#starts[0] as number) + this.windowMs - now);
      }
    });
    this.#queue = next;
    return next;
  }
}
