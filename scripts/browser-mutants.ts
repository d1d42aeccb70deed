/**
 * `pnpm test:mutation:browser`: a short hand list of bugs in what exists only in a browser (focus,
 * keyboard, the dialog, composed events), where StrykerJS cannot reach: each would need a Chromium
 * run per mutant through Stryker's command runner, hours for the whole element code, while these few
 * take minutes. Each mutant replaces one exact piece of source (which must occur once: a mutant
 * whose code moved is reported, not silently skipped), runs the browser tests named for it, and
 * puts the file back. A mutant is killed when those tests fail (or time out).
 *
 *   pnpm test:mutation:browser              every mutant
 *   pnpm test:mutation:browser -- dialog    only mutants whose id contains one of the words
 *   pnpm test:mutation:browser -- --port 8123   the browser tests on that port
 *
 * Exits non-zero when a mutant survives, or when the unmutated tests fail.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface Mutant {
  id: string;
  /** The bug, as a reviewer would describe it. */
  what: string;
  file: string;
  from: string;
  to: string;
  /** Browser test files (packages/components/src/…). */
  tests: string[];
}

const GALLERY_TESTS = [
  "packages/components/src/thron-gallery/thron-gallery.dialog.test.ts",
  "packages/components/src/thron-gallery/thron-gallery.focus.test.ts",
];

const VIEWER_TESTS = ["packages/components/src/thron-gallery/thron-gallery.viewer.test.ts"];

const MUTANTS: Mutant[] = [
  {
    id: "events-not-composed",
    what: "element events that stop being composed",
    file: "packages/components/src/internal/embedkit-element.ts",
    from: "bubbles: true, composed: true,",
    to: "bubbles: true, composed: false,",
    tests: ["packages/components/src/internal/embedkit-element.test.ts"],
  },
  {
    id: "gallery-every-tile-tabbable",
    what: "every tile a tab stop (no roving tabindex)",
    file: "packages/components/src/thron-gallery/thron-gallery.component.ts",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text a mutant replaces
    from: "tabindex=${index === this._focusIndex ? 0 : -1}",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text a mutant replaces
    to: "tabindex=${0}",
    tests: GALLERY_TESTS,
  },
  {
    id: "gallery-close-no-focus",
    what: "closing the dialog leaves focus to the browser",
    file: "packages/components/src/thron-gallery/gallery-dialog.ts",
    from: "void this.host.updateComplete.then(() => this.host.focusTile(index));",
    to: "",
    tests: GALLERY_TESTS,
  },
  // Left out as equivalent: dropping `this._focusIndex = index` in the dialog's step, since the
  // tile's own focus handler sets the tab stop when the dialog returns focus to it.
  {
    id: "gallery-dialog-not-modal",
    what: "the dialog opened non-modal: focus not kept inside, the page behind reachable",
    file: "packages/components/src/thron-gallery/gallery-dialog.ts",
    from: "      dialog.showModal();\n",
    to: "      dialog.show();\n",
    tests: GALLERY_TESTS,
  },
  {
    id: "grid-arrows-move-no-focus",
    what: "arrow keys move the tab stop but not the focus",
    file: "packages/components/src/thron-gallery/thron-gallery.component.ts",
    from: "    tiles[target]?.focus();\n",
    to: "",
    tests: GALLERY_TESTS,
  },
  {
    id: "viewer-end-second-last",
    what: "End in the viewer's strip selects the second-last thumbnail",
    file: "packages/components/src/thron-gallery/viewer-controller.ts",
    from: 'if (key === "End") return last;',
    to: 'if (key === "End") return last - 1;',
    tests: VIEWER_TESTS,
  },
  // Left out as equivalent in Chromium: dropping the viewer's own focus return when its pop-up
  // closes, since Chromium's <dialog> gives focus back to the element focused before it opened.
  {
    id: "viewer-popup-not-modal",
    what: "the viewer's full-screen pop-up opened non-modal: the page behind reachable",
    file: "packages/components/src/thron-gallery/viewer-controller.ts",
    from: "this.#popup?.showModal();",
    to: "this.#popup?.show();",
    tests: VIEWER_TESTS,
  },
  {
    id: "viewer-disabled-button-drops-focus",
    what: "the viewer's next button, disabled at the last asset, leaves focus on nothing",
    file: "packages/components/src/thron-gallery/viewer-controller.ts",
    from: "(other && !other.disabled ? other : this.#tabs()[this.index])?.focus();",
    to: "",
    tests: VIEWER_TESTS,
  },
  {
    id: "viewer-arrows-not-mirrored",
    what: "Left and Right in the viewer's strip not mirrored in a right-to-left page",
    file: "packages/components/src/thron-gallery/viewer-controller.ts",
    from: 'return current + ((key === "ArrowRight") !== rtl ? 1 : -1);',
    to: 'return current + (key === "ArrowRight" ? 1 : -1);',
    tests: VIEWER_TESTS,
  },
];

