/**
 * What a server-rendered video or audio tells a visitor without JavaScript (the server puts it in
 * a `<noscript>`): its poster and caption show, playing needs a script. Server-only, so no page's
 * bundle carries these words.
 */
import type { Asset } from "@embedkit/contracts";
import { html } from "lit";

const NOTE: Record<string, string> = {
  en: "Turn on JavaScript to play it.",
  it: "Attiva JavaScript per riprodurlo.",
  de: "Aktivieren Sie JavaScript, um es abzuspielen.",
  fr: "Activez JavaScript pour le lire.",
  es: "Activa JavaScript para reproducirlo.",
};

export function noScriptAsset(asset: Asset, locale: string) {
  if (asset.type !== "video" && asset.type !== "audio") return null;
  const note = NOTE[locale.split("-")[0]?.toLowerCase() ?? ""] ?? NOTE.en;
  return html`<p part="message" class="message">${note}</p>`;
}
