/**
 * Compression on the way out for whatever was not compressed ahead of time: cached pages and the
 * bundle are, and answer through respond(), so they are left alone (reading their headers again
 * would cost what respond() saves). Outermost, so it sees every header.
 */
import type { MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { respondedDirectly } from "./response-headers.ts";

export function compressOnTheWay(): MiddlewareHandler {
  const compressAnswer = compress();
  return async (c, next) => {
    await next();
    // Hono's compress works on the answer once `next` is done: hand it the finished one.
    if (!respondedDirectly(c)) await compressAnswer(c, async () => {});
  };
}