const root = fileURLToPath(new URL("..", import.meta.url));

const args = process.argv.slice(2).filter((arg) => arg !== "--");
/** `--port <n>`: the browser tests' port, as for `pnpm test:browser` (several runs on one machine). */
const portAt = args.indexOf("--port");
const port = portAt >= 0 ? args.splice(portAt, 2).slice(1) : [];
const words = args.filter((arg) => !arg.startsWith("--"));

function runTests(tests: string[]): boolean {
  const wtr = [
    "--import",
    "tsx",
    "node_modules/@web/test-runner/dist/bin.js",
    ...(port.length ? ["--port", ...port] : []),
    "--files",
    ...tests,
  ];
  return spawnSync(process.execPath, wtr, { cwd: root, stdio: "ignore", timeout: 300_000 }).status === 0;
}
const selected = MUTANTS.filter((m) => words.length === 0 || words.some((word) => m.id.includes(word)));

// Applying every mutant's text first: a mutant whose code has moved fails here, before any run.
const sources = new Map<string, string>();
for (const mutant of selected) {
  const source = sources.get(mutant.file) ?? readFileSync(`${root}/${mutant.file}`, "utf8");
  sources.set(mutant.file, source);
  const count = source.split(mutant.from).length - 1;
  if (count !== 1) {
    console.error(`mutant ${mutant.id}: its code occurs ${count} times in ${mutant.file}; update the mutant`);
    process.exit(2);
  }
}

let restore: (() => void) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    restore?.();
    process.exit(130);
  });

const allTests = [...new Set(selected.flatMap((m) => m.tests))];
console.log(`baseline: ${allTests.length} test files without mutants…`);
if (!runTests(allTests)) {
  console.error("the tests fail without any mutant: fix them first");
  process.exit(2);
}

const survivors: Mutant[] = [];
for (const [n, mutant] of selected.entries()) {
  const original = sources.get(mutant.file) as string;
  restore = () => writeFileSync(`${root}/${mutant.file}`, original);
  writeFileSync(`${root}/${mutant.file}`, original.replace(mutant.from, mutant.to));
  let killed: boolean;
  try {
    killed = !runTests(mutant.tests);
  } finally {
    restore();
    restore = null;
  }
  if (!killed) survivors.push(mutant);
  console.log(`${String(n + 1).padStart(2)}/${selected.length} ${killed ? "killed  " : "SURVIVED"} ${mutant.id}: ${mutant.what}`);
}

const killed = selected.length - survivors.length;
const score = killed / selected.length;
console.log(`\nbrowser mutants: ${killed}/${selected.length} killed (${(score * 100).toFixed(1)}%)`);
for (const mutant of survivors) console.log(`  survived: ${mutant.id} (${mutant.file}): ${mutant.what}`);
process.exit(survivors.length === 0 ? 0 : 1);
