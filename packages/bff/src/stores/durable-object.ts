/**
 * Cloudflare Workers: every isolate is its own process, so what a fleet shares through Redis
 * elsewhere (the ThroughLine quota, rate limits, one upstream call per key) goes through one
 * Durable Object instead. A Durable Object runs one request at a time, so its counters and locks
 * need no more than a Map; quota counts go to its durable storage (they must outlive an eviction),
 * rate-limit windows and locks stay in memory (a minute's window lost on eviction costs nothing).
 */
import type { FleetLock } from "../core/fleet-lock.ts";
import type { CounterStore } from "../upstream/quota.ts";
import { keyWithinNamespace } from "./namespace.ts";

/** The parts of the Workers runtime types used here (no dependency on @cloudflare/workers-types). */
export interface DurableObjectStorageLike {
  get<T>(key: string): Promise<T | undefined>;
  put<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<boolean>;
  list<T>(options: { prefix: string }): Promise<Map<string, T>>;
}
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: unknown): { fetch(request: Request): Promise<Response> };
}

type Counter = { value: number; expiresAt: number };
type Command =
  | { op: "increment"; key: string; ttlMs: number; by?: number }
  | { op: "read"; keys: string[] }
  | { op: "acquire"; key: string; owner: string; leaseMs: number }
  | { op: "release"; key: string; owner: string };

const DURABLE_PREFIX = "quota:";
/** Quota counts (`<namespace>|quota:…`) go to durable storage; the rest stays in memory. */
const isDurable = (key: string) => keyWithinNamespace(key).startsWith(DURABLE_PREFIX);

/** The Durable Object (bound as FLEET in wrangler.toml, exported by runtime/worker.ts). */
export class FleetObject {
  readonly #counters = new Map<string, Counter>();
  readonly #locks = new Map<string, { owner: string; expiresAt: number }>();

  constructor(
    readonly state: { storage: DurableObjectStorageLike },
    _env?: unknown,
    /** How many counters its memory holds before it drops the expired ones (Workers passes the first two arguments only). */
    readonly memoryBound = 50_000,
  ) {}

  async fetch(request: Request): Promise<Response> {
    const command = (await request.json()) as Command;
    return Response.json(await this.#run(command));
  }

  async #run(command: Command): Promise<unknown> {
    const now = Date.now();
    switch (command.op) {
      case "increment": {
        const current = await this.#counter(command.key, now);
        const by = command.by ?? 1;
        const next = current ? { ...current, value: current.value + by } : { value: by, expiresAt: now + command.ttlMs };
        await this.#save(command.key, next, now);
        return next.value;
      }
      case "read":
        return Promise.all(command.keys.map(async (key) => (await this.#counter(key, now))?.value ?? 0));
      case "acquire": {
        const lock = this.#locks.get(command.key);
        if (lock && lock.expiresAt > now) return false;
        this.#locks.set(command.key, { owner: command.owner, expiresAt: now + command.leaseMs });
        return true;
      }
      case "release":
        if (this.#locks.get(command.key)?.owner === command.owner) this.#locks.delete(command.key);
        // Stryker disable next-line BooleanLiteral: the releasing side reads no answer (durableObjectStores' release)
        return true;
    }
  }

  async #counter(key: string, now: number): Promise<Counter | undefined> {
    const counter = isDurable(key) ? await this.state.storage.get<Counter>(key) : this.#counters.get(key);
    return counter && counter.expiresAt > now ? counter : undefined;
  }

  async #save(key: string, counter: Counter, now: number): Promise<void> {
    if (!isDurable(key)) {
      this.#counters.set(key, counter);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: when the sweep runs bounds memory only: no answer differs
      if (this.#counters.size > this.memoryBound) {
        for (const [k, c] of this.#counters) if (c.expiresAt <= now) this.#counters.delete(k);
      }
      return;
    }
    await this.state.storage.put(key, counter);
    // Hourly quota buckets: a new one is a moment to drop the ones past their day.
    if (counter.value === 1)
      for (const [k, c] of await this.state.storage.list<Counter>({ prefix: "" }))
        if (isDurable(k) && c.expiresAt <= now) await this.state.storage.delete(k);
  }
}

/** The BFF's side: counters and locks kept by the one FleetObject of this deployment. */
export function durableObjectStores(namespace: DurableObjectNamespaceLike): { counters: CounterStore; lock: FleetLock } {
  const id = namespace.idFromName("fleet");
  // A stub per call: Workers forbid using one request's I/O objects (a stub is one) from another.
  const send = async <T>(command: Command): Promise<T> =>
    (await (
      await namespace.get(id).fetch(new Request("https://fleet.internal/", { method: "POST", body: JSON.stringify(command) }))
    ).json()) as T;
  return {
    counters: {
      // Failures are thrown, as Redis's are: the quota then counts in process (fails closed), the rate limiter in memory.
      // Without `by`, JSON leaves it out: the object adds 1.
      increment: (key, ttlMs, by) => send<number>({ op: "increment", key, ttlMs, by }),
      read: (keys) => send<number[]>({ op: "read", keys }),
    },
    lock: {
      async acquire(key, leaseMs) {
        const owner = crypto.randomUUID();
        const held = await send<boolean>({ op: "acquire", key, owner, leaseMs }).catch(() => true); // unreachable: act alone
        return { held, release: async () => void (await send({ op: "release", key, owner }).catch(() => {})) };
      },
    },
  };
}
