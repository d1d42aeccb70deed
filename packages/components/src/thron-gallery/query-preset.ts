/**
 * A gallery's preset: the starting query an editor writes as attributes (`type`, `q`,
 * `filter-<key>`, `sort`), checked against what the BFF accepts, and composed with what a
 * linked filter bar selects (the bar narrows inside the preset, never outside it). Or instead a
 * hand-picked list, `assets="id1,id2,…"`: exactly those assets of the gallery's folder, in that
 * order, asked of the BFF in one request (`ids=`); a linked bar narrows inside it too.
 */
import type { Asset, AssetsQuery, AssetType } from "@embedkit/contracts";
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { fetchGallery, type GalleryQuery, queryParams } from "../internal/thron-client.ts";
import { warnAttribute } from "../internal/warn.ts";

export type SortName = NonNullable<AssetsQuery["sort"]>;

export const TYPES: readonly AssetType[] = ["image", "video", "audio", "document"];
export const SORTS: readonly SortName[] = ["newest", "oldest", "title"];
export const FILTER_PREFIX = "filter-";
/** The vocabulary the preset check reports against (see preset-check.ts). */
export const VOCABULARY = { types: TYPES, sorts: SORTS, filterPrefix: FILTER_PREFIX };

export interface GalleryPreset {
  types: AssetType[];
  q: string;
  /** Values per filter key; keys as the attribute spells them until checked against the gallery. */
  filters: Record<string, string[]>;
  sort?: SortName;
  /** What the attributes held that the BFF would refuse: reported to the editor, left out of the query. */
  rejected?: { types: string[]; sort?: string };
}

/** The BFF's limit for a hand-picked list: one THRON page (THRON caps page sizes at 50). */
export const MAX_HAND_PICKED = 50;

/** The ids written in `assets` (commas or spaces between them); null when there are none: the whole gallery. */
export function handPickedIds(assets: string | null | undefined): string[] | null {
  const ids = (assets ?? "").match(/[^\s,]+/g) ?? [];
  return ids.length > 0 ? ids : null;
}

const list = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

const isPresetAttribute = (name: string) => name === "type" || name === "q" || name === "sort" || name.startsWith(FILTER_PREFIX);

/** The preset written on `element`; values it cannot use are kept aside in `rejected`. */
export function readPreset(element: Element): GalleryPreset {
  const types: AssetType[] = [];
  const rejected: NonNullable<GalleryPreset["rejected"]> = { types: [] };
  for (const type of list(element.getAttribute("type") ?? "").map((t) => t.toLowerCase())) {
    if ((TYPES as string[]).includes(type)) types.push(type as AssetType);
    else rejected.types.push(type);
  }
  const sortValue = element.getAttribute("sort")?.trim().toLowerCase();
  let sort: SortName | undefined;
  if (sortValue && (SORTS as string[]).includes(sortValue)) sort = sortValue as SortName;
  else if (sortValue) rejected.sort = sortValue;
  const filters: Record<string, string[]> = {};
  for (const { name, value } of element.attributes) {
    if (!name.startsWith(FILTER_PREFIX)) continue;
    const values = list(value);
    if (values.length > 0) filters[name.slice(FILTER_PREFIX.length)] = values;
  }
  return { types, q: element.getAttribute("q")?.trim() ?? "", filters, ...(sort && { sort }), rejected };
}

/**
 * The query the gallery asks the BFF for: the preset, narrowed by the bar's selection. Text
 * from both must match (the BFF matches every word); the bar's values for a key the preset
 * sets count only where the preset allows them.
 */
export function composeQuery(preset: GalleryPreset, query: GalleryQuery): Record<string, string | string[]> {
  const filters: Record<string, string[]> = { ...preset.filters };
  for (const [key, chosen] of Object.entries(query.filters ?? {})) {
    const allowed = preset.filters[key];
    const inside = allowed ? chosen.filter((v) => allowed.includes(v)) : chosen;
    if (inside.length > 0) filters[key] = inside;
  }
  const words = [preset.q, query.q?.trim() ?? ""];
  // Stryker disable next-line MethodExpression: queryParams trims the q it sends, so an empty part's space never reaches the BFF
  const q = words.filter(Boolean).join(" ");
  return {
    ...queryParams({ q, filters }),
    ...(preset.types.length > 0 && { type: preset.types }),
    ...(preset.sort && { sort: preset.sort }),
  };
}

interface GalleryHost extends ReactiveControllerHost, HTMLElement {
  readonly hasUpdated: boolean;
  /** The hand-picked list (`assets`), if any: it replaces the preset. */
  readonly assets: string | null;
  reload(): Promise<void>;
}

/** Keeps a gallery's preset: reloads when a preset attribute changes, warns once per bad value. */
export class PresetController implements ReactiveController {
  readonly #host: GalleryHost;
  #observer: MutationObserver | null = null;
  /** The checks, once a preset or a hand-picked list needed them (loaded on demand). */
  #checks: typeof import("./preset-check.ts") | null = null;

  constructor(host: GalleryHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The preset as written (unchecked): what a linked filter bar must stay inside. */
  get value(): GalleryPreset {
    return readPreset(this.#host);
  }

  hostConnected(): void {
    // `filter-<key>` names are open-ended, so they cannot be declared as Lit properties.
    this.#observer = new MutationObserver((records) => {
      if (records.some((r) => r.attributeName && isPresetAttribute(r.attributeName)) && this.#host.hasUpdated) void this.#host.reload();
    });
    this.#observer.observe(this.#host, { attributes: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  /** Tells the editor which of the hand-picked `ids` the gallery did not answer. */
  reportMissing(gallery: string, ids: readonly string[], items: readonly Asset[]): void {
    this.#checks?.warnMissing(this.#host, gallery, ids, items);
  }

  /**
   * Query parameters for the BFF: the checked preset (or the hand-picked ids) composed with
   * `query` (a filter bar's); null when a hand-picked list holds no id the BFF would take.
   */
  async params(base: string, gallery: string, locale: string, query: GalleryQuery): Promise<Record<string, string | string[]> | null> {
    // Once per attribute and value (warnAttribute remembers), so reloads do not repeat them.
    const warn = (attribute: string, value: string, expected: string) => warnAttribute(this.#host, attribute, value, expected);
    let preset = readPreset(this.#host);
    const picked = handPickedIds(this.#host.assets);
    const filtered = !picked && Object.keys(preset.filters).length > 0;
    const needsChecks = picked || filtered || preset.rejected?.types.length || preset.rejected?.sort;
    // Stryker disable next-line ConditionalExpression: checks loaded for a preset that needs none change nothing asked or said (one more chunk downloaded)
    if (needsChecks) {
      // Checking (and the messages) load only for presets and hand-picked lists that need it,
      // beside the gallery's own filters (cached, shared with the filter bar), which say which
      // keys and values exist.
      const [checks, offered] = await Promise.all([
        import("./preset-check.ts"),
        filtered
          ? fetchGallery(base, gallery, locale).then(
              (g) => g.filters,
              () => null,
            )
          : null,
      ]);
      this.#checks = checks;
      if (picked) {
        checks.warnIgnoredPreset(this.#host, preset);
        const ids = checks.checkedIds(this.#host, picked, MAX_HAND_PICKED);
        return ids.length > 0 ? { ids: ids.join(","), ...queryParams(query) } : null;
      }
      preset = checks.checkPreset(preset, offered, warn, VOCABULARY);
    }
    return composeQuery(preset, query);
  }
}
