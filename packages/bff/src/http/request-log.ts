/**
 * Request ids and the access log: each request gets an id (the caller's X-Request-Id when it is
 * a plain token, so a proxy's id carries through, else a new UUID), answers with it, and leaves
 * one log line with the same id. The query is never logged: it carries what users typed.
 */
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Logger } from "../core/logger.ts";
import type { Metrics } from "../core/metrics.ts";
import { setResponseHeaders } from "./response-headers.ts";

declare module "hono" {
  interface ContextVariableMap {
    requestId: string;
  }
}

const ACCEPTABLE_ID = /^[\w=-]{1,255}$/;

/** With `metrics`, the same measure counts the request (no second middleware on the hot path). */
export function requestLog(logger: Logger, metrics?: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header("x-request-id");
    const id = given !== undefined && ACCEPTABLE_ID.test(given) ? given : crypto.randomUUID();
    c.set("requestId", id);
    setResponseHeaders(c, { "x-request-id": id });
    await next();
    const ms = performance.now() - started;
    // Route patterns, never raw paths: ids and queries would make a label per user.
    metrics?.request(routePath(c, -1), c.req.method, c.res.status, ms / 1000);
    logger.log(c.res.status >= 500 ? "error" : "info", "request", {
      requestId: id,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(ms * 10) / 10,
    });
  };
}
