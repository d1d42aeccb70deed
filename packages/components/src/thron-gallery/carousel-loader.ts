/**
 * The gallery's side of `layout="carousel"`: the row's markup from the first render (its CSS is
 * in carousel.styles.ts, so tiles never move), while the controller with the buttons, scrolling
 * and autoplay loads on first use, keeping it out of the bundle of pages showing grids.
 */
import { html, type ReactiveController, type TemplateResult } from "lit";
import type { CarouselController, CarouselHost } from "./carousel-controller.ts";
import type { ThronGalleryStrings } from "./strings.ts";

export class CarouselLoader implements ReactiveController {
  readonly #host: CarouselHost;
  #controller: CarouselController | null = null;
  #loading = false;

  constructor(host: CarouselHost) {
    this.#host = host;
    host.addController(this);
  }

  get active(): boolean {
    return this.#host.layout === "carousel";
  }

  hostUpdate(): void {
    if (!this.active || this.#loading) return;
    this.#loading = true;
    void import("./carousel-controller.ts").then(({ CarouselController }) => {
      this.#controller = new CarouselController(this.#host);
      this.#host.requestUpdate();
    });
  }

  /** A tile's list item; in a carousel, a labelled slide inside it. */
  tile(index: number, count: number, t: ThronGalleryStrings, content: TemplateResult): TemplateResult {
    return this.#controller?.tile(index, count, t, content) ?? html`<li class="tile">${content}</li>`;
  }

  /** The list of tiles, inside the carousel's region with its controls in carousel layout. */
  wrap(list: TemplateResult, t: ThronGalleryStrings): TemplateResult {
    if (!this.active) return list;
    return this.#controller?.wrap(list, t) ?? html`<section class="carousel">${list}</section>`;
  }

  get live(): "off" | "polite" | undefined {
    return this.#controller?.live;
  }
}
