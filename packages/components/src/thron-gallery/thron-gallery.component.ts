import type { Asset, AssetPage } from "@embedkit/contracts";
import { html, isServer, nothing, type PropertyValues } from "lit";
import type { BffError } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { nextIndex } from "../internal/roving-grid.ts";
import { inlineState } from "../internal/server-state.ts";
import { fetchAssetPage, type GalleryQuery } from "../internal/thron-client.ts";
import { warnAttribute } from "../internal/warn.ts";
import type { LinkedGallery } from "../thron-filter-bar/events.ts";
import { carouselStyles } from "./carousel.styles.ts";
import { CarouselLoader } from "./carousel-loader.ts";
import { FilterLink } from "./filter-link.ts";
import type { DialogGallery } from "./gallery-dialog.ts";
import { DialogLoader } from "./gallery-dialog-loader.ts";
import { GridObservers } from "./grid-observers.ts";
import { errorMessage, placeholdersInView, skeletons, tileFigure } from "./grid-parts.ts";
import { HeldRoom } from "./held-room.ts";
import { type GalleryPreset, handPickedIds, MAX_HAND_PICKED, PresetController } from "./query-preset.ts";
import { type ThronGalleryStrings, translated } from "./strings.ts";
import { styles } from "./thron-gallery.styles.ts";
import { viewerRoomStyles } from "./viewer.styles.ts";
import { ViewerLoader } from "./viewer-loader.ts";

/** Whether a filter bar's query narrows the gallery's own (some text or a filter chosen). */
const narrows = (query: GalleryQuery | undefined) => Boolean(query?.q?.trim()) || Object.keys(query?.filters ?? {}).length > 0;

const NOTHING: AssetPage = { items: [], nextCursor: null, total: 0 };

/** A query as text, to tell two apart (a bar and the server both read the page URL: keys and values in its order). */
const key = (query: GalleryQuery = {}) => JSON.stringify([query.q?.trim() || "", query.filters || {}]);

/** A server-rendered first page, and the visitor's query it shows (a linked bar's, from the page URL). */
type ServerPage = AssetPage & { query?: GalleryQuery };

/** Before the first layout is known: about one row on common widths. */
const DEFAULT_EAGER_TILES = 4;
const DEFAULT_PAGE_SIZE = 24;

/**
 * A grid of a THRON gallery's assets, fed only by the Embedkit BFF, that opens each asset in a
 * dialog with the THRON Player (or the browser's own players).
 *
 * @tagname thron-gallery
 * @event thron-gallery-load - A page arrived. `detail: {count, total, added, hasMore}`.
 * @event thron-asset-open - An asset is about to open; cancel it to handle the click yourself. `detail: {asset, index}`. In a viewer: the visitor put an asset on the stage (not cancelable).
 * @event thron-error - Loading failed. `detail: {status, title, detail}`.
 * @event thron-gallery-connected - A gallery with an `id` joined the page (or changed `bff`, `gallery` or `locale`): the `<thron-filter-bar for>` linked to it asks again. `detail: null`.
 * @attribute type - Preset: only these types, a comma list of image, video, audio, document.
 * @attribute q - Preset: free text every asset must match.
 * @attribute filter-<key> - Preset: values of the gallery's filter `key`, comma separated (any of them).
 * @attribute sort - Preset: newest (default), oldest, or title.
 * @attribute assets - Hand-picked: a comma list of up to 50 asset ids, shown in that order (presets do not apply; a linked filter bar narrows inside it).
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
 * @csspart count - How many assets are shown, of how many.
 * @csspart message - Empty and error messages.
 * @csspart retry - The retry button of the error state.
 * @csspart dialog - The asset dialog.
 * @csspart dialog-title - The open asset's title.
 * @csspart stage - Where the player or image is shown.
 * @csspart media - The native video, audio, image or document link.
 * @csspart description - The open asset's description.
 * @csspart zoom - The image's zoom toggle in the dialog.
 * @csspart fullscreen - The image's full-screen button in the dialog.
 * @csspart cover - An audio asset's cover behind its player bar.
 * @csspart preview - A document's first page.
 * @csspart close - The dialog's close button.
 * @csspart previous - The dialog's previous button.
 * @csspart next - The dialog's next button.
 * @csspart previous-slides - Carousel: the button showing the previous slides.
 * @csspart next-slides - Carousel: the button showing the next slides.
 * @csspart rotation - Carousel with autoplay: the button that stops and starts the rotation.
 * @csspart play - Viewer: the play button over a video's or audio's poster.
 * @csspart popup - Viewer: the full-screen pop-up of an image.
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
 * @cssproperty --thron-gallery-slide-width - Carousel: width of a slide (default: a third of the row, at least the tile min width).
 * @cssproperty [--thron-gallery-viewer-aspect=4 / 3] - Viewer: the stage's shape (each asset is fitted inside it whole).
 * @cssproperty [--thron-gallery-viewer-max-height=75vh] - Viewer: the stage's greatest height.
 */
