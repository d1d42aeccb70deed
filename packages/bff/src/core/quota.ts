/**
 * Counts upstream calls over a rolling day in hourly buckets, so the count can live in a shared
 * store (one INCR per call) when several BFF instances spend one quota.
 */

export interface CounterStore {
  /** Adds 1 to `key` (expiring after `ttlMs`) and returns the new value. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Current values of `keys` (0 when absent). */
  read(keys: string[]): Promise<number[]>;
}

export class MemoryCounterStore implements CounterStore {
  readonly #counts = new Map<string, { value: number; expiresAt: number }>();
  constructor(readonly now: () => number = Date.now) {}

  async increment(key: string, ttlMs: number): Promise<number> {
    const now = this.now();
    const entry = this.#counts.get(key);
    const value = entry && entry.expiresAt > now ? entry.value + 1 : 1;
    this.#counts.set(key, { value, expiresAt: entry && entry.expiresAt > now ? entry.expiresAt : now + ttlMs });
    return value;
  }

  async read(keys: string[]): Promise<number[]> {
    const now = this.now();
    return keys.map((key) => {
      const entry = this.#counts.get(key);
      return entry && entry.expiresAt > now ? entry.value : 0;
    });
  }
}

const HOUR = 3_600_000;

export class RollingQuota {
  constructor(
    readonly name: string,
    readonly limit: number,
    readonly store: CounterStore,
    readonly now: () => number = Date.now,
  ) {}

  #keys(): string[] {
    const hour = Math.floor(this.now() / HOUR);
    return Array.from({ length: 24 }, (_, i) => `quota:${this.name}:${hour - i}`);
  }

  /** Calls counted in the last 24 hours (to the hour). */
  async used(): Promise<number> {
    return (await this.store.read(this.#keys())).reduce((sum, n) => sum + n, 0);
  }

  async record(): Promise<void> {
    await this.store.increment(this.#keys()[0] as string, 25 * HOUR);
  }
}
