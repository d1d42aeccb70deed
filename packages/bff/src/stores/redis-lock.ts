/**
 * A short lock per key in Redis (SET NX PX), so one instance of the fleet makes an upstream call
 * while the others wait for its stored answer. The lease bounds how long a crashed holder can
 * keep it; release deletes the lock only if it is still ours. With Redis away every instance acts
 * alone: a lock outage is never an outage.
 */
import type { FleetLock } from "../core/fleet-lock.ts";

/** Lua, run atomically by Redis: delete the lock only if it still holds our token. */
export const RELEASE_IF_OURS = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** The two Redis commands the lock needs, from stores/redis.ts's client. */
export interface LockCommands {
  /** SET key value NX PX ms: "OK" when set, null when the key exists. */
  setIfAbsent(key: string, value: string, ms: number): Promise<string | null>;
  /** Runs RELEASE_IF_OURS. */
  releaseIfOurs(key: string, value: string): Promise<unknown>;
}

export function redisLock(redis: LockCommands, prefix: string, warn: (error: unknown) => void): FleetLock {
  return {
    async acquire(key, leaseMs) {
      const lockKey = `${prefix}lock:${key}`;
      const owner = crypto.randomUUID();
      let taken: string | null;
      try {
        taken = await redis.setIfAbsent(lockKey, owner, leaseMs);
      } catch (error) {
        warn(error);
        return { held: true, release: async () => {} }; // Redis away: act alone
      }
      if (taken !== "OK") return { held: false, release: async () => {} };
      return {
        held: true,
        release: async () => {
          await redis.releaseIfOurs(lockKey, owner).catch(warn);
        },
      };
    },
  };
}
