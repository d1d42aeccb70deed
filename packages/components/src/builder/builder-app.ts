/**
 * `<embedkit-builder>`: the page at the BFF's /builder where an editor chooses an element, its
 * gallery, preset and theme, sees it live, and copies the snippet. Built from the Embedkit
 * elements (the asset picker is a filter bar and a gallery; the preview is the snippet's own
 * markup). Bundled apart as builder.js: none of this is in the elements' bundle.
 *
 * Renders in light DOM: the THRON Player finds its container with document.getElementById, so
 * the previewed elements must live in the document, as they will on the editor's page.
 */

import type { AssetPage, Country, Filter, Gallery, Topic } from "@embedkit/contracts";
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { getJson } from "../internal/bff-client.ts";
import { defineElement } from "../internal/define.ts";
import type { AssetOpenDetail } from "../thron-gallery/thron-gallery.ts";
import { choicesOf, recordOf } from "./choices-record.ts";
import { type PickedAsset, PickedList } from "./picked-list.ts";
import { readSnippet } from "./read-snippet.ts";
import { type Choices, type EmbedKind, elementMarkup, handPicked, snippet, snippetCss } from "./snippet.ts";

const KINDS: [EmbedKind, string][] = [
  ["gallery", "Gallery (grid)"],
  ["carousel", "Carousel"],
  ["viewer", "Viewer (one asset large, thumbnails below)"],
  ["asset", "Single asset"],
  ["filtered-gallery", "Filter bar + gallery"],
  ["helplines", "Helplines (ThroughLine)"],
  ["thunder", "Thunder button"],
];
const TYPES = ["image", "video", "audio", "document"];
const LOCALES: [string, string][] = [
  ["", "The page's language"],
  ["en", "English"],
  ["it", "Italiano"],
  ["de", "Deutsch"],
  ["fr", "Français"],
  ["es", "Español"],
];
const METHODS = ["plays", "edits", "gsis", "gsis-nonpro", "stats"];
const PICKER_ID = "builder-asset-picker";
const ASSETS_PICKER_ID = "builder-assets-picker";
/** What `assets` takes (one THRON page). */
const MAX_PICKED = 50;

type Countries = Country[];
type Topics = Topic[];

/** The BFF's answer on this origin, or null: the builder shows what it can without it. */
const json = <T>(path: string): Promise<T | null> => getJson<T>(path).catch(() => null);

export class EmbedkitBuilder extends LitElement {
  static override properties = {
    publicUrl: { type: String, attribute: "public-url" },
    galleries: { type: Array },
    _choices: { state: true },
    _filters: { state: true },
    _assetTitle: { state: true },
    _countries: { state: true },
    _topics: { state: true },
    _origin: { state: true },
    _originAllowed: { state: true },
    _copied: { state: true },
    _edited: { state: true },
    _picked: { state: true },
  };

