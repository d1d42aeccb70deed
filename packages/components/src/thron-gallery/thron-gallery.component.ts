import type { Asset, AssetPage } from "@embedkit/contracts";
import { html, nothing, type PropertyValues } from "lit";
import { BffError, bffBase, bffUrl, getJson } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { fetchGallery, type GalleryQuery, queryParams } from "../internal/gallery-client.ts";
import { effectiveLocale, formatDuration, type Strings, stringsFor } from "../internal/localize.ts";
import { nativePlayer } from "../internal/native-player.ts";
import { loadThronPlayer, playerReady, type ThronPlayer } from "../internal/player-loader.ts";
import { nextIndex } from "../internal/roving-grid.ts";
import { styles } from "./thron-gallery.styles.ts";

export interface GalleryLoadDetail {
  /** Assets shown after this load. */
  count: number;
  total: number;
  /** The assets this load added. */
  added: Asset[];
  hasMore: boolean;
}

export interface GalleryErrorDetail {
  status: number;
  title: string;
  detail?: string;
}

export interface AssetOpenDetail {
  asset: Asset;
  index: number;
}

const EAGER_TILES = 6; // about the first row on common widths: no lazy-load delay above the fold
let playerIds = 0;

/**
 * A grid of a THRON gallery's assets, fed only by the Embedkit BFF, that opens each asset in a
 * dialog with the THRON Player (or the browser's own players).
 *
 * @tagname thron-gallery
 * @event thron-gallery-load - A page arrived. `detail: {count, total, added, hasMore}`.
 * @event thron-asset-open - An asset is about to open; cancel it to handle the click yourself. `detail: {asset, index}`.
 * @event thron-error - Loading failed. `detail: {status, title, detail}`.
 *
 * @slot player - Used internally: the THRON Player's container lives in light DOM, as the Player looks it up by id.
 *
 * @csspart base - The wrapper.
 * @csspart grid - The list of tiles.
 * @csspart tile - One asset's button.
 * @csspart thumbnail - A tile's image.
 * @csspart badge - The type badge on videos, audio and documents.
 * @csspart duration - The duration badge, when known.
 * @csspart title - A tile's caption.
 * @csspart load-more - The "Load more" button.
 * @csspart message - Empty and error messages.
 * @csspart retry - The retry button of the error state.
 * @csspart dialog - The asset dialog.
 * @csspart dialog-title - The open asset's title.
 * @csspart stage - Where the player or image is shown.
 * @csspart media - The native video, audio, image or document link.
 * @csspart description - The open asset's description.
 * @csspart close - The dialog's close button.
 * @csspart previous - The dialog's previous button.
 * @csspart next - The dialog's next button.
 *
 * @cssproperty [--thron-gallery-tile-min-width=11rem] - Narrowest a tile gets before the grid drops a column.
 * @cssproperty [--thron-gallery-gap=1rem] - Space between tiles.
 * @cssproperty [--thron-gallery-aspect-ratio=4 / 3] - Shape of every tile's image frame.
 * @cssproperty [--thron-gallery-radius=0.5rem] - Corner radius of frames, buttons and the dialog.
 * @cssproperty --thron-gallery-color - Text colour.
 * @cssproperty --thron-gallery-background - Dialog background.
 * @cssproperty --thron-gallery-accent - Button border colour.
 * @cssproperty --thron-gallery-focus-ring - Focus outline colour.
 * @cssproperty --thron-gallery-placeholder - Frame colour while an image loads.
 * @cssproperty --thron-gallery-badge-background - Badge background.
 * @cssproperty --thron-gallery-badge-color - Badge text colour.
 */
export class ThronGallery extends EmbedkitElement {
  static override styles = styles;
  static override properties = {
    bff: { type: String },
    gallery: { type: String },
    locale: { type: String },
    pageSize: { type: Number, attribute: "page-size" },
    player: { type: String },
    infinite: { type: Boolean, reflect: true },
    strings: { attribute: false },
    query: { attribute: false },
    _items: { state: true },
    _total: { state: true },
    _nextCursor: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _focusIndex: { state: true },
    _openIndex: { state: true },
    _openDetail: { state: true },
    _openFailed: { state: true },
    _usingThronPlayer: { state: true },
    _tileWidth: { state: true },
  };

