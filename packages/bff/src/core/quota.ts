/**
 * Counts upstream calls over a rolling day in hourly buckets, so the count can live in a shared
 * store (one INCR per call) when several BFF instances spend one quota. A call is reserved
 * before it is made and released when the upstream refused it without counting it. When the
 * shared store fails, the count goes on in process from the last known shared figure: the quota
 * fails closed, never open.
 */

export interface CounterStore {
  /** Adds `by` (1 unless given) to `key` (expiring after `ttlMs`) and returns the new value. Throws when the store is unreachable. */
  increment(key: string, ttlMs: number, by?: number): Promise<number>;
  /** Current values of `keys` (0 when absent). Throws when the store is unreachable. */
  read(keys: string[]): Promise<number[]>;
}

export class MemoryCounterStore implements CounterStore {
  readonly #counts = new Map<string, { value: number; expiresAt: number }>();
  constructor(readonly now: () => number = Date.now) {}

  async increment(key: string, ttlMs: number, by = 1): Promise<number> {
    const now = this.now();
    const entry = this.#counts.get(key);
    const live = entry && entry.expiresAt > now;
    const value = (live ? entry.value : 0) + by;
    this.#counts.set(key, { value, expiresAt: live ? entry.expiresAt : now + ttlMs });
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
const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);

export class RollingQuota {
  /** This instance's own calls: what still counts while the shared store is away. */
  readonly #local: MemoryCounterStore;
  /** Per bucket, the shared count and our local count when the shared store last answered. */
  readonly #lastShared = new Map<string, { shared: number; local: number }>();
  #turn: Promise<unknown> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly limit: number,
    readonly store: CounterStore,
    readonly now: () => number = Date.now,
  ) {
    this.#local = new MemoryCounterStore(now);
  }

  #keys(): string[] {
    const hour = Math.floor(this.now() / HOUR);
    return Array.from({ length: 24 }, (_, i) => `quota:${this.name}:${hour - i}`);
  }

  /** Calls counted in the last 24 hours (to the hour). */
  async used(): Promise<number> {
    const keys = this.#keys();
    const local = await this.#local.read(keys);
    try {
      const shared = await this.store.read(keys);
      for (const [i, key] of keys.entries()) this.#lastShared.set(key, { shared: shared[i] as number, local: local[i] as number });
      return sum(shared);
    } catch {
      return sum(keys.map((key, i) => this.#fallback(key, local[i] as number)));
    }
  }

  /** The last shared figure plus the calls this instance made since. */
  #fallback(key: string, local: number): number {
    const last = this.#lastShared.get(key);
    return last ? last.shared + Math.max(0, local - last.local) : local;
  }

  /**
   * Counts one call; false (and nothing counted) when the quota is spent. Reservations in this
   * instance take turns, so concurrent look-ups cannot all pass the check before any counts.
   */
  reserve(): Promise<boolean> {
    const turn = this.#turn.then(async () => {
      if ((await this.used()) >= this.limit) return false;
      const key = this.#keys()[0] as string;
      await this.#local.increment(key, 25 * HOUR);
      await this.store.increment(key, 25 * HOUR).catch(() => {}); // counted locally meanwhile: see used()
      return true;
    });
    this.#turn = turn.catch(() => false);
    return turn;
  }

  /** Gives back a reserved call the upstream did not count (it refused it with 429). */
  async release(): Promise<void> {
    const key = this.#keys()[0] as string;
    await this.#local.increment(key, 25 * HOUR, -1);
    await this.store.increment(key, 25 * HOUR, -1).catch(() => {});
  }
}
