/** `php -l` on every PHP file of the plugin, in PHP WebAssembly, on each PHP version the header promises. */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { ensurePlayground, PHP_LOWEST, PHP_NEWEST, PHP_VERSIONS, phpLint } from "../scripts/playground.ts";
import { PLUGIN_DIR } from "../scripts/zip.ts";

const phpFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? phpFiles(join(dir, entry.name)) : entry.name.endsWith(".php") ? [join(dir, entry.name)] : [],
  );

for (const php of PHP_VERSIONS) {
  test(`every PHP file of the plugin parses on PHP ${php}`, { timeout: 300_000 }, () => {
    ensurePlayground();
    const files = phpFiles(PLUGIN_DIR).map((file) => relative(PLUGIN_DIR, file));
    assert.ok(files.length >= 15, `found ${files.length} files`);
    const { ok, output } = phpLint(PLUGIN_DIR, files, php);
    assert.ok(ok, output);
    assert.equal(output.match(/No syntax errors detected/g)?.length, files.length, output);
  });
}

test(`the lint step fails on a file that does not parse, and on PHP 8 syntax under PHP ${PHP_LOWEST}`, { timeout: 300_000 }, () => {
  ensurePlayground();
  const dir = mkdtempSync(join(tmpdir(), "embedkit-lint-"));
  try {
    writeFileSync(join(dir, "broken.php"), "<?php echo 'missing semicolon'\n");
    writeFileSync(join(dir, "fine.php"), "<?php echo 'fine';\n");
    writeFileSync(join(dir, "php8.php"), "<?php echo match (1) { 1 => 'one', default => 'other' };\n");
    const newest = phpLint(dir, ["fine.php", "broken.php", "php8.php"], PHP_NEWEST);
    assert.equal(newest.ok, false);
    assert.match(newest.output, /syntax error[\s\S]*Errors parsing \/lint\/broken\.php/);
    assert.match(newest.output, /No syntax errors detected in \/lint\/fine\.php/, "every file is read, not only the first");
    assert.match(newest.output, /No syntax errors detected in \/lint\/php8\.php/);
    const lowest = phpLint(dir, ["fine.php", "php8.php"], PHP_LOWEST);
    assert.equal(lowest.ok, false, lowest.output);
    assert.match(lowest.output, /Errors parsing \/lint\/php8\.php/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
