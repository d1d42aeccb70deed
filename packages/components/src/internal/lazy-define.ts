/**
 * Registers an element on first use: `load` runs (once) when the tag first appears in the
 * document, so the one-tag bundle stays small for the pages that never use it. The element's
 * own entry (`@embedkit/components/<tag>.js`) still registers it eagerly.
 */
export function lazyDefine(tag: string, load: () => Promise<unknown>): void {
  if (typeof document === "undefined" || customElements.get(tag)) return;
  const found = (node: Node) => node instanceof Element && (node.localName === tag || node.querySelector(tag) !== null);
  const start = () => {
    observer.disconnect();
    void load();
  };
  const observer = new MutationObserver((records) => {
    if (records.some((record) => [...record.addedNodes].some(found))) start();
  });
  if (document.querySelector(tag)) start();
  else observer.observe(document, { childList: true, subtree: true });
}
