/**
 * `sync-url`'s link to one asset in the page URL's hash: `#<gallery id or "asset">=<asset id>`.
 * The dialog (the open asset) and the viewer (the asset on the stage) keep it the same way, so a
 * copied link reopens what the visitor saw. Replaced, not pushed: Back leaves the page, as before.
 */

/** The hash key of a gallery: its id, else `asset`. */
export function hashKey(gallery: HTMLElement): string {
  return gallery.id || "asset";
}

/** The asset id the hash names for `gallery`, if any (anyone's input: check it before use). */
export function linkedAssetId(gallery: HTMLElement): string | null {
  return new URLSearchParams(location.hash.slice(1)).get(hashKey(gallery));
}

/** Writes (or, with null, removes) `gallery`'s link; a plain anchor (`#pricing`) is the host's and stays. */
export function writeAssetLink(gallery: HTMLElement, id: string | null): void {
  const params = new URLSearchParams(location.hash.includes("=") ? location.hash.slice(1) : "");
  const key = hashKey(gallery);
  if (!id && !params.has(key)) return;
  if (id) params.set(key, id);
  else params.delete(key);
  const hash = params.toString();
  const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ""}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, "", url);
}
