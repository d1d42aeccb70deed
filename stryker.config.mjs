// @ts-check
/**
 * StrykerJS, run by `pnpm test:mutation` (scripts/mutation.ts): plants one-line bugs in the code
 * below and runs the node tests that reach each one. A mutant the tests do not catch is a
 * missing test. Incremental: a rerun tests only mutants whose code or tests changed.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: "pnpm",
  // The TAP runner with the files that reach a mutant run fastest first (scripts/stryker-plugins.mjs).
  testRunner: "tap-fastest-first",
  tap: {
    // Not the tests of the built bundle: they measure files built before the run, or build from
    // sources that Stryker has instrumented in place, so a mutant can change nothing they see.
    // Nor the five that drive Chromium (a minute per mutant between them): browser behaviour has
    // its own hand list (scripts/browser-mutants.ts). A mutant only they would catch counts as
    // missed, so the scores are lower bounds. Nor config-sources, which reads the instrumented
    // sources and so would fail on every mutant.
    testFiles: [
      "packages/bff/test/!(builder|config-sources|demo-page|demo-languages|strict-csp|temp-cleanup).test.ts",
      "packages/{contracts,sandbox}/test/*.test.ts",
      "packages/components/test/!(bundle-size|package).test.ts",
    ],
    nodeArgs: ["--import", "tsx", "--test-reporter=tap", "-r", "{{hookFile}}", "{{testFile}}"],
    forceBail: true,
  },
  // Mutants that do not compile are not counted.
  checkers: ["typescript"],
  // Only the mutated code and what it imports: the whole repository's program took 40% longer to check.
  tsconfigFile: "tsconfig.mutation.json",
  mutate: [
    "packages/bff/src/**/*.ts",
    "packages/contracts/src/**/*.ts",
    // The elements' DOM-free logic, tested in node (packages/components/test).
    "packages/components/src/throughline-helplines/opening-hours.ts",
    "packages/components/src/thron-filter-bar/url-state.ts",
    "packages/components/src/thron-gallery/query-preset.ts",
    "packages/components/src/thron-gallery/preset-check.ts",
    "packages/components/src/internal/roving-grid.ts",
  ],
  coverageAnalysis: "perTest",
  // The workspace links its packages through nested node_modules, which Stryker's sandbox copy
  // does not carry: mutate in place (Stryker puts every file back, also on Ctrl-C).
  inPlace: true,
  // Left alone in place: the built bundle (the tests serve it), the reports, the generated docs and
  // the runtimes check (anchored at the root: `docs` alone would also skip packages/bff/src/docs).
  ignorePatterns: ["**/dist/**", "/reports", "/docs", "/.runtimes"],
  // tsx does not type-check, so nothing needs Stryker's `// @ts-nocheck` in every file.
  disableTypeChecks: false,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // "survivors": reports/mutation/survivors.txt lists each missed mutant as it is found.
  reporters: ["html", "json", "clear-text", "progress", "survivors"],
  clearTextReporter: { reportMutants: false, reportTests: false },
  // Two cores here: one checker and one test runner at a time.
  concurrency: 2,
  timeoutMS: 30_000,
  // The first run of every test file takes 3 min on an idle 2-core machine and more than the
  // default 5 when others are testing on it too.
  dryRunTimeoutMinutes: 20,
  thresholds: { high: 80, low: 70, break: null },
  tempDirName: ".stryker-tmp",
};
