import type { Filter, Gallery } from "@embedkit/contracts";
import { html, nothing, type PropertyValues } from "lit";
import { bffBase } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { effectiveLocale } from "../internal/localize.ts";
import { fromSameRoot } from "../internal/same-root.ts";
import { inlineState } from "../internal/server-state.ts";
import { fetchGallery, type GalleryQuery } from "../internal/thron-client.ts";
import { warnAttribute } from "../internal/warn.ts";
import type { FilterChangeDetail, LinkedGallery } from "./events.ts";
import { ScrollHint } from "./scroll-hint.ts";
import { type ThronFilterBarStrings, translated } from "./strings.ts";
import { styles } from "./thron-filter-bar.styles.ts";
import { readQuery, writeQuery } from "./url-state.ts";

const SEARCH_DEBOUNCE_MS = 300;

/** What the server rendered the bar from (GET /v1/render/thron-filter-bar): its gallery's filters in a locale, and the visitor's query. */
export interface FilterBarServerState {
  gallery: string;
  locale: string;
  filters: Filter[];
  query: Required<GalleryQuery>;
}

/**
 * Search and filters for a `<thron-gallery>`, built from the filters the BFF reads from THRON.
 *
 * @tagname thron-filter-bar
 * @event thron-filter-change - The query changed. `detail: {q, filters}`.
 * @event thron-filter-request - To the `<thron-gallery>` whose id is `for`: answer with your settings, and show `query` when there is one. `detail: {for, query?, answer(gallery)}`.
 *
 * @csspart base - The form.
 * @csspart search - The text search input.
 * @csspart filter - A single-select's select or a multi-select's fieldset.
 * @csspart selection - The list of selected values.
 * @csspart chip - One selected value (a button that removes it).
 * @csspart clear - The clear-all button.
 *
 * @cssproperty --thron-filter-bar-color - Text colour.
 * @cssproperty --thron-filter-bar-border - Control border colour.
 * @cssproperty [--thron-filter-bar-radius=0.4rem] - Corner radius.
 * @cssproperty --thron-filter-bar-accent - Button border colour.
 * @cssproperty --thron-filter-bar-chip-background - Selected-value chip background.
 * @cssproperty --thron-filter-bar-control-background - Input and select background.
 * @cssproperty --thron-filter-bar-control-color - Input and select text colour.
 * @cssproperty --thron-filter-bar-focus-ring - Focus outline colour.
 * @cssproperty [--thron-filter-bar-spacing=1rem] - Space below the bar.
 */
export class ThronFilterBar extends EmbedkitElement<ThronFilterBarStrings> {
  static override styles = styles;
  static override properties = {
    for: { type: String },
    gallery: { type: String },
    syncUrl: { type: Boolean, attribute: "sync-url" },
    keys: { type: String },
    _filters: { state: true },
    _q: { state: true },
    _selected: { state: true },
    _failed: { state: true },
  };

  /** Id of the `<thron-gallery>` this bar drives (through `thron-filter-request` events; it need not be there yet). */
  declare for: string | undefined;
  /** Gallery name on the BFF; defaults to the target gallery's. */
  declare gallery: string | undefined;
  /**
   * Keep the query and filters in the page URL (shareable links, Back restores). A value is a
   * prefix for this bar's keys (`sync-url="sport"` → `sport.q`), for pages with several bars.
   */
  declare syncUrl: boolean;
  /** Comma list of the filter keys to show (default: all the gallery's filters). */
  declare keys: string | undefined;

  /** @internal The first state, set by the server renderer (see internal/server-state.ts). */
  declare serverState: FilterBarServerState | undefined;

