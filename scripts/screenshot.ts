/**
 * `pnpm screenshot`: the README's pictures of the demo, desktop and phone, taken in headless
 * Chromium against a BFF started here in sandbox mode. Writes docs/demo.png, docs/demo-phone.png
 * and docs/viewer-phone.png (the demo's product viewer on a phone).
 */
import { fileURLToPath } from "node:url";
import { startNodeServer } from "@embedkit/bff/node-server";
import puppeteer, { type Page, type Viewport } from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "./chrome.ts";

const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** `section`: the picture starts at that section's heading (the top of the page otherwise). */
const SHOTS: { file: string; viewport: Viewport; section?: string }[] = [
  { file: "../docs/demo.png", viewport: { width: 1280, height: 900, deviceScaleFactor: 1 } },
  { file: "../docs/demo-phone.png", viewport: PHONE },
  { file: "../docs/viewer-phone.png", viewport: PHONE, section: "#viewer-heading" },
];

/** The filters in, and every eager image of `selector`'s gallery decoded: the picture shows images rather than placeholders. */
function shown(page: Page, selector: string) {
  return page.waitForFunction(
    (gallerySelector: string) => {
      const gallery = document.querySelector(gallerySelector);
      if (!document.querySelector("thron-filter-bar")?.shadowRoot?.querySelector("select")) return false;
      const images = [...(gallery?.shadowRoot?.querySelectorAll("img") ?? [])].filter((img) => img.loading === "eager");
      return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
    },
    {},
    selector,
  );
}

const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
const browser = await puppeteer.launch({ executablePath: await chromePath(), args: CHROME_ARGS });
try {
  for (const shot of SHOTS) {
    const output = fileURLToPath(new URL(shot.file, import.meta.url));
    const page = await browser.newPage();
    await page.setViewport(shot.viewport);
    await page.goto(`${server.url}/`, { waitUntil: "networkidle0" });
    if (shot.section) {
      await page.$eval(shot.section, (heading) => heading.scrollIntoView({ block: "start" }));
      await shown(page, 'thron-gallery[layout="viewer"]');
    } else await shown(page, "thron-gallery");
    await page.screenshot({ path: output as `${string}.png` });
    await page.close();
    console.log(`wrote ${output}`);
  }
} finally {
  await browser.close();
  await server.close();
}
