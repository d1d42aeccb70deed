// @ts-check
/**
 * Two StrykerJS plugins for `pnpm test:mutation` (scripts/mutation.ts, stryker.config.mjs).
 *
 * - `tap-fastest-first`: the TAP runner, with the test files that reach a mutant run fastest first.
 *   Stryker hands them over in the order the file system listed them, and one slow file (the
 *   builder's, 20 s) ran first for most mutants; a mutant is killed by its first failing file,
 *   so a fast file that catches it now ends the run in about a second.
 * - `survivors`: writes each mutant the tests miss to reports/mutation/survivors.txt the moment it
 *   is found, so tests can be written while a run of hours goes on; and keeps
 *   reports/mutation/tally.json, each file's count of every status so far, so a run stopped
 *   before its end (Stryker then writes no report) still gives the score of what it tested.
 *
 * Plain JavaScript: Stryker loads plugins in worker processes that have no TypeScript loader.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { commonTokens, declareClassPlugin, declareFactoryPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";
import { createTapTestRunnerFactory } from "@stryker-mutator/tap-runner";

/** Written by the dry run (one worker), read by every worker that runs mutants after it. */
const testTimesFile = "reports/mutation/test-times.json";
const survivorsFile = "reports/mutation/survivors.txt";
const tallyFile = "reports/mutation/tally.json";

/** @param {string} file */
function ensureFolderOf(file) {
  mkdirSync(dirname(file), { recursive: true });
}

/** @implements {import("@stryker-mutator/api/test-runner").TestRunner} */
class FastestFirstRunner {
  /** @type {Map<string, number> | undefined} */
  #timeSpentMs;

  /** @param {import("@stryker-mutator/api/test-runner").TestRunner} tap */
  constructor(tap) {
    this.tap = tap;
  }

  capabilities() {
    return this.tap.capabilities();
  }

  async init() {
    await this.tap.init?.();
  }

  async dispose() {
    await this.tap.dispose?.();
  }

  /** @param {import("@stryker-mutator/api/test-runner").DryRunOptions} options */
  async dryRun(options) {
    const result = await this.tap.dryRun(options);
    if (result.status === "complete") {
      ensureFolderOf(testTimesFile);
      writeFileSync(testTimesFile, JSON.stringify(Object.fromEntries(result.tests.map((test) => [test.id, test.timeSpentMs]))));
    }
    return result;
  }

  /** @param {import("@stryker-mutator/api/test-runner").MutantRunOptions} options */
  async mutantRun(options) {
    const testFilter = options.testFilter && [...options.testFilter].sort((a, b) => this.#timeOf(a) - this.#timeOf(b));
    return this.tap.mutantRun({ ...options, testFilter });
  }

  /** @param {string} testId */
  #timeOf(testId) {
    if (!this.#timeSpentMs) {
      try {
        this.#timeSpentMs = new Map(Object.entries(JSON.parse(readFileSync(testTimesFile, "utf8"))));
      } catch {
        this.#timeSpentMs = new Map(); // no dry run recorded: keep Stryker's order
      }
    }
    return this.#timeSpentMs.get(testId) ?? Number.POSITIVE_INFINITY;
  }
}

/** @param {import("@stryker-mutator/api/plugin").Injector} injector */
function createFastestFirstRunner(injector) {
  return new FastestFirstRunner(injector.injectFunction(createTapTestRunnerFactory()));
}
createFastestFirstRunner.inject = tokens(commonTokens.injector);

/** @implements {import("@stryker-mutator/api/report").Reporter} */
class SurvivorsReporter {
  /** @type {Record<string, Record<string, number>>} file → status → mutants */
  tally = {};

  constructor() {
    ensureFolderOf(survivorsFile);
    writeFileSync(survivorsFile, "");
    writeFileSync(tallyFile, "{}");
  }

  /** @param {Readonly<import("@stryker-mutator/api/core").MutantResult>} mutant */
  onMutantTested(mutant) {
    const file = relative(process.cwd(), mutant.fileName);
    const counts = this.tally[file] ?? {};
    counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
    this.tally[file] = counts;
    writeFileSync(tallyFile, JSON.stringify(this.tally, null, 1));
    if (mutant.status !== "Survived" && mutant.status !== "NoCoverage") return;
    // Stryker's report positions: line and column both count from 1.
    const { line, column } = mutant.location.start;
    const replacement = mutant.replacement.replace(/\s+/g, " ").slice(0, 120);
    appendFileSync(survivorsFile, `${file}:${line}:${column} ${mutant.status} ${mutant.mutatorName}: ${replacement}\n`);
  }
}

export const strykerPlugins = [
  declareFactoryPlugin(PluginKind.TestRunner, "tap-fastest-first", createFastestFirstRunner),
  declareClassPlugin(PluginKind.Reporter, "survivors", SurvivorsReporter),
];