  /** BFF base URL; defaults to the origin the bundle was loaded from. */
  declare bff: string | undefined;
  /** Gallery name configured on the BFF. */
  declare gallery: string;
  /** BCP 47 locale for titles and strings; defaults to the page's language. */
  declare locale: string | undefined;
  /** Assets per page (1–50). */
  declare pageSize: number;
  /** `thron` (default): the THRON Player; `native`: the browser's own players. */
  declare player: "thron" | "native";
  /** Load the next page when the end of the grid scrolls into view (the button stays for keyboards). */
  declare infinite: boolean;
  /** Overrides of the element's strings. */
  declare strings: Partial<Strings>;
  /** Free text and filters, usually set by a `<thron-filter-bar for="…">`. */
  declare query: GalleryQuery;

  declare _items: Asset[];
  declare _total: number;
  declare _nextCursor: string | null;
  declare _loading: boolean;
  declare _error: BffError | null;
  declare _focusIndex: number;
  declare _openIndex: number;
  declare _openDetail: Asset | null;
  declare _openFailed: boolean;
  declare _usingThronPlayer: boolean;
  declare _tileWidth: number;

  #abort: AbortController | null = null;
  #player: ThronPlayer | null = null;
  #playerHost: HTMLElement | null = null;
  #showToken = 0;
  #resize: ResizeObserver | null = null;
  #sentinel: IntersectionObserver | null = null;

  constructor() {
    super();
    this.gallery = "default";
    this.pageSize = 24;
    this.player = "thron";
    this.infinite = false;
    this.strings = {};
    this.query = {};
    this._items = [];
    this._total = 0;
    this._nextCursor = null;
    this._loading = false;
    this._error = null;
    this._focusIndex = 0;
    this._openIndex = -1;
    this._openDetail = null;
    this._openFailed = false;
    this._usingThronPlayer = false;
    this._tileWidth = 0;
  }

  /** Assets shown now. */
  get items(): readonly Asset[] {
    return this._items;
  }

  /** Reloads from the first page. */
  reload(): Promise<void> {
    return this.#load(false);
  }

  /** Appends the next page, if there is one. */
  loadMore(): Promise<void> {
    return this._nextCursor && !this._loading ? this.#load(true) : Promise.resolve();
  }

  /** Opens the asset at `index` in the dialog, unless a `thron-asset-open` listener cancels it. */
  async open(index: number): Promise<void> {
    const asset = this._items[index];
    if (!asset || !this.emit<AssetOpenDetail>("thron-asset-open", { asset, index }, { cancelable: true })) return;
    this._openIndex = index;
    this._focusIndex = index;
    await this.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
    await this.#show(asset);
  }

  /** Closes the dialog and returns focus to the asset's tile. */
  close(): void {
    this.#dialog?.close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the DOM: a load aborted on disconnect is started again.
    if (this.hasUpdated && this._items.length === 0 && !this._error) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#destroyPlayer();
    this.#resize?.disconnect();
    this.#sentinel?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("bff") || changed.has("gallery") || changed.has("locale") || changed.has("pageSize") || changed.has("query"))
      void this.reload();
  }

