import type { Asset, AssetPage } from "@embedkit/contracts";
import { html, nothing, type PropertyValues } from "lit";
import { BffError, bffBase, bffUrl, getJson } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { effectiveLocale, type Strings, stringsFor } from "../internal/localize.ts";
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

const EAGER_TILES = 6; // about the first row on common widths: no lazy-load delay above the fold

/**
 * A grid of a THRON gallery's assets, fed only by the Embedkit BFF.
 *
 * @event thron-gallery-load - A page arrived. `detail: {count, total, added, hasMore}`.
 * @event thron-error - Loading failed. `detail: {status, title, detail}`.
 *
 * @csspart base - The wrapper.
 * @csspart grid - The list of tiles.
 * @csspart tile - One asset.
 * @csspart thumbnail - A tile's image.
 * @csspart badge - The type badge on videos, audio and documents.
 * @csspart title - A tile's caption.
 * @csspart load-more - The "Load more" button.
 * @csspart message - Empty and error messages.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty [--thron-gallery-tile-min-width=11rem] - Narrowest a tile gets before the grid drops a column.
 * @cssproperty [--thron-gallery-gap=1rem] - Space between tiles.
 * @cssproperty [--thron-gallery-aspect-ratio=4 / 3] - Shape of every tile's image frame.
 * @cssproperty [--thron-gallery-radius=0.5rem] - Corner radius of frames and buttons.
 * @cssproperty --thron-gallery-color - Text colour.
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
    strings: { attribute: false },
    _items: { state: true },
    _total: { state: true },
    _nextCursor: { state: true },
    _loading: { state: true },
    _error: { state: true },
  };

  /** BFF base URL; defaults to the origin the bundle was loaded from. */
  declare bff: string | undefined;
  /** Gallery name configured on the BFF. */
  declare gallery: string;
  /** BCP 47 locale for titles and strings; defaults to the page's language. */
  declare locale: string | undefined;
  /** Assets per page (1–50). */
  declare pageSize: number;
  /** Overrides of the element's strings. */
  declare strings: Partial<Strings>;

  declare _items: Asset[];
  declare _total: number;
  declare _nextCursor: string | null;
  declare _loading: boolean;
  declare _error: BffError | null;
  #abort: AbortController | null = null;

  constructor() {
    super();
    this.gallery = "default";
    this.pageSize = 24;
    this.strings = {};
    this._items = [];
    this._total = 0;
    this._nextCursor = null;
    this._loading = false;
    this._error = null;
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
    return this._nextCursor ? this.#load(true) : Promise.resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the DOM: a load aborted on disconnect is started again.
    if (this.hasUpdated && this._items.length === 0 && !this._error) void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("bff") || changed.has("gallery") || changed.has("locale") || changed.has("pageSize")) void this.reload();
  }

  get #locale(): string {
    return effectiveLocale(this, this.locale);
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
    }
    const url = bffUrl(bffBase(this.bff), `/v1/thron/galleries/${encodeURIComponent(this.gallery)}/assets`, {
      limit: Math.min(50, Math.max(1, Math.round(this.pageSize) || 24)),
      locale: this.#locale,
      cursor: append ? this._nextCursor : undefined,
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

  #tile(asset: Asset, index: number, t: Strings) {
    return html`<li part="tile" class="tile">
      <figure>
        <div class="frame">
          <img
            part="thumbnail"
            src=${asset.thumbnail.url}
            srcset=${asset.thumbnail.srcset}
            sizes="(max-width: 40rem) 50vw, 18rem"
            alt=""
            loading=${index < EAGER_TILES ? "eager" : "lazy"}
            decoding="async"
          />
          ${asset.type === "image" ? nothing : html`<span part="badge" class="badge">${t.types[asset.type]}</span>`}
        </div>
        <figcaption part="title">${asset.title}</figcaption>
      </figure>
    </li>`;
  }

  #skeletons(count: number) {
    return Array.from(
      { length: count },
      () => html`<li class="tile skeleton" aria-hidden="true"><figure><div class="frame"></div><figcaption></figcaption></figure></li>`,
    );
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
            <button part="retry" type="button" @click=${() => (this._items.length ? this.loadMore() : this.reload())}>${t.retry}</button>
          </div>`
          : nothing
      }
      ${empty ? html`<p part="message" class="message empty">${t.empty}</p>` : nothing}
      <ul part="grid" class="grid" role="list">
        ${this._items.map((asset, index) => this.#tile(asset, index, t))}
        ${this._loading ? this.#skeletons(this._items.length ? Math.min(this.pageSize, 6) : Math.min(this.pageSize, 12)) : nothing}
      </ul>
      ${
        this._nextCursor && !this._loading && !this._error
          ? html`<div class="actions"><button part="load-more" type="button" @click=${() => this.loadMore()}>${t.loadMore}</button></div>`
          : nothing
      }
    </div>`;
  }
}
