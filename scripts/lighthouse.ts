/**
 * `pnpm lighthouse`: Lighthouse (the npm package, pinned) on the sandbox demo, phone and desktop,
 * with the npm-provided Chromium (scripts/chrome.ts): SEO, accessibility, best practices and
 * performance, and every audit that did not pass. Not part of `pnpm test`: a run takes about a
 * minute and its performance score moves with the machine's load (LIGHTHOUSE_PATH picks the page).
 */

import { startNodeServer } from "@embedkit/bff/node-server";
import lighthouse, { type Config, type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import puppeteer from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "./chrome.ts";

const CATEGORIES = ["seo", "accessibility", "best-practices", "performance"];

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
}

const bff = await startNodeServer({ env: { BFF_SANDBOX: "1", RATE_LIMIT_PER_MINUTE: "100000000" }, port: 0, deps: { logSink: () => {} } });
const browser = await puppeteer.launch({ executablePath: await chromePath(), args: CHROME_ARGS });
try {
  const url = `${bff.url}${process.env.LIGHTHOUSE_PATH ?? "/"}`;
  for (const [form, config] of [
    ["phone", undefined],
    ["desktop", desktopConfig as Config],
  ] as const) {
    const page = await browser.newPage();
    const flags: Flags = { output: "json", logLevel: "error", onlyCategories: CATEGORIES };
    const result = await lighthouse(url, flags, config, page);
    await page.close();
    if (!result) throw new Error("Lighthouse returned no result");
    const { categories, audits } = result.lhr;
    const scores = CATEGORIES.map((id) => `${categories[id]?.title} ${Math.round((categories[id]?.score ?? 0) * 100)}`);
    console.log(`\n## Lighthouse ${result.lhr.lighthouseVersion}, ${form}, ${url}: ${scores.join(", ")}`);
    const lcp = audits["largest-contentful-paint"]?.displayValue;
    const cls = audits["cumulative-layout-shift"]?.displayValue;
    console.log(`LCP ${lcp}, CLS ${cls} (Lighthouse's simulated throttling)`);
    const failed = (Object.values(audits) as Audit[]).filter(
      (a) => a.score !== null && a.score < 1 && (a.scoreDisplayMode === "binary" || a.scoreDisplayMode === "numeric"),
    );
    for (const audit of failed) console.log(`  not passed: ${audit.id} (${audit.title}): ${audit.score}`);
  }
} finally {
  await browser.close();
  await bff.close();
}
