/**
 * `layout="viewer"` for `<thron-gallery>`: one stage with the selected asset, over a strip of
 * thumbnails that is a tablist (WAI-ARIA APG tabs with selection following focus: one tab stop,
 * Left/Right/Home/End), previous and next buttons, swipes, zoom on images (inline on hover or
 * pinch, and a full-screen pop-up), video and audio in the stage, and the next page loaded when
 * the visitor reaches the strip's end. Loaded on first use (viewer-loader.ts).
 */
import type { Asset } from "@embedkit/contracts";
import { html, isServer, nothing, type ReactiveController } from "lit";
import { linkedAssetId, writeAssetLink } from "./hash-link.ts";
import type { ThronGalleryStrings } from "./strings.ts";
import { StageGestures } from "./viewer-gestures.ts";
import { viewerStyles } from "./viewer-looks.styles.ts";
import { type StageHost, StagePlayback } from "./viewer-stage.ts";

export interface ViewerHost extends StageHost {
  layout: string;
  readonly items: readonly Asset[];
  readonly totalCount: number;
  readonly hasMore: boolean;
  /** Appends the next page; while a load runs, resolves when it ends. */
  loadMore(): Promise<void>;
  /** The asset on the stage is kept in the page URL's hash (hash-link.ts), as the dialog's open one. */
  readonly syncUrl: boolean;
}

/**
 * The strip's keys: one row, so not roving-grid.ts's rows (importing it would also split it out of
 * the gallery's chunk into one of its own, which a grid page would then download apart).
 */
function stripTarget(key: string, current: number, last: number, rtl: boolean): number | null {
  if (key === "Home") return 0;
  if (key === "End") return last;
  if (key !== "ArrowLeft" && key !== "ArrowRight") return null;
  return current + ((key === "ArrowRight") !== rtl ? 1 : -1);
}
const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";
/** How much the hover zoom enlarges (viewer.styles.ts); the rendition asked for is that much larger. */
const ZOOM = 2.5;
/** Thumbnails a strip shows at once on common widths: loaded at once, the rest when scrolled to. */
const EAGER_THUMBS = 8;

/** A strip's placeholders while its assets are on their way (the same as the loader's, viewer-loader.ts). */
function skeletonThumbs(count: number) {
  return Array.from({ length: count }, () => html`<li class="thumb skeleton" aria-hidden="true"><span class="frame"></span></li>`);
}

