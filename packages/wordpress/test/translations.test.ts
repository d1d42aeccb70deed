/**
 * The plugin's strings in Italian, German, French and Spanish: every string its PHP translates has
 * all four, and the .l10n.php files WordPress reads match i18n/translations.json.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { LOCALES, l10nFile, stringsInPhp, translations } from "../scripts/translations.ts";
import { PLUGIN_DIR } from "../scripts/zip.ts";

test("every string of the plugin has its it, de, fr and es translation, placeholders kept", () => {
  const known = translations();
  const used = stringsInPhp();
  assert.ok(used.length > 50, "the PHP's strings were found");
  for (const english of used) {
    const translated = known[english];
    assert.ok(translated, `no translations for "${english}"`);
    assert.equal(translated.length, LOCALES.length, `"${english}" needs ${LOCALES.join(", ")}`);
    const placeholders = (text: string) => (text.match(/%(\d\$)?[sd]/g) ?? []).sort().join();
    for (const text of translated)
      assert.equal(placeholders(text), placeholders(english), `"${text}" keeps the placeholders of "${english}"`);
  }
  assert.deepEqual(
    Object.keys(known).filter((english) => !used.includes(english)),
    [],
    "no translation of a string the plugin no longer has",
  );
});

test("the .l10n.php files are generated from i18n/translations.json (run scripts/translations.ts)", () => {
  for (const locale of LOCALES) {
    assert.equal(readFileSync(join(PLUGIN_DIR, "languages", `embedkit-${locale}.l10n.php`), "utf8"), l10nFile(locale), locale);
  }
});
