/**
 * The app's last word on failures: every error is a problem (RFC 9457), an unknown route a 404
 * problem. Our own problems keep their status; a framework's refusal of the request is the
 * client's 4xx; anything else is a 500 that names no cause (the request id leads to the log line).
 */
import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "../core/logger.ts";
import { ProblemError, sendProblem } from "../core/problem.ts";

export function answerErrorsAsProblems(app: Hono, logger: Logger): void {
  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      if (error.status >= 500)
        logger.log("warn", error.title, { requestId: c.get("requestId"), status: error.status, detail: error.detail });
      return sendProblem(c, error, error.headers);
    }
    // A framework refusal of the request (Hono's validators): the client's 4xx, not our failure.
    if (error instanceof HTTPException && error.status < 500)
      return sendProblem(c, new ProblemError(error.status, "invalid-request", "Invalid request", error.message));
    logger.log("error", "unhandled error", { requestId: c.get("requestId"), error: String(error) });
    return sendProblem(c, new ProblemError(500, "internal", "Internal error", "The BFF failed to answer; the request id is in the logs."));
  });
  app.notFound((c) => sendProblem(c, new ProblemError(404, "not-found", "Not found", `No route for ${c.req.method} ${c.req.path}.`)));
}
