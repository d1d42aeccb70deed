/**
 * Registers a custom element unless the tag is taken: third-party pages often load the same
 * script twice (a CMS block plus a theme), and a second define() would throw.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === "undefined" || customElements.get(tag)) return;
  customElements.define(tag, element);
}
