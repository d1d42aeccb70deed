/**
 * Stands apart from config-reference.test.ts because it reads the BFF's source files (the runtimes'
 * `env.X` reads): a mutation run rewrites those sources in place, so under Stryker this test would
 * fail on every mutant. Kept out of mutation runs; config-reference.test.ts reads only the
 * generated reference and can be in one.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { CONFIG_REFERENCE } from "../src/config-reference.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { LIVE } from "./config-live.ts";

const source = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");

/** The variables `loadConfig(env)` looks at. */
function variablesRead(env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  loadConfig(
    new Proxy(env, {
      get: (target, name) => {
        if (typeof name === "string") read.add(name);
        return target[name as string];
      },
    }),
  );
  return read;
}

describe("configuration reference, against the sources", () => {
  it("documents every variable the BFF reads, and only those", () => {
    const runtime = ["../src/runtime/prepare.ts", "../src/runtime/node-main.ts", "../src/runtime/bun.ts"].map(source).join("\n");
    const read = new Set([
      ...variablesRead(LIVE),
      ...variablesRead({}),
      ...[...runtime.matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1] as string),
    ]);
    const documented = new Set(CONFIG_REFERENCE.map((v) => v.name));
    assert.deepEqual(
      [...read].filter((name) => !documented.has(name)),
      [],
      "read by the BFF but not documented",
    );
    assert.deepEqual(
      [...documented].filter((name) => !read.has(name)),
      [],
      "documented but never read",
    );
  });
});
