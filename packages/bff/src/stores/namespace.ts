/**
 * One tenant, one cache: every key a provider puts in a shared store (answers, tokens, locks,
 * counters) starts with the provider's namespace, made of what decides its answers (THRON's
 * tenant and impersonated user, ThroughLine's client id, Thunder's user). Two deployments that
 * share one Redis then never read each other's answers, tokens or quotas. The composition
 * (app.ts) hands each provider stores already scoped, so no call site can forget.
 */
import type { FleetLock } from "../core/fleet-lock.ts";
import type { CacheStore } from "../upstream/cache.ts";
import type { CounterStore } from "../upstream/quota.ts";

/** Ends a namespace; never inside one (its parts are URI-encoded), so the first one marks where the key proper starts. */
const END = "|";

/** The prefix of a namespace: its parts URI-encoded (no part can fake a separator), `:`-joined. */
export function namespacePrefix(parts: readonly string[]): string {
  return `${parts.map((part) => encodeURIComponent(part)).join(":")}${END}`;
}

/** The key without its namespace (what a store that treats some keys apart looks at). */
export const keyWithinNamespace = (key: string): string => key.slice(key.indexOf(END) + 1);

export function scopedCache(store: CacheStore, prefix: string): CacheStore {
  return {
    get: (key) => store.get(prefix + key),
    set: (key, entry) => store.set(prefix + key, entry),
  };
}

export function scopedCounters(counters: CounterStore, prefix: string): CounterStore {
  return {
    increment: (key, ttlMs, by) => counters.increment(prefix + key, ttlMs, by),
    read: (keys) => counters.read(keys.map((key) => prefix + key)),
  };
}

export function scopedLock(lock: FleetLock, prefix: string): FleetLock {
  return { acquire: (key, leaseMs) => lock.acquire(prefix + key, leaseMs) };
}
