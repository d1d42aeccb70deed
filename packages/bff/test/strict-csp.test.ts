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
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

describe("a host page with a strict CSP", () => {
  let bff: Awaited<ReturnType<typeof startNodeServer>>;
  let host: Server;
  let hostUrl = "";
  let browser: Browser;
  let built = true;
  before(async () => {
    bff = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
    built = (await fetch(`${bff.url}/components.js`)).status === 200;
    host = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": strictPolicy(bff.url) });
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

  it("shows the gallery's thumbnails and plays a video in the THRON Player, with nothing blocked", async (t) => {
    if (!built) return t.skip("run `pnpm build` first (pnpm test does)");
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
});
