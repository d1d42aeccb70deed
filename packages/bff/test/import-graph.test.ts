/**
 * The BFF's modules import one way: down. Read from the modules' own import statements
 * (`import … from`, `export … from`, `import()`, type-only ones too) with TypeScript's parser.
 *
 * Layers, bottom to top (a folder of packages/bff/src each; "." is the root's modules):
 *   core → upstream → http, stores → providers (the contract) → thron, thunder, throughline
 *   → builder, demo, docs, render → "." (app.ts, the composition root; config.ts; provider.ts)
 *   → doctor, runtime (the entries).
 *
 * A back-arrow is an import from a module in one folder to a module in another folder of the
 * same or a higher layer: a provider importing the root's config.ts, http/ importing a provider,
 * one provider importing another. Imports inside one folder are free, but no import may close a
 * cycle, in a folder or across folders.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import ts from "typescript";

const SRC = resolve(import.meta.dirname, "../src");

const LAYERS: readonly (readonly string[])[] = [
  ["core"],
  ["upstream"],
  ["http", "stores"],
  ["providers"],
  ["thron", "thunder", "throughline"],
  ["builder", "demo", "docs", "render"],
  ["."],
  ["doctor", "runtime"],
];

type Graph = ReadonlyMap<string, readonly string[]>;

/** Each module (its path under src/) with the specifiers it imports, as written. */
function readImports(): Map<string, string[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => file.split("\\").join("/"))
    .sort();
  return new Map(
    files.map((file) => [file, ts.preProcessFile(readFileSync(join(SRC, file), "utf8"), true, true).importedFiles.map((i) => i.fileName)]),
  );
}

/** The arrows between modules of src/: relative specifiers resolved to paths under src/. */
function moduleGraph(imports: ReadonlyMap<string, readonly string[]>): Graph {
  return new Map(
    [...imports].map(([file, specifiers]) => [
      file,
      specifiers
        .filter((specifier) => specifier.startsWith("."))
        .map((specifier) =>
          relative(SRC, resolve(SRC, dirname(file), specifier))
            .split("\\")
            .join("/"),
        ),
    ]),
  );
}

const folderOf = (file: string) => (file.includes("/") ? (file.split("/")[0] as string) : ".");
const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

/** Every arrow that does not go down, as `from -> to`. */
export function backArrows(graph: Graph): string[] {
  const arrows: string[] = [];
  for (const [from, targets] of graph)
    for (const to of targets) {
      const [a, b] = [folderOf(from), folderOf(to)];
      if (a !== b && layerOf(b) >= layerOf(a)) arrows.push(`${from} -> ${to}`);
    }
  return arrows;
}

/** Every cycle found by a depth-first walk, each as the modules on it (`a -> b -> a`). */
export function cycles(graph: Graph): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const open = path.indexOf(file);
    if (open >= 0) return void found.push([...path.slice(open), file].join(" -> "));
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

/**
 * What a module loads when it is loaded: its static imports and re-exports of values, not
 * `import type` (erased) nor `import()` (loaded when called: sandbox mode's simulators).
 */
function readLoads(): Map<string, string[]> {
  return new Map(
    [...imports.keys()].map((file) => {
      const source = ts.createSourceFile(file, readFileSync(join(SRC, file), "utf8"), ts.ScriptTarget.Latest);
      const loads = source.statements.flatMap((statement) => {
        if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly)
          return [(statement.moduleSpecifier as ts.StringLiteral).text];
        if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly)
          return [(statement.moduleSpecifier as ts.StringLiteral).text];
        return [];
      });
      return [file, loads];
    }),
  );
}

/** The modules `start` loads, itself included, following src/'s arrows. */
function reachable(graph: Graph, start: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of graph.get(file) ?? []) walk(next);
  };
  walk(start);
  return seen;
}

const imports = readImports();
const graph = moduleGraph(imports);

test("every folder of the BFF has its place in the layers", () => {
  const unplaced = [...new Set([...graph.keys()].map(folderOf))].filter((folder) => layerOf(folder) < 0);
  assert.deepEqual(unplaced, [], "place each new folder in LAYERS (test/import-graph.test.ts)");
});

test("every relative import names a module that exists", () => {
  const missing = [...graph].flatMap(([from, targets]) =>
    targets.filter((to) => !existsSync(join(SRC, to))).map((to) => `${from} -> ${to}`),
  );
  assert.deepEqual(missing, []);
});

test("no import runs back up", () => {
  assert.deepEqual(backArrows(graph), []);
});

test("no import cycles", () => {
  assert.deepEqual(cycles(graph), []);
});

test("the checks see a planted cycle and a planted back-arrow", () => {
  const planted = new Map(graph);
  planted.set("upstream/call.ts", [...(graph.get("upstream/call.ts") ?? []), "thron/client.ts"]);
  assert.ok(cycles(planted).some((cycle) => cycle.includes("upstream/call.ts") && cycle.includes("thron/client.ts")));
  assert.ok(backArrows(planted).includes("upstream/call.ts -> thron/client.ts"));
});

test("reading the real configuration never loads the simulator", () => {
  const loads = readLoads();
  const loadGraph = moduleGraph(loads);
  // The simulators are loaded by sandbox mode alone (a provider's `simulator` is an `import()`).
  for (const entry of ["config.ts", "config-reference.ts", "provider.ts"]) {
    const loaded = [...reachable(loadGraph, entry)];
    const simulating = loaded.filter((file) => (loads.get(file) ?? []).some((specifier) => specifier.startsWith("@embedkit/sandbox")));
    assert.deepEqual(simulating, [], `${entry} loads the sandbox through ${simulating.join(", ")}`);
  }
});
