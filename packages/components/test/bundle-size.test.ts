/**
 * The CDN bundle as pages download it (scripts/bundle-size.ts; `pnpm bench` prints the same
 * figures). The budgets (the loader ≤ 2 KB, a page with only the gallery ≤ 12 KB, a page with the
 * four elements ≤ 18 KB) are not all reached, so this guards the figures measured: the bundle may
 * shrink, never grow past them. Lower a limit when a change makes the bundle smaller.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { type BundleFigure, bundleFigures, pageWeight, roundTrips } from "../../../scripts/bundle-size.ts";

const dir = fileURLToPath(new URL("../dist/cdn", import.meta.url));
const built = existsSync(join(dir, "components.js")) && existsSync(join(dir, "thron-gallery.js"));

/**
 * gzip -9 bytes, the figures after issue 15's shared base and the gallery's dialog on first open
 * (from 24,720 and 17,413 at load). What loads on demand grew by about 1 KB when the dialog left
 * the gallery's chunk (compression works across one file, not two); a page pays it only on a first open.
 * Issue 27 then cost 848 B at load (from 21,372; the gallery page 247 B from 13,825): telling
 * Chromium's external-application prompt from Thunder opening (app-handoff.ts), the gallery
 * keeping its room when a load ends short (held-room.ts), the filter bar's scroll hint and the
 * helplines' unbroken ranges; on demand, the dialog's stage in the asset's shape on a phone.
 * And about 200 B for the helplines' opening hours said in each language's own sentence
 * (midnight, tomorrow, weekday, date; English is bundled).
 * Issue 27's hand-picked galleries (`assets`) cost 236 B at load (from 15,008 on the gallery page:
 * the attribute, its ids read, sent as one request, its placeholders, and no preset told to a
 * linked bar; the gallery entry about 108 B, the preset chunk 128 B) and about 690 B on demand (the list's checks and their messages for the
 * editor, in the preset check's chunk, which only a gallery with a preset or a list loads).
 * Issue 27's `layout="viewer"` cost the gallery page about 870 B at load: its CSS (the stage's and
 * strip's room from the first render, as the carousel's), its loader and its English strings; the
 * viewer itself loads on first use (the "viewer" figure). Then its looks beyond that room (buttons,
 * zoom, pop-up) moved into the viewer's chunk, adopted when it loads: the gallery page 371 B
 * lighter (from 15,866), the viewer's chunk 683 B heavier (from 3,685; CSS compresses less well
 * apart from the gallery's), and so "everything" and a gallery page in use about 312 B heavier.
 * The viewer's `thron-asset-open` and `sync-url` link: 24 B at load (its restore's hook), 166 B in
 * the viewer's chunk, and the hash link shared by the dialog and the viewer in a chunk of its own
 * (hash-link.ts: in neither entry, so grids pay nothing for it at load; one more file on first open).
 * The builder's picker showing its chosen tiles pressed (`aria-pressed` and an outline): 40 B at load.
 */
const LIMITS: Record<BundleFigure["name"], number> = {
  // Issue 24: components.js became a loader that imports the entry of each element a page holds
  // (gallery-only page from 22,846 B, all four elements in one script, to 14,984 B). Then: the
  // preset's code in the gallery's entry rather than a chunk of its own (-311 B), source maps
  // named by a SourceMap header rather than a comment in every file (-30 B a file), and the
  // loader's table of the chunks it fetches beside each entry (+105 B, one round trip less).
  // Not the budgets (12 KB, 18 KB): Lit alone is about 5.3 KB of every page and the gallery's own
  // code 6.4 KB; six files compress apart where one script did (see README "Size").
  // Issue 25 (the filter bar server-rendered) cost 77 B on the gallery page (15,008 → 15,085: the
  // first thumbnail's fetchpriority, the visitor's query a server page shows) and 166 B more on
  // the four elements' page (27,567 → 27,810: the bar's fields named as the URL's keys for its
  // no-JS form, hydrating from its inline filters, the URL applied after hydration).
  loader: 600,
  "gallery-page": 15_660,
  "four-elements": 28_300,
  /** Lit's hydration, loaded only on a page with a server-rendered element. */
  hydration: 2_550,
  /** The viewer's code, loaded by a gallery with layout="viewer" on first use. */
  viewer: 4_550,
  everything: 45_380,
  "gallery-page-in-use": 30_200,
};

