/** The browser's own players for an asset: what the gallery shows without the THRON Player. */
import type { Asset } from "@embedkit/contracts";
import { html, nothing, type TemplateResult } from "lit";

/** Sources this browser can play; HLS only where it plays HLS natively. */
function playable(asset: Asset, element: "video" | "audio"): Asset["sources"] {
  const probe = document.createElement(element);
  return asset.sources.filter(
    (s) => s.mimeType.startsWith(`${element}/`) || (s.mimeType.includes("mpegurl") && probe.canPlayType(s.mimeType) !== ""),
  );
}

/** The asset's thumbnail at stage size: sharp up to 2× screens (the srcset goes to 2048 w). */
function still(asset: Asset, part: string, alt: string, className = "") {
  return html`<img part=${part} class=${className} src=${asset.thumbnail.url} srcset=${asset.thumbnail.srcset} sizes="min(100vw, 64rem)" alt=${alt} />`;
}

export function nativePlayer(asset: Asset, options: { openDocument: string; zoomed?: boolean }): TemplateResult {
  switch (asset.type) {
    case "video":
      return html`<video part="media" controls playsinline preload="metadata" poster=${asset.thumbnail.url} aria-label=${asset.title}>
        ${playable(asset, "video").map((s) => html`<source src=${s.url} type=${s.mimeType} />`)}
      </video>`;
    case "audio":
      // A cover over the whole stage, the player as a bar along its bottom.
      return html`${still(asset, "cover", "", "cover")}
        <audio part="media" controls preload="metadata" aria-label=${asset.title}>
          ${playable(asset, "audio").map((s) => html`<source src=${s.url} type=${s.mimeType} />`)}
        </audio>`;
    case "image":
      return options.zoomed
        ? html`<img part="media" class="zoomed" src=${asset.sources[0]?.url ?? asset.thumbnail.url} alt=${asset.description ?? asset.title} />`
        : still(asset, "media", asset.description ?? asset.title);
    default: {
      // THRON's thumbnail of a document is its first page: a preview, with the document a click away.
      const document = asset.sources.find((s) => s.mimeType === "application/pdf") ?? asset.sources[0];
      return html`${still(asset, "preview", "", "preview")}
        ${
          document
            ? html`<a part="media document-link" class="document-link" href=${document.url} target="_blank" rel="noopener">${options.openDocument}</a>`
            : nothing
        }`;
    }
  }
}
