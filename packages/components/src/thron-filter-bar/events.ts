/** <thron-filter-bar>'s events, typed for host pages: `document.addEventListener("thron-filter-change", (e) => e.detail.q)`. */
import type { GalleryQuery } from "../internal/thron-client.ts";

export interface FilterChangeDetail {
  q: string;
  filters: Record<string, string[]>;
}

/** What a gallery tells the bar linked to it: the attributes the bar defaults to, and its preset. */
export interface LinkedGallery {
  bff: string | undefined;
  gallery: string;
  locale: string | undefined;
  /** The gallery's preset filters: the bar offers only values inside them. */
  preset: { filters: Record<string, string[]> };
}

/**
 * `thron-filter-request`: a bar asks the `<thron-gallery>` whose id is `for` (in the bar's own
 * document or shadow root) to answer with its settings and, when `query` is there, to show it.
 * As media-chrome's request events: the bar never reaches into the gallery.
 */
export interface FilterRequestDetail {
  for: string;
  query?: GalleryQuery;
  answer(gallery: LinkedGallery): void;
}

declare global {
  interface GlobalEventHandlersEventMap {
    "thron-filter-change": CustomEvent<FilterChangeDetail>;
    "thron-filter-request": CustomEvent<FilterRequestDetail>;
  }
}
