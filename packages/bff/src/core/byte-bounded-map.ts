/**
 * A map bounded by the memory its entries take rather than by their count: ten thousand
 * entries of 15 KB each would pin 150 MB, more than a Worker isolate has. The oldest entry
 * goes first (insertion order; a hit does not renew it, which keeps lookups free).
 */
export class ByteBoundedMap<V> {
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(
    readonly maxBytes: number,
    /** An estimate of what `value` holds beyond its key. */
    readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    return this.#entries.get(key)?.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    // UTF-16 in memory: two bytes a character.
    const bytes = 2 * key.length + this.sizeOf(value);
    if (bytes > this.maxBytes) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** Bytes held, as estimated. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }
}
