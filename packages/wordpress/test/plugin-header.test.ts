/**
 * The plugin header promises only what the tests run on: WordPress WORDPRESS_VERSION, and PHP from
 * PHP_LOWEST (e2e/lowest-php.test.ts) to PHP_NEWEST (the whole suite), both linted.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PHP_LOWEST, WORDPRESS_VERSION } from "../scripts/playground.ts";
import { PLUGIN_DIR } from "../scripts/zip.ts";

const header = (name: string): string | undefined =>
  new RegExp(`^ \\* ${name}:\\s*(.+)$`, "m").exec(readFileSync(join(PLUGIN_DIR, "embedkit.php"), "utf8"))?.[1]?.trim();

test("the plugin header claims the WordPress and PHP versions the tests run on", () => {
  assert.equal(header("Requires at least"), WORDPRESS_VERSION);
  assert.equal(header("Tested up to"), WORDPRESS_VERSION);
  assert.equal(header("Requires PHP"), PHP_LOWEST);
});
