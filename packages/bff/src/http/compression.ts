/**
 * Compression on the way out, for answers not compressed ahead of time: cached pages and the
 * bundle are, and answer through respond(), so responseHeaders() hands this only the others,
 * once their headers are complete.
 */
import type { Context } from "hono";
import { compress } from "hono/compress";

export function compressOnTheWay(): (c: Context) => Promise<void> {
  const compressAnswer = compress();
  // Hono's compress works on the answer once `next` is done: hand it the finished one.
  return async (c) => {
    await compressAnswer(c, async () => {});
  };
}
