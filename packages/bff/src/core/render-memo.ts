/**
 * Rendered answers memoised per cached upstream value: while a cache entry lives, every hit
 * reuses the JSON rendered from it, so a hit costs no mapping and no serialisation. Keyed
 * weakly by the value object, so a memo goes when its cache entry is replaced.
 */
export class RenderMemo<V extends object> {
  readonly #rendered = new WeakMap<V, Map<string, Uint8Array<ArrayBuffer>>>();
  static readonly #encoder = new TextEncoder();

  /** The UTF-8 JSON rendered from `value` for `variant` (locale, gallery…), rendering it once. */
  json(value: V, variant: string, render: () => unknown): Uint8Array<ArrayBuffer> {
    let variants = this.#rendered.get(value);
    if (!variants) {
      variants = new Map();
      this.#rendered.set(value, variants);
    }
    let text = variants.get(variant);
    if (text === undefined) {
      text = RenderMemo.#encoder.encode(JSON.stringify(render()));
      variants.set(variant, text);
    }
    return text;
  }
}
