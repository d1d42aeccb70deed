/**
 * Calls to an upstream: one time budget per call (its retry included), one retry for
 * idempotent reads while budget is left, and failures turned into problems that name the
 * upstream but never carry its body.
 */

import type { Metrics, UpstreamOutcome } from "../core/metrics.ts";
import { ProblemError } from "../core/problem.ts";
import type { Tracing } from "../core/tracing.ts";
import type { SharedTokens } from "./fleet-token.ts";

export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface UpstreamOptions {
  /** Shown in problem titles: "THRON", "Thunder", "ThroughLine". */
  name: string;
  fetch: FetchLike;
  /** The whole call's budget: a retry only gets what the first attempt left. */
  timeoutMs: number;
  /** Counts each call by operation and outcome. */
  metrics?: Metrics;
  /** With a shared store: tokens obtained once for the fleet (core/fleet-token.ts). */
  sharedTokens?: SharedTokens;
  /** A child span per call, when tracing is on. */
  tracing?: Tracing;
}

/** Below this much budget left, a retry could not get an answer anyway. */
const MIN_RETRY_BUDGET_MS = 250;

export interface CallOptions {
  /** Safe to send twice: reads. Token and launch calls are not retried. */
  idempotent: boolean;
  /** What the call does, as metrics label it (`search`, `token`…). */
  operation?: string;
}

/** A failed upstream call; `status` is the problem status to answer (502, 503 or 504). */
export class UpstreamError extends ProblemError {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function unavailable(name: string, detail?: string) {
  return new UpstreamError(503, "upstream-unavailable", `${name} is unavailable`, detail);
}
export function badGateway(name: string, detail?: string) {
  return new UpstreamError(502, "upstream-error", `${name} answered with an error`, detail);
}
/** An upstream's answer that is not a success: an outage (5xx) is "unavailable", anything else an error. */
export function answerError(name: string, status: number, detail: string) {
  return status >= 500 ? unavailable(name, detail) : badGateway(name, detail);
}

export async function callUpstream(upstream: UpstreamOptions, request: () => Request, options: CallOptions): Promise<Response> {
  const attempts = options.idempotent ? 2 : 1;
  const operation = options.operation ?? "call";
  const deadline = Date.now() + upstream.timeoutMs;
  let lastError: UpstreamError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(50);
    const budget = deadline - Date.now();
    if (attempt > 1 && budget < MIN_RETRY_BUDGET_MS) break;
    const started = performance.now();
    const observe = (outcome: UpstreamOutcome) =>
      upstream.metrics?.upstreamCall(upstream.name, operation, outcome, (performance.now() - started) / 1000);
    try {
      const send = (req: Request) => upstream.fetch(req, { signal: AbortSignal.timeout(budget) });
      const req = request();
      const response = await (upstream.tracing ? upstream.tracing.upstreamCall(upstream.name, operation, req, () => send(req)) : send(req));
      observe(response.status >= 500 ? "server-error" : response.status >= 400 ? "client-error" : "ok");
      // 5xx is worth one more try; anything else is the upstream's considered answer.
      if (response.status >= 500 && attempt < attempts && deadline - Date.now() >= MIN_RETRY_BUDGET_MS) {
        await response.body?.cancel();
        continue;
      }
      return response;
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
      observe(timedOut ? "timeout" : "unreachable");
      lastError = timedOut
        ? new UpstreamError(
            504,
            "upstream-timeout",
            `${upstream.name} did not answer in time`,
            `No answer within ${upstream.timeoutMs} ms.`,
          )
        : unavailable(upstream.name, "The connection failed.");
    }
  }
  throw lastError ?? unavailable(upstream.name);
}
