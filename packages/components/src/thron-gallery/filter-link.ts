/**
 * The gallery's side of `<thron-filter-bar for="…">`: it answers the bars' `thron-filter-request`
 * events (with its settings, and by showing the query they carry), and says
 * `thron-gallery-connected` when it joins the page, so a bar that asked before the gallery was
 * there (placed first, or defined first) asks again. Bars and gallery meet in their common root.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { fromSameRoot } from "../internal/same-root.ts";
import type { GalleryQuery } from "../internal/thron-client.ts";
import type { LinkedGallery } from "../thron-filter-bar/events.ts";

interface LinkHost extends ReactiveControllerHost, HTMLElement {
  query: GalleryQuery;
  readonly linked: LinkedGallery;
}

export class FilterLink implements ReactiveController {
  readonly #host: LinkHost;
  #root: Node | null = null;
  readonly #onRequest = (event: GlobalEventHandlersEventMap["thron-filter-request"]) => {
    const { detail } = event;
    if (!this.#host.id || detail?.for !== this.#host.id || !fromSameRoot(event, this.#host)) return;
    detail.answer(this.#host.linked);
    if (detail.query) this.#host.query = detail.query;
  };

  constructor(host: LinkHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#root = this.#host.getRootNode();
    this.#root.addEventListener("thron-filter-request", this.#onRequest as EventListener);
    this.announce();
  }

  hostDisconnected(): void {
    this.#root?.removeEventListener("thron-filter-request", this.#onRequest as EventListener);
    this.#root = null;
  }

  /** Tells the bars linked by id to ask again (the gallery arrived, or its settings changed). */
  announce(): void {
    if (this.#host.id)
      this.#host.dispatchEvent(new CustomEvent("thron-gallery-connected", { detail: null, bubbles: true, composed: true }));
  }
}
