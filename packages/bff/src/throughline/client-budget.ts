/**
 * How many events each client may have reported per window: one visitor's script cannot spend
 * the events' whole share of ThroughLine's quota. Bounded in memory (the oldest clients go first).
 */
export class ClientBudget {
  readonly #spent = new Map<string, { count: number; since: number }>();

  constructor(
    readonly perWindow: number,
    readonly windowMs: number,
    readonly now: () => number = Date.now,
    readonly maxClients = 10_000,
  ) {}

  /** Takes one from `client`'s budget; false when it is spent for this window. */
  take(client: string): boolean {
    const now = this.now();
    const previous = this.#spent.get(client);
    const entry = previous && now - previous.since < this.windowMs ? previous : { count: 0, since: now };
    this.#spent.delete(client); // re-inserted last: the map stays in order of use
    this.#spent.set(client, entry);
    while (this.#spent.size > this.maxClients) this.#spent.delete(this.#spent.keys().next().value as string);
    if (entry.count >= this.perWindow) return false;
    entry.count++;
    return true;
  }
}
