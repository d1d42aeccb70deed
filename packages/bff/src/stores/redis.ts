/**
 * Shared stores in Redis (BFF_CACHE_URL=redis://…), so several BFF instances share cached
 * answers and one ThroughLine quota. Loaded only when configured. Connecting never holds up the
 * start: until Redis answers (and whenever it is away) a read counts as a miss, the client keeps
 * reconnecting in the background, and the BFF answers from memory and its upstreams. A cache
 * outage is never an outage: no command waits on a Redis that is away (every one goes through
 * `guard`, which fails at once while the client is not ready and gives up after 50 ms).
 */
import { createClient } from "@redis/client";
import type { Logger } from "../core/logger.ts";
import type { CacheEntry, CacheStore } from "../upstream/cache.ts";
import type { CounterStore } from "../upstream/quota.ts";
import { RELEASE_IF_OURS, redisLock } from "./redis-lock.ts";

const PREFIX = "embedkit:";

/** The longest a request waits on a silent Redis (no answer to any command) before it goes on from memory. */
export const REDIS_COMMAND_BUDGET_MS = 50;
/** The fleet lock's patience (see connectRedis). */
const LOCK_PATIENCE = { budgetMs: 500, whileAway: "try" } as const;
/** A busy Redis that still answers other commands may keep one waiting this long at most. */
const MAX_WAIT_MS = 1_000;
/** After a command ran out of time, Redis counts as away this long: requests meanwhile do not wait at all. */
const AWAY_AFTER_TIMEOUT_MS = 1_000;

/** The longest the start waits for Redis to answer (it goes on without it). */
const START_WAIT_MS = 1_000;

/** Settles when the first of `promises` does, or after `ms`. */
async function firstOf(promises: Promise<unknown>[], ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([...promises, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  // Stryker disable next-line CallExpression: a timer left running only settles, a second later, a race already over
  clearTimeout(timer);
}

export interface RedisOptions {
  /** REDIS_COMMAND_BUDGET_MS unless given. */
  commandBudgetMs?: number;
  /** The variable the URL came from (BFF_CACHE_URL or REDIS_URL), named in the start-up line. */
  from?: string;
}

/** The URL without its user and password, for a log line. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "(an unreadable URL)";
  }
}

export async function connectRedis(url: string, logger: Logger, options: RedisOptions = {}) {
  logger.log("info", `shared store: Redis at ${withoutCredentials(url)}${options.from ? ` (from ${options.from})` : ""}`);
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
    // Stryker disable next-line BooleanLiteral: every reconnect follows an "error" event, which sets lastWarning, so that alone says it
    everReady = true;
    lastWarning = 0; // the next outage gets its line at once
  });
  // Not awaited: it settles only once Redis answers, which may be much later. The start waits
  // only until Redis answers or refuses, a second at most, so first requests find it connected.
  const connected = client.connect().catch(warn);
  await firstOf([connected, new Promise((resolve) => client.once("error", resolve))], START_WAIT_MS);

  const guarded = guard(client, options.commandBudgetMs ?? REDIS_COMMAND_BUDGET_MS);
  const cache = redisCache(client, guarded.run, warn);
  const counters = redisCounters(client, guarded.run, warn);

  const lock = redisLock(
    {
      // Taken only on a miss, which an upstream call answers otherwise (slower than waiting a little):
      // a busy Redis, or one that has just missed a budget, is still asked.
      setIfAbsent: (key, value, ms) =>
        guarded.run(() => client.set(key, value, { condition: "NX", expiration: { type: "PX", value: ms } }), LOCK_PATIENCE),
      releaseIfOurs: (key, value) => guarded.run(() => client.eval(RELEASE_IF_OURS, { keys: [key], arguments: [value] }), LOCK_PATIENCE),
    },
    PREFIX,
    warn,
  );

  return {
    cache,
    counters,
    lock,
    /** For /health and metrics: whether Redis answers right now. */
    state: (): "ready" | "unavailable" => (guarded.available() ? "ready" : "unavailable"),
    close: async () => {
      if (client.isOpen) return client.close();
      // Stryker disable next-line CallExpression: unreachable but after a close (the client stays open while it reconnects, and reconnectStrategy never gives up)
      client.destroy(); // still reconnecting: stop trying
    },
  };
}

const newClient = (url: string) =>
  createClient({
    url,
    // While Redis is away, commands fail at once (and count as misses) instead of queueing behind the reconnect.
    // Stryker disable next-line BooleanLiteral: guard() sends no command while the client is not ready, so none would reach the queue
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(retries * 200, 5_000) },
  });
