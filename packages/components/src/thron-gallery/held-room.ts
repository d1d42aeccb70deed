/**
 * The room the gallery took while it loaded, kept once the load ends shorter (nothing matches,
 * an error, a last page smaller than its placeholders), so the host page's content below does
 * not move up by itself (Cumulative Layout Shift). Let go when the visitor asks for something
 * else (a new query shows its own placeholders) or the gallery's width changes.
 */
export class HeldRoom {
  #px = 0;
  readonly #root: () => ParentNode;

  constructor(root: () => ParentNode) {
    this.#root = root;
  }

  /** Call just before a load's result is rendered: keeps the height the gallery has now. */
  hold(): void {
    const base = this.#root().querySelector<HTMLElement>(".base");
    this.#px = base ? Math.max(this.#px, base.getBoundingClientRect().height) : 0;
  }

  release(): void {
    this.#px = 0;
  }

  /**
   * Sets the base's min-height after each render. Through the CSSOM: a strict CSP refuses a
   * `style` attribute, and Lit's styleMap writes one on the first render.
   */
  apply(): void {
    const base = this.#root().querySelector<HTMLElement>(".base");
    if (base) base.style.minHeight = this.#px > 0 ? `${this.#px}px` : "";
  }

  get held(): boolean {
    return this.#px > 0;
  }
}
