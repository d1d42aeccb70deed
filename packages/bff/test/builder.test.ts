/**
 * /builder: served in sandbox mode or with BFF_BUILDER=1, never otherwise; and, in Chromium, the
 * round trip an editor makes: choices → snippet → the snippet pasted into a blank page of
 * another origin shows what the preview showed.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { THRON_SANDBOX } from "@embedkit/sandbox";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "../../../scripts/chrome.ts";
import { createApp } from "../src/app.ts";
import { readBundle, startNodeServer } from "../src/runtime/node-server.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { sandboxBff, THRON_SANDBOX_ENV } from "./helpers.ts";

const THRON_ENV = {
  ...THRON_SANDBOX_ENV,
  ALLOWED_ORIGINS: "https://www.host.example",
};

/** axe-core, as the element tests use it (through @open-wc/testing's chai-a11y-axe). */
function axePath(): string {
  const fromRoot = createRequire(import.meta.url);
  const chaiAxe = createRequire(fromRoot.resolve("@open-wc/testing")).resolve("chai-a11y-axe");
  return createRequire(chaiAxe).resolve("axe-core/axe.min.js");
}

/** axe's violations on the page, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath() });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Node) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }
    ).axe;
    const { violations } = await axe.run(document);
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

function configuredApp(env: Record<string, string>) {
  return createApp(loadConfig({ ...THRON_ENV, ...env }), { publicUrl: "https://bff.example", logSink: () => {} }).app;
}

describe("GET /builder", () => {
  it("is served in sandbox mode, with the BFF's public URL and gallery names, and the builder's own script", async () => {
    const bff = sandboxBff();
    const response = await bff.get("/builder");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    const page = await response.text();
    assert.match(
      page,
      /<embedkit-builder public-url="http:\/\/bff\.test" galleries="\[&quot;default&quot;,&quot;sport&quot;,&quot;restricted&quot;\]">/,
    );
    assert.match(page, /<script type="module" src="\/builder\.js"><\/script>/);
    assert.equal(page.includes(THRON_SANDBOX.pkey), false, "no pKey or folder id in the page");
    assert.equal(page.includes(THRON_SANDBOX.folderId), false);
  });

  it("is not served outside sandbox mode unless BFF_BUILDER=1, and BFF_BUILDER=0 hides it in sandbox mode", async () => {
    assert.equal((await configuredApp({}).request("https://bff.example/builder")).status, 404);
    assert.equal((await configuredApp({ BFF_BUILDER: "1" }).request("https://bff.example/builder")).status, 200);
    assert.equal((await sandboxBff({ BFF_BUILDER: "0" }).get("/builder")).status, 404);
    assert.throws(() => loadConfig({ BFF_BUILDER: "yes" }), /BFF_BUILDER must be 0 or 1/);
  });

  it("tells whether a site's origin may embed the elements, as ALLOWED_ORIGINS says", async () => {
    const app = configuredApp({ BFF_BUILDER: "1" });
    const check = async (origin: string) => app.request(`https://bff.example/builder/origin?origin=${encodeURIComponent(origin)}`);
    assert.deepEqual(await (await check("https://www.host.example")).json(), { origin: "https://www.host.example", allowed: true });
    assert.deepEqual(await (await check("https://other.example/")).json(), { origin: "https://other.example", allowed: false });
    const bad = await check("javascript:alert(1)");
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get("content-type"), "application/problem+json");
    assert.equal(Problem.parse(await bad.json()).errors?.[0]?.field, "origin");
  });
});

describe("the builder in Chromium", () => {
  let host: Server;
  let hostOrigin = "";
  let snippetForHost = "";
  let bff: Awaited<ReturnType<typeof startNodeServer>>;
  let browser: Browser;

  before(async () => {
    assert.ok(readBundle(), "the elements' bundle is not built: run `pnpm build` first");
    // The editor's site: a blank page on another origin, serving whatever snippet it is given.
    host = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="en"><head><title>Host page</title></head><body>${snippetForHost}</body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    bff = await startNodeServer({ env: { BFF_SANDBOX: "1", ALLOWED_ORIGINS: hostOrigin }, port: 0, deps: { logSink: () => {} } });
    browser = await puppeteer.launch({
      executablePath: await chromePath(),
      args: CHROME_ARGS,
      defaultViewport: { width: 1280, height: 1000 },
    });
  });

  after(async () => {
    await browser?.close();
    await bff?.close();
    await new Promise((resolve) => host?.close(resolve));
  });

  /** Text of every element matching `selector` in the shadow root of the element matching `element`. */
  const shadowTexts = (page: Page, element: string, selector: string) =>
    page.$$eval(
      element,
      (els, inner) => els.flatMap((el) => [...(el.shadowRoot?.querySelectorAll(inner) ?? [])].map((n) => n.textContent?.trim() ?? "")),
      selector,
    );

  /** Requests the builder page made for the gallery's description (its filters). */
  let galleryRequests = 0;

  async function openBuilder(): Promise<Page> {
    const page = await browser.newPage();
    galleryRequests = 0;
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/v1/thron/galleries/default") galleryRequests++;
    });
    await page.goto(`${bff.url}/builder`, { waitUntil: "load" });
    await page.waitForFunction(
      () => !!document.querySelector("#preview thron-gallery") && !!document.querySelector('input[name="filter-topic"]'),
    );
    return page;
  }

  /** Waits until the gallery in `scope` shows a loaded page (no skeletons, at least one title). */
  const galleryLoaded = (page: Page, scope: string) =>
    page.waitForFunction(
      (selector) => {
        const gallery = document.querySelector(selector);
        const root = gallery?.shadowRoot;
        return !!root && root.querySelectorAll(".skeleton").length === 0 && root.querySelectorAll("figcaption").length > 0;
      },
      {},
      scope,
    );

  it("writes a carousel with a preset and a dark theme that looks and lists the same when pasted on another origin", async () => {
    const page = await openBuilder();
    await page.click('input[name="kind"][value="carousel"]');
    await page.click('input[name="type"][value="video"]');
    await page.click('input[name="type"][value="image"]');
    const topic = await page.$eval('input[name="filter-topic"]', (input) => (input as HTMLInputElement).value);
    await page.click('input[name="filter-topic"]');
    await page.select('select[name="sort"]', "title");
    await page.click('input[name="scheme"][value="dark"]');
    await page.$eval('input[name="accent"]', (input) => {
      (input as HTMLInputElement).value = "#ff6600";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForSelector(`#preview thron-gallery[layout="carousel"][sort="title"][filter-topic="${topic}"]`);
    await galleryLoaded(page, "#preview thron-gallery");
    const previewTitles = await shadowTexts(page, "#preview thron-gallery", "figcaption");
    assert.deepEqual(await axeViolations(page), [], "the builder passes axe");
    // Filters are read live, once per gallery and language (the elements share one request).
    assert.ok(galleryRequests >= 1 && galleryRequests <= 3, `${galleryRequests} requests for the gallery's filters`);

    const snippet = await page.$eval("#snippet", (code) => code.textContent ?? "");
    assert.match(snippet, new RegExp(`^<script type="module" src="${bff.url}/components\\.js"></script>\\n<style>`));
    assert.match(snippet, /--thron-gallery-accent: #ff6600;/);
    assert.match(
      snippet,
      new RegExp(
        `<thron-gallery id="embedkit-carousel-\\w+" layout="carousel" type="video,image" filter-topic="${topic}" sort="title" page-size="12"></thron-gallery>$`,
      ),
    );
    assert.equal(snippet.match(/color-scheme: dark/g)?.length, 1, "the theme's properties, once");

    // The origin note: a site not in ALLOWED_ORIGINS is told what to ask for; the host site is fine.
    await page.type('input[name="origin"]', "https://elsewhere.example");
    await page.$eval('input[name="origin"]', (input) => input.dispatchEvent(new Event("change", { bubbles: true })));
    await page.waitForSelector(".note.warn");
    assert.match(await page.$eval(".note.warn", (p) => p.textContent ?? ""), /https:\/\/elsewhere\.example.*ALLOWED_ORIGINS/s);

    snippetForHost = snippet;
    const pasted = await browser.newPage();
    await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
    await galleryLoaded(pasted, "thron-gallery");
    assert.deepEqual(await shadowTexts(pasted, "thron-gallery", "figcaption"), previewTitles);
    const look = (p: Page, selector: string) =>
      p.$eval(selector, (gallery) => {
        const style = getComputedStyle(gallery);
        return [
          style.backgroundColor,
          style.color,
          style.getPropertyValue("--thron-gallery-accent"),
          gallery.shadowRoot?.querySelector('[part="next-slides"]') !== null,
        ];
      });
    assert.deepEqual(await look(pasted, "thron-gallery"), await look(page, "#preview thron-gallery"));
    assert.deepEqual((await look(pasted, "thron-gallery")).slice(2), ["#ff6600", true]);
    await page.close();
    await pasted.close();
  });

  it("writes a viewer whose room is kept until its script runs, and that works the same on another origin", async () => {
    const page = await openBuilder();
    await page.click('input[name="kind"][value="viewer"]');
    await page.waitForSelector('#preview thron-gallery[layout="viewer"]');
    await page.waitForFunction(() => !!document.querySelector("#preview thron-gallery")?.shadowRoot?.querySelector('[role="tab"]'));
    assert.deepEqual(await axeViolations(page), [], "the builder passes axe");
    const snippet = await page.$eval("#snippet", (code) => code.textContent ?? "");
    assert.match(snippet, /<thron-gallery id="embedkit-viewer-\w+" layout="viewer" page-size="12"><\/thron-gallery>$/);
    assert.match(snippet, /#embedkit-viewer-\w+:not\(:defined\) \{/);
    // A host page with the content column the snippets are sized for (1.5rem from each edge, at most 72rem).
    snippetForHost = `<style>body { margin: 0 auto; padding: 0 1.5rem; max-width: 72rem; }</style>${snippet}`;
    const pasted = await browser.newPage();
    for (const width of [1280, 390]) {
      await pasted.setViewport({ width, height: 900 });
      await pasted.setJavaScriptEnabled(false);
      await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
      const reserved = await pasted.$eval("thron-gallery", (g) => g.getBoundingClientRect().height);
      await pasted.setJavaScriptEnabled(true);
      await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
      await pasted.waitForFunction(() => {
        const root = document.querySelector("thron-gallery")?.shadowRoot;
        return !!root?.querySelector('[role="tab"]') && !root.querySelector(".skeleton");
      });
      const shown = await pasted.$eval("thron-gallery", (g) => g.getBoundingClientRect().height);
      assert.ok(reserved > 100 && Math.abs(shown - reserved) <= 2, `${width} px wide: ${reserved} px reserved, ${shown} px shown`);
    }
    await page.close();
    await pasted.close();
  });

  it("writes a filter bar showing only the chosen filters, linked to its gallery, that works the same on another origin", async () => {
    const page = await openBuilder();
    await page.click('input[name="kind"][value="filtered-gallery"]');
    await page.waitForSelector('input[name="keys"][value="topic"]');
    await page.click('input[name="keys"][value="topic"]');
    await page.waitForSelector('#preview thron-filter-bar[keys="topic"]');
    const legends = (p: Page) =>
      p.waitForFunction(() => {
        const root = document.querySelector("thron-filter-bar")?.shadowRoot;
        const found = [...(root?.querySelectorAll("legend") ?? [])].map((l) => l.textContent?.trim());
        return found.length > 0 && !root?.querySelector("select") ? found : null;
      });
    const previewLegends = await (await legends(page)).jsonValue();
    assert.deepEqual(previewLegends, ["Topics"]);
    snippetForHost = await page.$eval("#snippet", (code) => code.textContent ?? "");
    const pasted = await browser.newPage();
    await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
    assert.deepEqual(await (await legends(pasted)).jsonValue(), previewLegends);
    await galleryLoaded(pasted, "thron-gallery");
    // The bar drives the gallery on the host page: choosing a topic narrows it.
    const total = (p: Page) =>
      p.$eval("thron-gallery", (g) => Number(/of (\d+)/.exec(g.shadowRoot?.querySelector('[role="status"]')?.textContent ?? "")?.[1]));
    const all = await total(pasted);
    await pasted.$eval("thron-filter-bar", (bar) => bar.shadowRoot?.querySelector<HTMLInputElement>("fieldset input")?.click());
    await pasted.waitForFunction(
      (before) => {
        const text = document.querySelector("thron-gallery")?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? "";
        const now = Number(/of (\d+)/.exec(text)?.[1]);
        return now > 0 && now < before;
      },
      {},
      all,
    );
    await page.close();
    await pasted.close();
  });

  it("picks one asset from a search of the folder and writes a <thron-asset> that shows it on another origin", async () => {
    const page = await openBuilder();
    await page.click('input[name="kind"][value="asset"]');
    await page.waitForSelector("#builder-asset-picker");
    await galleryLoaded(page, "#builder-asset-picker");
    const title = await page.$eval("#builder-asset-picker", (gallery) => {
      const tile = gallery.shadowRoot?.querySelector<HTMLButtonElement>('button[part="tile"]');
      tile?.click();
      return tile?.querySelector("figcaption")?.textContent?.trim() ?? "";
    });
    await page.waitForFunction((expected) => document.querySelector(".chosen")?.textContent === `Chosen: ${expected}`, {}, title);
    assert.equal(
      await page.$eval("#builder-asset-picker", (g) => g.shadowRoot?.querySelector("dialog")?.open),
      false,
      "picking opens no dialog",
    );
    await page.waitForFunction(() => document.querySelector("#preview thron-asset")?.shadowRoot?.querySelector('[part="title"]'));
    const previewTitle = await shadowTexts(page, "#preview thron-asset", '[part="title"]');
    assert.deepEqual(previewTitle, [title]);

    snippetForHost = await page.$eval("#snippet", (code) => code.textContent ?? "");
    assert.match(snippetForHost, /<thron-asset id="embedkit-asset-\w+" asset="[A-Za-z0-9_-]+" caption><\/thron-asset>$/);
    const pasted = await browser.newPage();
    await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
    await pasted.waitForFunction(() => document.querySelector("thron-asset")?.shadowRoot?.querySelector('[part="title"]'));
    assert.deepEqual(await shadowTexts(pasted, "thron-asset", '[part="title"]'), previewTitle);
    await page.close();
    await pasted.close();
  });

  /** The builder's snippet after a change: the form re-renders, then the snippet follows. */
  const snippetOf = (page: Page) => page.$eval("#snippet", (code) => code.textContent ?? "");
  const setAccent = (page: Page, colour: string) =>
    page.$eval(
      'input[name="accent"]',
      (input, value) => {
        (input as HTMLInputElement).value = value as string;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      },
      colour,
    );

  for (const width of [1280, 1440, 1920]) {
    it(`keeps the "Single asset" picker inside its column at ${width} px, clear of the preview and the snippet`, async () => {
      const page = await openBuilder();
      await page.setViewport({ width, height: 1000 });
      await page.click('input[name="kind"][value="asset"]');
      await galleryLoaded(page, "#builder-asset-picker");
      const boxes = await page.evaluate(() => {
        const form = document.querySelector("form.choices") as HTMLElement;
        const rects = ["form.choices", "#builder-asset-picker", "form thron-filter-bar", ".output", "button.copy"].map(
          (selector) => document.querySelector(selector)?.getBoundingClientRect().toJSON() as DOMRect,
        );
        return {
          form: rects[0] as DOMRect,
          picker: rects[1] as DOMRect,
          bar: rects[2] as DOMRect,
          output: rects[3] as DOMRect,
          copy: rects[4] as DOMRect,
          widest: Math.max(...[...form.querySelectorAll("*")].map((el) => el.getBoundingClientRect().right)),
        };
      });
      for (const [name, rect] of [
        ["the picker's gallery", boxes.picker],
        ["the picker's filter bar", boxes.bar],
      ] as const)
        assert.ok(rect.right <= boxes.form.right + 0.5, `${name} ends at ${rect.right}, its column at ${boxes.form.right}`);
      assert.ok(boxes.widest <= boxes.form.right + 0.5, `something in the form reaches ${boxes.widest}, past ${boxes.form.right}`);
      assert.ok(
        boxes.form.right <= boxes.output.left,
        `the form (to ${boxes.form.right}) overlaps the preview (from ${boxes.output.left})`,
      );
      assert.ok(boxes.copy.left >= boxes.form.right, "the copy button is not under the form");
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });
  }

  it("scopes each snippet's theme to its own element: a dark gallery, padded, beside a light carousel on one page", async () => {
    const page = await openBuilder();
    await page.click('input[name="scheme"][value="dark"]');
    await setAccent(page, "#ff6600");
    await page.waitForFunction(() => document.querySelector("#snippet")?.textContent?.includes("#ff6600"));
    const dark = await snippetOf(page);
    assert.deepEqual(await axeViolations(page), [], "axe with the dark theme");
    assert.equal(dark.match(/--thron-gallery-accent/g)?.length, 1, "the theme's CSS once in the snippet");
    const shown = await page.$$eval("pre code", (blocks) => blocks.map((code) => code.textContent).join("\n"));
    assert.equal(shown.match(/--thron-gallery-accent/g)?.length, 1, "and once in the code the builder's page shows");
    assert.doesNotMatch(dark, /^thron-gallery\s*\{/m, "no rule for every gallery on the page");
    await page.click('input[name="kind"][value="carousel"]');
    await page.click('input[name="scheme"][value="light"]');
    await setAccent(page, "#00aa55");
    await page.waitForFunction(() => {
      const text = document.querySelector("#snippet")?.textContent ?? "";
      return text.includes('layout="carousel"') && text.includes("#00aa55");
    });
    const light = await snippetOf(page);
    // The editor's page: both snippets, one after the other (the script tag twice, as pasted).
    snippetForHost = `${dark}\n${light}`;
    const pasted = await browser.newPage();
    await pasted.setViewport({ width: 1280, height: 1000 });
    await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
    await galleryLoaded(pasted, 'thron-gallery:not([layout="carousel"])');
    await galleryLoaded(pasted, 'thron-gallery[layout="carousel"]');
    const looks = await pasted.$$eval("thron-gallery", (galleries) =>
      galleries.map((g) => {
        const style = getComputedStyle(g);
        const tile = g.shadowRoot?.querySelector('[part="tile"]')?.getBoundingClientRect();
        const box = g.getBoundingClientRect();
        return {
          background: style.backgroundColor,
          scheme: style.colorScheme,
          accent: style.getPropertyValue("--thron-gallery-accent").trim(),
          inset: tile ? Math.min(tile.left - box.left, tile.top - box.top) : -1,
        };
      }),
    );
    assert.deepEqual(
      looks.map(({ background, scheme, accent }) => ({ background, scheme, accent })),
      [
        { background: "rgb(21, 23, 28)", scheme: "dark", accent: "#ff6600" },
        { background: "rgba(0, 0, 0, 0)", scheme: "normal", accent: "#00aa55" },
      ],
    );
    assert.ok((looks[0]?.inset ?? 0) >= 12, `the dark gallery's tiles sit ${looks[0]?.inset} px from its edge`);
    await page.close();
    await pasted.close();
  });

  it("gives its controls the elements' look: the filter bar's height, border and radius, the accent on the main button", async () => {
    const page = await openBuilder();
    const looks = await page.evaluate(() =>
      ['select[name="sort"]', 'input[name="q"]', 'input[name="page-size"]', "button.copy", 'textarea[name="existing"]'].map((selector) => {
        const el = document.querySelector(selector) as HTMLElement;
        const style = getComputedStyle(el);
        return {
          selector,
          height: el.getBoundingClientRect().height,
          radius: style.borderTopLeftRadius,
          background: style.backgroundColor,
        };
      }),
    );
    for (const look of looks) {
      assert.equal(look.radius, "6.4px", `${look.selector}: the filter bar's 0.4rem radius`);
      if (!look.selector.startsWith("textarea")) assert.equal(look.height, 40, `${look.selector}: the filter bar's 2.5rem controls`);
    }
    assert.equal(looks.find((l) => l.selector === "button.copy")?.background, "rgb(26, 115, 232)", "the accent");
    await page.close();
  });

  it("keeps the choices in the address: a reload and a shared link restore the form and the snippet", async () => {
    const page = await openBuilder();
    await page.click('input[name="kind"][value="carousel"]');
    await page.click('input[name="type"][value="video"]');
    await page.select('select[name="sort"]', "title");
    await page.click('input[name="scheme"][value="dark"]');
    await setAccent(page, "#aa3300");
    await page.click('input[name="autoplay"]');
    await page.waitForFunction(() => /autoplay/.test(document.querySelector("#snippet")?.textContent ?? ""));
    const snippet = await snippetOf(page);
    const address = page.url();
    assert.match(address, /[?&]kind=carousel\b/);
    const form = (p: Page) =>
      p.evaluate(() => ({
        kind: document.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value,
        video: document.querySelector<HTMLInputElement>('input[name="type"][value="video"]')?.checked,
        sort: document.querySelector<HTMLSelectElement>('select[name="sort"]')?.value,
        scheme: document.querySelector<HTMLInputElement>('input[name="scheme"]:checked')?.value,
        accent: document.querySelector<HTMLInputElement>('input[name="accent"]')?.value,
        autoplay: document.querySelector<HTMLInputElement>('input[name="autoplay"]')?.checked,
      }));
    const expected = { kind: "carousel", video: true, sort: "title", scheme: "dark", accent: "#aa3300", autoplay: true };
    assert.deepEqual(await form(page), expected);
    await page.reload({ waitUntil: "load" });
    await page.waitForSelector('#preview thron-gallery[layout="carousel"]');
    assert.deepEqual(await form(page), expected, "after a reload");
    assert.equal(await snippetOf(page), snippet);
    const shared = await browser.newPage();
    await shared.goto(address, { waitUntil: "load" });
    await shared.waitForSelector('#preview thron-gallery[layout="carousel"]');
    assert.deepEqual(await form(shared), expected, "from a shared link");
    assert.equal(await snippetOf(shared), snippet);
    assert.deepEqual(await axeViolations(shared), []);
    // A hostile address: values that do not fit are left at their defaults, nothing runs.
    await shared.goto(`${bff.url}/builder?kind=%3Cscript%3E&page-size=1e9&accent=red;x&q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E`, {
      waitUntil: "load",
    });
    await shared.waitForSelector("#preview thron-gallery");
    const hostile = await snippetOf(shared);
    assert.match(
      hostile,
      /<thron-gallery id="[\w-]+" q="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;" page-size="12"><\/thron-gallery>$/,
    );
    assert.equal(await shared.$("#preview img"), null, "no element made from the address");
    await page.close();
    await shared.close();
  });

  it("fills the form from an existing snippet or tag, so pasting it back gives the same snippet", async () => {
    const page = await openBuilder();
    await page.click('input[name="kind"][value="filtered-gallery"]');
    await page.waitForSelector('input[name="keys"][value="topic"]');
    await page.click('input[name="keys"][value="topic"]');
    await page.click('input[name="scheme"][value="dark"]');
    await page.waitForFunction(() => /keys="topic"/.test(document.querySelector("#snippet")?.textContent ?? ""));
    const original = await snippetOf(page);
    const fresh = await openBuilder();
    const fill = async (p: Page, text: string) => {
      await p.$eval(
        'textarea[name="existing"]',
        (area, value) => {
          (area as HTMLTextAreaElement).value = value as string;
        },
        text,
      );
      await p.click("button.fill");
    };
    await fill(fresh, original);
    await fresh.waitForFunction(() => /The form shows/.test(document.querySelector(".edited")?.textContent ?? ""));
    assert.equal(await snippetOf(fresh), original, "the same snippet, id included");
    assert.equal(await fresh.$eval('input[name="kind"]:checked', (i) => (i as HTMLInputElement).value), "filtered-gallery");
    assert.equal(await fresh.$eval('input[name="scheme"]:checked', (i) => (i as HTMLInputElement).value), "dark");
    assert.deepEqual(await axeViolations(fresh), [], "axe once filled");
    // Just a tag, as an editor might copy it from a page.
    await fill(fresh, '<thron-gallery layout="carousel" sort="oldest" type="image" page-size="6" autoplay></thron-gallery>');
    await fresh.waitForSelector('#preview thron-gallery[layout="carousel"][sort="oldest"]');
    assert.equal(await fresh.$eval('select[name="sort"]', (s) => (s as HTMLSelectElement).value), "oldest");
    assert.equal(await fresh.$eval('input[name="page-size"]', (i) => (i as HTMLInputElement).value), "6");
    assert.equal(await fresh.$eval('input[name="autoplay"]', (i) => (i as HTMLInputElement).checked), true);
    // Nothing usable, and hostile markup: told so, nothing runs, the form stays.
    await fill(fresh, '<img src=x onerror="window.ran=1"><script>window.ran=1</script><p>hello</p>');
    await fresh.waitForSelector(".note.warn");
    assert.match(await fresh.$eval(".note.warn", (p) => p.textContent ?? ""), /No Embedkit element found/);
    assert.equal(await fresh.evaluate(() => (window as unknown as { ran?: number }).ran), undefined);
    assert.deepEqual(await axeViolations(fresh), [], "axe with the warning");
    await page.close();
    await fresh.close();
  });

  it("reserves in the snippet the room its element takes, until the script has run", async () => {
    const page = await openBuilder();
    await page.$eval('input[name="page-size"]', (input) => {
      (input as HTMLInputElement).value = "8";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await page.waitForFunction(() => /page-size="8"/.test(document.querySelector("#snippet")?.textContent ?? ""));
    const grid = await snippetOf(page);
    await page.click('input[name="kind"][value="carousel"]');
    await page.waitForFunction(() => /layout="carousel"/.test(document.querySelector("#snippet")?.textContent ?? ""));
    const carousel = await snippetOf(page);
    for (const [name, snippet] of [
      ["grid", grid],
      ["carousel", carousel],
    ] as const) {
      assert.match(snippet, /:not\(:defined\)/, `${name}: the README's :not(:defined) rule`);
      snippetForHost = `${snippet}<p id="below">Below</p>`;
      // Where the text below the element sits with the script blocked (the element never defined), then with it.
      const below = async (script: boolean) => {
        const pasted = await browser.newPage();
        await pasted.setViewport({ width: 1280, height: 900 });
        await pasted.setRequestInterception(true);
        pasted.on("request", (request) => {
          if (!script && new URL(request.url()).pathname === "/components.js") void request.abort();
          else void request.continue();
        });
        await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
        if (script) await galleryLoaded(pasted, "thron-gallery");
        const top = await pasted.$eval("#below", (p) => p.getBoundingClientRect().top);
        await pasted.close();
        return top;
      };
      const before = await below(false);
      const after = await below(true);
      assert.ok(before > 100, `${name}: room kept before the script (${before} px)`);
      assert.ok(Math.abs(after - before) <= 0.1 * after, `${name}: the text below moved from ${before} to ${after} px`);
    }
    await page.close();
  });

  /** The hand-picked list's titles, in order (each item's text starts "<n>. "). */
  const pickedTitles = (page: Page) =>
    page.$$eval("ol.picked li .picked-title", (titles) => titles.map((t) => (t.textContent ?? "").replace(/^\d+\.\s*/, "").trim()));
  const pickedIds = (page: Page) => page.$$eval("ol.picked li", (items) => items.map((li) => (li as HTMLElement).dataset.id ?? ""));

  /** Switches to "Hand-picked assets" and adds the picker's tiles at `indexes`, in that order: their [id, title] pairs. */
  async function pickAssets(page: Page, indexes: number[]): Promise<[string, string][]> {
    await page.click('input[name="source"][value="picked"]');
    await page.waitForSelector("#builder-assets-picker");
    await galleryLoaded(page, "#builder-assets-picker");
    const picked: [string, string][] = [];
    for (const index of indexes) {
      picked.push(
        await page.$eval(
          "#builder-assets-picker",
          (gallery, i) => {
            const items = (gallery as HTMLElement & { items: { id: string; title: string }[] }).items;
            gallery.shadowRoot?.querySelectorAll<HTMLButtonElement>('button[part="tile"]')[i as number]?.click();
            return [items[i as number]?.id ?? "", items[i as number]?.title ?? ""] as [string, string];
          },
          index,
        ),
      );
      await page.waitForFunction((n) => document.querySelectorAll("ol.picked li").length === n, {}, picked.length);
    }
    return picked;
  }

  const focusedControl = (page: Page) =>
    page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return `${active?.closest("li")?.dataset.id ?? ""} ${active?.className ?? ""}`;
    });

  it("marks the picker's chosen tiles as pressed, and pressing one again takes it out of the list (axe clean)", async () => {
    const page = await openBuilder();
    const [a, b] = await pickAssets(page, [0, 2]);
    assert.ok(a && b);
    const pressedStates = () =>
      page.$eval("#builder-assets-picker", (gallery) =>
        [...(gallery.shadowRoot?.querySelectorAll('button[part="tile"]') ?? [])]
          .slice(0, 4)
          .map((tile) => tile.getAttribute("aria-pressed")),
      );
    assert.deepEqual(await pressedStates(), ["true", "false", "true", "false"]);
    assert.deepEqual(await axeViolations(page), []);
    // By keyboard: the first tile has the picker's tab stop; Enter presses it again.
    await page.$eval("#builder-assets-picker", (gallery) => gallery.shadowRoot?.querySelector<HTMLElement>('button[part="tile"]')?.focus());
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("ol.picked li").length === 1);
    assert.deepEqual(await pickedIds(page), [b[0]]);
    assert.deepEqual(await pressedStates(), ["false", "false", "true", "false"]);
    assert.match(await page.$eval(".picked-status", (p) => p.textContent ?? ""), new RegExp(`${a[1]} removed\\. 1 asset chosen\\.`));
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute("part"));
    assert.equal(focused, "tile", "focus stays on the tile");
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  /** The address keeps a hand-picked list (a shared link restores it, titles asked of the BFF), and "Edit an existing snippet" reads it back. */
  const restoresList = async (url: string, snippet: string, order: (readonly [string, string])[]) => {
    // The address keeps the list: a shared link restores it (titles asked of the BFF), and the same snippet.
    const shared = await browser.newPage();
    await shared.goto(url, { waitUntil: "load" });
    await shared.waitForFunction((n) => document.querySelectorAll("ol.picked li img").length === n, {}, order.length);
    assert.deepEqual(
      await pickedTitles(shared),
      order.map(([, title]) => title),
    );
    assert.equal(await snippetOf(shared), snippet);
    // "Edit an existing snippet" reads the list back.
    const fresh = await openBuilder();
    await fresh.$eval(
      'textarea[name="existing"]',
      (area, value) => {
        (area as HTMLTextAreaElement).value = value as string;
      },
      snippet,
    );
    await fresh.click("button.fill");
    await fresh.waitForFunction((n) => document.querySelectorAll("ol.picked li img").length === n, {}, order.length);
    assert.equal(await fresh.$eval('input[name="source"]:checked', (i) => (i as HTMLInputElement).value), "picked");
    assert.deepEqual(
      await pickedIds(fresh),
      order.map(([id]) => id),
    );
    assert.equal(await snippetOf(fresh), snippet);
    return [shared, fresh] as const;
  };

  it("hand-picks several assets, reorders them by keyboard and by drag, and writes assets= that shows them in order on another origin", async () => {
    const page = await openBuilder();
    const [a, b, c, d] = await pickAssets(page, [3, 0, 5, 1]);
    assert.ok(a && b && c && d);
    assert.deepEqual(await pickedTitles(page), [a[1], b[1], c[1], d[1]]);
    assert.match(await page.$eval(".picked-status", (p) => p.textContent ?? ""), /added: position 4 of 4/);
    await page.waitForFunction(() => document.querySelector("#preview thron-gallery")?.hasAttribute("assets"));
    assert.equal(await page.$("#preview thron-gallery[page-size]"), null, "no preset beside the list");
    // Keyboard: Move down with Enter, then Alt+↓; focus stays on the moved item's control.
    await page.focus(`li[data-id="${a[0]}"] button.down`);
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => document.querySelectorAll("ol.picked li")[1]?.getAttribute("data-id") === id, {}, a[0]);
    assert.equal(await focusedControl(page), `${a[0]} down`);
    assert.match(await page.$eval(".picked-status", (p) => p.textContent ?? ""), /: position 2 of 4\.$/);
    await page.keyboard.down("Alt");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.up("Alt");
    await page.waitForFunction((id) => document.querySelectorAll("ol.picked li")[2]?.getAttribute("data-id") === id, {}, a[0]);
    assert.deepEqual(await pickedIds(page), [b[0], c[0], a[0], d[0]]);
    assert.equal(await focusedControl(page), `${a[0]} down`);
    // Drag: the last item's grip onto the first item.
    const grip = await page.$eval(`li[data-id="${d[0]}"] .grip`, (g) => g.getBoundingClientRect().toJSON() as DOMRect);
    const first = await page.$eval("ol.picked li", (li) => li.getBoundingClientRect().toJSON() as DOMRect);
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction((id) => document.querySelector("ol.picked li")?.getAttribute("data-id") === id, {}, d[0]);
    assert.deepEqual(await pickedIds(page), [d[0], b[0], c[0], a[0]]);
    assert.match(await page.$eval(".picked-status", (p) => p.textContent ?? ""), /: position 1 of 4\.$/);
    // Remove one: focus goes to the next item's Remove.
    await page.click(`li[data-id="${c[0]}"] button.remove`);
    await page.waitForFunction(() => document.querySelectorAll("ol.picked li").length === 3);
    assert.equal(await focusedControl(page), `${a[0]} remove`);
    const order = [d, b, a];
    assert.deepEqual(await axeViolations(page), []);

    const snippet = await snippetOf(page);
    assert.match(snippet, new RegExp(`<thron-gallery id="[\\w-]+" assets="${order.map(([id]) => id).join(",")}"></thron-gallery>$`));
    await galleryLoaded(page, "#preview thron-gallery");
    assert.deepEqual(
      await shadowTexts(page, "#preview thron-gallery", "figcaption"),
      order.map(([, title]) => title),
    );
    snippetForHost = snippet;
    const pasted = await browser.newPage();
    await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
    await galleryLoaded(pasted, "thron-gallery");
    assert.deepEqual(
      await shadowTexts(pasted, "thron-gallery", "figcaption"),
      order.map(([, title]) => title),
    );
    assert.equal(await pasted.$eval("thron-gallery", (g) => g.shadowRoot?.querySelector('[part="load-more"]') ?? null), null);

    const [shared, fresh] = await restoresList(page.url(), snippet, order);
    for (const p of [page, pasted, shared, fresh]) await p.close();
  });

  for (const [width, height] of [
    [1280, 1000],
    [1440, 1000],
    [1920, 1080],
    [390, 844],
  ] as const) {
    it(`keeps the hand-picked picker and its list inside the column at ${width} px`, async () => {
      const page = await openBuilder();
      await page.setViewport({ width, height });
      await pickAssets(page, [0, 1, 2]);
      const boxes = await page.evaluate(() => {
        const form = document.querySelector("form.choices") as HTMLElement;
        const output = document.querySelector(".output") as HTMLElement;
        return {
          form: form.getBoundingClientRect().toJSON() as DOMRect,
          output: output.getBoundingClientRect().toJSON() as DOMRect,
          widest: Math.max(...[...form.querySelectorAll("*")].map((el) => el.getBoundingClientRect().right)),
          page: document.documentElement.scrollWidth,
        };
      });
      assert.ok(boxes.widest <= boxes.form.right + 0.5, `something in the form reaches ${boxes.widest}, past ${boxes.form.right}`);
      assert.ok(boxes.page <= width, `the page scrolls sideways: ${boxes.page} px wide`);
      if (width > 900) assert.ok(boxes.form.right <= boxes.output.left, "the form overlaps the preview");
      else assert.ok(boxes.form.bottom <= boxes.output.top, "on a phone the preview comes below the form");
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });
  }

  it("loads with no console error and no failed request, the favicon included", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page: ${error}`));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${bff.url}/builder`, { waitUntil: "load" });
    const icon = await page.$eval('link[rel="icon"]', (link) => (link as HTMLLinkElement).href).catch(() => "");
    assert.match(icon, /^data:image\/svg\+xml,/, "an inline favicon: no /favicon.ico request to fail");
    await page.click('input[name="kind"][value="carousel"]');
    await page.click('input[name="kind"][value="asset"]');
    await galleryLoaded(page, "#builder-asset-picker");
    await page.click('input[name="kind"][value="helplines"]');
    await page.waitForSelector("#preview throughline-helplines");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
