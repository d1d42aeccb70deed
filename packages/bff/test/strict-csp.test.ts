/**
 * The elements on a host page with a strict Content-Security-Policy, exactly as docs/csp.md
 * writes it: the host on one origin, the BFF (sandbox mode, which also plays THRON's CDN and
 * Player) on another. Nothing may be blocked: thumbnails show, the THRON Player plays.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import puppeteer, { type Browser } from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "../../../scripts/chrome.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";

/** docs/csp.md's policy with the BFF as THRON's CDN and API too (sandbox mode serves them). */
function strictPolicy(bff: string): string {
  return [
    "default-src 'none'",
    `script-src ${bff}`,
    `connect-src ${bff}`,
    `img-src ${bff}`,
    `media-src ${bff}`,
    // The BFF for server-rendered elements: their shadow roots link its stylesheets.
    `style-src 'self' ${bff}`,
    "base-uri 'none'",
    "form-action 'self'",
    "report-uri /csp-report",
  ].join("; ");
}

/** A host page that inlines the BFF's fragments, as a CMS does (the README's recipe), naming the BFF so their links are absolute. */
async function serverRenderedPage(bff: string): Promise<string> {
  const fragment = async (tag: string, query: string) =>
    (await fetch(`${bff}/v1/render/${tag}?bff=${encodeURIComponent(bff)}&${query}`)).text();
  const [bar, gallery, helplines] = await Promise.all([
    fragment("thron-filter-bar", "for=g&locale=en"),
    fragment("thron-gallery", "id=g&page-size=12&locale=en"),
    fragment("throughline-helplines", "country=NZ&locale=en"),
  ]);
  return `<!doctype html><html lang="en"><head><title>Host</title>
<script type="module" src="${bff}/components.js"></script></head><body><main>${bar}${gallery}${helplines}</main></body></html>`;
}

/**
 * What a visitor sees of the server-rendered elements' styles: computed, not assumed. A string,
 * as the page evaluates it (no helper the test's compiler would name).
 */
const COMPUTED_STYLES = `(() => {
  const grid = document.querySelector("thron-gallery").shadowRoot.querySelector(".grid");
  const controls = document.querySelector("thron-filter-bar").shadowRoot.querySelector(".controls");
  const list = document.querySelector("throughline-helplines").shadowRoot.querySelector('[part="list"]');
  return {
    galleryGrid: getComputedStyle(grid).display,
    galleryColumns: getComputedStyle(grid).gridTemplateColumns.split(" ").length,
    barControls: getComputedStyle(controls).display,
    helplinesList: getComputedStyle(list).listStyleType,
    barClear: getComputedStyle(document.querySelector("thron-filter-bar").shadowRoot.querySelector('[part="clear"]')).display,
  };
})()`;

let reports: string[] = [];

describe("a host page with a strict CSP", () => {
  let bff: Awaited<ReturnType<typeof startNodeServer>>;
  let host: Server;
  let hostUrl = "";
  let browser: Browser;
  let built = true;
  before(async () => {
    bff = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
    built = (await fetch(`${bff.url}/components.js`)).status === 200;
    host = createServer(async (request, response) => {
      if (request.url === "/csp-report") {
        let body = "";
        for await (const chunk of request) body += chunk;
        reports.push(body);
        response.writeHead(204).end();
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": strictPolicy(bff.url) });
      if (request.url === "/server-rendered") {
        response.end(await serverRenderedPage(bff.url));
        return;
      }
      response.end(`<!doctype html><html lang="en"><head><title>Host</title>
<script type="module" src="${bff.url}/components.js"></script></head>
<body><main><thron-filter-bar for="g"></thron-filter-bar><thron-gallery id="g" page-size="12"></thron-gallery></main></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
    browser = await puppeteer.launch({ executablePath: await chromePath(), args: CHROME_ARGS });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await bff?.close();
  });

  it("shows the gallery's thumbnails and plays a video in the THRON Player, with nothing blocked", async () => {
    assert.ok(built, "components.js is not built: run `pnpm build` first (pnpm test does)");
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(hostUrl, { waitUntil: "networkidle0" });
    await page.waitForFunction(() => {
      const images = [...(document.querySelector("thron-gallery")?.shadowRoot?.querySelectorAll("img") ?? [])];
      return images.length === 12 && images.slice(0, 4).every((img) => img.complete && img.naturalWidth > 0);
    });
    await page.waitForFunction(() => !!document.querySelector("thron-filter-bar")?.shadowRoot?.querySelector("select"));
    await page.evaluate(() => {
      const gallery = document.querySelector("thron-gallery");
      void gallery?.open(gallery.items.findIndex((a) => a.type === "video"));
    });
    await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('thron-gallery [slot="player"] video');
      return !!video && video.readyState >= 1;
    });
    assert.deepEqual(violations, []);
    await page.close();
  });

  for (const javaScript of [false, true])
    it(`styles server-rendered elements ${javaScript ? "with" : "without"} JavaScript (their stylesheet linked from the BFF), with no violation reported`, async () => {
      assert.ok(built, "components.js is not built: run `pnpm build` first (pnpm test does)");
      reports = [];
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(javaScript);
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${hostUrl}server-rendered`, { waitUntil: "networkidle0" });
      if (javaScript) await page.waitForFunction(() => document.querySelector("thron-gallery")?.matches(":defined"));
      const seen = (await page.evaluate(COMPUTED_STYLES)) as {
        galleryGrid: string;
        galleryColumns: number;
        barControls: string;
        helplinesList: string;
        barClear: string;
      };
      assert.equal(seen.galleryGrid, "grid", "the gallery's grid");
      assert.ok(seen.galleryColumns >= 4, `${seen.galleryColumns} columns on a desktop`);
      assert.equal(seen.barControls, "flex", "the filter bar's row");
      assert.equal(seen.helplinesList, "none", "the helplines' list, unmarked");
      // Without scripts "Clear all" could do nothing: the stylesheet leaves it out (its own button submits the form).
      assert.equal(seen.barClear === "none", !javaScript, `"Clear all" display: ${seen.barClear}`);
      await page.close();
      // Reports are posted after the page: give them a moment.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(reports, [], "CSP violation reports");
    });
});
