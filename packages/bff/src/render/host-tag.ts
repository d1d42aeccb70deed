/**
 * The outside of a rendered element, the same with or without its server-rendered shadow root:
 * the tag with the attributes it was asked with, and the inline data the element starts from.
 * No Lit here: where the server renderer cannot run, this alone is the answer (the element then
 * renders in the browser from the inline data, still without asking the BFF for it).
 */
import { escapeAttribute, jsonForScript } from "./inline-json.ts";

/** The attribute that marks the inline data (components/src/internal/server-state.ts reads it). */
export const STATE_ATTRIBUTE = "data-embedkit-state";

/** `<tag attributes>`, then `inside`, then the inline data (none when `state` is undefined), then `</tag>`. */
export function hostTag(tag: string, attributes: Record<string, string>, state: unknown, inside = ""): string {
  const written = Object.entries(attributes)
    .map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join("");
  const data = state === undefined ? "" : `<script type="application/json" ${STATE_ATTRIBUTE}>${jsonForScript(state)}</script>`;
  return `<${tag}${written}>${inside}${data}</${tag}>`;
}
