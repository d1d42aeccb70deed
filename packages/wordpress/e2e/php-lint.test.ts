/** `php -l` on every PHP file of the plugin, in PHP WebAssembly (the version the header promises). */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { ensurePlayground, phpLint } from "../scripts/playground.ts";
import { PLUGIN_DIR } from "../scripts/zip.ts";

const phpFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? phpFiles(join(dir, entry.name)) : entry.name.endsWith(".php") ? [join(dir, entry.name)] : [],
  );

test("every PHP file of the plugin parses", { timeout: 300_000 }, () => {
  ensurePlayground();
  const files = phpFiles(PLUGIN_DIR).map((file) => relative(PLUGIN_DIR, file));
  assert.ok(files.length >= 15, `found ${files.length} files`);
  const { ok, output } = phpLint(PLUGIN_DIR, files);
  assert.ok(ok, output);
  assert.equal(output.match(/No syntax errors detected/g)?.length, files.length, output);
});

test("the lint step fails on a file that does not parse", { timeout: 300_000 }, () => {
  ensurePlayground();
  const dir = mkdtempSync(join(tmpdir(), "embedkit-lint-"));
  try {
    writeFileSync(join(dir, "broken.php"), "<?php echo 'missing semicolon'\n");
    const { ok, output } = phpLint(dir, ["broken.php"]);
    assert.equal(ok, false);
    assert.match(output, /syntax error/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
