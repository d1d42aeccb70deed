/**
 * Per-client rate limit over a fixed one-minute window, in memory (bounded), or shared by the
 * fleet through the shared store (one INCR per request) with the memory window as the fallback
 * while that store is away. Answers 429 with Retry-After and advertises the budget in RateLimit-* headers.
 */
import type { Context, MiddlewareHandler } from "hono";
import { ProblemError, sendProblem } from "../core/problem.ts";
import type { CounterStore } from "../upstream/quota.ts";
import { setResponseHeaders } from "./response-headers.ts";

export interface RateLimitOptions {
  /** Requests a client may make per window. */
  limit: number;
  windowMs?: number;
  /** Who the client is; requests with no known address share one budget. */
  clientKey: (c: Context) => string;
  /** Bound on remembered clients; the oldest window is forgotten first. */
  maxClients?: number;
  /** Counts shared by every instance (Redis); while the store is away (it throws) each instance counts in memory. */
  shared?: { counters: CounterStore; name: string };
  /** The clock (tests move it). */
  now?: () => number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  const maxClients = options.maxClients ?? 50_000;
  const clock = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  const countInMemory = (key: string, now: number) => {
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      windows.delete(key);
      window = { start: now, count: 0 };
      windows.set(key, window);
      if (windows.size > maxClients) windows.delete(windows.keys().next().value as string);
    }
    window.count++;
    return window;
  };
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const key = options.clientKey(c);
    const now = clock();
    // Shared windows are aligned to the clock, so every instance counts in the same one.
    const sharedStart = Math.floor(now / windowMs) * windowMs;
    const sharedCount = options.shared
      ? await options.shared.counters.increment(`rate:${options.shared.name}:${key}:${sharedStart}`, windowMs).catch(() => 0)
      : 0;
    const window = sharedCount > 0 ? { start: sharedStart, count: sharedCount } : countInMemory(key, now);
    const resetSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    const headers = {
      "ratelimit-limit": String(options.limit),
      "ratelimit-remaining": String(Math.max(0, options.limit - window.count)),
      "ratelimit-reset": String(resetSeconds),
    };
    if (window.count > options.limit) {
      const detail = `At most ${options.limit} requests a minute; try again in ${resetSeconds} s.`;
      return sendProblem(c, new ProblemError(429, "rate-limited", "Too many requests", detail), {
        ...headers,
        "retry-after": String(resetSeconds),
      });
    }
    setResponseHeaders(c, headers);
    await next();
  };
}

/**
 * The client's address: with `trustProxy` proxies in front, the X-Forwarded-For entry the
 * outermost of them added (counted from the right, since whatever is left of it the client
 * wrote), else what the runtime reports; Cloudflare's header only where the runtime reports none
 * (Workers). A runtime that lost the address (a connection reset early) never hands the key to
 * a header the client may have written.
 */
export function clientAddress(c: Context, runtimeAddress: ((c: Context) => string | undefined) | undefined, trustProxy: number): string {
  if (trustProxy > 0) {
    const entries = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Fewer entries than proxies (the request did not come the way the operator said): none, trust none.
    const forwarded = entries.at(-trustProxy);
    if (forwarded) return forwarded;
  }
  const address = runtimeAddress ? runtimeAddress(c) : c.req.header("cf-connecting-ip");
  // Stryker disable next-line StringLiteral: requests with no known address share one budget, whatever it is called
  return address ?? "unknown";
}
