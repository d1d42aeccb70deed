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
import { loadConfig } from "../src/config.ts";
import { readBundle, startNodeServer } from "../src/runtime/node-server.ts";
import { sandboxBff } from "./helpers.ts";

const THRON_ENV = {
  THRON_TENANT: THRON_SANDBOX.tenant,
  THRON_CLIENT_ID: THRON_SANDBOX.clientId,
  THRON_CLIENT_SECRET: THRON_SANDBOX.clientSecret,
  THRON_USERNAME: THRON_SANDBOX.username,
  THRON_FOLDER_ID: THRON_SANDBOX.folderId,
  THRON_PKEY: THRON_SANDBOX.pkey,
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
        `<thron-gallery layout="carousel" type="video,image" filter-topic="${topic}" sort="title" page-size="12"></thron-gallery>$`,
      ),
    );
    assert.equal(
      (await page.$eval("#theme", (code) => code.textContent ?? "")).includes("color-scheme: dark"),
      true,
      "the theme's properties are shown",
    );

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
    assert.match(snippetForHost, /<thron-asset asset="[A-Za-z0-9_-]+" caption><\/thron-asset>$/);
    const pasted = await browser.newPage();
    await pasted.goto(`${hostOrigin}/`, { waitUntil: "load" });
    await pasted.waitForFunction(() => document.querySelector("thron-asset")?.shadowRoot?.querySelector('[part="title"]'));
    assert.deepEqual(await shadowTexts(pasted, "thron-asset", '[part="title"]'), previewTitle);
    await page.close();
    await pasted.close();
  });
});
