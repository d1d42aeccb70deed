/**
 * Shared stores in Redis (BFF_CACHE_URL=redis://…), so several BFF instances share cached
 * answers and one ThroughLine quota. Loaded only when configured. Connecting never holds up the
 * start: until Redis answers (and whenever it is away) a read counts as a miss, the client keeps
 * reconnecting in the background, and the BFF answers from memory and its upstreams. A cache
 * outage is never an outage.
 */
import { createClient } from "@redis/client";
import type { Logger } from "../core/logger.ts";
import type { CacheEntry, CacheStore } from "../upstream/cache.ts";
import type { CounterStore } from "../upstream/quota.ts";
import { RELEASE_IF_OURS, redisLock } from "./redis-lock.ts";

const PREFIX = "embedkit:";

export async function connectRedis(url: string, logger: Logger) {
  const client = newClient(url);
  let lastWarning = 0;
  const warn = (error: unknown) => {
    if (Date.now() - lastWarning < 60_000) return; // one line a minute, not one per request
    lastWarning = Date.now();
    logger.log("warn", "shared cache unavailable: answering from memory, retrying in the background", { error: String(error) });
  };
  client.on("error", warn);
  let everReady = false;
  client.on("ready", () => {
    if (everReady || lastWarning > 0) logger.log("info", "shared cache connected");
    everReady = true;
    lastWarning = 0; // the next outage gets its line at once
  });
  // Not awaited: it settles only once Redis answers, which may be much later.
  client.connect().catch(warn);

  const cache = redisCache(client, warn);
  const counters = redisCounters(client, warn);

  const lock = redisLock(
    {
      setIfAbsent: (key, value, ms) => client.set(key, value, { condition: "NX", expiration: { type: "PX", value: ms } }),
      releaseIfOurs: (key, value) => client.eval(RELEASE_IF_OURS, { keys: [key], arguments: [value] }),
    },
    PREFIX,
    warn,
  );

  return {
    cache,
    counters,
    lock,
    /** For /health and metrics: whether Redis answers right now. */
    state: (): "ready" | "unavailable" => (client.isReady ? "ready" : "unavailable"),
    close: async () => {
      if (client.isOpen) await client.close();
      else client.destroy(); // still reconnecting: stop trying
    },
  };
}

const newClient = (url: string) =>
  createClient({
    url,
    // While Redis is away, commands fail at once (and count as misses) instead of queueing behind the reconnect.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(retries * 200, 5_000) },
  });
type RedisClient = ReturnType<typeof newClient>;

/** Cached answers as JSON, expiring when they would no longer be served even stale. */
function redisCache(client: RedisClient, warn: (error: unknown) => void): CacheStore {
  return {
    async get<V>(key: string) {
      try {
        const text = await client.get(PREFIX + key);
        return text ? (JSON.parse(text) as CacheEntry<V>) : undefined;
      } catch (error) {
        warn(error);
        return undefined;
      }
    },
    async set<V>(key: string, entry: CacheEntry<V>) {
      try {
        const ttl = Math.max(1_000, entry.staleUntil - Date.now());
        await client.set(PREFIX + key, JSON.stringify(entry), { expiration: { type: "PX", value: ttl } });
      } catch (error) {
        warn(error);
      }
    },
  };
}

/** Counter failures are thrown, not read as 0: the quota then counts in process (fails closed). */
function redisCounters(client: RedisClient, warn: (error: unknown) => void): CounterStore {
  return {
    async increment(key: string, ttlMs: number, by = 1) {
      try {
        const [value] = (await client
          .multi()
          .incrBy(PREFIX + key, by)
          .pExpire(PREFIX + key, ttlMs, "NX")
          .exec()) as unknown as [number];
        return Number(value);
      } catch (error) {
        warn(error);
        throw error;
      }
    },
    async read(keys: string[]) {
      try {
        return (await client.mGet(keys.map((k) => PREFIX + k))).map((v) => Number(v ?? 0));
      } catch (error) {
        warn(error);
        throw error;
      }
    },
  };
}
