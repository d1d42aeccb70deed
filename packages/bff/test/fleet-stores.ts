/**
 * The fleet's shared stores on a machine without redis-server: the counters and the lock of the
 * Workers runtime (stores/durable-object.ts's FleetObject, its Durable Object storage stood in
 * for by a Map), and one in-memory cache that every instance is given.
 */
import { type DurableObjectStorageLike, durableObjectStores, FleetObject } from "../src/stores/durable-object.ts";
import { MemoryStore } from "../src/upstream/cache.ts";

/**
 * What Cloudflare's runtime would provide: a storage (`entries`, what it holds), and a namespace
 * that reaches the one object. `evict()` does what Cloudflare may do to an idle object: the next
 * request reaches a new one, which has the storage but none of the memory of the last.
 * `memoryBound`: how many counters the object's memory holds before it drops the expired ones.
 */
export function workersStandIn(memoryBound?: number) {
  const entries = new Map<string, unknown>();
  const storage: DurableObjectStorageLike = {
    get: async <T>(key: string) => entries.get(key) as T | undefined,
    put: async (key, value) => void entries.set(key, value),
    delete: async (key) => entries.delete(key),
    list: async <T>({ prefix }: { prefix: string }) => new Map([...entries].filter(([key]) => key.startsWith(prefix)) as [string, T][]),
  };
  let object = new FleetObject({ storage }, {}, memoryBound);
  /** The names the object was asked by (Cloudflare keeps one object, and its storage, per name). */
  const names = new Set<string>();
  return {
    entries,
    names,
    evict: () => {
      object = new FleetObject({ storage }, {}, memoryBound);
    },
    namespace: {
      idFromName: (name: string) => names.add(name) && name,
      get: () => ({ fetch: (request: Request) => object.fetch(request) }),
    },
  };
}

/** Stores several app instances share (AppDeps.stores), as a fleet with Redis would. */
export function sharedStoresInMemory() {
  const cache = new MemoryStore();
  return { cache, tokens: cache, ...durableObjectStores(workersStandIn().namespace) };
}
