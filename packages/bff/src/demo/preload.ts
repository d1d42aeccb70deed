/**
 * The chunks components.js imports, for `<link rel="modulepreload">` on the demo page: the
 * browser fetches them alongside the entry instead of one round trip later.
 */
import type { StaticFiles } from "../http/static-assets.ts";

export function entryChunks(files: StaticFiles | null | undefined, entry = "components.js"): string[] {
  const file = files?.get(entry);
  if (!file) return [];
  const source = new TextDecoder().decode(file.body);
  return [...source.matchAll(/from\s*["']\.\/(chunks\/[\w.-]+\.js)["']/g)].map((m) => `/${m[1]}`);
}
