/**
 * What `pnpm doctor` reports: one step per line, and for a failure its likely cause and the
 * fix in plain words. Providers record steps here; nothing else decides how they print.
 */
import type { FetchLike } from "../upstream/call.ts";

export type StepStatus = "ok" | "warn" | "fail" | "skip";

export interface Step {
  /** The provider's name (`THRON`). */
  provider: string;
  name: string;
  status: StepStatus;
  /** What was found (counts, names), never a secret or an upstream body. */
  detail: string;
  cause?: string;
  fix?: string;
}

export type StepInput = Omit<Step, "provider">;

/** A provider's view of the report: it records steps under its own name. */
export interface Checkup {
  ok(name: string, detail: string): void;
  warn(name: string, detail: string, fix?: string): void;
  fail(name: string, detail: string, cause: string, fix: string): void;
  skip(name: string, detail: string): void;
}

export function checkupFor(provider: Step["provider"], record: (step: Step) => void): Checkup {
  return {
    ok: (name, detail) => record({ provider, name, status: "ok", detail }),
    warn: (name, detail, fix) => record({ provider, name, status: "warn", detail, ...(fix && { fix }) }),
    fail: (name, detail, cause, fix) => record({ provider, name, status: "fail", detail, cause, fix }),
    skip: (name, detail) => record({ provider, name, status: "skip", detail }),
  };
}

const MARK: Record<StepStatus, string> = { ok: "ok  ", warn: "warn", fail: "FAIL", skip: "skip" };

/** `FAIL THRON  search, gallery restricted: …` then the cause and the fix, indented. */
export function formatStep(step: Step): string {
  const lines = [`${MARK[step.status]} ${step.provider.padEnd(11)} ${step.name}: ${step.detail}`];
  if (step.cause) lines.push(`       likely cause: ${step.cause}`);
  if (step.fix) lines.push(`       fix: ${step.fix}`);
  return lines.join("\n");
}

/** An upstream answer as the doctor reads it; `failure` when no answer came. */
export type Answer =
  | { failure?: undefined; status: number; text: string; json: unknown }
  | { failure: "timeout" | "network"; status: 0; text: ""; json: null };

/** One HTTP call that never throws: the doctor reports what happened instead. */
export function prober(fetch: FetchLike, timeoutMs: number) {
  return async (request: Request): Promise<Answer> => {
    try {
      const response = await fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {}
      return { status: response.status, text, json };
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
      return { failure: timedOut ? "timeout" : "network", status: 0, text: "", json: null };
    }
  };
}
export type Probe = ReturnType<typeof prober>;

/** The answer in words for a detail line: a status, or why there was none. */
export function answered(answer: Answer): string {
  if (answer.failure === "timeout") return "no answer in time";
  if (answer.failure === "network") return "could not connect";
  return `status ${answer.status}`;
}

/**
 * The cause and fix when an answer says nothing about our setup: no connection, a timeout, or
 * the service failing (5xx). Null when the answer is the service's own verdict.
 */
export function outage(answer: Answer, service: string, urlVariable: string): { cause: string; fix: string } | null {
  if (answer.failure)
    return {
      cause: `${service} could not be reached (${answered(answer)})`,
      fix: `Check ${urlVariable} and that this machine may reach it (DNS, firewall, proxy).`,
    };
  if (answer.status >= 500)
    return {
      cause: `${service} is failing or unavailable (${answered(answer)})`,
      fix: "Try again in a few minutes; if it lasts, ask the vendor.",
    };
  return null;
}
