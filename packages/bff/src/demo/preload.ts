/**
 * What the demo page's elements load, for `<link rel="modulepreload">`: components.js is a loader
 * that imports each element's entry (`/<tag>.js`) when its tag appears, and each entry imports
 * shared chunks; preloaded, the browser fetches them alongside the loader instead of two round
 * trips later.
 */
import type { StaticFiles } from "../http/static-assets.ts";

const STATIC_IMPORT = /(?:from|import)\s*["'`](\.{1,2}\/[\w./-]+\.js)["'`]/g;

/** The entries of `tags` and every chunk they import at once, as absolute paths, or [] when unbuilt. */
export function elementModules(files: StaticFiles | null | undefined, tags: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (path: string) => {
    const file = files?.get(path);
    if (!file || found.has(path)) return;
    found.add(path);
    const source = new TextDecoder().decode(file.body);
    for (const [, specifier] of source.matchAll(STATIC_IMPORT)) visit(new URL(specifier as string, `file:///${path}`).pathname.slice(1));
  };
  for (const tag of tags) visit(`${tag}.js`);
  return [...found].map((path) => `/${path}`);
}
