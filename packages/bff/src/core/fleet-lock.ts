/**
 * One upstream call per key per fleet: the instance that takes a key's lock calls the upstream
 * and stores the answer; the others wait for that answer (bounded), then call on their own.
 * The lock lives in the shared store (stores/redis-lock.ts); without one, there is no fleet.
 */

export interface FleetLock {
  /** `held`: this instance may call; otherwise another instance holds the key for at most `leaseMs`. */
  acquire(key: string, leaseMs: number): Promise<{ held: boolean; release: () => Promise<void> }>;
}

export interface FleetOptions {
  lock: FleetLock;
  /** How long a holder may keep a key (longer than an upstream call with its retry). */
  leaseMs: number;
  /** How long the others wait for the holder's answer before calling themselves. */
  waitMs: number;
  /** How often they look for it. */
  pollMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls once in the fleet: the instance holding the key's lock runs `call` (unless the answer was
 * stored meanwhile); the others look for the holder's answer with `stored()`, take over when the
 * holder gave up or died, and call on their own once `waitMs` has passed: never a hang.
 */
export async function onceInFleet<V>(
  fleet: FleetOptions,
  key: string,
  call: () => Promise<V>,
  stored: () => Promise<V | undefined>,
): Promise<V> {
  const deadline = Date.now() + fleet.waitMs;
  for (;;) {
    const { held, release } = await fleet.lock.acquire(key, fleet.leaseMs);
    if (held) {
      try {
        // A holder that finished between our cache miss and this lock stored its answer first: look.
        return (await stored()) ?? (await call());
      } finally {
        await release();
      }
    }
    if (Date.now() >= deadline) return call();
    await sleep(fleet.pollMs);
    const value = await stored();
    if (value !== undefined) return value;
  }
}
