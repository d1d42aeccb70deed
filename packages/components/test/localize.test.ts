/** The elements' string tables: every language really translated, and the right one chosen. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { spokenDuration, type Translations } from "../src/internal/localize.ts";
import { translated as asset } from "../src/thron-asset/strings.ts";
import { translated as filterBar } from "../src/thron-filter-bar/strings.ts";
import { translated as gallery } from "../src/thron-gallery/strings.ts";
import type { When } from "../src/throughline-helplines/opening-hours.ts";
import { translated as helplines } from "../src/throughline-helplines/strings.ts";
import { translated as launchButton } from "../src/thunder-launch-button/strings.ts";

/** The helplines' opening-hours sentences take a When: a weekday close at midnight says the most words. */
const SAMPLE_WHEN: When = { day: "weekday", time: "00:00", midnight: true, name: "Thursday" };
const SAMPLE_ARGUMENTS: Record<string, unknown[]> = {
  openNow: [SAMPLE_WHEN],
  closedNow: [{ ...SAMPLE_WHEN, day: "tomorrow", midnight: false }],
};

/** Each string of a table by its path; functions are called with sample arguments. */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function")
    return [[path, String((value as (...args: unknown[]) => unknown)(...(SAMPLE_ARGUMENTS[path] ?? [3, 7])))]];
  return Object.entries(value as object).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}

const ELEMENTS: Record<string, Translations<object>> = {
  "thron-gallery": gallery,
  "thron-asset": asset,
  "thron-filter-bar": filterBar,
  "thunder-launch-button": launchButton,
  "throughline-helplines": helplines,
};

/** Words a language writes as English does (cognates and brand names); anything else equal to English was left untranslated. */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  it: ["types.video", "types.audio", "contactActions.webchat", "contactActions.whatsapp"],
  de: ["types.video", "types.audio", "contactActions.whatsapp", "contactActions.website"],
  fr: ["types.image", "types.audio", "types.document", "contactActions.whatsapp"],
  es: ["types.audio", "contactActions.whatsapp"],
};

/** A table once its language has arrived. */
async function loaded<T>(table: Translations<T>, locale: string): Promise<T> {
  await table.ready(locale);
  return table.strings(locale);
}

describe("element strings", () => {
  for (const [language, cognates] of Object.entries(SAME_AS_ENGLISH)) {
    it(`are translated into ${language}: every string of every element, nothing left in English`, async () => {
      const untranslated: string[] = [];
      for (const [tag, table] of Object.entries(ELEMENTS)) {
        const english = new Map(leaves(table.strings("en")));
        const translation = new Map(leaves(await loaded(table, language)));
        assert.deepEqual([...translation.keys()].sort(), [...english.keys()].sort(), `<${tag}>: the same strings as English`);
        for (const [path, text] of translation) if (text === english.get(path)) untranslated.push(path);
      }
      assert.deepEqual([...new Set(untranslated)].sort(), [...cognates].sort());
    });
  }

  it("follow the language of a BCP 47 tag, fall back to English, and let the host override one", async () => {
    assert.equal(gallery.ready("en-GB"), undefined, "English is bundled: nothing to wait for");
    assert.equal(gallery.ready("pt-BR"), undefined, "a language without a table is English at once");
    assert.equal((await loaded(gallery, "it-IT")).loadMore, "Carica altri");
    assert.notEqual((await loaded(gallery, "de-AT")).loadMore, gallery.strings("en").loadMore);
    assert.equal(gallery.strings("pt-BR").loadMore, gallery.strings("en").loadMore);
    assert.equal(gallery.strings("toString").loadMore, gallery.strings("en").loadMore, "no table from Object.prototype");
    const french = await loaded(gallery, "fr");
    assert.equal(gallery.strings("fr", { loadMore: "Encore" }).loadMore, "Encore");
    assert.equal(gallery.strings("fr", { loadMore: "Encore" }).retry, french.retry);
  });

  it("show English until the language arrives, and English when it cannot be fetched", async () => {
    const { translations } = await import("../src/internal/localize.ts");
    let arrive: (module: { default: { word: string } }) => void = () => {};
    const table = translations(
      { word: "Hello" },
      {
        it: () => new Promise((resolve) => (arrive = resolve)),
        de: () => Promise.reject(new TypeError("Failed to fetch")),
      },
    );
    const italian = table.ready("it");
    assert.equal(table.strings("it").word, "Hello");
    assert.equal(table.ready("it"), italian, "one fetch however often it is asked");
    arrive({ default: { word: "Ciao" } });
    await italian;
    assert.equal(table.strings("it").word, "Ciao");
    await table.ready("de");
    assert.equal(table.strings("de").word, "Hello");
    assert.equal(table.ready("de"), undefined, "no new fetch on every render after a failure");
  });
});

describe("spokenDuration", () => {
  it("says a duration in words, building its formatters once per locale and unit, not per tile", () => {
    const Original = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args) {
        built++;
        return Reflect.construct(target, args);
      },
    });
    try {
      for (let tile = 0; tile < 50; tile++) assert.equal(spokenDuration(3_725_000, "en-AU"), "1 hour, 2 minutes, 5 seconds");
    } finally {
      Intl.NumberFormat = Original;
    }
    assert.ok(built <= 3, `${built} number formatters for 50 tiles`);
  });
});
