/**
 * A server-rendered element (GET /v1/render/<tag>) carries the data of its first render in a
 * child `<script type="application/json" data-embedkit-state>`: the element starts from it, so
 * its first page costs no request. On the server the renderer hands the same data over directly.
 */
import { isServer } from "lit";

/** The attribute that marks the inline data's script. */
export const STATE_ATTRIBUTE = "data-embedkit-state";

/** The first state written into `host` by the server, or null (not server-rendered, or unreadable). */
export function inlineState<T>(host: HTMLElement): T | null {
  if (isServer) return null;
  const script = host.querySelector(`:scope > script[type="application/json"][${STATE_ATTRIBUTE}]`);
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as T;
  } catch {
    return null; // a page that mangled the fragment: the element loads as usual
  }
}