/** The viewer's looks beyond the room the gallery's own styles keep (once a shadow root). */
function adoptViewerStyles(root: HTMLElement | DocumentFragment | undefined): void {
  const sheet = viewerStyles.styleSheet;
  if (isServer || !(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

export class ViewerController implements ReactiveController {
  /** The selected asset's index among the gallery's items. */
  index = 0;
  readonly #host: ViewerHost;
  readonly #playback: StagePlayback;
  readonly #gestures: StageGestures;
  /** The visitor moved: the live region says where they are (not on the first paint). */
  #moved = false;
  #zooming = false;
  #firstId: string | undefined;

  constructor(host: ViewerHost) {
    this.#host = host;
    this.#playback = new StagePlayback(host);
    this.#gestures = new StageGestures({
      step: (direction) => void this.step(direction),
      zoomable: () => this.#selected?.type === "image",
      hoverZoom: (on) => this.#setZooming(on),
      get rtl() {
        return !isServer && getComputedStyle(host).direction === "rtl";
      },
    });
    host.addController(this);
    adoptViewerStyles(host.renderRoot);
  }

  get #selected(): Asset | undefined {
    return this.#host.items[this.index];
  }

  hostDisconnected(): void {
    this.#playback.stop();
  }

  /** A new result (another query): its first asset, nothing playing. */
  hostUpdate(): void {
    const firstId = this.#host.items[0]?.id;
    if (firstId === this.#firstId && this.index < this.#host.items.length) return;
    this.#firstId = firstId;
    this.index = 0;
    this.#moved = false;
    this.#playback.stop();
  }

  /** Selects the asset at `index` (loading the next page when it is past the loaded ones). */
  async select(index: number, focusTab = false): Promise<void> {
    if (index < 0) return;
    if (index >= this.#host.items.length && this.#host.hasMore) await this.#host.loadMore();
    const asset = this.#host.items[index];
    if (!asset) return;
    if (index !== this.index) {
      this.#playback.stop();
      this.#gestures.reset(this.#stage);
      this.#zooming = false;
      this.index = index;
      this.#announceShown(asset, index);
    }
    this.#moved = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const tab = this.#tabs()[index];
    this.#scrollIntoStrip(tab);
    if (focusTab) tab?.focus();
    // The visitor reached the strip's end: the next page comes in behind it.
    if (index >= this.#host.items.length - 1 && this.#host.hasMore) void this.#host.loadMore();
  }

  /** The previous (-1) or next (+1) asset; a button that became disabled hands focus to the other. */
  async step(direction: 1 | -1): Promise<void> {
    const pressed = (this.#host.renderRoot as ShadowRoot).activeElement as HTMLButtonElement | null;
    await this.select(this.index + direction);
    if (!pressed?.disabled) return;
    const other = this.#host.renderRoot.querySelector<HTMLButtonElement>(`.viewer [part="${direction > 0 ? "previous" : "next"}"]`);
    (other && !other.disabled ? other : this.#tabs()[this.index])?.focus();
  }

  /**
   * The visitor put `asset` on the stage: `thron-asset-open` as a tile's opening says it (not
   * cancelable: the stage already shows it), and with `sync-url` the page URL links to it.
   */
  #announceShown(asset: Asset, index: number): void {
    this.#host.dispatchEvent(new CustomEvent("thron-asset-open", { detail: { asset, index }, bubbles: true, composed: true }));
    if (this.#host.syncUrl) writeAssetLink(this.#host, asset.id);
  }

  /** With `sync-url`, the asset the page URL links to goes on the stage; a link to none there is dropped. */
  async restoreFromUrl(): Promise<void> {
    const id = this.#host.syncUrl ? linkedAssetId(this.#host) : null;
    if (!id) return;
    const index = this.#host.items.findIndex((asset) => asset.id === id);
    if (index >= 0) await this.select(index);
    else writeAssetLink(this.#host, null); // the URL names what the stage shows, nothing else
  }

  get #stage(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(".viewer .stage");
  }

  #tabs(): HTMLButtonElement[] {
    return [...this.#host.renderRoot.querySelectorAll<HTMLButtonElement>('.viewer [role="tab"]')];
  }

  /** Scrolls the strip (only the strip: the page stays where it is) to show `tab`. */
  #scrollIntoStrip(tab: HTMLElement | undefined): void {
    const strip = tab?.closest("ul");
    const item = tab?.parentElement;
    if (!strip || !item) return;
    const left = item.offsetLeft - strip.offsetLeft;
    const right = left + item.offsetWidth;
    const behavior: ScrollBehavior = matchMedia(REDUCED_MOTION).matches ? "instant" : "smooth";
    if (left < strip.scrollLeft) strip.scrollTo({ left, behavior });
    else if (right > strip.scrollLeft + strip.clientWidth) strip.scrollTo({ left: right - strip.clientWidth, behavior });
  }

  #setZooming(on: boolean): void {
    if (on === this.#zooming) return;
    this.#zooming = on;
    this.#host.requestUpdate();
  }

  readonly #onStripKeydown = (event: KeyboardEvent) => {
    const tabs = this.#tabs();
    const current = tabs.indexOf(event.target as HTMLButtonElement);
    const target = stripTarget(event.key, current, tabs.length - 1, getComputedStyle(this.#host).direction === "rtl");
    if (current === -1 || target === null) return;
    event.preventDefault();
    // Past the last loaded thumbnail, select() pages in the next one's.
    void this.select(target, true);
  };

  /** Near the strip's end by scrolling it: the next page comes in. */
  readonly #onStripScroll = (event: Event) => {
    const strip = event.currentTarget as HTMLElement;
    if (this.#host.hasMore && Math.abs(strip.scrollLeft) + strip.clientWidth >= strip.scrollWidth - strip.clientWidth / 4)
      void this.#host.loadMore();
  };

  // ---- the full-screen pop-up ----

  get #popup(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>("dialog.popup");
  }

  #openPopup(): void {
    this.#setZooming(false);
    this.#popup?.showModal();
  }

  /** Escape or the close button: focus goes back to the button that opened it. */
  readonly #onPopupClose = () => {
    this.#host.renderRoot.querySelector<HTMLElement>('.viewer [part="fullscreen"]')?.focus();
  };

  // ---- rendering ----

  #stageSizes(): string {
    const width = isServer ? 0 : (this.#stage?.clientWidth ?? 0);
    if (width === 0) return "min(100vw, 64rem)";
    return `${Math.round(this.#zooming ? width * ZOOM : width)}px`;
  }

  render(t: ThronGalleryStrings, placeholders: number) {
    const items = this.#host.items;
    const asset = this.#selected;
    if (!asset && placeholders === 0) return nothing;
    const total = Math.max(this.#host.totalCount, items.length);
    const atEnd = this.index >= items.length - 1 && !this.#host.hasMore;
    return html`<section class="viewer" aria-label=${this.#host.getAttribute("aria-label") || t.viewer}>
      <div class="stage-box">
        <div
          part="stage"
          id="viewer-stage"
          class="stage ${asset?.type ?? ""} ${this.#zooming ? "zooming" : ""}"
          role="tabpanel"
          tabindex="-1"
          aria-labelledby=${asset ? `viewer-tab-${this.index}` : nothing}
          @pointerdown=${this.#gestures.down}
          @pointermove=${this.#gestures.move}
          @pointerup=${this.#gestures.up}
          @pointercancel=${this.#gestures.cancel}
          @pointerleave=${this.#gestures.cancel}
        >
          ${asset ? this.#playback.render(asset, t, { sizes: this.#stageSizes(), onPlay: () => void this.#playback.play(asset) }) : nothing}
        </div>
        ${asset ? this.#overlays(asset, t, atEnd) : nothing}
      </div>
      <ul part="grid" class="strip" role="tablist" aria-label=${t.thumbnails} @keydown=${this.#onStripKeydown} @scroll=${this.#onStripScroll}>
        ${items.map((item, index) => this.#thumb(item, index, t))}
        ${skeletonThumbs(placeholders)}
      </ul>
      <p class="visually-hidden" role="status">${asset && this.#moved ? t.shownAsset(this.index + 1, total, asset.title) : ""}</p>
      ${asset?.type === "image" ? this.#popupDialog(asset, t) : nothing}
    </section>`;
  }

  #overlays(asset: Asset, t: ThronGalleryStrings, atEnd: boolean) {
    return html`<button part="previous" class="overlay previous" type="button" aria-label=${t.previous} aria-controls="viewer-stage"
        ?disabled=${this.index === 0} @click=${() => this.step(-1)}>‹</button>
      <button part="next" class="overlay next" type="button" aria-label=${t.next} aria-controls="viewer-stage"
        ?disabled=${atEnd} @click=${() => this.step(1)}>›</button>
      ${
        asset.type === "image"
          ? html`<button part="fullscreen" class="overlay fullscreen" type="button" aria-haspopup="dialog" @click=${() => this.#openPopup()}>
              ${t.zoom}
            </button>`
          : nothing
      }`;
  }

  #thumb(asset: Asset, index: number, t: ThronGalleryStrings) {
    const selected = index === this.index;
    return html`<li class="thumb" role="none">
      <button part="tile" type="button" role="tab" id="viewer-tab-${index}" aria-selected=${selected ? "true" : "false"}
        aria-controls="viewer-stage" tabindex=${selected ? 0 : -1} @click=${() => this.select(index)}>
        <span class="frame"><img part="thumbnail" src=${asset.thumbnail.url} srcset=${asset.thumbnail.srcset} sizes="6rem" alt=""
          loading=${index < EAGER_THUMBS ? "eager" : "lazy"} /></span>
        <span class="visually-hidden">${asset.title}${asset.type === "image" ? "" : `, ${t.types[asset.type]}`}</span>
      </button>
    </li>`;
  }

  /** The image full-screen, at the largest rendition its srcset offers for the screen. */
  #popupDialog(asset: Asset, t: ThronGalleryStrings) {
    return html`<dialog part="popup" class="popup" aria-label=${asset.title} @close=${this.#onPopupClose}>
      <img src=${asset.thumbnail.url} srcset=${asset.thumbnail.srcset} sizes="100vw" alt=${asset.description ?? asset.title} loading="lazy" />
      <button part="close" class="close" type="button" aria-label=${t.close} @click=${() => this.#popup?.close()}>✕</button>
    </dialog>`;
  }
}
