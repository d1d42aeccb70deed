/**
 * The demo on a throttled phone (4× CPU, 200 KB/s, 150 ms latency, as the demo's CLS test), its
 * first filter bar, gallery and helplines server-rendered against the same page with bare tags
 * (`/?render=client`), alternating, each run in a fresh browser context (nothing cached in the
 * browser; the BFF's cache warm). For each: the largest contentful paint, what it painted (an
 * image's URL, else the element's tag: the intro text says nothing about thumbnails), the first
 * thumbnail's download (resource timing) and when it was painted (LCP's entry for it, when it is
 * the largest), and the worst CLS. Part of `pnpm bench`; `node --import tsx scripts/bench-lcp.ts`
 * runs it alone.
 */

import { startNodeServer } from "@embedkit/bff/node-server";
import puppeteer from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "./chrome.ts";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export interface PaintFigures {
  /** Largest contentful paint, ms from navigation. */
  lcp: number;
  /** `thumbnail` when the largest paint was a gallery thumbnail, else the painted element's tag. */
  what: string;
  /** The first thumbnail's request started and its last byte arrived, ms from navigation. */
  thumbnailStart: number;
  thumbnailEnd: number;
  /** The frame after the first thumbnail (in the gallery's grid) was loaded: when it was painted, give or take a frame. */
  thumbnailShown: number;
  cls: number;
}

/**
 * Runs in the page before anything else: keeps the last LCP entry, the layout shifts, and the
 * first thumbnail's paint (Element Timing does not see into shadow roots, so each frame looks for
 * it loaded; the next frame is when it was painted). A string: the compiler's helpers would not exist in the page.
 */
const OBSERVE_PAINT = `(() => {
  const seen = { lcp: 0, url: "", tag: "", cls: 0, thumbnailShown: 0 };
  window.__paint = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      seen.lcp = entry.startTime;
      seen.url = entry.url;
      seen.tag = entry.element ? entry.element.localName : "";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) seen.cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  const look = () => {
    const gallery = document.querySelector("thron-gallery");
    const image = gallery && gallery.shadowRoot && gallery.shadowRoot.querySelector('.grid:not(.links) img[part="thumbnail"]');
    if (image && image.complete && image.naturalWidth > 0) requestAnimationFrame((time) => (seen.thumbnailShown = time));
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

export async function demoLcp(runs = 5) {
  const bff = await startNodeServer({
    env: { BFF_SANDBOX: "1", RATE_LIMIT_PER_MINUTE: "100000000" },
    port: 0,
    deps: { logSink: () => {} },
  });
  const browser = await puppeteer.launch({ executablePath: await chromePath(), args: CHROME_ARGS });
  const measure = async (path: string): Promise<PaintFigures> => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.emulateCPUThrottling(4);
    await page.emulateNetworkConditions({ download: 200_000, upload: 90_000, latency: 150 });
    await page.evaluateOnNewDocument(OBSERVE_PAINT);
    await page.goto(`${bff.url}${path}`, { waitUntil: "networkidle0" });
    const seen = await page.evaluate(() => {
      const paint = (window as unknown as { __paint: { lcp: number; url: string; tag: string; cls: number; thumbnailShown: number } })
        .__paint;
      const thumbnails = performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes("/thumbnail/")) as PerformanceResourceTiming[];
      const first = thumbnails.sort((a, b) => a.startTime - b.startTime)[0];
      return { ...paint, start: first?.startTime ?? Number.NaN, end: first?.responseEnd ?? Number.NaN };
    });
    await context.close();
    const what = seen.url.includes("/thumbnail/") ? "thumbnail" : seen.url ? "other image" : `<${seen.tag || "?"}>`;
    return { lcp: seen.lcp, what, thumbnailStart: seen.start, thumbnailEnd: seen.end, thumbnailShown: seen.thumbnailShown, cls: seen.cls };
  };
  try {
    const server: PaintFigures[] = [];
    const client: PaintFigures[] = [];
    for (let i = 0; i < runs; i++) {
      server.push(await measure("/"));
      client.push(await measure("/?render=client"));
    }
    const sum = (list: PaintFigures[]) => ({
      lcp: median(list.map((r) => r.lcp)),
      what: [...new Set(list.map((r) => r.what))].join(", "),
      thumbnailStart: median(list.map((r) => r.thumbnailStart)),
      thumbnailEnd: median(list.map((r) => r.thumbnailEnd)),
      thumbnailShown: median(list.map((r) => r.thumbnailShown)),
      /** The first thumbnail painted after its last byte: its decode and paint, nothing else waited for. */
      shownAfterDownload: median(list.map((r) => r.thumbnailShown - r.thumbnailEnd)),
      cls: Math.max(...list.map((r) => r.cls)),
    });
    return { runs, server: sum(server), client: sum(client) };
  } finally {
    await browser.close();
    await bff.close();
  }
}

export function printDemoLcp(lcp: Awaited<ReturnType<typeof demoLcp>>): void {
  console.log(
    `\n## The demo on a throttled phone: server-rendered first bar, gallery and helplines against bare tags (median of ${lcp.runs}, alternating)`,
  );
  for (const [label, run] of [
    ["server-rendered", lcp.server],
    ["client-only", lcp.client],
  ] as const)
    console.log(
      `${label}: LCP ${run.lcp.toFixed(0)} ms (largest paint: ${run.what}); first thumbnail requested at ${run.thumbnailStart.toFixed(0)} ms, ` +
        `downloaded at ${run.thumbnailEnd.toFixed(0)} ms (its own download ${(run.thumbnailEnd - run.thumbnailStart).toFixed(0)} ms); ` +
        `painted at ${run.thumbnailShown.toFixed(0)} ms (${run.shownAfterDownload.toFixed(0)} ms after its last byte); worst CLS ${run.cls.toFixed(3)}`,
    );
  console.log(
    `ratios server-rendered / client-only: LCP ${(lcp.server.lcp / lcp.client.lcp).toFixed(2)}, first thumbnail requested ${(lcp.server.thumbnailStart / lcp.client.thumbnailStart).toFixed(2)}, downloaded ${(lcp.server.thumbnailEnd / lcp.client.thumbnailEnd).toFixed(2)}, painted ${(lcp.server.thumbnailShown / lcp.client.thumbnailShown).toFixed(2)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printDemoLcp(await demoLcp(Number(process.env.LCP_RUNS ?? 5)));
