import { ProblemError } from "../core/problem.ts";

/** Whether a provider's recent upstream calls worked: /health reports it without calling upstream. */
export class ProviderHealth {
  #failedAt = 0;
  /** Standing configuration problems an operator must fix, by key. */
  readonly #problems = new Map<string, string>();
  /** Told once when a problem appears or changes (the app logs it as a warning). */
  onProblem: (message: string) => void = () => {};
  constructor(
    readonly degradedForMs = 60_000,
    readonly now: () => number = Date.now,
  ) {}

  /**
   * Records a standing problem; reported by /health until resolved, announced once. `logMessage`
   * may name what /health, which anyone can read, must not (an account name).
   */
  report(key: string, message: string, logMessage = message): void {
    if (this.#problems.get(key) === message) return;
    this.#problems.set(key, message);
    this.onProblem(logMessage);
  }
  resolve(key: string): void {
    this.#problems.delete(key);
  }
  get problems(): string[] {
    return [...this.#problems.values()];
  }

  succeeded(): void {
    this.#failedAt = 0;
  }
  failed(): void {
    this.#failedAt = this.now();
  }
  get state(): "ready" | "degraded" {
    if (this.#problems.size > 0) return "degraded";
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
