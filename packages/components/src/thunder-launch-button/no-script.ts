/**
 * What a server-rendered launch button tells a visitor without JavaScript (the server puts it in
 * a `<noscript>`): launching needs a script, as it asks the BFF for a launch URL. Server-only,
 * so no page's bundle carries these words.
 */
import { html } from "lit";

const NOTE: Record<string, string> = {
  en: "Opening Thunder needs JavaScript.",
  it: "Per aprire Thunder serve JavaScript.",
  de: "Zum Öffnen von Thunder wird JavaScript benötigt.",
  fr: "L'ouverture de Thunder nécessite JavaScript.",
  es: "Para abrir Thunder se necesita JavaScript.",
};

export function noScriptLaunchButton(locale: string) {
  const note = NOTE[locale.split("-")[0]?.toLowerCase() ?? ""] ?? NOTE.en;
  return html`<p part="message" class="message">${note}</p>`;
}
