/**
 * Registers elements on first use: each tag's `load` runs (once) when the tag first appears in
 * the document, or in the shadow root of an element defined this way, so a page downloads only
 * the elements it uses. An element's own entry (`@embedkit/components/<tag>.js`) still registers
 * it eagerly; define.ts ignores a tag defined twice. `chunks` names, per tag, modules its entry
 * imports, fetched (relative to the loader) at the same time as the entry.
 */
export function autoload(loaders: Record<string, () => Promise<unknown>>, chunks: Record<string, string[]> = {}): void {
  if (typeof document === "undefined") return;
  const tags = Object.keys(loaders);
  const selector = tags.join(",");
  const started = new Set<string>();
  const watched = new WeakSet<Node>();
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  });
  const watch = (root: Document | ShadowRoot) => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
    discover(root);
  };
  function discover(root: Element | Document | ShadowRoot) {
    const found = [...root.querySelectorAll(selector)];
    if (root instanceof Element && tags.includes(root.localName)) found.push(root);
    for (const element of found) {
      const tag = element.localName;
      if (!started.has(tag)) {
        started.add(tag);
        if (!customElements.get(tag)) {
          void loaders[tag]?.();
          // Fetched beside the entry; a failure shows as the entry's own.
          for (const chunk of chunks[tag] ?? []) import(/* @vite-ignore */ chunk).catch(() => {});
        }
      }
      // Its shadow root exists once it is defined and connected: an element it renders loads too.
      void customElements.whenDefined(tag).then(() => element.shadowRoot && watch(element.shadowRoot));
    }
  }
  watch(document);
}

/** One element registered on first use (see autoload). */
export function lazyDefine(tag: string, load: () => Promise<unknown>): void {
  autoload({ [tag]: load });
}
