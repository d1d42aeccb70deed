/**
 * `pnpm test:mutation`: StrykerJS plants one-line bugs (mutants) in the BFF, the contracts and the
 * elements' DOM-free logic (stryker.config.mjs), runs the node tests that reach each one, and
 * reports the share the tests catch, per folder, against the targets below.
 *
 *   pnpm test:mutation                                   incremental: only mutants whose code or tests changed
 *   pnpm test:mutation -- packages/bff/src/http          only the files under these paths (or globs)
 *   pnpm test:mutation -- --full                         ignore the incremental file
 *   pnpm test:mutation -- --concurrency 1                test runners at a time (default: stryker.config.mjs)
 *   pnpm test:mutation -- packages/bff/src/core --tests 'packages/bff/test/{logger,metrics}.test.ts'
 *                                                        only these test files (globs): a mutant no test
 *                                                        reaches costs every file that reaches it, which
 *                                                        is all of them for code every request runs
 *
 * The HTML report is reports/mutation/mutation.html; reports/stryker-incremental.json makes the next
 * run incremental and keeps every folder measured so far (scripts/mutation-incremental.ts). Behaviour that exists only in a browser (focus, keyboard, the dialog) is checked
 * by `pnpm test:mutation:browser` instead (scripts/browser-mutants.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { currentFiles, keepEarlierResults, readIncremental } from "./mutation-incremental.ts";
import { reportScores } from "./mutation-scores.ts";

const require = createRequire(import.meta.url);

/**
 * Stryker 10's command line refuses Node < 22 (its `engines`), yet its engine runs on Node 20, the
 * version this project supports; so the `Stryker` class is loaded from its own file, past the
 * package entry that runs the version check on import.
 */
async function loadStryker() {
  const core = dirname(require.resolve("@stryker-mutator/core/package.json"));
  const module = await import(pathToFileURL(join(core, "dist/src/stryker.js")).href);
  return module.Stryker as typeof import("@stryker-mutator/core").Stryker;
}

/** pnpm keeps the plugins out of Stryker's own node_modules, where it looks for them by name. */
const plugins = [
  ...["@stryker-mutator/tap-runner", "@stryker-mutator/typescript-checker"].map((name) => pathToFileURL(require.resolve(name)).href),
  new URL("./stryker-plugins.mjs", import.meta.url).href,
];

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const concurrencyAt = args.indexOf("--concurrency");
const concurrency = concurrencyAt >= 0 ? Number(args.splice(concurrencyAt, 2)[1]) : undefined;
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
  console.error("--concurrency needs a whole number of test runners, 1 or more");
  process.exit(2);
}
const testsAt = args.indexOf("--tests");
const tests = testsAt >= 0 ? (args.splice(testsAt, 2)[1] ?? "").split(/\s+/).filter(Boolean) : undefined;
if (tests?.length === 0) {
  console.error("--tests needs one or more test file globs");
  process.exit(2);
}
const paths = args.filter((arg) => !arg.startsWith("--"));
const mutate = paths.map((path) => (/[*{]/.test(path) || path.endsWith(".ts") ? path : `${path.replace(/\/$/, "")}/**/*.ts`));

// Some node tests serve the built element bundle (the demo, the strict-CSP page).
if (!existsSync("packages/components/dist/cdn/components.js") && spawnSync("pnpm", ["build"], { stdio: "inherit" }).status !== 0)
  process.exit(2);

const config = (await import(new URL("../stryker.config.mjs", import.meta.url).href)).default;
const earlier = readIncremental();
const Stryker = await loadStryker();
const stryker = new Stryker({
  configFile: "stryker.config.mjs",
  plugins,
  ...(mutate.length > 0 && { mutate }),
  ...(args.includes("--full") && { force: true }),
  ...(concurrency !== undefined && { concurrency }),
  ...(tests !== undefined && { tap: { ...config.tap, testFiles: tests } }),
});
await stryker.runMutationTest();

const report = JSON.parse(readFileSync("reports/mutation/mutation.json", "utf8"));
console.log("\nthis run:");
const met = reportScores(report);
const measured = keepEarlierResults(earlier);
if (measured && Object.keys(measured.files).length > Object.keys(report.files).length) {
  console.log("\nevery file measured so far whose source has not changed since (reports/stryker-incremental.json):");
  reportScores(currentFiles(measured));
}
process.exit(met ? 0 : 1);
