/**
 * Counts upstream calls over a rolling day in hourly buckets, so the count can live in a shared
 * store (one INCR per call) when several BFF instances spend one quota. A call is reserved
 * before it is made and released when the upstream refused it without counting it. When the
 * shared store fails, the count goes on in process from the last known shared figure (the quota
 * fails closed, never open), and the calls made meanwhile are added to the store once it answers.
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
/** Buckets outlive the day they count by an hour, so none expires while still read. */
const BUCKET_TTL = 25 * HOUR;
const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);

export class RollingQuota {
  /** Per bucket, the shared count when the shared store last answered (our synced calls included). */
  readonly #lastShared = new Map<string, number>();
  /** Per bucket, this instance's calls (or gives-back) the shared store has not heard of yet. */
  readonly #unsynced = new Map<string, number>();
  #turn: Promise<unknown> = Promise.resolve();

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
    const keys = this.#keys();
    try {
      return await this.#readShared(keys);
    } catch {
      return this.#fallback(keys);
    }
  }

  /** Tells the shared store the calls this instance made while it was away. */
  async #sync(keys: string[]): Promise<void> {
    for (const [key, delta] of this.#unsynced) {
      if (keys.includes(key) && delta !== 0) await this.store.increment(key, BUCKET_TTL, delta);
      this.#unsynced.delete(key);
    }
  }

  /** The day's buckets in the shared store (after syncing), remembered for when it is away. */
  async #readShared(keys: string[]): Promise<number> {
    await this.#sync(keys);
    const shared = await this.store.read(keys);
    // Stryker disable next-line CallExpression: nothing reads an hour that left the day; without this it stays in memory (24 numbers a day)
    this.#lastShared.clear();
    for (const [i, key] of keys.entries()) this.#lastShared.set(key, shared[i] as number);
    return sum(shared);
  }

  /** While the shared store is away: its last figure plus the calls this instance made since. */
  #fallback(keys: string[]): number {
    return sum(keys.map((key) => (this.#lastShared.get(key) ?? 0) + (this.#unsynced.get(key) ?? 0)));
  }

  #addUnsynced(key: string, delta: number): void {
    this.#unsynced.set(key, (this.#unsynced.get(key) ?? 0) + delta);
  }

  /**
   * Counts one call; false (and nothing counted) when the quota is spent. The call is counted
   * first and taken back if that went over the limit, so instances sharing a store can never
   * grant more than the limit between them (at worst one refuses a call that would have fit).
   * Reservations in this instance take turns.
   */
  reserve(): Promise<boolean> {
    const turn = this.#turn.then(async () => {
      const keys = this.#keys();
      const key = keys[0] as string;
      let counted = false;
      try {
        await this.#sync(keys);
        await this.store.increment(key, BUCKET_TTL);
        counted = true;
        if ((await this.#readShared(keys)) <= this.limit) return true;
        await this.store.increment(key, BUCKET_TTL, -1);
        return false;
      } catch {
        // The store is away: decide on what we knew of it plus this call (fails closed), and tell it later.
        if (this.#fallback(keys) + 1 > this.limit) {
          if (counted) this.#addUnsynced(key, -1);
          return false;
        }
        if (!counted) this.#addUnsynced(key, 1);
        else this.#lastShared.set(key, (this.#lastShared.get(key) ?? 0) + 1);
        return true;
      }
    });
    // Stryker disable next-line ArrowFunction,BooleanLiteral: the turn's value is never read, only waited for
    this.#turn = turn.catch(() => false);
    return turn;
  }

  /** Gives back a reserved call the upstream did not count (it refused it with 429). */
  async release(): Promise<void> {
    const key = this.#keys()[0] as string;
    try {
      await this.#sync(this.#keys());
      await this.store.increment(key, BUCKET_TTL, -1);
    } catch {
      this.#addUnsynced(key, -1);
    }
  }
}