export class ThronGallery extends EmbedkitElement<ThronGalleryStrings> {
  static override styles = [styles, carouselStyles, viewerRoomStyles];
  static override properties = {
    gallery: { type: String },
    pageSize: { type: Number, attribute: "page-size" },
    player: { type: String },
    infinite: { type: Boolean, reflect: true },
    syncUrl: { type: Boolean, attribute: "sync-url" },
    pressed: { attribute: false },
    layout: { type: String, reflect: true },
    autoplay: { type: String },
    assets: { type: String },
    query: { attribute: false },
    _items: { state: true },
    _total: { state: true },
    _nextCursor: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _focusIndex: { state: true },
    _tileWidth: { state: true },
  };

  /** Gallery name configured on the BFF. */
  declare gallery: string;
  /** Assets per page (1–50). */
  declare pageSize: number;
  /** `thron` (default): the THRON Player; `native`: the browser's own players. */
  declare player: "thron" | "native";
  /** Load the next page when the end of the grid scrolls into view (the button stays for keyboards). */
  declare infinite: boolean;
  /** Keep the open asset in the page URL's hash (`#<id>=<asset>`), so a link reopens it. */
  declare syncUrl: boolean;
  /** @internal A picker's chosen assets (the builder's): their tiles are toggle buttons, pressed. */
  declare pressed: ReadonlySet<string> | undefined;
  /**
   * `grid` (default); `carousel`: one row that scrolls, with previous and next buttons; `viewer`:
   * one stage with the selected asset over a strip of thumbnails (zoom, swipe, the Player in the stage).
   */
  declare layout: "grid" | "carousel" | "viewer";
  /** Carousel only: rotate every 5 seconds, or every `autoplay="<seconds>"`; pauses on hover and focus, off under reduced motion. */
  declare autoplay: string | null;
  /** Hand-picked: asset ids, comma separated (up to 50), shown exactly and in this order; ids not in the gallery's folder are skipped. */
  declare assets: string | null;
  /** Free text and filters, usually those a `<thron-filter-bar for="…">` asked for (`thron-filter-request`). */
  declare query: GalleryQuery;

  /** @internal The first page, set by the server renderer (see internal/server-state.ts). */
  declare serverState: ServerPage | undefined;

  declare _items: Asset[];
  declare _total: number;
  declare _nextCursor: string | null;
  declare _loading: boolean;
  declare _error: BffError | null;
  declare _focusIndex: number;
  declare _tileWidth: number;

