/**
 * Test runs clean up after themselves: nothing of theirs stays in the system temp folder, neither
 * the folders tests write bundles to nor the packaged Chromium (191 MB) the browser tests unpack.
 * Each case runs in a child process with its own empty TMPDIR, and reads that folder afterwards.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

const ROOT = join(import.meta.dirname, "../../..");

/** Runs `args` under Node with tsx and an empty temp folder; what it printed, and what it left there (tsx's own cache aside). */
function inEmptyTemp(args: string[], env: Record<string, string> = {}) {
  const temp = mkdtempSync(join(tmpdir(), "embedkit-cleanup-test-"));
  // Without this, a `node --test` inside this test run would report to it instead of running its files.
  const { NODE_TEST_CONTEXT: _, ...parent } = process.env;
  try {
    const output = execFileSync(process.execPath, ["--import", "tsx", ...args], {
      cwd: ROOT,
      env: { ...parent, ...env, TMPDIR: temp },
      encoding: "utf8",
    });
    return { output, left: readdirSync(temp).filter((name) => !name.startsWith("tsx-")), temp };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

const hasPackagedChromium = (() => {
  try {
    createRequire(import.meta.url).resolve("@sparticuz/chromium");
    return process.platform === "linux" && process.arch === "x64";
  } catch {
    return false;
  }
})();

describe("test runs and the temp folder", () => {
  it("leave no embedkit-bundle-* or embedkit-headers-* folder behind", () => {
    const { output, left } = inEmptyTemp([
      "--test",
      "--test-reporter=tap",
      "packages/bff/test/compression.test.ts",
      "packages/bff/test/response-headers.test.ts",
    ]);
    assert.match(output, /^# pass [1-9]/m, "the tests ran");
    assert.deepEqual(left, []);
  });

  it("unpack the packaged Chromium into a folder of their own and remove it at exit", {
    skip: hasPackagedChromium ? false : "@sparticuz/chromium is Linux x64 only",
  }, () => {
    const script = `import { existsSync } from "node:fs";
const { chromePath } = await import("./scripts/chrome.ts");
const path = await chromePath({ CHROME_SKIP_SYSTEM: "1" });
console.log(JSON.stringify({ path, there: existsSync(path), same: path === (await chromePath({ CHROME_SKIP_SYSTEM: "1" })) }));`;
    const { output, left, temp } = inEmptyTemp(["--input-type=module", "-e", script]);
    const { path, there, same } = JSON.parse(output) as { path: string; there: boolean; same: boolean };
    assert.ok(path.startsWith(join(temp, "embedkit-chromium-")), `unpacked to ${path}`);
    assert.ok(there, "the browser was there while the process ran");
    assert.ok(same, "unpacked once per process");
    assert.deepEqual(left, [], "and nothing is left once it exits");
  });
});
