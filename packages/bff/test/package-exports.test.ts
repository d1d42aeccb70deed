/**
 * Every source export in the workspace's package.json files names a file that exists, and the
 * scripts reach the packages through those exports only: never a package's `src/` or its tests.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const packagesDir = fileURLToPath(new URL("../..", import.meta.url));
const scriptsDir = fileURLToPath(new URL("../../../scripts", import.meta.url));

/** The subpaths `@embedkit/<name>` exports (`.`, `./node-server`, `./runtime/*`). */
function exportedSubpaths(name: string): string[] {
  const manifest = join(packagesDir, name, "package.json");
  if (!existsSync(manifest)) return [];
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as { exports?: unknown };
  return typeof exports === "object" && exports !== null ? Object.keys(exports) : typeof exports === "string" ? ["."] : [];
}

/** What is wrong with `specifier`, imported by the script `file`: a path outside scripts/, or a subpath no package exports. */
export function privateImport(file: string, specifier: string): string | null {
  if (specifier.startsWith(".")) {
    const target = relative(scriptsDir, resolve(dirname(file), specifier));
    return target.startsWith("..") ? `${relative(scriptsDir, file)} imports ${specifier}, outside scripts/` : null;
  }
  const match = /^@embedkit\/([^/]+)(\/.*)?$/.exec(specifier);
  if (!match) return null;
  const subpath = `.${match[2] ?? ""}`;
  const exported = exportedSubpaths(match[1] as string).some((path) =>
    path.includes("*") ? subpath.startsWith(path.slice(0, path.indexOf("*"))) : path === subpath,
  );
  return exported ? null : `${relative(scriptsDir, file)} imports ${specifier}, which @embedkit/${match[1]} does not export`;
}

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

  it("are what the scripts import: no package's src/ or test helpers by path", () => {
    const scripts = readdirSync(scriptsDir, { recursive: true, encoding: "utf8" }).filter((file) => /\.(ts|mjs)$/.test(file));
    assert.ok(scripts.length > 10, "the scripts were found");
    const problems = scripts.flatMap((name) => {
      const file = join(scriptsDir, name);
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      return importedFiles.flatMap(({ fileName }) => privateImport(file, fileName) ?? []);
    });
    assert.deepEqual(problems, []);
  });

  it("the scripts check sees a private path, a test helper and an unexported subpath", () => {
    const script = join(scriptsDir, "bench.ts");
    assert.match(privateImport(script, "../packages/bff/src/app.ts") ?? "", /outside scripts/);
    assert.match(privateImport(script, "../packages/bff/test/helpers.ts") ?? "", /outside scripts/);
    assert.match(privateImport(script, "@embedkit/bff/src/app.ts") ?? "", /does not export/);
    assert.equal(privateImport(script, "./lib/loopback.ts"), null);
    assert.equal(privateImport(script, "@embedkit/bff/node-server"), null);
    assert.equal(privateImport(script, "@embedkit/bff/runtime/node.ts"), null);
  });
});
