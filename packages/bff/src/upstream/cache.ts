/**
 * Response cache with stale-while-revalidate and request coalescing over a pluggable store.
 * Fresh: served as is. Stale: served at once while one background refresh runs. Expired or
 * missing: one load for all concurrent callers; if that load fails, a stale entry is served.
 */

import { type FleetOptions, onceInFleet } from "../core/fleet-lock.ts";
import type { CacheStatus } from "../core/metrics.ts";

export interface CacheEntry<V> {
  value: V;
  /** Fresh until then (ms since epoch). */
  freshUntil: number;
  /** May be served stale until then. */
  staleUntil: number;
}

/** Where entries live: in memory by default, a shared store (Redis) when several instances run. */
export interface CacheStore {
  get<V>(key: string): Promise<CacheEntry<V> | undefined>;
  set<V>(key: string, entry: CacheEntry<V>): Promise<void>;
}

/** Bounded least-recently-used store in process memory. */
export class MemoryStore implements CacheStore {
  readonly #entries = new Map<string, CacheEntry<unknown>>();
  constructor(readonly maxEntries = 5_000) {}

  async get<V>(key: string): Promise<CacheEntry<V> | undefined> {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry); // most recently used goes last
    }
    return entry as CacheEntry<V> | undefined;
  }

  async set<V>(key: string, entry: CacheEntry<V>): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
  }
}

export interface Ttl {
  freshMs: number;
  /** How long past freshness an entry may still be served (while revalidating, or when the upstream fails). */
  staleMs: number;
}

/** `defaults`, with those of `given` that name the same things in their place (AppDeps.ttl). */
export function ttlsWith<T extends { [K in keyof T]: Ttl }>(defaults: T, given?: { readonly [cached: string]: Ttl | undefined }): T {
  const ttls = { ...defaults };
  for (const name of Object.keys(defaults) as (keyof T & string)[]) ttls[name] = (given?.[name] ?? defaults[name]) as T[keyof T & string];
  return ttls;
}

export type { CacheStatus };

export interface CacheHooks {
  /** Told of every look-up's result (metrics). */
  observe?: (key: string, status: CacheStatus) => void;
  /** With a shared store: one load per key across every instance (core/fleet-lock.ts). */
  fleet?: FleetOptions;
}

export class ResponseCache {
  readonly #inFlight = new Map<string, Promise<unknown>>();
  constructor(
    readonly store: CacheStore,
    readonly now: () => number = Date.now,
    readonly hooks: CacheHooks = {},
  ) {}

  async get<V>(key: string, ttl: Ttl, load: () => Promise<V>): Promise<{ value: V; status: CacheStatus }> {
    const result = await this.#get(key, ttl, load);
    this.hooks.observe?.(key, result.status);
    return result;
  }

  async #get<V>(key: string, ttl: Ttl, load: () => Promise<V>): Promise<{ value: V; status: CacheStatus }> {
    const entry = await this.store.get<V>(key);
    const now = this.now();
    if (entry && now < entry.freshUntil) return { value: entry.value, status: "hit" };
    if (entry && now < entry.staleUntil) {
      this.#load(key, ttl, load).catch(() => {}); // revalidate in the background
      return { value: entry.value, status: "stale" };
    }
    try {
      return { value: await this.#load(key, ttl, load), status: "miss" };
    } catch (error) {
      // Past staleUntil we would rather answer something old than nothing when the upstream fails.
      if (entry) return { value: entry.value, status: "stale-on-error" };
      throw error;
    }
  }

  #load<V>(key: string, ttl: Ttl, load: () => Promise<V>): Promise<V> {
    let pending = this.#inFlight.get(key) as Promise<V> | undefined;
    if (!pending) {
      const loadAndStore = async () => {
        const value = await load();
        const now = this.now();
        await this.store.set(key, { value, freshUntil: now + ttl.freshMs, staleUntil: now + ttl.freshMs + ttl.staleMs });
        return value;
      };
      const fleet = this.hooks.fleet;
      pending = (fleet ? onceInFleet(fleet, key, loadAndStore, () => this.#fresh<V>(key)) : loadAndStore()).finally(() =>
        this.#inFlight.delete(key),
      );
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  /** The stored value if it is fresh: what another instance just loaded. */
  async #fresh<V>(key: string): Promise<V | undefined> {
    const entry = await this.store.get<V>(key);
    return entry && this.now() < entry.freshUntil ? entry.value : undefined;
  }
}
