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
  name: "loader" | "four-elements" | "gallery-page" | "hydration" | "viewer" | "everything" | "gallery-page-in-use";
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
  // The maps are "hidden" (no sourceMappingURL comment); a file that only re-exports a chunk has none.
  if (!existsSync(map)) {
    if (/^(\s*(import|export)\b[^;]*;)*\s*$/.test(readFileSync(file, "utf8"))) return [];
    throw new Error(`${map} is missing: the CDN build writes source maps`);
  }
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

/** What a page loading `entries` downloads at once, or (`onDemand`) with every part they may load later. */
export function pageWeight(dir: string, entries: string | string[], onDemand: boolean): Omit<BundleFigure, "name" | "what"> {
  const seen = new Set<string>();
  for (const entry of [entries].flat()) {
    const path = join(dir, entry);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`pnpm build\` first`);
    // The loader's imports are the entries of tags a page holds: listed in `entries`, never on demand.
    graph(path, onDemand && entry !== "components.js", seen);
  }
  return weigh(dir, [...seen]);
}

function weigh(dir: string, files: string[]): Omit<BundleFigure, "name" | "what"> {
  return {
    files: files.map((file) => file.slice(dir.length + 1)),
    sources: [...new Set(files.flatMap(sourcesOf))],
    rawBytes: files.reduce((sum, file) => sum + readFileSync(file).length, 0),
    gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0),
  };
}

/** The four elements of the budget; <thron-asset> is the fifth. */
const FOUR = ["thron-gallery", "thron-filter-bar", "thunder-launch-button", "throughline-helplines"];

/**
 * components.js is a loader: a page downloads it, then the entry (`<tag>.js`) of each element whose
 * tag it holds, with their chunks. The budgets: the loader ≤ 2 KB, a page with only the
 * gallery ≤ 12 KB, a page with the four elements ≤ 18 KB, all before anyone clicks; then the same
 * pages with every part they load on demand (<thron-asset>, the carousel's controls, the preset check).
 */
export function bundleFigures(dir: string): BundleFigure[] {
  const through = (tags: string[]) => ["components.js", ...tags.map((tag) => `${tag}.js`)];
  return [
    {
      name: "loader",
      what: "components.js alone: the loader, before it finds a tag",
      ...pageWeight(dir, "components.js", false),
      budgetBytes: 2 * KB,
    },
    {
      name: "gallery-page",
      what: "a page with only <thron-gallery>, through components.js, at load",
      ...pageWeight(dir, through(["thron-gallery"]), false),
      budgetBytes: 12 * KB,
    },
    {
      name: "four-elements",
      what: "a page with <thron-gallery>, <thron-filter-bar>, <thunder-launch-button>, <throughline-helplines>, through components.js, at load",
      ...pageWeight(dir, through(FOUR), false),
      budgetBytes: 18 * KB,
    },
    {
      name: "hydration",
      what: "hydration: what an element adds on a page with a server-rendered element (Lit's hydrate support), nothing on others",
      ...onDemandChunk(dir, through(FOUR), /^chunks\/hydration-/),
    },
    {
      name: "viewer",
      what: 'layout="viewer": what a gallery adds on first use of the viewer (stage, strip, zoom, its players), nothing on other pages',
      ...onDemandChunk(dir, through(["thron-gallery"]), /^chunks\/(viewer-controller|thron-player-mount)-/),
    },
    {
      name: "everything",
      what: "a page with all five elements through components.js, and all they load on demand (the carousel's controls, the viewer, the dialog, the preset check)",
      ...pageWeight(dir, through([...FOUR, "thron-asset"]), true),
    },
    {
      name: "gallery-page-in-use",
      what: "a page with only <thron-gallery>, through components.js, and all it loads on demand",
      ...pageWeight(dir, through(["thron-gallery"]), true),
    },
  ];
}

/** What the loader fetches beside a tag's entry: the table the build writes into it (see loader.ts). */
function preloadedBeside(dir: string, tag: string): string[] {
  const loader = readFileSync(join(dir, "components.js"), "utf8");
  const listed = new RegExp(`"${tag}":\\[([^\\]]*)\\]`).exec(loader)?.[1] ?? "";
  return [...listed.matchAll(/["'`]\.\/([^"'`]+)["'`]/g)].map(([, file]) => file as string);
}

/**
 * Round trips before a page holding `tags` has all it needs at load: components.js, then each
 * tag's entry with the chunks the loader fetches beside it, then any import neither named.
 */
export function roundTrips(dir: string, tags: string[]): number {
  const requested = new Set(["components.js"]);
  let wave = tags.flatMap((tag) => [`${tag}.js`, ...preloadedBeside(dir, tag)]);
  let trips = 1;
  while (wave.length > 0) {
    trips++;
    for (const file of wave) requested.add(file);
    const next = wave.flatMap((file) =>
      [...readFileSync(join(dir, file), "utf8").matchAll(STATIC_IMPORT)].map(([, specifier]) => join(file, "..", specifier as string)),
    );
    wave = [...new Set(next)].filter((file) => !requested.has(file));
  }
  return trips;
}

/** The chunks `entry` loads on demand whose file name matches `name`. */
function onDemandChunk(dir: string, entries: string[], name: RegExp): Omit<BundleFigure, "name" | "what"> {
  const files = pageWeight(dir, entries, true).files.filter((file) => name.test(file));
  return weigh(
    dir,
    files.map((file) => join(dir, file)),
  );
}
