/**
 * `pnpm screenshot`: the README's picture of the demo, taken in headless Chromium against a
 * BFF started here in sandbox mode. Writes docs/demo.png.
 */
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { startNodeServer } from "../packages/bff/src/runtime/node-server.ts";
import { CHROME_ARGS, chromePath } from "./chrome.ts";

const output = fileURLToPath(new URL("../docs/demo.png", import.meta.url));
const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
const browser = await puppeteer.launch({
  executablePath: await chromePath(),
  args: CHROME_ARGS,
  defaultViewport: { width: 1200, height: 900 },
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`, { waitUntil: "networkidle0" });
  // Every eager thumbnail decoded, so the picture shows images rather than placeholders.
  await page.waitForFunction(() => {
    const gallery = document.querySelector("thron-gallery");
    if (!document.querySelector("thron-filter-bar")?.shadowRoot?.querySelector("select")) return false;
    const images = [...(gallery?.shadowRoot?.querySelectorAll("img") ?? [])].slice(0, 6);
    return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
  });
  await page.screenshot({ path: output as `${string}.png` });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
