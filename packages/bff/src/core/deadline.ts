/**
 * The longest a client waits for an answer, whatever the upstreams do: past it the BFF answers
 * 504. The work goes on in the background, so a slow answer still fills the cache for the next
 * request. Each upstream call has its own, shorter budget; this bounds their sum (a token, a
 * renewal and a search in a row).
 */
import type { MiddlewareHandler } from "hono";
import { ProblemError, sendProblem } from "./problem.ts";

export function deadline(ms: number): MiddlewareHandler {
  return async (c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), ms);
    });
    const work = next();
    try {
      const outcome = await Promise.race([work, late]);
      if (outcome !== "late") return;
      work.catch(() => {}); // finishes (or fails) unobserved
      c.res = sendProblem(
        c,
        new ProblemError(504, "upstream-timeout", "The upstream services did not answer in time", `No answer within ${ms} ms.`),
      );
    } finally {
      clearTimeout(timer);
    }
  };
}
