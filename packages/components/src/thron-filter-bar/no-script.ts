/**
 * What a server-rendered filter bar gives a visitor without JavaScript: its form's fields carry
 * the page URL's names (`q`, `filter.<key>`, with the `sync-url` prefix), so this button submits
 * a GET that reloads the page with the query in its URL, which the host forwards to the render
 * route (`query.q`, `query.filter.<key>`) for a gallery that shows it. The server puts it in the
 * form's selection row, in a `<noscript>`: server-only, so no page's bundle carries these words.
 */
import { html } from "lit";

const APPLY: Record<string, string> = {
  en: "Apply filters",
  it: "Applica i filtri",
  de: "Filter anwenden",
  fr: "Appliquer les filtres",
  es: "Aplicar filtros",
};

/**
 * Added to the bar's stylesheet as the server links it (never to the bundle): without scripts
 * the chips and "Clear all" could do nothing, so they are not shown; the choices show in the
 * fields themselves, and the button applies them.
 */
export const NO_SCRIPT_STYLES = "@media (scripting: none) { [part=chip], [part=clear] { display: none } }";

/**
 * The button, after the page URL's other parameters as hidden fields: a GET form sends only its
 * own fields, so without them the reload would leave the page (a WordPress `?page_id=42`).
 */
export function noScriptFilterBar(locale: string, pageQuery: readonly (readonly [string, string])[] = []) {
  const label = APPLY[locale.split("-")[0]?.toLowerCase() ?? ""] ?? APPLY.en;
  return html`${pageQuery.map(([name, value]) => html`<input type="hidden" name=${name} value=${value}>`)}<button part="apply" type="submit">${label}</button>`;
}
