/**
 * Sandbox mode: the simulated upstreams live inside the BFF under /_sandbox. Upstream calls to
 * them are dispatched in-process (no network hop, and it works where a Worker cannot fetch
 * itself); the browser reaches the same paths over HTTP for thumbnails, media and the player.
 */
import { createSandbox, type Sandbox, sandboxUrls } from "@embedkit/sandbox";
import type { MiddlewareHandler } from "hono";
import { type Config, type LoadOptions, loadConfig as loadRealConfig, type SimulatedValues } from "./config.ts";
import type { Env } from "./core/env-vars.ts";
import type { Logger } from "./core/logger.ts";
import { thronSandboxEnv } from "./thron/sandbox.ts";
import { throughlineSandboxEnv } from "./throughline/sandbox.ts";
import { thunderSandboxEnv } from "./thunder/sandbox.ts";
import type { FetchLike } from "./upstream/call.ts";

export const SANDBOX_PATH = "/_sandbox";

/**
 * config.ts's loadConfig, with the simulated upstreams' values at hand should sandbox mode be on:
 * what the runtimes and tests load. A real configuration never reads them.
 */
export function loadConfig(env: Env, options: Omit<LoadOptions, "simulated"> = {}): Config {
  return loadRealConfig(env, { ...options, simulated });
}

/** Each provider's variables as the simulator sets them, its upstreams under `publicUrl`/_sandbox. */
function simulated(publicUrl: string): SimulatedValues {
  const urls = sandboxUrls(`${publicUrl}${SANDBOX_PATH}`);
  return {
    env: { ...thronSandboxEnv(urls), ...thunderSandboxEnv(urls), ...throughlineSandboxEnv(urls) },
    thunderHubLookup: urls.thunderHubLookup,
  };
}

/** `now` is the clock THRON sessions are measured with; `logger` hears what the fault switch was set to. */
export function createSandboxMode(publicUrl: string, fallback: FetchLike, now?: () => number, logger?: Logger) {
  const base = `${publicUrl.replace(/\/$/, "")}${SANDBOX_PATH}`;
  const sandbox: Sandbox = createSandbox({
    baseUrl: base,
    ...(now && { now }),
    ...(logger && { log: (message: string, fields: Record<string, unknown>) => logger.log("warn", message, fields) }),
  });
  logger?.log(
    "info",
    `sandbox mode: simulated upstreams under ${SANDBOX_PATH}; ${SANDBOX_PATH}/_admin/faults is a test tool that makes them fail`,
  );
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${base}/`)) return fallback(request);
    const url = new URL(request.url);
    url.pathname = url.pathname.slice(new URL(base).pathname.length);
    return abortable(sandbox.app.fetch(new Request(url, request)), request.signal);
  };
  return { sandbox, fetch };
}

/** Rejects with the signal's reason when it aborts, as a real fetch does (timeouts rely on it). */
function abortable(response: Response | Promise<Response>, signal: AbortSignal): Promise<Response> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    Promise.resolve(response)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Without PUBLIC_URL the sandbox's media URLs name the host the BFF guessed (localhost), which a
 * phone on the network cannot reach, nor a page at 127.0.0.1 whose CSP allows only itself: answers
 * (the BFF's, and the sandbox Player's content details) name the origin the request came to instead.
 * Rewritten on the way out, so what is cached stays the same for every visitor.
 */
export function sandboxUrlsFollowRequest(publicUrl: string): MiddlewareHandler {
  const guessed = `${publicUrl.replace(/\/$/, "")}${SANDBOX_PATH}/`;
  return async (c, next) => {
    await next();
    const actual = `${new URL(c.req.url).origin}${SANDBOX_PATH}/`;
    if (actual === guessed || !/json|html/.test(c.res.headers.get("content-type") ?? "")) return;
    // A cached page may come gzipped ahead of time: rewrite the JSON inside, sent as is.
    const encoded = c.res.headers.get("content-encoding") === "gzip";
    const source = encoded && c.res.body ? new Response(c.res.body.pipeThrough(new DecompressionStream("gzip"))) : c.res;
    // Then the protocol-relative form, which THRON's details use for some media URLs.
    const schemeless = (url: string) => url.replace(/^https?:/, "");
    const body = (await source.text()).replaceAll(guessed, actual).replaceAll(schemeless(guessed), schemeless(actual));
    const headers = new Headers(c.res.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    const status = c.res.status;
    c.res = undefined; // else Hono copies the old answer's headers (its encoding among them) onto the new one
    c.res = new Response(body, { status, headers });
  };
}
