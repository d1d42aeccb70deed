import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { CONFIG_REFERENCE, configurationMarkdown } from "../src/config-reference.ts";

const source = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");

describe("configuration reference", () => {
  it("documents every variable the BFF reads", () => {
    const code = ["../src/config.ts", "../src/runtime/prepare.ts", "../src/runtime/node.ts", "../src/runtime/bun.ts"]
      .map(source)
      .join("\n");
    const read = new Set([...code.matchAll(/(?:value|url)\("([A-Z_]+)"|env\.([A-Z_]+)/g)].map((m) => m[1] ?? m[2]));
    for (const names of code.matchAll(/\[("[A-Z_]+"(?:, "[A-Z_]+")*)\]/g))
      for (const [, name] of names[1]?.matchAll(/"([A-Z_]+)"/g) ?? []) read.add(name);
    const documented = new Set(CONFIG_REFERENCE.map((v) => v.name));
    const missing = [...read].filter((name) => name && !documented.has(name));
    assert.deepEqual(missing, [], "read by the BFF but not in config-reference.ts");
  });

  it("is what docs/configuration.md holds (run pnpm docs:config after a change)", () => {
    assert.equal(source("../../../docs/configuration.md"), configurationMarkdown());
  });
});
