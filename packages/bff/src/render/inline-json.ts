/**
 * Data inside `<script type="application/json">`: JSON never executes there, but the HTML
 * parser ends the element at `</script>` and reads `<!--` specially, so `<`, `>` and `&` (and
 * the two line separators old parsers choke on, and `'`, so a visitor's text never reads back
 * verbatim) are written as JSON escapes: the text holds no markup whatever the data says, and
 * JSON.parse reads it back unchanged.
 */
const UNSAFE = /[<>&'\u2028\u2029]/g;

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An attribute value, quoted with `"`. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>']/g, (char) => `&#${char.charCodeAt(0)};`);
}
