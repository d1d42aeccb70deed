/**
 * The test site: WordPress 6.5 in Playground with an Author, a BFF in sandbox mode on 127.0.0.1
 * that allows the site's origin, and Chromium (puppeteer-core, the repo's scripts/chrome.ts).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "../../../scripts/chrome.ts";
import { startNodeServer } from "../../bff/src/runtime/node-server.ts";
import { ensurePlayground, startWordPress } from "../scripts/playground.ts";

export const AUTHOR = { user: "author", password: "author-pass-0123" };
export const ADMIN = { user: "admin", password: "password" }; // Playground's administrator

const MU_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), "mu-plugins");

export async function startSite() {
  ensurePlayground();
  const wordpress = await startWordPress({
    blueprint: {
      steps: [
        // Offline: no cron loopback (it would wait on the site's own worker), no calls to wordpress.org.
        { step: "defineWpConfigConsts", consts: { DISABLE_WP_CRON: true, WP_HTTP_BLOCK_EXTERNAL: true, AUTOMATIC_UPDATER_DISABLED: true } },
        {
          step: "runPHP",
          code: `<?php require '/wordpress/wp-load.php'; wp_insert_user(['user_login' => '${AUTHOR.user}', 'user_pass' => '${AUTHOR.password}', 'role' => 'author', 'user_email' => 'author@example.com']);`,
        },
      ],
    },
    mounts: { [MU_PLUGINS]: "/wordpress/wp-content/mu-plugins" },
  });
  const bff = await startNodeServer({
    env: { BFF_SANDBOX: "1", ALLOWED_ORIGINS: new URL(wordpress.url).origin },
    port: 0,
    deps: { logSink: () => {} },
  });
  const browser = await puppeteer.launch({ executablePath: await chromePath(), args: CHROME_ARGS });
  return {
    wordpress,
    bff,
    browser,
    close: async () => {
      await browser.close();
      await bff.close();
      await wordpress.close();
    },
  };
}

/**
 * A page in a fresh browser profile (its own cookies). The WordPress build on npm leaves out the
 * admin's CSS and most core scripts (Playground fetches them online); asked for here, each would
 * cost a full PHP 404 page on the one worker, so a missing static file is answered 404 at once.
 */
export async function freshPage(browser: Browser, root: string): Promise<Page> {
  const page = await (await browser.createBrowserContext()).newPage();
  page.setDefaultTimeout(60_000); // PHP as WebAssembly takes seconds for an admin page
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = new URL(request.url());
    const local = url.hostname === "127.0.0.1" && /\.(css|js|png|svg|gif|woff2?)$/.test(url.pathname);
    if (local && url.pathname.startsWith("/wp-") && !existsSync(join(root, decodeURIComponent(url.pathname)))) {
      void request.respond({ status: 404, body: "" });
    } else void request.continue();
  });
  return page;
}

/** A fresh profile signed in as `who`. */
export async function signedIn(browser: Browser, root: string, base: string, who: { user: string; password: string }): Promise<Page> {
  const page = await freshPage(browser, root);
  // The profile page, not the dashboard: the cheapest admin page to land on. A second try when
  // Playground's worker dropped the first form post.
  for (let attempt = 1; attempt <= 2 && !page.url().includes("/wp-admin"); attempt++) {
    await page.goto(`${base}/wp-login.php?redirect_to=${encodeURIComponent(`${base}/wp-admin/profile.php`)}`);
    await page.type("#user_login", who.user);
    await page.type("#user_pass", who.password);
    await Promise.all([page.waitForNavigation(), page.click("#wp-submit")]);
  }
  if (!page.url().includes("/wp-admin")) throw new Error(`${who.user} could not sign in: ${page.url()}`);
  return page;
}

/** Creates and publishes a post through the REST API with the page's cookies, as the signed-in user. */
export async function publishPost(
  page: Page,
  base: string,
  title: string,
  content: string,
): Promise<{ id: number; link: string; raw: string }> {
  return page.evaluate(
    async (base, title, content) => {
      const nonce = await (await fetch(`${base}/wp-admin/admin-ajax.php?action=rest-nonce`)).text();
      const response = await fetch(`${base}/wp-json/wp/v2/posts?context=edit`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-wp-nonce": nonce },
        body: JSON.stringify({ title, content, status: "publish" }),
      });
      const post = await response.json();
      if (!response.ok) throw new Error(`publishing failed: ${response.status} ${JSON.stringify(post)}`);
      return { id: post.id, link: post.link, raw: post.content.raw };
    },
    base,
    title,
    content,
  );
}

/** The signed-in user's capabilities, as WordPress reports them. */
export async function capabilities(page: Page, base: string): Promise<Record<string, boolean>> {
  return page.evaluate(async (base) => {
    const nonce = await (await fetch(`${base}/wp-admin/admin-ajax.php?action=rest-nonce`)).text();
    const me = await (await fetch(`${base}/wp-json/wp/v2/users/me?context=edit`, { headers: { "x-wp-nonce": nonce } })).json();
    return me.capabilities;
  }, base);
}

/** axe-core's source, from @open-wc/testing's dependencies (chai-a11y-axe brings it). */
export function axeSource(): string {
  const fromRoot = createRequire(join(process.cwd(), "package.json"));
  const fromTesting = createRequire(fromRoot.resolve("@open-wc/testing"));
  const fromChaiAxe = createRequire(fromTesting.resolve("chai-a11y-axe"));
  return fromChaiAxe.resolve("axe-core/axe.min.js");
}

/** axe's violations inside `selector` (WCAG 2 A and AA rules). */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axeSource() });
  return page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const result = await axe.run({ include: [[selector]] }, { runOnly: ["wcag2a", "wcag2aa"] });
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(", ")}`,
    );
  }, selector);
}

/** Waits until `check` holds in the page (it runs there), with a readable failure. */
export async function until(page: Page, what: string, check: () => boolean, timeout = 20_000): Promise<void> {
  try {
    await page.waitForFunction(check, { timeout, polling: 100 });
  } catch {
    throw new Error(`timed out waiting for ${what} on ${page.url()}`);
  }
}
