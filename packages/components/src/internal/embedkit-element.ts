import { LitElement } from "lit";

/** Base of every Embedkit element: a typed emit() whose events cross shadow roots. */
export class EmbedkitElement extends LitElement {
  /** Dispatches a bubbling, composed CustomEvent; returns false when a listener cancelled it. */
  protected emit<T>(name: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }
}
