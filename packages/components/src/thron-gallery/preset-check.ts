/**
 * Checks a gallery's preset (or its hand-picked list) and tells the editor, in the console, what
 * it cannot use and what would work instead. Loaded only for presets that need checking.
 */
import type { Filter } from "@embedkit/contracts";
import type { GalleryPreset } from "./query-preset.ts";

// A hand-picked list's checks travel with the preset's, in the one chunk loaded on demand.
export { checkedIds, warnIgnoredPreset, warnMissing } from "./hand-picked.ts";

/** Tells the editor: the attribute, the value it cannot use, and what it accepts (see warnAttribute). */
export type PresetWarning = (attribute: string, value: string, expected: string) => void;

/**
 * What the preset's attributes accept, handed over by query-preset.ts: a value imported from it
 * would make it a chunk of its own, which every gallery page would then download as a second file.
 */
export interface PresetVocabulary {
  types: readonly string[];
  sorts: readonly string[];
  filterPrefix: string;
}

/**
 * The preset with the filters the gallery offers: keys matched without regard to case (HTML
 * lower-cases attribute names) and spelled as the gallery spells them, unknown keys and values
 * reported and left out, so the gallery shows what it can instead of an error. With `offered`
 * null (the gallery's filters could not be read) the filters are passed on as written.
 */
export function checkPreset(
  preset: GalleryPreset,
  offered: readonly Filter[] | null,
  warn: PresetWarning,
  { types, sorts, filterPrefix }: PresetVocabulary,
): GalleryPreset {
  for (const type of preset.rejected?.types ?? []) warn("type", type, `a comma list of ${types.join(", ")}`);
  if (preset.rejected?.sort) warn("sort", preset.rejected.sort, `one of ${sorts.join(", ")}; showing newest first`);
  if (!offered) return preset;
  const filters: Record<string, string[]> = {};
  for (const [attributeKey, values] of Object.entries(preset.filters)) {
    const attribute = `${filterPrefix}${attributeKey}`;
    const filter = offered.find((f) => f.key.toLowerCase() === attributeKey.toLowerCase());
    if (!filter) {
      const keys = offered.map((f) => `${filterPrefix}${f.key}`).join(", ") || "none";
      warn(attribute, values.join(","), `a filter this gallery has (it has no "${attributeKey}"): ${keys}`);
      continue;
    }
    const accepted = values.filter((v) => filter.options.some((o) => o.value === v));
    for (const value of values.filter((v) => !accepted.includes(v)))
      warn(attribute, value, `values of ${filter.key}: ${filter.options.map((o) => o.value).join(", ")}`);
    if (accepted.length > 0) filters[filter.key] = accepted;
  }
  return { ...preset, filters };
}
