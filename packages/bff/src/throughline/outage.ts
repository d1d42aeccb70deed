/**
 * No quota burnt while ThroughLine fails: a failing call still counts against the daily quota,
 * so failures are remembered per look-up for a short while, and after several in a row a
 * breaker lets only one probe through at a time, at a low bounded rate, until one succeeds.
 */
import { ProblemError } from "../core/problem.ts";
import { UpstreamError } from "../upstream/call.ts";

/** ThroughLine failed often enough that the BFF now only probes it now and then. */
export class CircuitOpen extends UpstreamError {
  constructor(retryAfterSeconds: number) {
    super(
      503,
      "throughline-unavailable",
      "ThroughLine is failing; the BFF asks it again shortly",
      "Several calls to ThroughLine failed in a row; the BFF answers from its cache and probes ThroughLine now and then until it answers.",
      {},
      { "retry-after": String(retryAfterSeconds) },
    );
  }
}

export interface BreakerOptions {
  /** Failures in a row that open the breaker. */
  threshold?: number;
  /** While open, one probe per this many milliseconds. */
  probeEveryMs?: number;
  now?: () => number;
}

export class Breaker {
  #failuresInRow = 0;
  /** While open: no call before then. */
  #nextProbeAt = 0;
  readonly threshold: number;
  readonly probeEveryMs: number;
  readonly now: () => number;

  constructor({ threshold = 5, probeEveryMs = 30_000, now = Date.now }: BreakerOptions = {}) {
    this.threshold = threshold;
    this.probeEveryMs = probeEveryMs;
    this.now = now;
  }

  get open(): boolean {
    return this.#failuresInRow >= this.threshold;
  }

  /** Runs `call` unless the breaker is open and it is not time for a probe; `isFailure` says which errors count. */
  async run<T>(call: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
    if (this.open) {
      const wait = this.#nextProbeAt - this.now();
      if (wait > 0) throw new CircuitOpen(Math.ceil(wait / 1000));
      this.#nextProbeAt = this.now() + this.probeEveryMs; // this call is the probe: the next one waits its turn
    }
    try {
      const value = await call();
      this.#failuresInRow = 0;
      return value;
    } catch (error) {
      if (isFailure(error)) {
        this.#failuresInRow++;
        // Read only while open: every failure, the one that opens the breaker and each failed probe, puts the next probe a period away.
        this.#nextProbeAt = Math.max(this.#nextProbeAt, this.now() + this.probeEveryMs);
      }
      throw error;
    }
  }
}

/**
 * Failed look-ups, remembered per key for `forMs`: the same look-up asked again meanwhile gets
 * the same problem without a call. A refusal by the open breaker is not remembered: no call was
 * made, and the next look-up may be the probe. Bounded in memory (the oldest go first).
 */
export class FailureMemory {
  readonly #failed = new Map<string, { error: ProblemError; until: number }>();

  constructor(
    readonly forMs = 30_000,
    readonly now: () => number = Date.now,
    readonly maxEntries = 5_000,
  ) {}

  /** Runs `load` unless `key` failed within `forMs`; a failure (a problem) is remembered. */
  async guard<T>(key: string, load: () => Promise<T>): Promise<T> {
    const failed = this.#failed.get(key);
    if (failed && this.now() < failed.until) throw failed.error;
    this.#failed.delete(key);
    try {
      return await load();
    } catch (error) {
      if (error instanceof ProblemError && !(error instanceof CircuitOpen)) {
        this.#failed.set(key, { error, until: this.now() + this.forMs });
        while (this.#failed.size > this.maxEntries) this.#failed.delete(this.#failed.keys().next().value as string);
      }
      throw error;
    }
  }
}
