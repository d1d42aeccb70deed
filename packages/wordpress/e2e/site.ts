/**
 * The test site: WordPress 6.5 in Playground with an Author, a BFF in sandbox mode on 127.0.0.1
 * that allows the site's origin, and Chromium (puppeteer-core, the repo's scripts/chrome.ts).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer, { type Browser, type ElementHandle, type Page } from "puppeteer-core";
import { CHROME_ARGS, chromePath } from "../../../scripts/chrome.ts";
import { startNodeServer } from "../../bff/src/runtime/node-server.ts";
import { ensurePlayground, startWordPress } from "../scripts/playground.ts";
import { buildPluginZip } from "../scripts/zip.ts";

export const AUTHOR = { user: "author", password: "author-pass-0123" };
export const ADMIN = { user: "admin", password: "password" }; // Playground's administrator

const MU_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), "mu-plugins");

/** The site on PHP `php`; `debug` shows PHP's warnings and deprecations in the pages (WP_DEBUG). */
export async function startSite(options: { php?: string; debug?: boolean } = {}) {
  ensurePlayground();
  const debug = options.debug ? { WP_DEBUG: true, WP_DEBUG_DISPLAY: true, WP_DEBUG_LOG: false } : {};
  const wordpress = await startWordPress({
    php: options.php,
    blueprint: {
      steps: [
        // Offline: no cron loopback (it would wait on the site's own worker), no calls to wordpress.org.
        {
          step: "defineWpConfigConsts",
          consts: { DISABLE_WP_CRON: true, WP_HTTP_BLOCK_EXTERNAL: true, AUTOMATIC_UPDATER_DISABLED: true, ...debug },
        },
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
 * A page in a fresh browser profile (its own cookies). A static file the site lacks (the few that
 * neither the WordPress zip nor its static files hold) would cost a full PHP 404 page on the one
 * worker, so it is answered 404 at once.
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
    // 200 ms after load, wp-login.php focuses and selects the user name (after a failed try it empties
    // the password instead): keys typed before then land in the wrong field. Wait for it, then fill.
    await page.waitForFunction(() => document.activeElement?.tagName === "INPUT", { timeout: 5_000 }).catch(() => {});
    await fill(page, "#user_login", who.user);
    await fill(page, "#user_pass", who.password);
    await Promise.all([page.waitForNavigation(), page.click("#wp-submit")]);
  }
  if (!page.url().includes("/wp-admin")) {
    const said = await page.$eval("#login_error", (error) => error.textContent?.trim()).catch(() => "no error shown");
    throw new Error(`${who.user} could not sign in: ${page.url()} (${said})`);
  }
  return page;
}

/** Sets a field's value outright: typing would append to what the page left there. */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (input, value) => {
      (input as HTMLInputElement).value = value;
    },
    value,
  );
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

/** The test site's own view of what the plugin stored, and the PHP it runs on (e2e/mu-plugins/embedkit-test-state.php). */
export async function siteState(base: string): Promise<{ bffUrl: string | null; transients: number; active: boolean; php: string }> {
  return (await fetch(`${base}/?embedkit-test-state`)).json() as never;
}

/** Plugins → Add New → Upload Plugin with the zip `pnpm wordpress:zip` builds, then Activate. */
export async function installPluginZip(admin: Page, base: string, root: string): Promise<string> {
  const zip = buildPluginZip(join(root, "embedkit-upload.zip")); // removed with the site
  await admin.goto(`${base}/wp-admin/plugin-install.php?tab=upload`);
  const input = (await admin.$("input#pluginzip")) as ElementHandle<HTMLInputElement> | null;
  await input!.uploadFile(zip);
  await Promise.all([admin.waitForNavigation({ timeout: 60_000 }), admin.click("#install-plugin-submit")]);
  const installed = await admin.content();
  await Promise.all([admin.waitForNavigation(), admin.click("a.button-primary[href*='action=activate']")]);
  return installed;
}

/** Settings → Embedkit: enters `url` as the BFF URL and saves. */
export async function setBffUrl(admin: Page, base: string, url: string): Promise<void> {
  await admin.goto(`${base}/wp-admin/options-general.php?page=embedkit`);
  await fill(admin, "#embedkit-bff-url", url);
  await Promise.all([admin.waitForNavigation(), admin.click("#submit")]);
}

/** Settings → Embedkit → Check connection: the words it shows. */
export async function checkConnection(admin: Page, base: string): Promise<string> {
  await admin.goto(`${base}/wp-admin/options-general.php?page=embedkit`);
  await Promise.all([admin.waitForNavigation(), admin.click("form[action*='options-general.php'] #submit")]);
  return admin.$eval("#embedkit-connection", (box) => (box as HTMLElement).textContent ?? "");
}
