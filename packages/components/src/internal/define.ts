/**
 * Registers a custom element unless the tag is taken: third-party pages often load the same
 * script twice (a CMS block plus a theme), and a second define() would throw. When the page
 * holds a server-rendered instance of the tag, Lit's hydration loads first (only then), so the
 * element takes over the server's shadow root rather than rendering it again.
 */
import { LitElement } from "lit";

export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === "undefined" || customElements.get(tag)) return;
  if (!serverRendered(tag)) {
    customElements.define(tag, element);
    return;
  }
  void import("./hydration.ts").then(({ installHydration }) => {
    installHydration(LitElement);
    if (!customElements.get(tag)) customElements.define(tag, element);
  });
}

/** An instance of `tag` already has a shadow root: the browser attached the server's declarative one. */
function serverRendered(tag: string): boolean {
  if (typeof document === "undefined") return false;
  for (const element of document.querySelectorAll(tag)) if (element.shadowRoot) return true;
  return false;
}
