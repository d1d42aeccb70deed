/**
 * Text with its ranges ("12–24", "Mon–Fri", "09:00–23:00") each in a span that does not wrap:
 * a line may break after an en dash, and "12–" at a line's end, "24" on the next, misreads.
 */
import { html, type TemplateResult } from "lit";

const RANGE = /[^\s–]+–[^\s–]+|\d+-\d+/g;

export function keepRangesTogether(text: string): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  for (const match of text.matchAll(RANGE)) {
    parts.push(text.slice(last, match.index), html`<span class="nowrap">${match[0]}</span>`);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}
