import type { MiddlewareHandler } from "hono";

/**
 * The fault switch: reliability tests and benchmarks set it in-process, the sandbox-mode
 * admin route sets it over HTTP. Every field is off by default.
 */
export interface Faults {
  /** Added to every request, in milliseconds. */
  latencyMs: number;
  /** Share of API requests (0–1) that fail the way the upstream fails on a server exception. */
  errorRate: number;
  /** The next N API requests answer 503, as a burst of upstream outages. */
  burst5xx: number;
  /** The Player script answers 503 (a CDN outage, or a blocker on the host page). */
  playerScriptDown: boolean;
  /** The Player script loads, but its player never reports `ready` nor `error` (THRON only). */
  playerNeverReady: boolean;
}

export function noFaults(): Faults {
  return { latencyMs: 0, errorRate: 0, burst5xx: 0, playerScriptDown: false, playerNeverReady: false };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies latency, bursts and random errors. `onError` shapes the failure as the simulated
 * upstream would (THRON: 418 with its envelope).
 */
export function faultMiddleware(faults: Faults, onError: () => Response): MiddlewareHandler {
  return async (_c, next) => {
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.burst5xx > 0) {
      faults.burst5xx--;
      return new Response("Service Unavailable", { status: 503 });
    }
    if (faults.errorRate > 0 && Math.random() < faults.errorRate) return onError();
    await next();
  };
}
