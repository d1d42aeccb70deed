/** Whether a provider's recent upstream calls worked: /health reports it without calling upstream. */
export class ProviderHealth {
  #failedAt = 0;
  constructor(readonly degradedForMs = 60_000) {}
  succeeded(): void {
    this.#failedAt = 0;
  }
  failed(): void {
    this.#failedAt = Date.now();
  }
  get state(): "ready" | "degraded" {
    return this.#failedAt && Date.now() - this.#failedAt < this.degradedForMs ? "degraded" : "ready";
  }
}
