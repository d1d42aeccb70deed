/**
 * Pieces of the gallery's markup: what a tile shows (its button, focus and clicks are the
 * gallery's), the placeholders of tiles on their way, and the error message.
 */
import type { Asset } from "@embedkit/contracts";
import { html, nothing } from "lit";
import type { BffError } from "../internal/bff-client.ts";
import { formatDuration, spokenDuration } from "../internal/localize.ts";
import type { ThronGalleryStrings } from "./strings.ts";

export interface TileOptions {
  /** The tile's width once laid out (0 before): the image's `sizes`. */
  width: number;
  /** Above the fold: the image loads at once. */
  eager: boolean;
  /** The first tile: its image ahead of scripts and of the other images (the bandwidth is not split four ways). */
  first?: boolean;
  locale: string;
  /**
   * The image carries the title as its alt text (the caption is then hidden from assistive
   * technology, so it is not read twice): for the no-JavaScript links, which crawlers index.
   */
  titledImage?: boolean;
}

export function tileFigure(asset: Asset, t: ThronGalleryStrings, { width, eager, first, locale, titledImage = false }: TileOptions) {
  return html`<figure>
    <!-- First in the DOM, so the tile's name starts with the title; shown under the image. -->
    <figcaption part="title" aria-hidden=${titledImage ? "true" : nothing}>${asset.title}</figcaption>
    <div class="frame">
      <img
        part="thumbnail"
        src=${asset.thumbnail.url}
        srcset=${asset.thumbnail.srcset}
        sizes=${width > 0 ? `${width}px` : "(max-width: 40rem) 50vw, 18rem"}
        alt=${titledImage ? asset.title : ""}
        loading=${eager ? "eager" : "lazy"}
        fetchpriority=${first ? "high" : nothing}
        decoding="async"
      />
      ${asset.type === "image" ? nothing : html`<span class="visually-hidden">, </span><span part="badge" class="badge">${t.types[asset.type]}</span>`}
      ${
        asset.durationMs
          ? html`<span part="duration" class="duration" aria-hidden="true">${formatDuration(asset.durationMs)}</span>
              <span class="visually-hidden">, ${spokenDuration(asset.durationMs, locale)}</span>`
          : nothing
      }
    </div>
  </figure>`;
}

export function skeletons(count: number) {
  return Array.from(
    { length: count },
    () => html`<li class="tile skeleton" aria-hidden="true"><figure><figcaption></figcaption><div class="frame"></div></figure></li>`,
  );
}

/** Placeholders in the viewport now in `root`: the tiles that will be above the fold (`fallback` when none). */
export function placeholdersInView(root: ParentNode, fallback: number): number {
  const placeholders = [...root.querySelectorAll(".skeleton")];
  if (placeholders.length === 0) return fallback;
  return placeholders.filter((p) => {
    const box = p.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
  }).length;
}

/** The visitor gets plain words (the cause is in the thron-error event and the console), and a retry when it may help. */
export function errorMessage(error: BffError, t: ThronGalleryStrings, retry: { busy: boolean; onRetry: () => void }) {
  const retryable = error.status === 0 || error.status === 429 || error.status >= 500;
  return html`<div part="message" class="message error" role="alert" tabindex="-1">
    <p>${t.error}</p>
    ${
      retryable
        ? html`<button part="retry" type="button" aria-disabled=${retry.busy ? "true" : "false"} @click=${retry.onRetry}>${t.retry}</button>`
        : nothing
    }
  </div>`;
}
