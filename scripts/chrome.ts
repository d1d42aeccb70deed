/**
 * The Chrome/Chromium for browser tests, the screenshot and the benchmark, first found of:
 * 1. `CHROME_PATH`;
 * 2. a system install at the usual paths (skipped with `CHROME_SKIP_SYSTEM=1`, to try 3 on a
 *    machine that has one);
 * 3. the headless Chromium shipped inside the optional npm dependency `@sparticuz/chromium`,
 *    unpacked once into the temporary folder. It is an ordinary registry package (no download
 *    from anywhere else), so `pnpm install` alone makes `pnpm test` work on a fresh Linux x64
 *    machine with no apt step. Elsewhere (macOS, arm64) pnpm still installs it but its build
 *    does not run: install Chrome there.
 */
import { existsSync } from "node:fs";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export async function chromePath(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const system = env.CHROME_SKIP_SYSTEM === "1" ? undefined : CANDIDATES.find((path) => existsSync(path));
  return system ?? (await bundledChromium());
}

/** The Chromium inside `@sparticuz/chromium`, when that optional dependency is installed and this is Linux x64. */
async function bundledChromium(): Promise<string> {
  const missing =
    "No Chrome or Chromium found: set CHROME_PATH, install Chrome or Chromium, or run `pnpm install` on Linux x64 (it brings @sparticuz/chromium)";
  if (process.platform !== "linux" || process.arch !== "x64") throw new Error(missing);
  let chromium: { executablePath(): Promise<string> };
  try {
    chromium = (await import("@sparticuz/chromium")).default;
  } catch {
    throw new Error(missing);
  }
  return chromium.executablePath();
}

/** Flags for a headless Chromium that may run as root on a machine with no network. */
export const CHROME_ARGS = [
  "--no-sandbox",
  "--headless=new",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