  protected override firstUpdated(): void {
    // The tile width drives `sizes`, so the browser picks the right srcset candidate for the layout.
    this.#resize = new ResizeObserver(() => {
      const tile = this.renderRoot.querySelector<HTMLElement>(".frame");
      const width = tile ? Math.ceil(tile.getBoundingClientRect().width) : 0;
      if (width > 0 && width !== this._tileWidth) this._tileWidth = width;
    });
    const grid = this.renderRoot.querySelector(".grid");
    if (grid) this.#resize.observe(grid);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("infinite")) this.#observeSentinel();
  }

  get #locale(): string {
    return effectiveLocale(this, this.locale);
  }

  get #base(): string {
    return bffBase(this.bff);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector("dialog");
  }

  #observeSentinel(): void {
    this.#sentinel?.disconnect();
    this.#sentinel = null;
    const sentinel = this.renderRoot.querySelector(".sentinel");
    if (!this.infinite || !sentinel) return;
    this.#sentinel = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !this._error) void this.loadMore();
      },
      { rootMargin: "600px 0px" },
    );
    this.#sentinel.observe(sentinel);
  }

  async #load(append: boolean): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this._loading = true;
    this._error = null;
    if (!append) {
      this._items = [];
      this._nextCursor = null;
      this._focusIndex = 0;
    }
    const url = bffUrl(this.#base, `/v1/thron/galleries/${encodeURIComponent(this.gallery)}/assets`, {
      limit: Math.min(50, Math.max(1, Math.round(this.pageSize) || 24)),
      locale: this.#locale,
      cursor: append ? this._nextCursor : undefined,
      ...queryParams(this.query ?? {}),
    });
    try {
      const page = await getJson<AssetPage>(url, abort.signal);
      if (abort.signal.aborted) return;
      this._items = append ? [...this._items, ...page.items] : page.items;
      this._total = page.total;
      this._nextCursor = page.nextCursor;
      this._loading = false;
      this.emit<GalleryLoadDetail>("thron-gallery-load", {
        count: this._items.length,
        total: page.total,
        added: page.items,
        hasMore: page.nextCursor !== null,
      });
      // A filtered page can come back short; keep filling the view when scrolling is on.
      if (this.infinite) requestAnimationFrame(() => this.#observeSentinel());
    } catch (error) {
      if (abort.signal.aborted) return;
      this._loading = false;
      this._error = error instanceof BffError ? error : new BffError(0, { title: String(error) });
      this.emit<GalleryErrorDetail>("thron-error", {
        status: this._error.status,
        title: this._error.problem.title ?? this._error.message,
        ...(this._error.problem.detail && { detail: this._error.problem.detail }),
      });
    }
  }

  // ---- the dialog and its player ----

  /** Shows `asset` in the open dialog: THRON Player first, native players when asked or when it fails. */
  async #show(asset: Asset): Promise<void> {
    const token = ++this.#showToken;
    this.#destroyPlayer();
    this._openDetail = null;
    this._openFailed = false;
    this._usingThronPlayer = this.player !== "native";
    if (this._usingThronPlayer) {
      try {
        const gallery = await fetchGallery(this.#base, this.gallery, this.#locale);
        const factory = await loadThronPlayer(gallery.player.scriptUrl);
        if (token !== this.#showToken) return;
        const host = document.createElement("div");
        host.slot = "player";
        host.id = `thron-gallery-player-${++playerIds}`;
        host.style.cssText = "width:100%;height:100%";
        this.append(host);
        this.#playerHost = host;
        const player = factory(host.id, {
          clientId: gallery.player.clientId,
          xcontentId: asset.id,
          sessId: gallery.player.sessId,
          language: this.#locale.split("-")[0]?.toUpperCase() ?? "EN",
          autoplay: false,
        });
        this.#player = player;
        // The Player refusing the content (wrong pKey, missing rights), or never getting ready, is a reason to try native playback.
        void playerReady(player).then((ready) => {
          if (!ready && token === this.#showToken) void this.#showNative(asset, token);
        });
        return;
      } catch {
        if (token !== this.#showToken) return;
      }
    }
    await this.#showNative(asset, token);
  }

  async #showNative(asset: Asset, token: number): Promise<void> {
    this.#destroyPlayer();
    this._usingThronPlayer = false;
    try {
      const url = bffUrl(this.#base, `/v1/thron/galleries/${encodeURIComponent(this.gallery)}/assets/${encodeURIComponent(asset.id)}`, {
        locale: this.#locale,
      });
      const detail = await getJson<Asset>(url);
      if (token === this.#showToken) this._openDetail = detail;
    } catch {
      if (token === this.#showToken) this._openFailed = true;
    }
  }

  #destroyPlayer(): void {
    try {
      this.#player?.destroy();
    } catch {
      // A third-party player failing to tear down must not break the gallery.
    }
    this.#player = null;
    this.#playerHost?.remove();
    this.#playerHost = null;
  }

  #onDialogClose(): void {
    this.#showToken++;
    this.#destroyPlayer();
    const index = this._openIndex;
    this._openIndex = -1;
    this._openDetail = null;
    this.updateComplete.then(() => this.#tiles()[index]?.focus());
  }

  #step(delta: number): void {
    const index = this._openIndex + delta;
    const asset = this._items[index];
    if (!asset) return;
    this._openIndex = index;
    this._focusIndex = index;
    void this.#show(asset);
  }

  // ---- keyboard ----

  #tiles(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[part="tile"]')];
  }

  #onGridKeydown(event: KeyboardEvent): void {
    const tiles = this.#tiles();
    const current = tiles.indexOf(event.target as HTMLButtonElement);
    if (current === -1) return;
    const target = nextIndex(event.key, current, tiles, getComputedStyle(this).direction === "rtl");
    if (target === null) return;
    event.preventDefault();
    this._focusIndex = target;
    tiles[target]?.focus();
  }

  // ---- rendering ----

  #tile(asset: Asset, index: number, t: Strings) {
    const sizes = this._tileWidth > 0 ? `${this._tileWidth}px` : "(max-width: 40rem) 50vw, 18rem";
    return html`<li class="tile">
      <button
        part="tile"
        type="button"
        tabindex=${index === this._focusIndex ? 0 : -1}
        @click=${() => this.open(index)}
        @focus=${() => (this._focusIndex = index)}
      >
        <figure>
          <div class="frame">
            <img
              part="thumbnail"
              src=${asset.thumbnail.url}
              srcset=${asset.thumbnail.srcset}
              sizes=${sizes}
              alt=""
              loading=${index < EAGER_TILES ? "eager" : "lazy"}
              decoding="async"
            />
            ${asset.type === "image" ? nothing : html`<span part="badge" class="badge">${t.types[asset.type]}</span>`}
            ${asset.durationMs ? html`<span part="duration" class="duration">${formatDuration(asset.durationMs)}</span>` : nothing}
          </div>
          <figcaption part="title">${asset.title}</figcaption>
        </figure>
      </button>
    </li>`;
  }

  #skeletons(count: number) {
    return Array.from(
      { length: count },
      () => html`<li class="tile skeleton" aria-hidden="true"><figure><div class="frame"></div><figcaption></figcaption></figure></li>`,
    );
  }

  #dialogContent(t: Strings) {
    const asset = this._items[this._openIndex];
    if (!asset) return nothing;
    const shown = this._openDetail ?? asset;
    const stage = this._usingThronPlayer
      ? html`<slot name="player"></slot>`
      : this._openDetail
        ? nativePlayer(this._openDetail, { openDocument: t.openDocument })
        : this._openFailed
          ? html`<p role="alert">${t.assetError}</p>`
          : html`<p class="loading">${t.loading}</p>`;
    return html`<header class="dialog-header">
        <h2 id="dialog-title" part="dialog-title">${shown.title}</h2>
        <button part="close" class="icon" type="button" aria-label=${t.close} @click=${() => this.close()}>✕</button>
      </header>
      <div part="stage" class="stage ${asset.type}">${stage}</div>
      ${shown.description ? html`<p part="description" class="description">${shown.description}</p>` : nothing}
      <nav class="dialog-nav" aria-label=${t.position(this._openIndex + 1, this._items.length)}>
        <button part="previous" type="button" ?disabled=${this._openIndex === 0} @click=${() => this.#step(-1)}>‹ ${t.previous}</button>
        <span class="position">${t.position(this._openIndex + 1, this._items.length)}</span>
        <button part="next" type="button" ?disabled=${this._openIndex >= this._items.length - 1} @click=${() => this.#step(1)}>
          ${t.next} ›
        </button>
      </nav>`;
  }

  override render() {
    const t = stringsFor(this.#locale, this.strings);
    const empty = !this._loading && !this._error && this._items.length === 0;
    const status = this._loading ? t.loading : this._error ? "" : empty ? t.empty : t.showing(this._items.length, this._total);
    return html`<div part="base" class="base" aria-busy=${this._loading ? "true" : "false"}>
      <p class="visually-hidden" role="status">${status}</p>
      ${
        this._error
          ? html`<div part="message" class="message error" role="alert">
            <p>${t.error} ${this._error.problem.title ? html`<span class="detail">(${this._error.problem.title})</span>` : nothing}</p>
            <button part="retry" type="button" @click=${() => (this._items.length ? this.#load(true) : this.reload())}>${t.retry}</button>
          </div>`
          : nothing
      }
      ${empty ? html`<p part="message" class="message empty">${t.empty}</p>` : nothing}
      <ul part="grid" class="grid" role="list" @keydown=${this.#onGridKeydown}>
        ${this._items.map((asset, index) => this.#tile(asset, index, t))}
        ${this._loading ? this.#skeletons(Math.min(this.pageSize, this._items.length ? 6 : 12)) : nothing}
      </ul>
      <div class="sentinel" aria-hidden="true"></div>
      ${
        this._nextCursor && !this._loading && !this._error
          ? html`<div class="actions"><button part="load-more" type="button" @click=${() => this.loadMore()}>${t.loadMore}</button></div>`
          : nothing
      }
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#onDialogClose}>
        ${this._openIndex >= 0 ? this.#dialogContent(t) : nothing}
      </dialog>
    </div>`;
  }
}
