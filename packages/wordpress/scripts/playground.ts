/**
 * WordPress Playground for the plugin's tests: PHP as WebAssembly running WordPress 6.5 from the
 * npm package @wp-playground/wordpress-builds, offline. Both packages weigh about 965 MB, so they
 * live outside the workspace in packages/wordpress/playground/ and are installed there on first
 * use (`npm ci` from its lockfile: exact versions, the last @wp-playground/cli that runs on Node 20).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const PLAYGROUND_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "playground");
const CLI = join(PLAYGROUND_DIR, "node_modules", "@wp-playground", "cli", "wp-playground.js");
const BUILDS = join(PLAYGROUND_DIR, "node_modules", "@wp-playground", "wordpress-builds");
const WORDPRESS_ZIP = join(BUILDS, "src", "wordpress", "wp-6.5.zip");
/**
 * The static files Playground's zip leaves out (the admin's CSS, every script of the block editor):
 * the same package holds them apart, for Playground's web server to serve.
 */
const WORDPRESS_STATIC_FILES = join(BUILDS, "public", "wp-6.5");
const LINT_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "lint.php");
/** The versions the plugin header promises; the tests run on exactly these. */
export const WORDPRESS_VERSION = "6.5";
/** The lowest PHP the plugin claims and the newest it is tested on: both in `pnpm test`. */
export const PHP_LOWEST = "7.4";
export const PHP_NEWEST = "8.3";
export const PHP_VERSIONS = [PHP_LOWEST, PHP_NEWEST] as const;

/** Installs the Playground packages when they are missing; returns how long that took (0 when present). */
export function ensurePlayground(): number {
  if (existsSync(CLI) && existsSync(WORDPRESS_ZIP)) return 0;
  const started = Date.now();
  console.log("# installing WordPress Playground into packages/wordpress/playground (about 965 MB, once)");
  execFileSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: PLAYGROUND_DIR, stdio: "inherit" });
  return Date.now() - started;
}

/** `php -l` on each file (scripts/lint.php), in PHP WebAssembly of version `php`; the output, and whether every file parsed. */
export function phpLint(dir: string, files: string[], php: string): { ok: boolean; output: string } {
  const args = [
    CLI,
    "php",
    "--wordpress-install-mode=do-not-attempt-installing",
    `--php=${php}`,
    `--mount=${dir}:/lint`,
    `--mount=${LINT_SCRIPT}:/tools/lint.php`,
    "--",
    "/tools/lint.php",
  ];
  try {
    const output = execFileSync(process.execPath, [...args, ...files.map((file) => `/lint/${file}`)], { encoding: "utf8", stdio: "pipe" });
    return { ok: true, output };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

export interface WordPress {
  url: string;
  /** The WordPress files on this machine (wp-content/plugins is where uploads land). */
  root: string;
  close(): Promise<void>;
}

/**
 * Unpacks WordPress (its static files included) into a temporary folder and serves it on 127.0.0.1
 * (a free port) with PHP `php`, installed from those files with SQLite, the blueprint's steps run,
 * and `mounts` (host → site path) added.
 */
export async function startWordPress(options: { blueprint: object; mounts?: Record<string, string>; php?: string }): Promise<WordPress> {
  const root = mkdtempSync(join(tmpdir(), "embedkit-wp-"));
  await unzip(readFileSync(WORDPRESS_ZIP), root);
  cpSync(WORDPRESS_STATIC_FILES, root, { recursive: true });
  const blueprint = join(root, "..", `${root.split("/").pop()}-blueprint.json`);
  // Given a blueprint, the CLI takes the PHP version from it and ignores --php (the site ran the
  // newest PHP, 8.5); `wp` is required beside it and unused, WordPress being installed from the files.
  const php = options.php ?? PHP_NEWEST;
  writeFileSync(blueprint, JSON.stringify({ preferredVersions: { php, wp: "latest" }, ...options.blueprint }));
  const args = [
    CLI,
    "server",
    "--port=0",
    `--php=${php}`,
    "--wordpress-install-mode=install-from-existing-files",
    `--mount-before-install=${root}:/wordpress`,
    ...Object.entries(options.mounts ?? {}).map(([host, site]) => `--mount=${host}:${site}`),
    `--blueprint=${blueprint}`,
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let url: string;
  try {
    url = await serving(child);
  } catch (error) {
    await stop(child, [root, blueprint]); // a site that did not start leaves no folder behind
    throw error;
  }
  // The first answers of a fresh Playground server can come back empty: warm it up before handing it over.
  for (const path of ["/", "/wp-login.php"])
    await fetch(`${url}${path}`).then(
      (response) => response.arrayBuffer(),
      () => undefined,
    );
  return { url, root, close: () => stop(child, [root, blueprint]) };
}

/** The address the Playground server announces, or why it did not start. */
function serving(child: ChildProcess): Promise<string> {
  let output = "";
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`WordPress did not start in 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /WordPress is running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`WordPress exited (${code}):\n${output}`));
    });
  });
}

async function stop(child: ChildProcess, paths: string[]): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    // A Playground server busy in a request can outlive SIGTERM: never leave one behind.
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(force);
  }
  for (const path of paths) rmSync(path, { recursive: true, force: true });
}

/** Unpacks a zip with the zip.js that Playground already brings. */
async function unzip(data: Buffer, target: string): Promise<void> {
  const zipjs = await import(pathToFileURL(join(PLAYGROUND_DIR, "node_modules", "@zip.js", "zip.js", "index.js")).href);
  zipjs.configure({ useWebWorkers: false });
  const reader = new zipjs.ZipReader(new zipjs.Uint8ArrayReader(new Uint8Array(data)));
  for (const entry of await reader.getEntries()) {
    const path = join(target, entry.filename);
    if (entry.directory) {
      mkdirSync(path, { recursive: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await entry.getData(new zipjs.Uint8ArrayWriter()));
  }
  await reader.close();
}
