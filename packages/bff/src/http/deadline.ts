/**
 * The longest a client waits for an answer, whatever the upstreams do: past it the BFF answers
 * 504. The work goes on in the background, so a slow answer still fills the cache for the next
 * request. Each upstream call has its own, shorter budget; this bounds their sum (a token, a
 * renewal and a search in a row).
 *
 * One sweeping interval checks every waiting request, rather than a timer per request: a cache
 * hit pays for a Set entry, not for arming and clearing a timer.
 */
import type { MiddlewareHandler } from "hono";
import { ProblemError, sendProblem } from "../core/problem.ts";

interface Waiting {
  until: number;
  late: () => void;
}

export function deadline(ms: number): MiddlewareHandler {
  const waiting = new Set<Waiting>();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  const sweep = () => {
    const now = Date.now();
    for (const entry of waiting) if (entry.until <= now) entry.late();
  };
  return (c, next) => {
    // Started on the first request (Workers allow timers only inside one); never keeps a process alive.
    if (!sweeper) {
      sweeper = setInterval(sweep, Math.max(10, Math.min(1_000, ms / 10)));
      (sweeper as { unref?: () => void }).unref?.();
    }
    // One promise settled by whichever comes first, the work or the sweeper: no race of two per request.
    return new Promise<void>((resolve, reject) => {
      const entry: Waiting = {
        until: Date.now() + ms,
        late: () => {
          // Stryker disable next-line CallExpression: left in, late() runs again each sweep until the work ends (its then() removes it), building 504s no one reads: the client has the first
          waiting.delete(entry);
          c.res = sendProblem(
            c,
            new ProblemError(504, "upstream-timeout", "The upstream services did not answer in time", `No answer within ${ms} ms.`),
          );
          resolve(); // the work finishes (or fails) unobserved
        },
      };
      waiting.add(entry);
      next().then(
        () => {
          // Stryker disable next-line CallExpression: left in, the entry waits for the sweeper, which builds a 504 no one reads: the client has its answer (only memory held until the deadline)
          waiting.delete(entry);
          resolve(); // after the sweeper's 504 this does nothing: a promise settles once
        },
        // Stryker disable next-line BlockStatement: Hono's compose turns every thrown error into onError's answer, so next() never rejects
        (error: unknown) => {
          // Stryker disable next-line ConditionalExpression: as above, unreachable through Hono
          if (waiting.delete(entry)) reject(error);
        },
      );
    });
  };
}
