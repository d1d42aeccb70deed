/**
 * Checks a gallery's preset and tells the editor, in the console, what it cannot use and what
 * would work instead. Loaded only for presets that need checking.
 */
import type { Filter } from "@embedkit/contracts";
import { FILTER_PREFIX, type GalleryPreset, SORTS, TYPES } from "./query-preset.ts";

/**
 * The preset with the filters the gallery offers: keys matched without regard to case (HTML
 * lower-cases attribute names) and spelled as the gallery spells them, unknown keys and values
 * reported and left out, so the gallery shows what it can instead of an error. With `offered`
 * null (the gallery's filters could not be read) the filters are passed on as written.
 */
export function checkPreset(preset: GalleryPreset, offered: readonly Filter[] | null, warn: (message: string) => void): GalleryPreset {
  for (const type of preset.rejected?.types ?? [])
    warn(`<thron-gallery type="…">: "${type}" is not a type; use a comma list of ${TYPES.join(", ")}.`);
  if (preset.rejected?.sort)
    warn(`<thron-gallery sort="${preset.rejected.sort}">: not a sort; use ${SORTS.join(", ")}. Showing newest first.`);
  if (!offered) return preset;
  const filters: Record<string, string[]> = {};
  for (const [attributeKey, values] of Object.entries(preset.filters)) {
    const attribute = `${FILTER_PREFIX}${attributeKey}`;
    const filter = offered.find((f) => f.key.toLowerCase() === attributeKey.toLowerCase());
    if (!filter) {
      const keys = offered.map((f) => `${FILTER_PREFIX}${f.key}`).join(", ") || "none";
      warn(`<thron-gallery ${attribute}="…">: this gallery has no filter "${attributeKey}"; its filters are: ${keys}.`);
      continue;
    }
    const accepted = values.filter((v) => filter.options.some((o) => o.value === v));
    for (const value of values.filter((v) => !accepted.includes(v)))
      warn(
        `<thron-gallery ${attribute}="…">: "${value}" is not a value of ${filter.key}; use ${filter.options.map((o) => o.value).join(", ")}.`,
      );
    if (accepted.length > 0) filters[filter.key] = accepted;
  }
  return { ...preset, filters };
}
