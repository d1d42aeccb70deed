/** What the BFF tests share: a BFF in sandbox mode, in-process, with its log lines captured; a real THRON configuration. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Problem } from "@embedkit/contracts";
import { THRON_SANDBOX } from "@embedkit/sandbox";
import { type AppDeps, createApp } from "../src/app.ts";
import { ConfigError } from "../src/config.ts";
import { readBundle } from "../src/runtime/bundle-files.ts";
import { loadConfig } from "../src/sandbox-mode.ts";

/** A real (not sandbox) THRON configuration. */
export const THRON = {
  THRON_TENANT: "acme",
  THRON_CLIENT_ID: "client",
  THRON_CLIENT_SECRET: "secret-value",
  THRON_USERNAME: "embed-user",
  THRON_FOLDER_ID: "folder-1",
  THRON_PKEY: "pkey-1",
};

/** The simulator's THRON tenant as a real configuration names it: credentials, user, folder, pKey. */
export const THRON_SANDBOX_ENV: Record<string, string> = {
  THRON_TENANT: THRON_SANDBOX.tenant,
  THRON_CLIENT_ID: THRON_SANDBOX.clientId,
  THRON_CLIENT_SECRET: THRON_SANDBOX.clientSecret,
  THRON_USERNAME: THRON_SANDBOX.username,
  THRON_FOLDER_ID: THRON_SANDBOX.folderId,
  THRON_PKEY: THRON_SANDBOX.pkey,
};

/**
 * A real THRON configuration (not sandbox mode) for the simulator's tenant, with every THRON host
 * at `base` (`https://thron.simulated/thron`): a BFF that speaks to the simulator as to THRON.
 */
export function thronSimulatorEnv(base: string): Record<string, string> {
  return { ...THRON_SANDBOX_ENV, THRON_AUTH_URL: base, THRON_API_URL: base, THRON_CDN_URL: base };
}

/** The problems loadConfig reports for `env` (it must report some). */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail("expected a ConfigError");
}

export const PUBLIC_URL = "http://bff.test";

/** A BFF in sandbox mode, in-process, with its log lines captured: what the tests drive. */
export function sandboxBff(env: Record<string, string> = {}, deps: Partial<AppDeps> = {}) {
  const logs: string[] = [];
  const config = loadConfig({ BFF_SANDBOX: "1", ...env }, { publicUrl: PUBLIC_URL });
  const built = createApp(config, { publicUrl: PUBLIC_URL, logSink: (line) => logs.push(line), ...deps });
  const sandbox = built.sandbox;
  if (!sandbox) throw new Error("expected sandbox mode");
  const get = (path: string, init?: RequestInit) => built.app.request(`${PUBLIC_URL}${path}`, init);
  return { ...built, sandbox, thron: sandbox.thron, config, logs, get };
}

export const ASSETS = "/v1/thron/galleries/default/assets";

/** The inline data of a rendered fragment, read back as the element reads it. */
export function renderedStateOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/json" data-embedkit-state>([^<]*)<\/script>/.exec(html);
  assert.ok(match, "the fragment carries its data");
  return JSON.parse(match[1] ?? "");
}

/**
 * The bundle readBundle() makes of `files` (path → text) written to a temporary folder, which is
 * removed at once: readBundle holds every file in memory, and a test run leaves no folder behind.
 */
export function bundleOf(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "embedkit-bundle-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return readBundle(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The problem a response carries, after checking its status and that it is `application/problem+json`. */
export async function problemOf(response: Response, status: number): Promise<Problem> {
  assert.equal(response.status, status, await response.clone().text());
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  return Problem.parse(await response.json());
}