const OTHER_LANGUAGE = /[\\/]lang[\\/](?!en\.ts$)[\w-]+\.ts$/;
const ELEMENT_FOLDERS = ["thron-gallery", "thron-asset", "thron-filter-bar", "thunder-launch-button", "throughline-helplines"];

describe("the CDN bundle, as pages download it", { skip: !built && "run pnpm build first" }, () => {
  const figures = built ? bundleFigures(dir) : [];
  const byName = (name: BundleFigure["name"]) => {
    const figure = figures.find((f) => f.name === name);
    assert.ok(figure, name);
    return figure;
  };

  for (const [name, limit] of Object.entries(LIMITS) as [BundleFigure["name"], number][])
    it(`${name} stays within ${limit} B gzip`, () => {
      const figure = byName(name);
      const budget = figure.budgetBytes ? ` (budget ${figure.budgetBytes} B)` : "";
      assert.ok(figure.gzipBytes <= limit, `${figure.what}: ${figure.gzipBytes} B gzip, more than ${limit} B${budget}`);
    });

  it("a page in English downloads no other language, even when every part is in use", () => {
    for (const figure of figures)
      assert.deepEqual(
        figure.sources.filter((source) => OTHER_LANGUAGE.test(source)),
        [],
        figure.name,
      );
  });

  it("a page with one element downloads no other element's code, even when every part is in use", () => {
    for (const element of ELEMENT_FOLDERS) {
      const { sources } = pageWeight(dir, `${element}.js`, true);
      const foreign = sources.filter((source) => ELEMENT_FOLDERS.some((f) => f !== element && source.includes(`src/${f}/`)));
      assert.deepEqual(foreign, [], element);
    }
  });

  it("the loader holds no element: a page downloads an element only when its tag is there", () => {
    assert.deepEqual(byName("loader").files, ["components.js"]);
    assert.ok(!byName("loader").sources.some((source) => /src\/(thron|thunder|throughline)-/.test(source)));
    assert.ok(!byName("four-elements").sources.some((source) => source.includes("src/thron-asset/")));
    assert.ok(!byName("gallery-page").sources.some((source) => source.includes("src/thron-filter-bar/")));
  });

  it("a page has what it needs at load after two round trips: the loader, then each entry with the chunks it imports", () => {
    assert.equal(roundTrips(dir, ["thron-gallery"]), 2);
    assert.equal(roundTrips(dir, [...ELEMENT_FOLDERS]), 2);
  });

  it("names each file's source map in _headers, as the BFF does, and in no file pages download", () => {
    const headers = readFileSync(join(dir, "_headers"), "utf8");
    for (const file of byName("everything").files.filter((f) => existsSync(join(dir, `${f}.map`)))) {
      assert.ok(headers.includes(`/${file}\n  SourceMap: ${file.slice(file.lastIndexOf("/") + 1)}.map\n`), file);
      assert.doesNotMatch(readFileSync(join(dir, file), "utf8"), /sourceMappingURL/, file);
    }
  });

  it("a page with grids downloads none of the viewer until a gallery shows one", () => {
    const viewer = byName("viewer");
    assert.ok(
      viewer.files.some((file) => file.startsWith("chunks/viewer-controller-")),
      "the viewer is a chunk of its own",
    );
    for (const name of ["gallery-page", "four-elements"] as const) {
      const { files, sources } = byName(name);
      assert.deepEqual(
        files.filter((file) => viewer.files.includes(file)),
        [],
        name,
      );
      assert.ok(!sources.some((source) => /viewer-(controller|stage|gestures)\.ts$/.test(source)), `${name}: no viewer source`);
    }
  });

  it("ships the elements' templates and styles without their indentation", () => {
    for (const file of new Set([...byName("everything").files, ...byName("gallery-page-in-use").files])) {
      const code = readFileSync(join(dir, file), "utf8");
      assert.doesNotMatch(code, /\n[ \t]+/, `${file} keeps indentation`);
      assert.doesNotMatch(code, /<!--|\/\*/, `${file} keeps comments`);
    }
  });
});