  declare _filters: Filter[];
  declare _q: string;
  declare _selected: Record<string, string[]>;
  declare _failed: boolean;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  /** A closed select changed by the arrow keys: wait for the last step before reloading. */
  #selectKeyed = false;
  readonly #onPopState = () => this.#restoreFromUrl();
  /** What the gallery answered, or null while none has. */
  #linked: LinkedGallery | null = null;
  /** The query in effect reached the gallery; else it goes with the next answer. */
  #delivered = true;
  #root: Node | null = null;
  /** The filters the server rendered: loading the same gallery in the same locale asks no BFF. */
  #served: FilterBarServerState | null = null;
  /** A gallery joined the page (or changed): when it is ours, ask again, with a query it has not had. */
  readonly #onGalleryConnected = (event: Event) => {
    if ((event.composedPath()[0] as Element).id === this.for && fromSameRoot(event, this)) this.#ask(!this.#delivered);
  };

  constructor() {
    super(translated);
    // The filters' row fades at an edge where more of it lies (a phone's Topics run off the screen).
    new ScrollHint(this, ".filters");
    this.syncUrl = false;
    this._filters = [];
    this._q = "";
    this._selected = {};
    this._failed = false;
  }

  /** The query in effect. */
  get value(): FilterChangeDetail {
    return { q: this._q, filters: structuredClone(this._selected) };
  }

  override connectedCallback(): void {
    // Server-rendered: it hydrates with the query it was rendered with; then the URL's, if another, wins.
    const serverRendered = !this.hasUpdated && this.shadowRoot !== null;
    super.connectedCallback();
    window.addEventListener("popstate", this.#onPopState);
    this.#root = this.getRootNode();
    this.#root.addEventListener("thron-gallery-connected", this.#onGalleryConnected);
    this.#ask(false);
    if (this.syncUrl && serverRendered) void this.updateComplete.then(() => this.#restoreFromUrl());
    else if (this.syncUrl) this.#restoreFromUrl();
    // A frame later: a page that adds the bar before its gallery is not told off.
    requestAnimationFrame(() => this.#checkAttributes());
  }

  /** The editor's mistakes, named in the console: a bar that controls nothing, two bars on one set of URL keys. */
  #checkAttributes(): void {
    if (!this.isConnected) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    if (!this.#linked && !this.#galleryComing()) warnAttribute(this, "for", this.for, "the id of a <thron-gallery> in the same document");
    if (!this.syncUrl) return;
    const sameKeys = [...root.querySelectorAll("thron-filter-bar[sync-url]")].filter(
      (bar) => bar.getAttribute("sync-url") === this.#prefixAttr,
    );
    if (sameKeys.length > 1)
      warnAttribute(
        this,
        "sync-url",
        this.#prefixAttr,
        'a prefix of its own on each bar (sync-url="news"), as two bars would share the URL\'s keys',
      );
  }

  get #prefixAttr(): string {
    return this.getAttribute("sync-url") ?? "";
  }

  /** Prefix of this bar's URL keys: `sync-url="sport"` → `sport.`. */
  get #urlPrefix(): string {
    return this.#prefixAttr ? `${this.#prefixAttr}.` : "";
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("popstate", this.#onPopState);
    this.#root?.removeEventListener("thron-gallery-connected", this.#onGalleryConnected);
    this.#root = null;
    this.#linked = null;
    clearTimeout(this.#debounce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = this.hasUpdated ? null : (this.serverState ?? inlineState<FilterBarServerState>(this));
    if (first) {
      this.#served = first;
      this._filters = first.filters;
      this._q = first.query.q;
      this._selected = first.query.filters;
      return;
    }
    if (changed.has("for") && this.hasUpdated) {
      this.#linked = null; // another gallery: what the last one said no longer holds
      this.#ask(true);
    }
    if (changed.has("bff") || changed.has("gallery") || changed.has("locale") || changed.has("for")) void this.#loadFilters();
    if (changed.has("syncUrl") && this.syncUrl) this.#restoreFromUrl();
  }

  /**
   * Asks the gallery named by `for` for its settings and (`withQuery`) to show the bar's query;
   * false when no gallery answered (not there yet: it says so when it comes).
   */
  #ask(withQuery: boolean): boolean {
    if (!this.for) return false;
    let answered = false;
    const query = withQuery ? { q: this._q, filters: structuredClone(this._selected) } : undefined;
    this.emit("thron-filter-request", {
      for: this.for,
      ...(query && { query }),
      answer: (gallery) => {
        answered = true;
        this.#link(gallery);
      },
    });
    if (withQuery) this.#delivered = answered;
    return answered;
  }

  /** The gallery's settings: new defaults for `bff`, `gallery` and `locale` mean other filters. */
  #link(gallery: LinkedGallery): void {
    const before = this.#linked;
    this.#linked = gallery;
    const moved = before?.bff !== gallery.bff || before?.gallery !== gallery.gallery || before?.locale !== gallery.locale;
    if (this.hasUpdated && moved) void this.#loadFilters();
    this.requestUpdate(); // its preset may narrow the options shown
  }

  /** `bff` defaults to the linked gallery's, then to the bundle's origin. */
  protected override get bffBase(): string {
    return bffBase(this.bff ?? this.#linked?.bff);
  }

  /** `locale` defaults to the linked gallery's, then to the closest `lang`. */
  protected override get localeInEffect(): string {
    return effectiveLocale(this, this.locale ?? this.#linked?.locale);
  }

  /** The gallery is in the page, not answering yet: its script is on its way (the loader fetches each element apart). */
  #galleryComing(): boolean {
    const root = this.getRootNode() as Document | ShadowRoot;
    return !!this.for && root.querySelector(`thron-gallery#${CSS.escape(this.for)}:not(:defined)`) !== null;
  }

  async #loadFilters(): Promise<void> {
    // Its bff, gallery and locale are the defaults: wait for them rather than ask the wrong BFF.
    if (!this.#linked && this.#galleryComing()) return;
    this._failed = false;
    const name = this.gallery ?? this.#linked?.gallery ?? "default";
    if (this.#served?.gallery === name && this.#served.locale === this.localeInEffect) {
      this._filters = this.#served.filters;
      return;
    }
    try {
      const gallery: Gallery = await fetchGallery(this.bffBase, name, this.localeInEffect);
      this._filters = gallery.filters;
    } catch {
      this._failed = true;
    }
  }

  #restoreFromUrl(): void {
    const { q, filters } = readQuery(location.search, this.#urlPrefix);
    this._q = q;
    this._selected = filters;
    this.#apply("none");
  }

  /** Hands the query to the gallery and the page; `history` says how the URL records it. */
  #apply(history: "push" | "replace" | "none"): void {
    const detail = this.value;
    this.#ask(true);
    if (this.syncUrl && history !== "none") {
      const url = writeQuery(location.href, detail, this.#urlPrefix);
      if (url !== location.href) window.history[history === "push" ? "pushState" : "replaceState"](window.history.state, "", url);
    }
    this.emit("thron-filter-change", detail);
  }

  #setValues(key: string, values: string[], options: { wait?: boolean } = {}): void {
    const next = { ...this._selected };
    if (values.length > 0) next[key] = values;
    else delete next[key];
    this._selected = next;
    clearTimeout(this.#debounce);
    if (options.wait) this.#debounce = setTimeout(() => this.#apply("push"), SEARCH_DEBOUNCE_MS);
    else this.#apply("push");
  }

  /** Removes a chip's value; focus goes to the next chip, else the previous, else that filter's own control. */
  #removeChip(key: string, value: string, index: number): void {
    this.#setValues(
      key,
      (this._selected[key] ?? []).filter((v) => v !== value),
    );
    void this.updateComplete.then(() => {
      const chips = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part="chip"]')];
      const control = chips[index] ?? chips[index - 1] ?? this.renderRoot.querySelector<HTMLElement>(`[data-filter="${CSS.escape(key)}"]`);
      (control ?? this.renderRoot.querySelector<HTMLElement>('[part="search"]'))?.focus();
    });
  }

  #onSearch(event: InputEvent): void {
    this._q = (event.target as HTMLInputElement).value;
    clearTimeout(this.#debounce);
    // Typing refines one search: one history entry for it, not one per keystroke.
    this.#debounce = setTimeout(() => this.#apply("replace"), SEARCH_DEBOUNCE_MS);
  }

  /** Clears the text and every filter. */
  clear(): void {
    clearTimeout(this.#debounce);
    this._q = "";
    this._selected = {};
    this.#apply("push");
  }

  /**
   * The filters to offer: those named in `keys`, each with only the values the gallery's preset
   * allows (a preset that pins a key to one value leaves nothing to choose there).
   */
  #shownFilters(): Filter[] {
    const keys = this.keys
      ?.split(",")
      .map((k) => k.trim().toLowerCase())
      .filter(Boolean);
    // Not while hydrating: the server could not see the gallery's preset (it narrows in the next render).
    const preset = Object.entries((this.hasUpdated && this.#linked?.preset.filters) || {});
    return this._filters.flatMap((filter) => {
      const key = filter.key.toLowerCase();
      if (keys?.length && !keys.includes(key)) return [];
      const allowed = preset.find(([k]) => k.toLowerCase() === key)?.[1];
      if (!allowed) return [filter];
      const options = filter.options.filter((o) => allowed.includes(o.value));
      return options.length > 1 ? [{ ...filter, options }] : [];
    });
  }

  #onClearAll(): void {
    this.clear();
    // The button is disabled now: focus goes where the next search starts.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[part="search"]')?.focus());
  }

  #control(filter: Filter, t: ThronFilterBarStrings, name: string) {
    const selected = this._selected[filter.key] ?? [];
    if (filter.multiple) {
      return html`<fieldset part="filter">
        <legend>${filter.label}</legend>
        <div class="options">
        ${filter.options.map(
          (option, i) => html`<label>
            <input
              type="checkbox"
              name=${name}
              value=${option.value}
              data-filter=${i === 0 ? filter.key : ""}
              .checked=${selected.includes(option.value)}
              @change=${(e: Event) =>
                this.#setValues(
                  filter.key,
                  (e.target as HTMLInputElement).checked ? [...selected, option.value] : selected.filter((v) => v !== option.value),
                )}
            />${option.label}
          </label>`,
        )}
        </div>
      </fieldset>`;
    }
    return html`<label class="field">
      <span class="label">${filter.label}</span>
      <select
        part="filter"
        name=${name}
        data-filter=${filter.key}
        .value=${selected[0] ?? ""}
        @keydown=${(e: KeyboardEvent) => (this.#selectKeyed = e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End")}
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          // Arrows on a closed select change it at each step: reload once, for where the steps end.
          this.#setValues(filter.key, value ? [value] : [], { wait: this.#selectKeyed });
          this.#selectKeyed = false;
        }}
      >
        <option value="" ?selected=${!selected[0]}>${t.all}</option>
        ${filter.options.map((o) => html`<option value=${o.value} ?selected=${selected[0] === o.value}>${o.label}</option>`)}
      </select>
    </label>`;
  }

  /** A name of its own for the search landmark: the section the bar sits in, else the gallery's name. */
  #label(t: ThronFilterBarStrings): string {
    const section = this.closest?.("section, [role='region']"); // none on the server
    const heading = section?.querySelector("h1, h2, h3, h4, h5, h6")?.textContent?.trim();
    return heading ? `${t.search}: ${heading}` : `${t.search}: ${this.gallery ?? this.#linked?.gallery ?? this.for ?? ""}`;
  }

  override render() {
    const t = this.t;
    const chips = Object.entries(this._selected).flatMap(([key, values]) => {
      const filter = this._filters.find((f) => f.key === key);
      return values.map((value) => ({ key, value, label: filter?.options.find((o) => o.value === value)?.label ?? value }));
    });
    const anything = chips.length > 0 || this._q.length > 0;
    const loading = this._filters.length === 0 && !this._failed;
    const name = this.#urlPrefix;
    // A property, set again when hydrated: the server cannot see the section's heading. The
    // fields' names are the URL's, so without JavaScript the form's GET reloads the page with them.
    return html`<form part="base" role="search" .ariaLabel=${this.#label(t)} @submit=${(e: Event) => e.preventDefault()}>
      <div class="controls ${loading ? "loading" : ""}">
        <label class="field">
          <span class="label">${t.search}</span>
          <input part="search" type="search" name="${name}q" .value=${this._q} @input=${this.#onSearch} autocomplete="off" />
        </label>
        <!-- One row that scrolls sideways rather than wrapping: it is as high before the filters arrive as after. -->
        <div class="filters">
          ${this.#shownFilters().map((filter) => this.#control(filter, t, `${name}filter.${filter.key}`))}
        </div>
      </div>
      ${this._failed ? html`<p role="alert">${t.filtersError}</p>` : nothing}
      <!-- Always there, one button high: choosing a filter does not push the gallery down. -->
      <div part="selection" class="selection" role=${chips.length > 0 ? "group" : nothing} aria-label=${chips.length > 0 ? t.selected : nothing}>
        ${chips.map(
          (chip, index) => html`<button
            part="chip"
            class="chip"
            type="button"
            aria-label=${t.remove(chip.label)}
            @click=${() => this.#removeChip(chip.key, chip.value, index)}
          >
            ${chip.label} ✕
          </button>`,
        )}
        <button part="clear" type="button" ?disabled=${!anything} @click=${() => this.#onClearAll()}>${t.clearAll}</button>
      </div>
    </form>`;
  }
}
