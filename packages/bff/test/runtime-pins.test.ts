/**
 * `pnpm check:runtimes` on a fresh machine: every runtime it starts is pinned to an exact version,
 * and wrangler.toml asks for no compatibility date newer than the pinned workerd supports
 * (otherwise "The Workers runtime failed to start").
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import { RUNTIME_VERSIONS } from "../../../scripts/runtime-versions.ts";

const BFF = new URL("../", import.meta.url);
const EXACT = /^\d+\.\d+\.\d+$/;

test("wrangler is a devDependency at an exact version, and that version is the one installed", () => {
  const manifest = JSON.parse(readFileSync(new URL("package.json", BFF), "utf8")) as { devDependencies: Record<string, string> };
  const pinned = manifest.devDependencies.wrangler;
  assert.match(pinned ?? "", EXACT);
  const require = createRequire(new URL("package.json", BFF));
  assert.equal((require("wrangler/package.json") as { version: string }).version, pinned);
});

test("wrangler.toml's compatibility_date is within what the pinned wrangler's workerd supports", () => {
  const toml = readFileSync(new URL("wrangler.toml", BFF), "utf8");
  const asked = /^compatibility_date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(toml)?.[1];
  assert.ok(asked, "wrangler.toml has a compatibility_date");
  // workerd as wrangler resolves it (its own dependency), not whatever else might be installed.
  const fromWrangler = createRequire(createRequire(new URL("package.json", BFF)).resolve("wrangler/package.json"));
  const { compatibilityDate: supported } = fromWrangler("workerd") as { compatibilityDate: string };
  assert.match(supported, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(asked <= supported, `compatibility_date ${asked} is newer than workerd supports (${supported})`);
});

test("the runtimes check:runtimes installs are exact versions", () => {
  for (const [name, version] of Object.entries(RUNTIME_VERSIONS)) assert.match(version, EXACT, name);
});
