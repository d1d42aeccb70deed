/**
 * RFC 9457 problem details. Every error the BFF answers goes through here, so none can carry
 * a stack trace or an upstream body.
 */
import { Problem } from "@embedkit/contracts";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

const TYPE_BASE = "https://embedkit.dev/problems/";

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Pick<Problem, "errors" | "emergencyNumber"> = {},
    /** Headers the answer carries (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

export function problemBody(error: ProblemError, instance?: string): Problem {
  return {
    type: TYPE_BASE + error.slug,
    title: error.title,
    status: error.status,
    ...(error.detail && { detail: error.detail }),
    ...(instance && { instance }),
    ...error.extra,
  };
}

/**
 * Answers `error` through the context, so headers other middleware prepared (CORS, request id)
 * stay. Never stored by a cache: a 404 or a 503 is true now, not after the next deploy or outage.
 */
export function sendProblem(c: Context, error: ProblemError, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problemBody(error, c.req.path)), error.status as ContentfulStatusCode, {
    "cache-control": "no-store",
    ...headers,
    "content-type": "application/problem+json",
  });
}

/** A 400 naming each offending field as the client sent it. */
export function invalidRequest(errors: { field: string; message: string }[]): ProblemError {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  return new ProblemError(400, "invalid-request", "Invalid request", detail, { errors });
}

/** An OpenAPI response entry for a problem answer (routes list one per status they may answer). */
export function problemSpec(description: string) {
  return { description, content: { "application/problem+json": { schema: Problem } } };
}
