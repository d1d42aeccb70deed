/**
 * The Chrome/Chromium for browser tests, the screenshot and the benchmark, first found of:
 * 1. `CHROME_PATH`;
 * 2. a system install at the usual paths (skipped with `CHROME_SKIP_SYSTEM=1`, to try 3 on a
 *    machine that has one);
 * 3. the headless Chromium shipped inside the optional npm dependency `@sparticuz/chromium`,
 *    unpacked (191 MB, about 3 s) into a folder of this process's own in the system temp folder,
 *    `embedkit-chromium-<pid>-*`, removed when the process exits. It is an ordinary registry
 *    package (no download from anywhere else), so `pnpm install` alone makes `pnpm test` work
 *    on a fresh Linux x64 machine with no apt step. Elsewhere (macOS, arm64) pnpm still installs
 *    it but its build does not run: install Chrome there.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  unpacked ??= unpack(chromium);
  return unpacked;
}

/** One unpacking per process, however many browsers it launches. */
let unpacked: Promise<string> | undefined;
const PREFIX = "embedkit-chromium-";

/**
 * The package unpacks into `os.tmpdir()` (its `chromium`, fonts and GL libraries side by side)
 * and leaves them there; pointed at a folder of our own instead, the whole lot goes at exit.
 */
async function unpack(chromium: { executablePath(): Promise<string> }): Promise<string> {
  const temp = tmpdir();
  removeLeftovers(temp);
  const dir = mkdtempSync(join(temp, `${PREFIX}${process.pid}-`));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir; // os.tmpdir() reads it on every call
  try {
    return await chromium.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

/** Folders of processes that ended without their exit handler (killed): removed; a live process's stay. */
function removeLeftovers(temp: string): void {
  for (const name of readdirSync(temp)) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (pid && !isAlive(pid)) rmSync(join(temp, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 sends nothing: it only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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
