/**
 * The helplines this BFF instance answered recently: the only ones it reports events for, so
 * invented helpline ids cannot spend ThroughLine's quota. Bounded in memory.
 */
const DAY = 86_400_000;

export class RecentlyServed {
  readonly #servedAt = new Map<string, number>();

  constructor(
    readonly now: () => number = Date.now,
    readonly forMs = DAY,
    readonly maxEntries = 10_000,
  ) {}

  add(ids: string[]): void {
    for (const id of ids) {
      this.#servedAt.delete(id); // re-inserted last: the map stays in serving order
      this.#servedAt.set(id, this.now());
    }
    while (this.#servedAt.size > this.maxEntries) this.#servedAt.delete(this.#servedAt.keys().next().value as string);
  }

  has(id: string): boolean {
    const at = this.#servedAt.get(id);
    return at !== undefined && this.now() - at < this.forMs;
  }
}
