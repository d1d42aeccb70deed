import { ProblemError } from "./problem.ts";

/** Whether a provider's recent upstream calls worked: /health reports it without calling upstream. */
export class ProviderHealth {
  #failedAt = 0;
  constructor(
    readonly degradedForMs = 60_000,
    readonly now: () => number = Date.now,
  ) {}
  succeeded(): void {
    this.#failedAt = 0;
  }
  failed(): void {
    this.#failedAt = this.now();
  }
  get state(): "ready" | "degraded" {
    return this.#failedAt && this.now() - this.#failedAt < this.degradedForMs ? "degraded" : "ready";
  }

  /** Runs `call`, recording whether the upstream worked (a 5xx problem means it did not). */
  async track<R>(call: () => Promise<R>): Promise<R> {
    try {
      const result = await call();
      this.succeeded();
      return result;
    } catch (error) {
      if (error instanceof ProblemError && error.status >= 502) this.failed();
      throw error;
    }
  }
}
