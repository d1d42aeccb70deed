/** The elements' string tables: every language really translated, and the right one chosen. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stringsFor } from "../src/internal/localize.ts";

/** Each string of a table by its path; functions are called with sample arguments. */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") return [[path, String((value as (...args: unknown[]) => unknown)(3, 7))]];
  return Object.entries(value as object).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}

/** Words a language writes as English does (cognates and brand names); anything else equal to English was left untranslated. */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  it: ["types.video", "types.audio", "contactActions.webchat", "contactActions.whatsapp"],
  de: ["types.video", "types.audio", "contactActions.whatsapp", "contactActions.website"],
  fr: ["types.image", "types.audio", "types.document", "contactActions.whatsapp"],
  es: ["types.audio", "contactActions.whatsapp"],
};

describe("element strings", () => {
  const english = new Map(leaves(stringsFor("en")));

  for (const [language, cognates] of Object.entries(SAME_AS_ENGLISH)) {
    it(`are translated into ${language}: every string, nothing left in English`, () => {
      const table = new Map(leaves(stringsFor(language)));
      assert.deepEqual([...table.keys()].sort(), [...english.keys()].sort(), "the same strings as English");
      const untranslated = [...table].filter(([path, text]) => text === english.get(path)).map(([path]) => path);
      assert.deepEqual(untranslated.sort(), [...cognates].sort());
    });
  }

  it("follow the language of a BCP 47 tag, fall back to English, and let the host override one", () => {
    assert.equal(stringsFor("it-IT").loadMore, stringsFor("it").loadMore);
    assert.notEqual(stringsFor("de-AT").loadMore, stringsFor("en").loadMore);
    assert.equal(stringsFor("pt-BR").loadMore, stringsFor("en").loadMore);
    assert.equal(stringsFor("fr", { loadMore: "Encore" }).loadMore, "Encore");
    assert.equal(stringsFor("fr", { loadMore: "Encore" }).retry, stringsFor("fr").retry);
  });
});
