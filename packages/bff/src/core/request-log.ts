/**
 * Request ids and the access log: each request gets an id (the caller's X-Request-Id when it is
 * a plain token, so a proxy's id carries through, else a new UUID), answers with it, and leaves
 * one log line with the same id. The query is never logged: it carries what users typed.
 */
import type { MiddlewareHandler } from "hono";
import type { Logger } from "./logger.ts";
import { setResponseHeaders } from "./response-headers.ts";

declare module "hono" {
  interface ContextVariableMap {
    requestId: string;
  }
}

const ACCEPTABLE_ID = /^[\w=-]{1,255}$/;

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header("x-request-id");
    const id = given !== undefined && ACCEPTABLE_ID.test(given) ? given : crypto.randomUUID();
    c.set("requestId", id);
    setResponseHeaders(c, { "x-request-id": id });
    await next();
    logger.log(c.res.status >= 500 ? "error" : "info", "request", {
      requestId: id,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
