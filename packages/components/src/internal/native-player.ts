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

export function nativePlayer(asset: Asset, labels: { openDocument: string }): TemplateResult {
  switch (asset.type) {
    case "video":
      return html`<video part="media" controls playsinline preload="metadata" poster=${asset.thumbnail.url} aria-label=${asset.title}>
        ${playable(asset, "video").map((s) => html`<source src=${s.url} type=${s.mimeType} />`)}
      </video>`;
    case "audio":
      return html`<audio part="media" controls preload="metadata" aria-label=${asset.title}>
        ${playable(asset, "audio").map((s) => html`<source src=${s.url} type=${s.mimeType} />`)}
      </audio>`;
    case "image":
      return html`<img
        part="media"
        src=${asset.thumbnail.url}
        srcset=${asset.thumbnail.srcset}
        sizes="min(90vw, 64rem)"
        alt=${asset.description ?? asset.title}
      />`;
    default: {
      const document = asset.sources[0];
      return document
        ? html`<a part="media document-link" href=${document.url} target="_blank" rel="noopener">${labels.openDocument}</a>`
        : html`${nothing}`;
    }
  }
}
