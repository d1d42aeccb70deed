/**
 * `pnpm fuzz`: the suite's property-based fuzzer (packages/bff/test/fuzz.test.ts), run longer:
 * FUZZ_RUNS requests without faults (20,000 unless set), a fifth as many at the render route with
 * hostile attribute text that gets past validation, then two fifths as many with the sandbox failing
 * a fifth of upstream calls; FUZZ_SEED replays a run. Prints the requests sent and the statuses answered.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { status } = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-timeout=0", "packages/bff/test/fuzz.test.ts"],
  { cwd: root, stdio: "inherit", env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? "20000" } },
);
process.exit(status ?? 1);
