/**
 * Cloudflare Workers: cached answers in the Cache API, shared by every isolate of a data centre
 * (isolates have no memory in common). Keys are hashed into URLs of a host nobody can request.
 */
import type { CacheEntry, CacheStore } from "../upstream/cache.ts";

/** The part of the Workers Cache API used here. */
export interface WorkersCacheLike {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

const ORIGIN = "https://embedkit-cache.internal/";

async function urlFor(key: string): Promise<Request> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  return new Request(ORIGIN + Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join(""));
}

export function workersCacheStore(cache: WorkersCacheLike): CacheStore {
  return {
    async get<V>(key: string) {
      try {
        const response = await cache.match(await urlFor(key));
        return response ? ((await response.json()) as CacheEntry<V>) : undefined;
        // Stryker reads a marker only just before a node: this one sits before the catch clause.
      } /* Stryker disable next-line BlockStatement: an empty catch returns undefined as well (a miss) */ catch {
        return undefined; // a cache failure is a miss
      }
    },
    async set<V>(key: string, entry: CacheEntry<V>) {
      const seconds = Math.max(1, Math.ceil((entry.staleUntil - Date.now()) / 1000));
      const headers = {
        // Stryker disable next-line StringLiteral: nothing reads it (get() parses the body as JSON whatever it says)
        "content-type": "application/json",
        "cache-control": `max-age=${seconds}`,
      };
      const response = new Response(JSON.stringify(entry), { headers });
      await cache.put(await urlFor(key), response).catch(() => {});
    },
  };
}
