/**
 * A hand-picked gallery's checks (`assets="id1,id2,…"`, see query-preset.ts), loaded on demand
 * with the preset's (preset-check.ts) only by a gallery that has the attribute. The list is the editor's exact choice, so the preset attributes
 * (`type`, `q`, `filter-<key>`, `sort`) do not apply to it (the console says so). Every message
 * here is for the editor, in the console: a visitor just sees the assets that exist.
 */
import type { Asset } from "@embedkit/contracts";
import { warnAttribute } from "../internal/warn.ts";
import type { GalleryPreset } from "./query-preset.ts";

/** THRON content ids, as the BFF checks them. */
const ASSET_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The ids the BFF accepts (well formed, each once, the first `max`); the others are named in the
 * console. `max` comes from query-preset.ts as an argument: a value imported from it would make it
 * a chunk of its own, a second file for every gallery page (see preset-check.ts).
 */
export function checkedIds(element: Element, ids: readonly string[], max: number): string[] {
  const warn = (value: string, expected: string) => warnAttribute(element, "assets", value, expected);
  const kept: string[] = [];
  for (const id of ids) {
    if (!ASSET_ID.test(id)) warn(id, "asset ids (letters, digits, - and _), comma separated; this one is skipped");
    else if (kept.includes(id)) warn(id, "each asset id once; it is shown where it first appears");
    else kept.push(id);
  }
  if (kept.length > max) warn(kept.splice(max).join(","), `at most ${max} asset ids; the first ${max} are shown`);
  return kept;
}

/** Tells the editor that the preset attributes written beside `assets` are ignored. */
export function warnIgnoredPreset(element: Element, preset: GalleryPreset): void {
  const written = [
    ...(preset.types.length || preset.rejected?.types.length ? ["type"] : []),
    ...(preset.q ? ["q"] : []),
    ...Object.keys(preset.filters).map((key) => `filter-${key}`),
    ...(preset.sort || preset.rejected?.sort ? ["sort"] : []),
  ];
  for (const attribute of written)
    warnAttribute(
      element,
      attribute,
      element.getAttribute(attribute),
      "no preset beside assets: a hand-picked list shows exactly its assets",
    );
}

/** Names the listed ids the gallery did not answer (not in its folder, or no such asset). */
export function warnMissing(element: Element, gallery: string, ids: readonly string[], items: readonly Asset[]): void {
  const found = new Set(items.map((item) => item.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return;
  warnAttribute(
    element,
    "assets",
    missing.join(","),
    `ids of assets in the folder of the gallery "${gallery}": ${missing.length} of the ${ids.length} listed are not there, and are skipped`,
  );
}