type RedisClient = ReturnType<typeof newClient>;
/** Runs one Redis command within the budget, or throws at once while Redis is away. */
type Run = <T>(command: () => Promise<T>, patience?: Patience) => Promise<T>;
/** How long a command may wait on a silent Redis, and whether it is refused at once while Redis counts as away. */
interface Patience {
  budgetMs: number;
  whileAway: "refuse" | "try";
}

class RedisAway extends Error {}

/**
 * Every command on the request path goes through here. The client's own offline queue is off,
 * yet some commands (a MULTI, one sent on a connection that has just dropped, or to a Redis that
 * hangs) still wait for a reconnect: so a command fails at once while the client is not ready,
 * and gives up once Redis has been silent for `budgetMs` (no answer to any command), after which
 * Redis counts as away for a second. A Redis that is busy but answering, or this process too busy
 * to read its answers (a burst of requests), is not away: a command then waits up to
 * MAX_WAIT_MS. It comes back by itself: the first command after that second tries again.
 */
function guard(client: RedisClient, requestBudgetMs: number) {
  let awayUntil = 0;
  let lastAnswerAt = 0;
  const available = () => client.isReady && Date.now() >= awayUntil;
  const run: Run = async (command, { budgetMs, whileAway } = { budgetMs: requestBudgetMs, whileAway: "refuse" }) => {
    if (!client.isReady || (whileAway === "refuse" && Date.now() < awayUntil)) throw new RedisAway("Redis is not connected");
    const sentAt = Date.now();
    let settled = false;
    const pending = command().finally(() => {
      settled = true;
      lastAnswerAt = Date.now();
    });
    // Stryker disable next-line CallExpression: Promise.race below handles its failure as well; this only says so
    pending.catch(() => {}); // when the budget wins, its failure later is nobody's
    let timer: ReturnType<typeof setTimeout> | undefined;
    const budget = new Promise<never>((_, reject) => {
      // setImmediate: an answer read from the socket in the same turn of the event loop wins over the timer.
      const arm = (ms: number) => {
        const due = Date.now() + ms;
        timer = setTimeout(() => setImmediate(() => check(due)), ms);
      };
      const check = (due: number) => {
        if (settled) return;
        const now = Date.now();
        // A check that comes late means this process was busy: what Redis sent may not be read yet.
        const busy = now - due > budgetMs / 2;
        const silentFor = now - Math.max(lastAnswerAt, sentAt);
        if ((busy || silentFor < budgetMs) && now - sentAt < MAX_WAIT_MS) return arm(busy ? budgetMs : budgetMs - silentFor);
        awayUntil = now + AWAY_AFTER_TIMEOUT_MS;
        reject(new RedisAway(`Redis did not answer within ${now - sentAt} ms`));
      };
      arm(budgetMs);
    });
    try {
      return await Promise.race([pending, budget]);
      // Stryker reads a marker only just before a node: this one sits before the finally block.
    } finally /* Stryker disable next-line BlockStatement: a timer left armed finds the command settled, and does nothing */ {
      // Stryker disable next-line CallExpression: a timer left armed finds the command settled, and does nothing
      clearTimeout(timer);
    }
  };
  return { run, available };
}

/** Cached answers as JSON, expiring when they would no longer be served even stale. */
function redisCache(client: RedisClient, run: Run, warn: (error: unknown) => void): CacheStore {
  return {
    async get<V>(key: string) {
      try {
        const text = await run(() => client.get(PREFIX + key));
        return text ? (JSON.parse(text) as CacheEntry<V>) : undefined;
      } catch (error) {
        warn(error);
        return undefined;
      }
    },
    async set<V>(key: string, entry: CacheEntry<V>) {
      try {
        const ttl = Math.max(1_000, entry.staleUntil - Date.now());
        await run(() => client.set(PREFIX + key, JSON.stringify(entry), { expiration: { type: "PX", value: ttl } }));
      } catch (error) {
        warn(error);
      }
    },
  };
}

/** Counter failures are thrown, not read as 0: the quota then counts in process (fails closed). */
function redisCounters(client: RedisClient, run: Run, warn: (error: unknown) => void): CounterStore {
  return {
    async increment(key: string, ttlMs: number, by = 1) {
      try {
        const [value] = await run(() =>
          client
            .multi()
            .incrBy(PREFIX + key, by)
            .pExpire(PREFIX + key, ttlMs, "NX")
            .exec(),
        );
        return Number(value);
      } catch (error) {
        warn(error);
        throw error;
      }
    },
    async read(keys: string[]) {
      try {
        return (await run(() => client.mGet(keys.map((k) => PREFIX + k)))).map((v) => Number(v ?? 0));
      } catch (error) {
        warn(error);
        throw error;
      }
    },
  };
}
