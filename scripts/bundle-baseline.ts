/**
 * `pnpm bench`'s baseline for the bundle budgets: one script with every element, as components.js
 * was before it became a loader (`vite build --mode single`), built in the same run with the same
 * toolchain, so a change of Lit, Vite or the minifier moves both sides.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BundleFigure, pageWeight } from "./bundle-size.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** What a page with any of the elements downloaded at load through the single script, gzip -9. */
export function singleScriptWeight(): Omit<BundleFigure, "name" | "what"> {
  const dir = mkdtempSync(join(tmpdir(), "embedkit-single-script-"));
  try {
    const vite = join(ROOT, "node_modules/vite/bin/vite.js");
    const args = [vite, "build", "--mode", "single", "--outDir", dir, "--emptyOutDir", "--logLevel", "error"];
    const build = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`the single-script build failed:\n${build.stderr}`);
    return pageWeight(dir, "components.js", false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
