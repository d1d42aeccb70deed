/**
 * Request bodies on /v1: a few KB of JSON at most. Checked before any route reads them, so a
 * huge, mistyped or malformed body is the client's 4xx (413, 415, 400 naming the body), logged
 * as an ordinary request, and never reaches a handler as an exception. A GET, HEAD or DELETE
 * carries none: one that announces a body is refused before a byte of it is read.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { invalidRequest, ProblemError, sendProblem } from "../core/problem.ts";

/** Every body the API takes (a launch, a helpline event) fits in far less. */
export const MAX_BODY_BYTES = 8 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const UNSUPPORTED = new ProblemError(
  415,
  "unsupported-media-type",
  "Unsupported media type",
  "The body must be JSON, sent with Content-Type: application/json.",
);
/** The methods jsonBodies() is mounted for (app.ts): reads never run it. */
export const METHODS_WITH_BODY = ["POST", "PUT", "PATCH"];
const METHODS_WITHOUT_BODY = new Set(["GET", "HEAD", "DELETE"]);

/**
 * Refuses a GET, HEAD or DELETE that announces a body (a length above 0, or chunks), from its
 * headers alone: nothing would read it, and a server that drains it first can be kept reading
 * gigabytes. The Node server closes the connection after the answer (runtime/node-server.ts).
 */
export function noBodiesOnReads(): MiddlewareHandler {
  return async (c, next) => {
    if (!METHODS_WITHOUT_BODY.has(c.req.method)) return next();
    const length = c.req.header("content-length");
    const announced = (length !== undefined && Number(length) !== 0) || c.req.header("transfer-encoding") !== undefined;
    if (!announced) return next();
    return sendProblem(c, invalidRequest([{ field: "(body)", message: `must be absent on a ${c.req.method} request` }]));
  };
}

export function jsonBodies(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      sendProblem(c, new ProblemError(413, "body-too-large", "Request body too large", `The body may hold at most ${maxBytes} bytes.`)),
  });
  return async (c, next) => {
    // A refused body becomes the answer (c.res) and the route never runs.
    return limit(c, async () => {
      const type = c.req.header("content-type");
      // Stryker disable next-line StringLiteral: no Content-Type is refused like any other that is not JSON's
      if (!JSON_TYPE.test(type ?? "")) {
        c.res = sendProblem(c, UNSUPPORTED);
        return;
      }
      try {
        await c.req.json(); // parsed once here; the route's validator reads the same parsed body
      } catch {
        c.res = sendProblem(c, invalidRequest([{ field: "(body)", message: "is not valid JSON" }]));
        return;
      }
      await next();
    });
  };
}
