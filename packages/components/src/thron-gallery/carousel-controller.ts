/**
 * `layout="carousel"` for `<thron-gallery>`: the tiles in one scroll-snapped row with previous
 * and next buttons, and an optional `autoplay` that pauses while hovered, stops when keyboard
 * focus enters (until the user starts it again) and never starts on its own under
 * `prefers-reduced-motion`, following the WAI-ARIA APG carousel pattern.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { ThronGalleryStrings } from "./strings.ts";

/** The timer autoplay runs on; tests replace it with a clock they move by hand. */
export const carouselClock = {
  setInterval: (tick: () => void, ms: number): unknown => window.setInterval(tick, ms),
  clearInterval: (id: unknown): void => window.clearInterval(id as number),
};

const DEFAULT_INTERVAL_S = 5;
const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

export interface CarouselHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  layout: string;
  /** Present: rotate; a number: seconds per step (default 5). */
  autoplay: string | null;
  readonly hasMore: boolean;
  loadMore(): Promise<void>;
}

export class CarouselController implements ReactiveController {
  readonly #host: CarouselHost;
  #timer: unknown = null;
  /** The user's choice (the rotation button, or focus entering): rotation is on. */
  #rotating = true;
  #hovered = false;
  #atStart = true;
  #atEnd = false;
  #motion: MediaQueryList | null = null;
  readonly #onMotion = () => {
    if (this.#reducedMotion) this.#setRotating(false);
  };
  readonly #onEnter = () => {
    this.#hovered = true;
    this.#sync();
  };
  readonly #onLeave = () => {
    this.#hovered = false;
    this.#sync();
  };
  readonly #onFocusIn = (event: FocusEvent) => {
    // Keyboard focus coming from outside stops rotation until the user starts it again (the APG's
    // rule); a click focuses too, but the hover has paused it already and the click decides.
    if (event.relatedTarget instanceof Node && this.#host.contains(event.relatedTarget)) return;
    const target = event.composedPath()[0];
    if (target instanceof Element && !target.matches(":focus-visible")) return;
    if (this.#rotating && this.#timer !== null) this.#setRotating(false);
  };
  readonly #onScroll = () => this.#measureEdges();

  constructor(host: CarouselHost) {
    this.#host = host;
    host.addController(this);
  }

  get active(): boolean {
    return this.#host.layout === "carousel";
  }

  /** Rotation runs (autoplay on, chosen, not paused by a hover). */
  get playing(): boolean {
    return this.active && this.#host.autoplay !== null && this.#rotating && !this.#hovered && this.#host.isConnected;
  }

  get #interval(): number {
    const seconds = Number.parseFloat(this.#host.autoplay ?? "");
    return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_INTERVAL_S) * 1000;
  }

  get #reducedMotion(): boolean {
    return this.#motion?.matches ?? false;
  }

  hostConnected(): void {
    if (this.#motion) return;
    this.#motion = window.matchMedia(REDUCED_MOTION);
    this.#motion.addEventListener("change", this.#onMotion);
    // Under reduced motion nothing moves until the user asks for it.
    this.#rotating = !this.#reducedMotion;
    this.#host.addEventListener("pointerenter", this.#onEnter);
    this.#host.addEventListener("pointerleave", this.#onLeave);
    this.#host.addEventListener("focusin", this.#onFocusIn);
  }

  hostDisconnected(): void {
    this.#motion?.removeEventListener("change", this.#onMotion);
    this.#host.removeEventListener("pointerenter", this.#onEnter);
    this.#host.removeEventListener("pointerleave", this.#onLeave);
    this.#host.removeEventListener("focusin", this.#onFocusIn);
    this.#motion = null;
    this.#stop();
  }

  hostUpdated(): void {
    const scroller = this.#scroller;
    if (scroller && !scroller.dataset.watched) {
      scroller.dataset.watched = "";
      scroller.addEventListener("scroll", this.#onScroll, { passive: true });
    }
    // Measured after layout, and outside this update (the buttons' state may change with it).
    requestAnimationFrame(() => this.#measureEdges());
    // Rendered from `playing` already: starting or stopping the timer here needs no new render.
    this.#sync(false);
  }

  /** Shows the next (+1) or previous (-1) set of slides; past the end, loads more or wraps (autoplay). */
  async step(direction: 1 | -1, wrap = false): Promise<void> {
    const scroller = this.#scroller;
    const slides = this.#slides;
    if (!scroller || slides.length === 0) return;
    const first = slides[0] as HTMLElement;
    const stride = slides.length > 1 ? (slides[1] as HTMLElement).offsetLeft - first.offsetLeft : first.offsetWidth;
    const perView = Math.max(1, Math.floor((scroller.clientWidth + 1) / Math.max(1, stride)));
    const current = Math.round(Math.abs(scroller.scrollLeft) / Math.max(1, stride));
    let target = current + direction * perView;
    if (direction > 0 && target > slides.length - perView) {
      if (this.#host.hasMore && current + perView >= slides.length - perView) {
        await this.#host.loadMore();
        await this.#host.updateComplete;
      } else if (current >= slides.length - perView) {
        if (!wrap) return;
        target = 0;
      } else target = slides.length - perView;
    }
    target = Math.max(0, target);
    const behavior: ScrollBehavior = this.#reducedMotion ? "instant" : "smooth";
    const slide = this.#slides[target];
    if (slide) scroller.scrollTo({ left: slide.offsetLeft - first.offsetLeft, behavior });
  }

  /** A tile's list item; in a carousel, a labelled slide ("3 of 12") inside it. */
  tile(index: number, count: number, t: ThronGalleryStrings, content: TemplateResult): TemplateResult {
    if (!this.active) return html`<li class="tile">${content}</li>`;
    return html`<li class="tile" role="none">
      <div class="slide" role="group" aria-roledescription=${t.slide} aria-label=${t.position(index + 1, count)}>${content}</div>
    </li>`;
  }

  /** Wraps the list of tiles in the carousel's region with its controls; the grid as is otherwise. */
  wrap(list: TemplateResult, t: ThronGalleryStrings): TemplateResult {
    if (!this.active) return list;
    const autoplay = this.#host.autoplay !== null;
    return html`<section class="carousel" aria-roledescription=${t.carousel} aria-label=${this.#host.getAttribute("aria-label") || t.carousel}>
      <div class="carousel-controls">
        ${
          autoplay
            ? html`<button part="rotation" type="button" class="rotation" @click=${() => this.#setRotating(!this.#rotating)}>
              ${this.#rotating ? t.stopRotation : t.startRotation}
            </button>`
            : nothing
        }
        <button part="previous-slides" type="button" aria-controls="slides" aria-label=${t.previousSlides} ?disabled=${this.#atStart} @click=${() => this.step(-1)}>‹</button>
        <button part="next-slides" type="button" aria-controls="slides" aria-label=${t.nextSlides} ?disabled=${this.#atEnd && !this.#host.hasMore} @click=${() => this.step(1)}>›</button>
      </div>
      ${list}
    </section>`;
  }

  /** Screen readers hear each new slide only when the user moved there, not while it rotates. */
  get live(): "off" | "polite" | undefined {
    if (!this.active) return undefined;
    return this.playing ? "off" : "polite";
  }

  get #scroller(): HTMLElement | null {
    return this.active ? this.#host.renderRoot.querySelector<HTMLElement>(".carousel .grid") : null;
  }

  get #slides(): HTMLElement[] {
    return [...(this.#scroller?.querySelectorAll<HTMLElement>(":scope > .tile:not(.skeleton)") ?? [])];
  }

  #measureEdges(): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const left = Math.abs(scroller.scrollLeft);
    const atStart = left <= 1;
    const atEnd = left + scroller.clientWidth >= scroller.scrollWidth - 1;
    if (atStart !== this.#atStart || atEnd !== this.#atEnd) {
      this.#atStart = atStart;
      this.#atEnd = atEnd;
      this.#host.requestUpdate();
    }
  }

  #setRotating(rotating: boolean): void {
    this.#rotating = rotating;
    this.#sync();
    this.#host.requestUpdate();
  }

  /** Runs the timer exactly while `playing`; a change made outside an update re-renders (live region, button). */
  #sync(render = true): void {
    const run = this.playing;
    if (run && this.#timer === null) this.#timer = carouselClock.setInterval(() => void this.step(1, true), this.#interval);
    else if (!run && this.#timer !== null) this.#stop();
    else return;
    if (render) this.#host.requestUpdate();
  }

  #stop(): void {
    if (this.#timer !== null) carouselClock.clearInterval(this.#timer);
    this.#timer = null;
  }
}
