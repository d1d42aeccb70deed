/**
 * An in-process tier in front of a shared store (Redis): a fresh entry held here is served
 * without asking the shared store, and when the shared store is away, what this instance
 * already loaded keeps being served as the cache says (fresh, then stale while revalidating).
 * So a Redis outage never turns every cached answer into an upstream call, and a hit hands out
 * the same value object each time (the rendered JSON memoised on it is reused).
 */
import { type CacheEntry, type CacheStore, MemoryStore } from "../upstream/cache.ts";

export class MemoryTier implements CacheStore {
  constructor(
    readonly shared: CacheStore,
    readonly memory: CacheStore = new MemoryStore(),
    readonly now: () => number = Date.now,
  ) {}

  async get<V>(key: string): Promise<CacheEntry<V> | undefined> {
    const local = await this.memory.get<V>(key);
    if (local && this.now() < local.freshUntil) return local;
    // Stale or missing here: another instance may have refreshed it. A shared store that fails answers undefined.
    const shared = await this.shared.get<V>(key);
    if (shared && (!local || shared.freshUntil > local.freshUntil)) {
      await this.memory.set(key, shared);
      return shared;
    }
    return local;
  }

  async set<V>(key: string, entry: CacheEntry<V>): Promise<void> {
    await this.memory.set(key, entry);
    await this.shared.set(key, entry);
  }
}
