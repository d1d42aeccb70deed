/**
 * The gallery's watchers of its own layout: a tile's width (it drives `sizes`, so the browser
 * picks the right srcset candidate) and, with `infinite`, the end of the grid coming near the
 * viewport. They stop while the gallery is out of the document and watch again when it is back.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

interface ObservedGallery extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
}

export interface GridWatch {
  /** A tile's frame is now `width` CSS pixels wide. */
  tileWidth(width: number): void;
  /** Whether to watch the end of the grid (`infinite`). */
  infinite(): boolean;
  /** The end of the grid came near the viewport. */
  nearEnd(): void;
}

export class GridObservers implements ReactiveController {
  readonly #host: ObservedGallery;
  readonly #watch: GridWatch;
  #resize: ResizeObserver | null = null;
  #sentinel: IntersectionObserver | null = null;

  constructor(host: ObservedGallery, watch: GridWatch) {
    this.#host = host;
    this.#watch = watch;
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnected after a move in the DOM: the observers disconnected then watch again.
    if (!this.#host.hasUpdated) return;
    this.observeTiles();
    this.observeEnd();
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    this.#sentinel?.disconnect();
  }

  observeTiles(): void {
    this.#resize?.disconnect();
    const root = this.#host.renderRoot;
    this.#resize = new ResizeObserver(() => {
      const tile = root.querySelector<HTMLElement>(".frame");
      const width = tile ? Math.ceil(tile.getBoundingClientRect().width) : 0;
      if (width > 0) this.#watch.tileWidth(width);
    });
    const grid = root.querySelector(".grid");
    if (grid) this.#resize.observe(grid);
  }

  observeEnd(): void {
    this.#sentinel?.disconnect();
    this.#sentinel = null;
    const sentinel = this.#host.renderRoot.querySelector(".sentinel");
    if (!this.#watch.infinite() || !sentinel) return;
    this.#sentinel = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#watch.nearEnd(), {
      rootMargin: "600px 0px",
    });
    this.#sentinel.observe(sentinel);
  }
}
