/**
 * Rendered answers memoised per cached upstream value: while a cache entry lives, every hit
 * reuses the JSON rendered from it, and its gzip, compressed once on the first request that
 * accepts it. So a hit costs no mapping, no serialisation and no compression. Keyed weakly by
 * the value object, so a memo goes when its cache entry is replaced.
 */
import { gzip, MIN_COMPRESSIBLE_BYTES } from "./encoding.ts";

interface Rendered {
  json: Uint8Array<ArrayBuffer>;
  /** Pending while the first request compresses it, then the bytes (null: too small). */
  gzip?: Promise<Uint8Array<ArrayBuffer> | null> | Uint8Array<ArrayBuffer> | null;
}

export class RenderMemo<V extends object> {
  readonly #rendered = new WeakMap<V, Map<string, Rendered>>();
  static readonly #encoder = new TextEncoder();

  /** The UTF-8 JSON rendered from `value` for `variant` (locale, gallery…), rendering it once. */
  json(value: V, variant: string, render: () => unknown): Uint8Array<ArrayBuffer> {
    return this.#entry(value, variant, render).json;
  }

  /**
   * That JSON gzipped, compressed once; null when it is too small to gain from it. The bytes
   * themselves once ready, so a hit awaits nothing.
   */
  gzip(value: V, variant: string, render: () => unknown): Uint8Array<ArrayBuffer> | null | Promise<Uint8Array<ArrayBuffer> | null> {
    const entry = this.#entry(value, variant, render);
    // Once per entry (a small one's null is found again just as cheaply).
    entry.gzip ??= entry.json.length < MIN_COMPRESSIBLE_BYTES ? null : gzip(entry.json).then((bytes) => (entry.gzip = bytes));
    return entry.gzip;
  }

  #entry(value: V, variant: string, render: () => unknown): Rendered {
    let variants = this.#rendered.get(value);
    // Stryker disable next-line ConditionalExpression: a memo: renewing it on every hit (true) renders the same JSON again, only slower; false throws, killed by every page test
    if (!variants) {
      variants = new Map();
      // Stryker disable next-line CallExpression: a memo: not keeping it renders the same JSON again on the next hit, only slower
      this.#rendered.set(value, variants);
    }
    let entry = variants.get(variant);
    // Stryker disable next-line ConditionalExpression: as above: rendering on every hit (true) gives the same JSON, only slower; false throws
    if (entry === undefined) {
      entry = { json: RenderMemo.#encoder.encode(JSON.stringify(render())) };
      // Stryker disable next-line CallExpression: a memo: not keeping it renders the same JSON again on the next hit, only slower
      variants.set(variant, entry);
    }
    return entry;
  }
}
