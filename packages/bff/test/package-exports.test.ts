/** Every source export in the workspace's package.json files names a file that exists. */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const packagesDir = fileURLToPath(new URL("../..", import.meta.url));

/** Export targets, with a `*` pattern checked through its folder. */
function targets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports && typeof exports === "object") return Object.values(exports).flatMap(targets);
  return [];
}

describe("package.json exports", () => {
  for (const name of readdirSync(packagesDir)) {
    const manifest = join(packagesDir, name, "package.json");
    if (!existsSync(manifest)) continue;
    const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as { exports?: unknown };
    // What `pnpm build` writes (dist/, the manifest) is checked by the packed-package test.
    const sources = targets(exports).filter((target) => !target.startsWith("./dist/") && target !== "./custom-elements.json");
    it(`of ${name} point at files that exist`, () => {
      for (const target of sources) {
        const path = join(packagesDir, name, target.includes("*") ? target.slice(0, target.indexOf("*")) : target);
        assert.ok(existsSync(path), `${name}: ${target}`);
      }
    });
  }

  it("of @embedkit/bff give the app factory and the configuration loader", async () => {
    const bff = await import("@embedkit/bff");
    const config = await import("@embedkit/bff/config.ts");
    assert.equal(typeof bff.createApp, "function");
    assert.equal(bff.loadConfig({}).sandbox, true, "the app's loader has the simulator's values for sandbox mode");
    // The real configuration's loader alone does not load the simulator: sandbox mode is a clear problem there.
    assert.throws(() => config.loadConfig({}), /sandbox mode needs the simulated upstreams/);
    const real = config.loadConfig({ THROUGHLINE_CLIENT_ID: "id", THROUGHLINE_CLIENT_SECRET: "secret" });
    assert.equal(real.throughline?.clientId, "id");
  });
});