  readonly #dialog = new DialogLoader(this as unknown as DialogGallery);
  readonly #preset = new PresetController(this);
  readonly #filterLink = new FilterLink(this);
  readonly #carousel = new CarouselLoader(this);
  readonly #viewer = new ViewerLoader(this);
  #abort: AbortController | null = null;
  /** The load under way (or the last one): loadMore() during a load waits for it rather than doing nothing. */
  #running: Promise<void> = Promise.resolve();
  /** How many tiles of the first page get eager images: those the placeholders showed in the viewport. */
  #eagerTiles = DEFAULT_EAGER_TILES;
  /** The query of the page the server rendered, while it is the one shown (no load since). */
  #serverQuery: string | null = null;
  /** updated() ran before: a change of settings is news to the linked bars. */
  #updatedOnce = false;
  /** After "Load more", focus goes to the first new tile. */
  #focusAfterLoad = -1;
  /** The room the last load took, kept when its result is shorter (nothing below jumps up). */
  readonly #room = new HeldRoom(() => this.renderRoot);
  readonly #observers = new GridObservers(this, {
    tileWidth: (width) => {
      // A new width: the held height means nothing now. Let go in the next frame, not inside the
      // ResizeObserver's delivery, where a change of layout is a "ResizeObserver loop" error.
      if (width !== this._tileWidth && this.#room.held)
        requestAnimationFrame(() => {
          this.#room.release();
          this.requestUpdate();
        });
      this._tileWidth = width; // renders only when it changed
    },
    infinite: () => this.infinite,
    nearEnd: () => {
      if (!this._error) void this.loadMore(); // after an error, the retry button is the way on
    },
  });

  constructor() {
    super(translated);
    this.gallery = "default";
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.player = "thron";
    this.infinite = false;
    this.syncUrl = false;
    this.layout = "grid";
    this.autoplay = null;
    this.assets = null;
    this.query = {};
    this._items = [];
    this._total = 0;
    this._nextCursor = null;
    this._loading = false;
    this._error = null;
    this._focusIndex = 0;
    this._tileWidth = 0;
  }

  /** Assets shown now. */
  get items(): readonly Asset[] {
    return this._items;
  }

  /** The starting query written in the preset attributes; a linked filter bar narrows inside it. */
  get preset(): GalleryPreset {
    return this.#preset.value;
  }

  /** @internal What a linked filter bar is told (see filter-link.ts). */
  get linked(): LinkedGallery {
    // Beside a hand-picked list the preset attributes do not apply: the bar offers every value.
    const filters = handPickedIds(this.assets) ? {} : this.preset.filters;
    return { bff: this.bff, gallery: this.gallery, locale: this.locale, preset: { filters } };
  }

  /** Reloads from the first page. */
  reload(): Promise<void> {
    return this.#start(false);
  }

  /** Appends the next page, if there is one; while a load runs, resolves when that one ends. */
  loadMore(): Promise<void> {
    if (this._loading) return this.#running;
    return this._nextCursor ? this.#start(true) : Promise.resolve();
  }

  /** Opens the asset at `index` in the dialog, unless a `thron-asset-open` listener cancels it. */
  open(index: number): Promise<void> {
    return this.#dialog.open(index);
  }

  /** Closes the dialog and returns focus to the asset's tile. */
  close(): void {
    this.#dialog.close();
  }

  // ---- what the dialog reads (see DialogGallery) ----

  /** @internal */
  get totalCount(): number {
    return this._total;
  }

  /** More assets can be loaded. */
  get hasMore(): boolean {
    return this._nextCursor !== null;
  }

  /** @internal */
  get dialogOptions() {
    return { base: this.bffBase, gallery: this.gallery, locale: this.localeInEffect, player: this.player, syncUrl: this.syncUrl };
  }

  /** @internal */
  announceOpen(asset: Asset, index: number): boolean {
    if (!this.emit("thron-asset-open", { asset, index }, { cancelable: true })) return false;
    if (index >= 0) this._focusIndex = index;
    return true;
  }

  /** @internal Moves focus to the tile of `index`, or (with -1) to the grid's tab stop. */
  focusTile(index: number): void {
    if (index >= 0) this._focusIndex = index;
    void this.updateComplete.then(() => this.#tiles()[this._focusIndex]?.focus());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the DOM: a load aborted on disconnect is started again.
    if (this.hasUpdated && this._items.length === 0 && !this._error) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Server-rendered: the first page came with the page, for its query (unless a filter bar already asked for another).
    const first = this.hasUpdated ? null : (this.serverState ?? inlineState<ServerPage>(this));
    if (first && (!narrows(this.query) || key(this.query) === key(first.query))) {
      this.#serverQuery = key(first.query);
      this.query = first.query ?? {}; // Load more goes on with it
      this.#show(first, false);
      return;
    }
    if (isServer) return;
    // A linked bar asks for the page the server already showed: nothing to load.
    const newQuery = changed.has("query") && this.#serverQuery !== key(this.query);
    if (
      changed.has("bff") ||
      changed.has("gallery") ||
      changed.has("locale") ||
      changed.has("pageSize") ||
      changed.has("assets") ||
      newQuery
    )
      void this.reload();
  }

  /** A server-rendered viewer hydrates with the viewer's own template: its code loads first. */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const serverRendered = !this.hasUpdated && (this.serverState !== undefined || inlineState(this) !== null);
    const waiting = this.#viewer.beforeFirstRender(serverRendered);
    if (waiting) return waiting.then(() => super.scheduleUpdate());
    const result = super.scheduleUpdate();
    return result instanceof Promise ? result : undefined;
  }

  protected override firstUpdated(): void {
    this.#observers.observeTiles();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#room.apply();
    // Linked bars default to these: they ask again for the new values.
    if (this.#updatedOnce && (changed.has("bff") || changed.has("gallery") || changed.has("locale"))) this.#filterLink.announce();
    this.#updatedOnce = true;
    if (changed.has("infinite")) this.#observers.observeEnd();
  }

  /** A hand-picked list is one page of its length (its placeholders take its room). */
  get #pageSize(): number {
    const picked = handPickedIds(this.assets);
    return picked ? Math.min(picked.length, MAX_HAND_PICKED) : this.limitOf("page-size", this.pageSize, DEFAULT_PAGE_SIZE);
  }

  #start(append: boolean, keepError = false): Promise<void> {
    this.#running = this.#load(append, keepError);
    return this.#running;
  }

  /** `keepError`: a retry keeps the message and its (focused) button until the load ends. */
  async #load(append: boolean, keepError = false): Promise<void> {
    this.#abort?.abort();
    this.#serverQuery = null;
    const abort = new AbortController();
    this.#abort = abort;
    this._loading = true;
    if (!keepError) this._error = null;
    if (!append) {
      if (!keepError) this.#room.release(); // a new query: its placeholders take the room
      this._items = [];
      this._nextCursor = null;
      this._focusIndex = 0;
    }
    try {
      const query = await this.#preset.params(this.bffBase, this.gallery, this.localeInEffect, this.query ?? {});
      if (abort.signal.aborted) return;
      const params = { limit: this.#pageSize, locale: this.localeInEffect, cursor: append ? this._nextCursor : undefined, ...query };
      // A hand-picked list of no usable id (the console named each) shows nothing, without asking.
      const page = query ? await fetchAssetPage(this.bffBase, this.gallery, params, abort.signal) : NOTHING;
      if (abort.signal.aborted) return;
      if (typeof query?.ids === "string" && !narrows(this.query))
        this.#preset.reportMissing(this.gallery, query.ids.split(","), page.items);
      if (!append) this.#eagerTiles = placeholdersInView(this.renderRoot, DEFAULT_EAGER_TILES);
      this.#room.hold();
      this.#show(page, append);
    } catch (error) {
      if (abort.signal.aborted) return;
      // The visitor asked for this load (Load more, Try again): the button they pressed is gone
      // or disabled, so focus goes to the error's retry (or the message itself).
      const focusError = this.#focusAfterLoad >= 0;
      this.#focusAfterLoad = -1;
      this.#room.hold();
      this._loading = false;
      this._error = this.emitError("thron-error", error);
      if (this._error.status === 404 && this._error.problem.title?.startsWith("Unknown gallery"))
        warnAttribute(this, "gallery", this.gallery, "the name of a gallery configured on the BFF (THRON_GALLERIES)");
      // A network error is most often CORS: the page's origin missing from ALLOWED_ORIGINS.
      if (this._error.status === 0)
        warnAttribute(this, "bff", this.bffBase, `a BFF reachable from this page, with ${location.origin} in its ALLOWED_ORIGINS`);
      if (focusError)
        void this.updateComplete.then(() => {
          const root = this.renderRoot;
          (root.querySelector<HTMLElement>('[part="retry"]') ?? root.querySelector<HTMLElement>(".message.error"))?.focus();
        });
    }
  }

  /** Shows a page that arrived (or came with the server-rendered page). */
  #show(page: AssetPage, append: boolean): void {
    const firstNew = append ? this._items.length : 0;
    this._items = append ? [...this._items, ...page.items] : page.items;
    this._total = page.total;
    this._nextCursor = page.nextCursor;
    this._loading = false;
    this._error = null;
    if (isServer) return;
    const hasMore = page.nextCursor !== null;
    this.emit("thron-gallery-load", { count: this._items.length, total: page.total, added: page.items, hasMore });
    if (this.#focusAfterLoad === firstNew && page.items.length > 0) this.focusTile(firstNew);
    this.#focusAfterLoad = -1;
    if (!append) void this.updateComplete.then(() => (this.#viewer.active ? this.#viewer.restoreFromUrl() : this.#dialog.restoreFromUrl()));
    // A filtered page can come back short; keep filling the view when scrolling is on.
    if (this.infinite) requestAnimationFrame(() => this.#observers.observeEnd());
  }

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

  #onLoadMore(): void {
    if (this._loading) return; // the button stays in place (and keeps focus) while the page loads
    this.#focusAfterLoad = this._items.length;
    void this.loadMore();
  }

  #tile(asset: Asset, index: number, t: ThronGalleryStrings) {
    const figure = tileFigure(asset, t, {
      width: this._tileWidth,
      eager: index < this.#eagerTiles,
      first: index === 0,
      locale: this.localeInEffect,
    });
    return this.#carousel.tile(
      index,
      this._items.length,
      t,
      html`<button
        part="tile"
        type="button"
        tabindex=${index === this._focusIndex ? 0 : -1}
        aria-pressed=${this.pressed ? String(this.pressed.has(asset.id)) : nothing}
        @click=${() => this.open(index)}
        @focus=${() => (this._focusIndex = index)}
      >${figure}</button>`,
    );
  }

  #onRetry(): void {
    if (this._loading) return; // stays in place (and keeps focus) until the load ends
    this.#focusAfterLoad = this._items.length;
    void this.#start(this._items.length > 0, true);
  }

  override render() {
    const t = this.t;
    const empty = !this._loading && !this._error && this._items.length === 0;
    const status = this._loading ? t.loading : this._error ? "" : empty ? "" : t.showing(this._items.length, this._total);
    // The first page's placeholders take the room the page will take, so nothing below moves.
    const placeholders = this._loading ? (this._items.length ? Math.min(this.#pageSize, 6) : this.#pageSize) : 0;
    return html`<div part="base" class="base ${this.#room.held ? "held" : ""}" aria-busy=${this._loading ? "true" : "false"}>
      ${this._error ? errorMessage(this._error, t, { busy: this._loading, onRetry: () => this.#onRetry() }) : nothing}
      ${empty ? html`<p part="message" class="message empty">${t.empty}</p>` : nothing}
      ${
        this.#viewer.active
          ? this.#viewer.render(t, placeholders)
          : this.#carousel.wrap(
              html`<ul part="grid" class="grid" id="slides" role=${this.#carousel.active ? "group" : "list"} aria-live=${this.#carousel.live ?? nothing} @keydown=${this.#onGridKeydown}>
          ${this._items.map((asset, index) => this.#tile(asset, index, t))}
          ${skeletons(placeholders)}
        </ul>`,
              t,
            )
      }
      <div class="sentinel" aria-hidden="true"></div>
      <div class="actions">
        <p part="count" class="count" role="status">${status}</p>
        ${
          this._nextCursor && !this._error
            ? html`<button part="load-more" type="button" aria-disabled=${this._loading ? "true" : "false"} @click=${this.#onLoadMore}>
                ${t.loadMore}
              </button>`
            : nothing
        }
      </div>
      ${this.#dialog.render(t)}
    </div>`;
  }
}
