/**
 * The demo page speaks one language per section, as a visitor reads it in Chromium: the English
 * sections show English titles and filter labels, the Italian dark section Italian ones (the
 * sandbox catalogue titles every asset and labels every filter in en, it, de, fr and es).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import puppeteer, { type Browser } from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "../../../scripts/chrome.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";

const ENGLISH_TITLE = /^(Misty|Golden|Quiet|Busy|Frozen|Sunny|Red|Blue) [a-z]+ (photo|clip|soundscape|brochure) \d+$/;
const ITALIAN_TITLE = /^[A-Z][a-z]+ [a-z]+, (foto|video|paesaggio sonoro|brochure) \d+$/;

describe("the demo page's languages", () => {
  let server: Awaited<ReturnType<typeof startNodeServer>>;
  let browser: Browser;
  before(async () => {
    server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
    browser = await puppeteer.launch({ executablePath: await chromePath(), args: CHROME_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows English titles and labels in the English sections, Italian ones in the Italian section", async () => {
    assert.equal((await fetch(`${server.url}/components.js`)).status, 200, "run `pnpm build` first (pnpm test does)");
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${server.url}/`, { waitUntil: "load" });
      // Text of the nodes matching each selector in the shadow root of each host (no named function: it runs in the page).
      const shown = () =>
        page.evaluate(() =>
          Object.fromEntries(
            (
              [
                ["gallery", "#gallery", "figcaption"],
                ["preset", 'thron-gallery[sort="title"]', "figcaption"],
                ["carousel", 'thron-gallery[layout="carousel"]', "figcaption"],
                ["sport", "#sport", "figcaption"],
                ["bar", 'thron-filter-bar[for="gallery"]', "legend, label"],
                ["sportBar", 'thron-filter-bar[for="sport"]', "legend, label"],
              ] as const
            ).map(([name, host, selector]) => [
              name,
              [...(document.querySelector(host)?.shadowRoot?.querySelectorAll(selector) ?? [])].map((n) => n.textContent?.trim() ?? ""),
            ]),
          ),
        ) as Promise<Record<"gallery" | "preset" | "carousel" | "sport" | "bar" | "sportBar", string[]>>;
      await page.waitForFunction(() =>
        ["#gallery", 'thron-gallery[sort="title"]', 'thron-gallery[layout="carousel"]', "#sport"].every((selector) => {
          const root = document.querySelector(selector)?.shadowRoot;
          return root?.querySelector("figcaption") && !root.querySelector(".skeleton");
        }),
      );
      await page.waitForFunction(() => document.querySelector('thron-filter-bar[for="sport"]')?.shadowRoot?.querySelector("legend"));
      const { gallery, preset, carousel, sport, bar, sportBar } = await shown();
      for (const [name, titles, language] of [
        ["the gallery", gallery, ENGLISH_TITLE],
        ["the preset", preset, ENGLISH_TITLE],
        ["the carousel", carousel, ENGLISH_TITLE],
        ["the Italian sport gallery", sport, ITALIAN_TITLE],
      ] as const) {
        assert.ok(titles.length > 0, `${name} shows titles`);
        for (const title of titles) assert.match(title, language, `${name}: ${title}`);
      }
      assert.ok(bar.join(" ").includes("Topics") && !bar.join(" ").includes("Argomenti"), `English filter bar: ${bar.join(", ")}`);
      assert.ok(sportBar.join(" ").includes("Argomenti") && !sportBar.join(" ").includes("Topics"), `Italian bar: ${sportBar.join(", ")}`);
    } finally {
      await page.close();
    }
  });
});
