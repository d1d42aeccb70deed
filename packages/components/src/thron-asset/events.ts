/** <thron-asset>'s event, typed for host pages: `asset.addEventListener("thron-error", (e) => e.detail.status)`. */
import type { EmbedkitErrorDetail } from "../internal/embedkit-element.ts";

export type { EmbedkitErrorDetail };

/** @deprecated The detail of every element's error event: use EmbedkitErrorDetail. */
export type AssetErrorDetail = EmbedkitErrorDetail;

declare global {
  interface GlobalEventHandlersEventMap {
    "thron-error": CustomEvent<EmbedkitErrorDetail>;
  }
}
