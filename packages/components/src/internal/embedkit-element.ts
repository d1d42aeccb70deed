import { LitElement } from "lit";
import type { Translations } from "./localize.ts";

/** Base of every Embedkit element: a typed emit() whose events cross shadow roots, and its strings. */
export class EmbedkitElement extends LitElement {
  /** The strings of the locale in effect, still being fetched: updates wait for them. */
  #stringsPending?: () => Promise<void> | undefined;

  /** Dispatches a bubbling, composed CustomEvent; returns false when a listener cancelled it. */
  protected emit<T>(name: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }

  /**
   * The element's strings in `locale()`, with the host's overrides: renders wait until a
   * language other than English has arrived, so a page in Italian never flashes English.
   */
  protected localize<T>(table: Translations<T>, locale: () => string): (overrides?: Partial<T>) => T {
    this.#stringsPending = () => table.ready(locale());
    return (overrides) => table.strings(locale(), overrides);
  }

  protected override scheduleUpdate() {
    const pending = this.#stringsPending?.();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
}
