import type { Filter, Gallery } from "@embedkit/contracts";
import { html, nothing, type PropertyValues } from "lit";
import { bffBase } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { fetchGallery, type GalleryQuery } from "../internal/gallery-client.ts";
import { effectiveLocale, type Strings, stringsFor } from "../internal/localize.ts";
import { styles } from "./thron-filter-bar.styles.ts";
import { readQuery, writeQuery } from "./url-state.ts";

export interface FilterChangeDetail {
  q: string;
  filters: Record<string, string[]>;
}

const SEARCH_DEBOUNCE_MS = 300;

/** What the filter bar needs of the gallery it drives. */
interface GalleryTarget extends HTMLElement {
  bff?: string;
  gallery?: string;
  locale?: string;
  query: GalleryQuery;
  /** The gallery's preset filters: the bar offers only values inside them. */
  preset?: { filters: Record<string, string[]> };
}

/**
 * Search and filters for a `<thron-gallery>`, built from the filters the BFF reads from THRON.
 *
 * @tagname thron-filter-bar
 * @event thron-filter-change - The query changed. `detail: {q, filters}`.
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
export class ThronFilterBar extends EmbedkitElement {
  static override styles = styles;
  static override properties = {
    for: { type: String },
    bff: { type: String },
    gallery: { type: String },
    locale: { type: String },
    syncUrl: { type: Boolean, attribute: "sync-url" },
    keys: { type: String },
    strings: { attribute: false },
    _filters: { state: true },
    _q: { state: true },
    _selected: { state: true },
    _failed: { state: true },
  };

  /** Id of the `<thron-gallery>` this bar drives. */
  declare for: string | undefined;
  /** BFF base URL; defaults to the gallery's, then to the bundle's origin. */
  declare bff: string | undefined;
  /** Gallery name on the BFF; defaults to the target gallery's. */
  declare gallery: string | undefined;
  /** BCP 47 locale; defaults to the target gallery's, then the page's language. */
  declare locale: string | undefined;
  /** Keep the query and filters in the page URL (shareable links, Back restores). */
  declare syncUrl: boolean;
  /** Comma list of the filter keys to show (default: all the gallery's filters). */
  declare keys: string | undefined;
  /** Overrides of the element's strings. */
  declare strings: Partial<Strings>;

  declare _filters: Filter[];
  declare _q: string;
  declare _selected: Record<string, string[]>;
  declare _failed: boolean;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  readonly #onPopState = () => this.#restoreFromUrl();

  constructor() {
    super();
    this.syncUrl = false;
    this.strings = {};
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
    super.connectedCallback();
    window.addEventListener("popstate", this.#onPopState);
    if (this.syncUrl) this.#restoreFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("popstate", this.#onPopState);
    clearTimeout(this.#debounce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("bff") || changed.has("gallery") || changed.has("locale") || changed.has("for")) void this.#loadFilters();
    if (changed.has("syncUrl") && this.syncUrl) this.#restoreFromUrl();
  }

  get #target(): GalleryTarget | null {
    if (!this.for) return null;
    const root = this.getRootNode() as Document | ShadowRoot;
    return (root.getElementById?.(this.for) as GalleryTarget | null) ?? null;
  }

  get #locale(): string {
    return effectiveLocale(this, this.locale ?? this.#target?.locale);
  }

  async #loadFilters(): Promise<void> {
    const target = this.#target;
    this._failed = false;
    try {
      const gallery: Gallery = await fetchGallery(
        bffBase(this.bff ?? target?.bff),
        this.gallery ?? target?.gallery ?? "default",
        this.#locale,
      );
      this._filters = gallery.filters;
    } catch {
      this._failed = true;
    }
  }

  #restoreFromUrl(): void {
    const { q, filters } = readQuery(location.search);
    this._q = q;
    this._selected = filters;
    this.#apply("none");
  }

  /** Hands the query to the gallery and the page; `history` says how the URL records it. */
  #apply(history: "push" | "replace" | "none"): void {
    const detail = this.value;
    const target = this.#target;
    if (target) target.query = { q: detail.q, filters: detail.filters };
    if (this.syncUrl && history !== "none") {
      const url = writeQuery(location.href, detail);
      if (url !== location.href) window.history[history === "push" ? "pushState" : "replaceState"](window.history.state, "", url);
    }
    this.emit<FilterChangeDetail>("thron-filter-change", detail);
  }

  #setValues(key: string, values: string[]): void {
    const next = { ...this._selected };
    if (values.length > 0) next[key] = values;
    else delete next[key];
    this._selected = next;
    this.#apply("push");
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
    const preset = Object.entries(this.#target?.preset?.filters ?? {});
    return this._filters.flatMap((filter) => {
      const key = filter.key.toLowerCase();
      if (keys?.length && !keys.includes(key)) return [];
      const allowed = preset.find(([k]) => k.toLowerCase() === key)?.[1];
      if (!allowed) return [filter];
      const options = filter.options.filter((o) => allowed.includes(o.value));
      return options.length > 1 ? [{ ...filter, options }] : [];
    });
  }

  #control(filter: Filter, t: Strings) {
    const selected = this._selected[filter.key] ?? [];
    if (filter.multiple) {
      return html`<fieldset part="filter">
        <legend>${filter.label}</legend>
        ${filter.options.map(
          (option) => html`<label>
            <input
              type="checkbox"
              .checked=${selected.includes(option.value)}
              @change=${(e: Event) =>
                this.#setValues(
                  filter.key,
                  (e.target as HTMLInputElement).checked ? [...selected, option.value] : selected.filter((v) => v !== option.value),
                )}
            />${option.label}
          </label>`,
        )}
      </fieldset>`;
    }
    return html`<label class="field">
      ${filter.label}
      <select
        part="filter"
        .value=${selected[0] ?? ""}
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          this.#setValues(filter.key, value ? [value] : []);
        }}
      >
        <option value="" ?selected=${!selected[0]}>${t.all}</option>
        ${filter.options.map((o) => html`<option value=${o.value} ?selected=${selected[0] === o.value}>${o.label}</option>`)}
      </select>
    </label>`;
  }

  override render() {
    const t = stringsFor(this.#locale, this.strings);
    const chips = Object.entries(this._selected).flatMap(([key, values]) => {
      const filter = this._filters.find((f) => f.key === key);
      return values.map((value) => ({ key, value, label: filter?.options.find((o) => o.value === value)?.label ?? value }));
    });
    const anything = chips.length > 0 || this._q.length > 0;
    return html`<form part="base" role="search" @submit=${(e: Event) => e.preventDefault()}>
      <label class="field">
        ${t.search}
        <input part="search" type="search" .value=${this._q} @input=${this.#onSearch} autocomplete="off" />
      </label>
      ${this.#shownFilters().map((filter) => this.#control(filter, t))}
      <button part="clear" type="button" ?disabled=${!anything} @click=${() => this.clear()}>${t.clearAll}</button>
      ${this._failed ? html`<p role="alert">${t.filtersError}</p>` : nothing}
      ${
        chips.length > 0
          ? html`<div part="selection" class="selection" role="group" aria-label=${t.selected}>
            ${chips.map(
              (chip) => html`<button
                part="chip"
                class="chip"
                type="button"
                aria-label=${t.remove(chip.label)}
                @click=${() =>
                  this.#setValues(
                    chip.key,
                    (this._selected[chip.key] ?? []).filter((v) => v !== chip.value),
                  )}
              >
                ${chip.label} ✕
              </button>`,
            )}
          </div>`
          : nothing
      }
    </form>`;
  }
}
