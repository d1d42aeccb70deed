/**
 * What a server-rendered gallery shows a visitor without JavaScript: the first page as links,
 * each tile's own figure (grid-parts.ts) inside a link to the asset's public delivery URL, and a
 * note on what needs scripts. The server puts it inside a `<noscript>`, so a browser
 * with scripts never shows it (nor parses it) and the element's own grid hydrates untouched.
 */
import type { Asset, AssetPage } from "@embedkit/contracts";
import { html } from "lit";
import { tileFigure } from "./grid-parts.ts";
import type { ThronGalleryStrings } from "./strings.ts";

/** The note under the links, by language: server-only, so no page's bundle carries it. */
const NOTE: Record<string, string> = {
  en: "Each picture opens on its own. Turn on JavaScript to see more, and to play videos here.",
  it: "Ogni immagine si apre da sola. Attiva JavaScript per vederne altre e per guardare i video qui.",
  de: "Jedes Bild öffnet sich einzeln. Aktivieren Sie JavaScript, um mehr zu sehen und Videos hier abzuspielen.",
  fr: "Chaque image s'ouvre seule. Activez JavaScript pour en voir plus et lire les vidéos ici.",
  es: "Cada imagen se abre por separado. Activa JavaScript para ver más y reproducir los vídeos aquí.",
};
const noteIn = (locale: string) => NOTE[locale.split("-")[0]?.toLowerCase() ?? ""] ?? NOTE.en;

/** The public delivery URL an asset's link opens: its first source, else its largest rendition. */
export function deliveryUrl(asset: Asset): string {
  const largest = asset.thumbnail.srcset.split(",").at(-1)?.trim().split(/\s+/)[0];
  return asset.sources[0]?.url ?? (largest || asset.thumbnail.url);
}

export function noScriptGallery(page: AssetPage, t: ThronGalleryStrings, locale: string) {
  return html`<ul part="grid" class="grid links" role="list">
      ${page.items.map(
        (asset, index) =>
          html`<li class="tile"><a part="tile" href=${deliveryUrl(asset)}>${tileFigure(asset, t, { width: 0, eager: index < 4, locale, titledImage: true })}</a></li>`,
      )}
    </ul>
    <p part="message" class="message">${noteIn(locale)}</p>`;
}
