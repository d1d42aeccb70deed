/**
 * `pnpm screenshot`: the README's pictures of the demo, desktop and phone, taken in headless
 * Chromium against a BFF started here in sandbox mode. Writes docs/demo.png and docs/demo-phone.png.
 */
import { fileURLToPath } from "node:url";
import { startNodeServer } from "@embedkit/bff/node-server";
import puppeteer from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "./chrome.ts";

const SHOTS = [
  { file: "../docs/demo.png", viewport: { width: 1280, height: 900, deviceScaleFactor: 1 } },
  { file: "../docs/demo-phone.png", viewport: { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];

const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
const browser = await puppeteer.launch({ executablePath: await chromePath(), args: CHROME_ARGS });
try {
  for (const shot of SHOTS) {
    const output = fileURLToPath(new URL(shot.file, import.meta.url));
    const page = await browser.newPage();
    await page.setViewport(shot.viewport);
    await page.goto(`${server.url}/`, { waitUntil: "networkidle0" });
    // The filters in, and every eager thumbnail decoded, so the picture shows images rather than placeholders.
    await page.waitForFunction(() => {
      const gallery = document.querySelector("thron-gallery");
      if (!document.querySelector("thron-filter-bar")?.shadowRoot?.querySelector("select")) return false;
      const images = [...(gallery?.shadowRoot?.querySelectorAll("img") ?? [])].filter((img) => img.loading === "eager");
      return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
    });
    await page.screenshot({ path: output as `${string}.png` });
    await page.close();
    console.log(`wrote ${output}`);
  }
} finally {
  await browser.close();
  await server.close();
}