  /** The BFF's public URL, written into the snippet's script tag. */
  declare publicUrl: string;
  /** Gallery names configured on the BFF. */
  declare galleries: string[];
  declare _choices: Choices;
  declare _filters: Filter[];
  declare _assetTitle: string;
  declare _countries: Countries;
  declare _topics: Topics;
  declare _origin: string;
  declare _originAllowed: boolean | null;
  declare _copied: boolean;
  /** What reading a pasted snippet gave: filled, nothing found, or not tried yet. */
  declare _edited: "filled" | "none" | null;
  /** What the hand-picked list shows of each chosen asset (title, thumbnail, whether it is missing). */
  declare _picked: Record<string, PickedAsset>;
  #previewed = "";
  /** The ids asked of the BFF for their titles, so each list is asked once. */
  #pickedAsked = "";
  readonly #pickedList = new PickedList(
    this,
    () => this._choices.assets,
    (assets) => this.#set({ assets }),
  );

  constructor() {
    super();
    this.publicUrl = location.origin;
    this.galleries = ["default"];
    // A reload or a shared link restores the choices the address keeps.
    this._choices = choicesOf(Object.fromEntries(new URLSearchParams(location.search)));
    this._filters = [];
    this._assetTitle = "";
    this._countries = [];
    this._topics = [];
    this._origin = "";
    this._originAllowed = null;
    this._copied = false;
    this._edited = null;
    this._picked = {};
  }

  /** The snippet for the current choices. */
  get snippet(): string {
    return snippet(this._choices, this.publicUrl);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get("_choices") as Choices | undefined;
    const c = this._choices;
    if (changed.has("galleries") && !this.galleries.includes(c.gallery) && this.galleries[0]) this.#set({ gallery: this.galleries[0] });
    const galleryChanged = changed.has("_choices") && (previous?.gallery !== c.gallery || previous?.locale !== c.locale);
    if (!this.hasUpdated || galleryChanged) void this.#loadFilters();
    if (changed.has("_choices") && previous?.gallery !== c.gallery && previous) this._picked = {};
    if (handPicked(c) && c.assets.some((id) => !this._picked[id])) void this.#loadPicked();
    if (c.kind === "helplines" && this._countries.length === 0) void this.#loadHelplineLists();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const c = this._choices;
    if (changed.has("_choices")) {
      // The address keeps the choices (replaced, not pushed: Back leaves the builder, as before).
      const query = new URLSearchParams(recordOf(c)).toString();
      if (query !== location.search.slice(1)) history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}`);
    }
    // The preview is the snippet's own markup, so what the editor sees is what they paste.
    const markup =
      c.kind === "asset" && !c.asset
        ? "<p>Choose an asset above to see it here.</p>"
        : handPicked(c) && c.assets.length === 0
          ? "<p>Choose assets above to see them here.</p>"
          : `<style>${snippetCss(c)}</style>${elementMarkup(c)}`;
    const preview = this.querySelector<HTMLElement>("#preview");
    if (preview && markup !== this.#previewed) {
      preview.innerHTML = markup;
      this.#previewed = markup;
    }
  }

  #set(patch: Partial<Choices>): void {
    this._choices = { ...this._choices, ...patch };
    this._copied = false;
  }

  async #loadFilters(): Promise<void> {
    const { gallery, locale } = this._choices;
    const info = await json<Gallery>(`/v1/thron/galleries/${encodeURIComponent(gallery)}?locale=${locale || "en"}`);
    if (gallery !== this._choices.gallery) return;
    this._filters = info?.filters ?? [];
    const keys = new Set(this._filters.map((f) => f.key));
    const kept = Object.fromEntries(Object.entries(this._choices.filters).filter(([key]) => keys.has(key)));
    const barKeys = this._choices.barKeys.filter((key) => keys.has(key));
    if (Object.keys(kept).length !== Object.keys(this._choices.filters).length || barKeys.length !== this._choices.barKeys.length)
      this.#set({ filters: kept, barKeys });
  }

  /** Titles and thumbnails of chosen ids the builder has not seen (from the address or a pasted snippet): one request. */
  async #loadPicked(): Promise<void> {
    const { gallery, locale, assets } = this._choices;
    const unknown = assets.filter((id) => !this._picked[id]);
    const key = JSON.stringify([gallery, unknown]);
    if (unknown.length === 0 || key === this.#pickedAsked) return;
    this.#pickedAsked = key;
    const query = new URLSearchParams({ ids: unknown.join(","), locale: locale || "en" });
    const page = await json<AssetPage>(`/v1/thron/galleries/${encodeURIComponent(gallery)}/assets?${query}`);
    if (gallery !== this._choices.gallery || !page) return;
    const found = new Map(page.items.map((asset) => [asset.id, asset]));
    const picked = { ...this._picked };
    for (const id of unknown) {
      const asset = found.get(id);
      picked[id] = asset ? { title: asset.title, thumbnail: asset.thumbnail.url } : { title: id, missing: true };
    }
    this._picked = picked;
  }

  async #loadHelplineLists(): Promise<void> {
    const [countries, topics] = await Promise.all([
      json<{ countries: Countries }>("/v1/throughline/countries"),
      json<{ topics: Topics }>("/v1/throughline/topics"),
    ]);
    this._countries = countries?.countries ?? [];
    this._topics = topics?.topics ?? [];
    if (!this._choices.country && this._countries[0]) this.#set({ country: this._countries[0].code });
  }

  async #checkOrigin(value: string): Promise<void> {
    this._origin = value.trim();
    this._originAllowed = null;
    if (!this._origin) return;
    const answer = await json<{ allowed: boolean }>(`/builder/origin?origin=${encodeURIComponent(this._origin)}`);
    if (value.trim() === this._origin) this._originAllowed = answer?.allowed ?? false;
  }

  /** Fills the form from a pasted snippet or tag. */
  #edit(): void {
    const source = this.querySelector<HTMLTextAreaElement>('textarea[name="existing"]')?.value ?? "";
    const record = readSnippet(source);
    if (!record) {
      this._edited = "none";
      return;
    }
    const choices = choicesOf(record);
    this._assetTitle = "";
    this._choices = choices;
    this._copied = false;
    this._edited = "filled";
  }

  #editChoices() {
    return html`<fieldset class="edit">
      <legend>Edit an existing snippet</legend>
      <label for="existing">Paste a snippet, or just its element's tag</label>
      <textarea id="existing" name="existing" rows="4" spellcheck="false"></textarea>
      <button type="button" class="fill" @click=${() => this.#edit()}>Fill the form from it</button>
      <p role="status" class=${this._edited === "none" ? "note warn" : "edited"}>${
        this._edited === "filled"
          ? "The form shows the pasted snippet's choices."
          : this._edited === "none"
            ? "No Embedkit element found in what was pasted."
            : ""
      }</p>
    </fieldset>`;
  }

  #toggle(list: string[], value: string, on: boolean): string[] {
    return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
  }

  async #copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.snippet);
      this._copied = true;
    } catch {
      // No clipboard permission: select the text so the editor can copy it by hand.
      const code = this.querySelector("#snippet");
      if (code) getSelection()?.selectAllChildren(code);
    }
  }

  #onPick(event: CustomEvent<AssetOpenDetail>): void {
    event.preventDefault();
    this._assetTitle = event.detail.asset.title;
    this.#set({ asset: event.detail.asset.id });
  }

  /** A tile of the hand-picked picker toggles its asset: added at the end of the list, or removed. */
  #onPickMany(event: CustomEvent<AssetOpenDetail>): void {
    event.preventDefault();
    const { asset } = event.detail;
    const assets = this._choices.assets;
    const at = assets.indexOf(asset.id);
    if (at >= 0)
      this.#pickedList.remove(at, false); // a pressed tile: pressing it again takes it out (focus stays)
    else if (assets.length >= MAX_PICKED) this.#pickedList.announce(`At most ${MAX_PICKED} assets: remove one to add another.`);
    else this.#add(asset);
  }

  #add(asset: AssetOpenDetail["asset"]): void {
    const assets = this._choices.assets;
    this._picked = { ...this._picked, [asset.id]: { title: asset.title, thumbnail: asset.thumbnail.url } };
    this.#set({ assets: [...assets, asset.id] });
    this.#pickedList.announce(`${asset.title} added: position ${assets.length + 1} of ${assets.length + 1}.`);
  }

  // ---- the form ----

  #galleryChoices(c: Choices) {
    return html`<label>Gallery
        <select name="gallery" @change=${(e: Event) => this.#set({ gallery: (e.target as HTMLSelectElement).value, filters: {} })}>
          ${this.galleries.map((g) => html`<option value=${g} ?selected=${g === c.gallery}>${g}</option>`)}
        </select>
      </label>`;
  }

  #presetChoices(c: Choices) {
    return html`<fieldset>
      <legend>Preset: what the gallery shows</legend>
      <fieldset class="inline">
        <legend>Types</legend>
        ${TYPES.map(
          (type) => html`<label
            ><input
              type="checkbox"
              name="type"
              value=${type}
              .checked=${c.types.includes(type)}
              @change=${(e: Event) => this.#set({ types: this.#toggle(c.types, type, (e.target as HTMLInputElement).checked) })}
            />${type}</label
          >`,
        )}
      </fieldset>
      <label>Text every asset must match
        <input name="q" type="search" .value=${c.q} @change=${(e: Event) => this.#set({ q: (e.target as HTMLInputElement).value })} />
      </label>
      ${this._filters.map(
        (filter) => html`<fieldset class="inline">
          <legend>${filter.label}</legend>
          ${filter.options.map((option) => {
            const chosen = c.filters[filter.key] ?? [];
            return html`<label
              ><input
                type="checkbox"
                name=${`filter-${filter.key}`}
                value=${option.value}
                .checked=${chosen.includes(option.value)}
                @change=${(e: Event) =>
                  this.#set({
                    filters: { ...c.filters, [filter.key]: this.#toggle(chosen, option.value, (e.target as HTMLInputElement).checked) },
                  })}
              />${option.label}</label
            >`;
          })}
        </fieldset>`,
      )}
      <label>Order
        <select name="sort" @change=${(e: Event) => this.#set({ sort: (e.target as HTMLSelectElement).value as Choices["sort"] })}>
          <option value="newest" ?selected=${c.sort === "newest"}>Newest first</option>
          <option value="oldest" ?selected=${c.sort === "oldest"}>Oldest first</option>
          <option value="title" ?selected=${c.sort === "title"}>By title</option>
        </select>
      </label>
      <label>Page size
        <input name="page-size" type="number" min="1" max="50" .value=${String(c.pageSize)}
          @change=${(e: Event) => this.#set({ pageSize: Math.min(50, Math.max(1, Number((e.target as HTMLInputElement).value) || 24)) })} />
      </label>
    </fieldset>`;
  }

  #sourceChoice(c: Choices) {
    const sources: [Choices["source"], string][] = [
      ["preset", "A preset (types, text, filters, order)"],
      ["picked", "Hand-picked assets, in my order"],
    ];
    return html`<fieldset class="inline">
      <legend>What the gallery shows</legend>
      ${sources.map(
        ([source, label]) => html`<label
          ><input type="radio" name="source" value=${source} .checked=${c.source === source} @change=${() => this.#set({ source })} />${label}</label
        >`,
      )}
    </fieldset>`;
  }

  #pickedChoices(c: Choices) {
    return html`<fieldset>
      <legend>Hand-picked assets</legend>
      <p>Search the gallery's folder and choose assets: each one goes to the end of the list. Drag them by their grip, or use their arrow buttons (or Alt+↑/↓), to set the order.</p>
      <thron-filter-bar for=${ASSETS_PICKER_ID}></thron-filter-bar>
      <thron-gallery id=${ASSETS_PICKER_ID} gallery=${c.gallery} page-size="8" .pressed=${new Set(c.assets)} @thron-asset-open=${this.#onPickMany}></thron-gallery>
      ${this.#pickedList.render(c.assets, (id) => this._picked[id])}
    </fieldset>`;
  }

  #barChoices(c: Choices) {
    return html`<fieldset class="inline">
      <legend>Filters in the bar (none chosen: all)</legend>
      ${this._filters.map(
        (filter) => html`<label
          ><input
            type="checkbox"
            name="keys"
            value=${filter.key}
            .checked=${c.barKeys.includes(filter.key)}
            @change=${(e: Event) => this.#set({ barKeys: this.#toggle(c.barKeys, filter.key, (e.target as HTMLInputElement).checked) })}
          />${filter.label}</label
        >`,
      )}
    </fieldset>`;
  }

  #assetChoices(c: Choices) {
    return html`<fieldset>
      <legend>The asset</legend>
      <p>Search the gallery's folder and choose an asset.</p>
      <thron-filter-bar for=${PICKER_ID}></thron-filter-bar>
      <thron-gallery id=${PICKER_ID} gallery=${c.gallery} page-size="8" @thron-asset-open=${this.#onPick}></thron-gallery>
      <p role="status" class="chosen">${c.asset ? `Chosen: ${this._assetTitle || c.asset}` : "No asset chosen yet."}</p>
      <label><input type="checkbox" name="caption" .checked=${c.caption} @change=${(e: Event) => this.#set({ caption: (e.target as HTMLInputElement).checked })} />Show the title and description</label>
    </fieldset>`;
  }

  #playerChoice(c: Choices) {
    return html`<label>Player
      <select name="player" @change=${(e: Event) => this.#set({ player: (e.target as HTMLSelectElement).value as Choices["player"] })}>
        <option value="thron" ?selected=${c.player === "thron"}>THRON Player</option>
        <option value="native" ?selected=${c.player === "native"}>The browser's own players</option>
      </select>
    </label>`;
  }

  #helplineChoices(c: Choices) {
    return html`<label>Country
        <select name="country" @change=${(e: Event) => this.#set({ country: (e.target as HTMLSelectElement).value })}>
          ${this._countries.map((country) => html`<option value=${country.code} ?selected=${country.code === c.country}>${country.name}</option>`)}
        </select>
      </label>
      <label>Topic
        <select name="topic" @change=${(e: Event) => this.#set({ topic: (e.target as HTMLSelectElement).value })}>
          <option value="">Any topic</option>
          ${this._topics.map((topic) => html`<option value=${topic.name} ?selected=${topic.name === c.topic}>${topic.name}</option>`)}
        </select>
      </label>`;
  }

  #thunderChoices(c: Choices) {
    return html`<label>Method
        <select name="method" @change=${(e: Event) => this.#set({ method: (e.target as HTMLSelectElement).value })}>
          ${METHODS.map((m) => html`<option value=${m} ?selected=${m === c.method}>${m}</option>`)}
        </select>
      </label>
      <label>Ids (comma separated)
        <input name="ids" .value=${c.ids} @change=${(e: Event) => this.#set({ ids: (e.target as HTMLInputElement).value })} />
      </label>
      <label>Button label
        <input name="label" .value=${c.label} @change=${(e: Event) => this.#set({ label: (e.target as HTMLInputElement).value })} />
      </label>`;
  }

  #themeChoices(c: Choices) {
    const theme = c.theme;
    return html`<fieldset>
      <legend>Theme</legend>
      <fieldset class="inline">
        <legend>Colours</legend>
        ${(["light", "dark"] as const).map(
          (scheme) => html`<label
            ><input type="radio" name="scheme" value=${scheme} .checked=${theme.scheme === scheme}
              @change=${() => this.#set({ theme: { ...theme, scheme } })} />${scheme}</label
          >`,
        )}
      </fieldset>
      <label>Accent colour
        <input name="accent" type="color" .value=${theme.accent} @input=${(e: Event) => this.#set({ theme: { ...theme, accent: (e.target as HTMLInputElement).value } })} />
      </label>
      <label>Corner radius (rem)
        <input name="radius" type="number" min="0" max="3" step="0.1" .value=${String(theme.radius)}
          @change=${(e: Event) => this.#set({ theme: { ...theme, radius: Math.min(3, Math.max(0, Number((e.target as HTMLInputElement).value) || 0)) } })} />
      </label>
    </fieldset>`;
  }

  #originNote() {
    if (this._originAllowed === true) return html`<p class="note ok">${this._origin} may use this BFF.</p>`;
    if (this._originAllowed === false)
      return html`<p class="note warn">Ask the BFF's operator to add <code>${this._origin}</code> to <code>ALLOWED_ORIGINS</code>: until then the elements cannot load their data on that site.</p>`;
    return html`<p class="note">The site that embeds this must be listed in the BFF's <code>ALLOWED_ORIGINS</code>; enter its address above to check.</p>`;
  }

  override render() {
    const c = this._choices;
    const galleryKind = c.kind === "gallery" || c.kind === "carousel" || c.kind === "viewer" || c.kind === "filtered-gallery";
    return html`<form class="choices" @submit=${(e: Event) => e.preventDefault()}>
        ${this.#editChoices()}
        <fieldset>
          <legend>Element</legend>
          ${KINDS.map(
            ([kind, label]) => html`<label
              ><input type="radio" name="kind" value=${kind} .checked=${c.kind === kind} @change=${() => this.#set({ kind })} />${label}</label
            >`,
          )}
        </fieldset>
        ${galleryKind || c.kind === "asset" ? this.#galleryChoices(c) : nothing}
        ${c.kind === "gallery" || c.kind === "carousel" ? this.#sourceChoice(c) : nothing}
        ${galleryKind && !handPicked(c) ? this.#presetChoices(c) : nothing}
        ${handPicked(c) ? this.#pickedChoices(c) : nothing}
        ${
          c.kind === "carousel"
            ? html`<label><input type="checkbox" name="autoplay" .checked=${c.autoplay} @change=${(e: Event) => this.#set({ autoplay: (e.target as HTMLInputElement).checked })} />Rotate automatically</label>`
            : nothing
        }
        ${c.kind === "filtered-gallery" ? this.#barChoices(c) : nothing}
        ${c.kind === "asset" ? this.#assetChoices(c) : nothing}
        ${galleryKind || c.kind === "asset" ? this.#playerChoice(c) : nothing}
        ${c.kind === "helplines" ? this.#helplineChoices(c) : nothing}
        ${c.kind === "thunder" ? this.#thunderChoices(c) : nothing}
        <label>Language
          <select name="locale" @change=${(e: Event) => this.#set({ locale: (e.target as HTMLSelectElement).value })}>
            ${LOCALES.map(([value, label]) => html`<option value=${value} ?selected=${value === c.locale}>${label}</option>`)}
          </select>
        </label>
        ${this.#themeChoices(c)}
        <label>Your site's address
          <input name="origin" type="url" placeholder="https://www.example.com" @change=${(e: Event) => this.#checkOrigin((e.target as HTMLInputElement).value)} />
        </label>
      </form>
      <section class="output" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <div id="preview" class="preview"></div>
        <h2 id="snippet-heading">Snippet</h2>
        <p>Paste this into the page, where the element should appear.</p>
        <pre aria-labelledby="snippet-heading"><code id="snippet">${this.snippet}</code></pre>
        <button type="button" class="copy" @click=${() => this.#copy()}>Copy the snippet</button>
        <span role="status">${this._copied ? "Copied." : ""}</span>
        ${this.#originNote()}
      </section>`;
  }
}

defineElement("embedkit-builder", EmbedkitBuilder);

declare global {
  interface HTMLElementTagNameMap {
    "embedkit-builder": EmbedkitBuilder;
  }
}
