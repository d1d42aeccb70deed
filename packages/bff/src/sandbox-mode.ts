/**
 * Sandbox mode: the simulated upstreams live inside the BFF under /_sandbox. Upstream calls to
 * them are dispatched in-process (no network hop, and it works where a Worker cannot fetch
 * itself); the browser reaches the same paths over HTTP for thumbnails, media and the player.
 */
import { createSandbox, type Sandbox } from "@embedkit/sandbox";
import type { Logger } from "./core/logger.ts";
import type { FetchLike } from "./core/upstream.ts";

export const SANDBOX_PATH = "/_sandbox";

export function createSandboxMode(publicUrl: string, fallback: FetchLike, logger: Logger) {
  const base = `${publicUrl.replace(/\/$/, "")}${SANDBOX_PATH}`;
  const sandbox: Sandbox = createSandbox({ baseUrl: base, log: (message, fields) => logger.log("warn", message, fields) });
  logger.log(
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
