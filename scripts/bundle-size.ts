/**
 * What a page downloads from the CDN bundle (`pnpm build` → packages/components/dist/cdn), gzip -9,
 * read from the built files: a chunk's static imports load with it, its dynamic imports on
 * demand. A chunk made only of `lang/<code>.ts` modules other than English is a translation: only
 * pages in that language load it, so no figure counts it. Used by `pnpm bench` and by the guard
 * in packages/components/test/bundle-size.test.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const KB = 1024;

export interface BundleFigure {
  name: "four-elements" | "gallery-page" | "hydration" | "everything" | "gallery-page-in-use";
  /** What the figure counts, for a reader of `pnpm bench`. */
  what: string;
  files: string[];
  /** The source modules in those files (from their source maps), relative to the repository. */
  sources: string[];
  rawBytes: number;
  gzipBytes: number;
  /** The budget, for the figures that have one. */
  budgetBytes?: number;
}

const STATIC_IMPORT = /(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;
const TRANSLATION = /[\\/]lang[\\/](?!en\.ts$)[\w-]+\.ts$/;

function sourcesOf(file: string): string[] {
  const map = `${file}.map`;
  // An entry that only re-exports a chunk has no source of its own, and no map.
  if (!readFileSync(file, "utf8").includes("sourceMappingURL")) return [];
  if (!existsSync(map)) throw new Error(`${map} is missing: the CDN build writes source maps`);
  const { sources } = JSON.parse(readFileSync(map, "utf8")) as { sources: string[] };
  return sources.map((source) => source.replace(/^(\.\.\/)+/, "").replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, ""));
}

/** An entry and the chunks it imports statically, plus (`onDemand`) those it may import later. */
function graph(entry: string, onDemand: boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, "utf8");
  const resolve = (specifier: string | undefined) => join(entry, "..", specifier as string);
  for (const [, specifier] of code.matchAll(STATIC_IMPORT)) graph(resolve(specifier), onDemand, seen);
  if (!onDemand) return seen;
  for (const [, specifier] of code.matchAll(DYNAMIC_IMPORT)) {
    const file = resolve(specifier);
    if (!sourcesOf(file).every((source) => TRANSLATION.test(source))) graph(file, onDemand, seen);
  }
  return seen;
}

/** What a page loading `entry` downloads at once, or (`onDemand`) with every part it may load later. */
export function pageWeight(dir: string, entry: string, onDemand: boolean): Omit<BundleFigure, "name" | "what"> {
  const path = join(dir, entry);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`pnpm build\` first`);
  const files = [...graph(path, onDemand)];
  return {
    files: files.map((file) => file.slice(dir.length + 1)),
    sources: [...new Set(files.flatMap(sourcesOf))],
    rawBytes: files.reduce((sum, file) => sum + readFileSync(file).length, 0),
    gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0),
  };
}

/**
 * The two budgets (the four elements it named + Lit ≤ 15 KB, a page with only the gallery
 * ≤ 12 KB), both as a page downloads them before anyone clicks, and the same two pages with every
 * part they load on demand (<thron-asset>, the carousel's controls, the preset check).
 */
export function bundleFigures(dir: string): BundleFigure[] {
  return [
    {
      name: "four-elements",
      what: "components.js at load: <thron-gallery>, <thron-filter-bar>, <thunder-launch-button>, <throughline-helplines> + Lit",
      ...pageWeight(dir, "components.js", false),
      budgetBytes: 15 * KB,
    },
    {
      name: "gallery-page",
      what: "thron-gallery.js at load: a page with only the gallery",
      ...pageWeight(dir, "thron-gallery.js", false),
      budgetBytes: 12 * KB,
    },
    {
      name: "hydration",
      what: "hydration: what components.js adds on a page with a server-rendered element (Lit's hydrate support), nothing on others",
      ...onDemandChunk(dir, "components.js", /^chunks\/hydration-/),
    },
    {
      name: "everything",
      what: "components.js and all it loads on demand: + <thron-asset>, the carousel's controls, the preset check",
      ...pageWeight(dir, "components.js", true),
    },
    {
      name: "gallery-page-in-use",
      what: "thron-gallery.js and all it loads on demand",
      ...pageWeight(dir, "thron-gallery.js", true),
    },
  ];
}

/** The chunks `entry` loads on demand whose file name matches `name`. */
function onDemandChunk(dir: string, entry: string, name: RegExp): Omit<BundleFigure, "name" | "what"> {
  const files = pageWeight(dir, entry, true).files.filter((file) => name.test(file));
  return {
    files,
    sources: [...new Set(files.flatMap((file) => sourcesOf(join(dir, file))))],
    rawBytes: files.reduce((sum, file) => sum + readFileSync(join(dir, file)).length, 0),
    gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0),
  };
}
