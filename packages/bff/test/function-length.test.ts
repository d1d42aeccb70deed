/**
 * No function over 80 lines, in any package: biome's `noExcessiveLinesPerFunction` checks every
 * source file, script and test helper (biome.json), and this test checks the test files, where
 * biome cannot tell a `describe` callback (a list of tests, not a function anyone reads as one)
 * from the tests inside it. Read with TypeScript's parser; every other function counts, each
 * `it`/`test` callback included.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { test } from "node:test";
import ts from "typescript";

const ROOT = resolve(import.meta.dirname, "../../..");
const MAX_LINES = 80;
const SUITE = /^(describe|suite)(\.(only|skip))?$/;

function testFiles(): string[] {
  return readdirSync(join(ROOT, "packages"), { recursive: true, encoding: "utf8" })
    .map((file) => file.split("\\").join("/"))
    .filter((file) => file.endsWith(".test.ts") && !file.includes("node_modules/") && !file.includes("/dist/"))
    .map((file) => join(ROOT, "packages", file));
}

/** Each function longer than MAX_LINES in `file`, but `describe` callbacks: "path:line (n lines)". */
export function longFunctions(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - first + 1;
      const { parent } = node;
      const suite = ts.isCallExpression(parent) && SUITE.test(parent.expression.getText(source));
      if (lines > MAX_LINES && !suite) found.push(`${relative(ROOT, file)}:${first + 1} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test(`no test, hook or helper in a test file is over ${MAX_LINES} lines (describe blocks are lists of tests)`, () => {
  const files = testFiles();
  assert.ok(files.length > 50, `found the test files (${files.length})`);
  assert.deepEqual(
    files.flatMap((file) => longFunctions(file)),
    [],
  );
});

test("the check sees a long test, and not a long describe block", () => {
  const body = Array.from({ length: MAX_LINES }, (_, i) => `  assert.ok(${i});`).join("\n");
  const long = `describe("s", () => {\n  it("t", () => {\n${body}\n  });\n});\n`;
  assert.equal(longFunctions(join(ROOT, "x.test.ts"), long).length, 1);
  const short = `describe("s", () => {\n${Array.from({ length: MAX_LINES }, (_, i) => `  it("t${i}", () => {});`).join("\n")}\n});\n`;
  assert.deepEqual(longFunctions(join(ROOT, "x.test.ts"), short), []);
});
