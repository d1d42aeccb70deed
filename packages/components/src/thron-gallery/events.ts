/** <thron-gallery>'s events, typed for host pages: `gallery.addEventListener("thron-asset-open", (e) => e.detail.asset)`. */
import type { Asset } from "@embedkit/contracts";
import type { EmbedkitErrorDetail } from "../internal/embedkit-element.ts";

export interface GalleryLoadDetail {
  /** Assets shown after this load. */
  count: number;
  total: number;
  /** The assets this load added. */
  added: Asset[];
  hasMore: boolean;
}

export interface AssetOpenDetail {
  asset: Asset;
  index: number;
}

/** @deprecated The detail of every element's error event: use EmbedkitErrorDetail. */
export type GalleryErrorDetail = EmbedkitErrorDetail;

export type { EmbedkitErrorDetail };

declare global {
  interface GlobalEventHandlersEventMap {
    "thron-gallery-load": CustomEvent<GalleryLoadDetail>;
    /** A tile's asset is about to open (cancelable); in a viewer, the visitor put it on the stage (not cancelable). */
    "thron-asset-open": CustomEvent<AssetOpenDetail>;
    "thron-error": CustomEvent<EmbedkitErrorDetail>;
    /** A gallery with an id joined the page: a `<thron-filter-bar for>` that asked before it was there asks again. */
    "thron-gallery-connected": CustomEvent<null>;
  }
}
