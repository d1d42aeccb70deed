/**
 * The plugin on the lowest PHP its header claims (PHP_LOWEST), with WP_DEBUG showing every PHP
 * warning and deprecation in the page: the zip installs and activates, the settings page checks
 * the connection, and each block and each shortcode renders with the BFF's server-rendered HTML.
 * The whole suite (plugin.test.ts) runs on PHP_NEWEST.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "puppeteer-core";
import { PHP_LOWEST } from "../scripts/playground.ts";
import { ADMIN, checkConnection, installPluginZip, publishPost, setBffUrl, signedIn, siteState, startSite } from "./site.ts";

/** What PHP prints with WP_DEBUG_DISPLAY for a warning, notice, deprecation or error. */
const PHP_MESSAGE = /<b>(Warning|Notice|Deprecated|Fatal error|Parse error)<\/b>:[^\n]*/;

describe(`the plugin on PHP ${PHP_LOWEST}, the lowest it claims`, { timeout: 600_000 }, () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let wp: string;
  let admin: Page;
  before(async () => {
    site = await startSite({ php: PHP_LOWEST, debug: true });
    wp = site.wordpress.url;
    admin = await signedIn(site.browser, site.wordpress.root, wp, ADMIN);
  });
  after(async () => site?.close());

  test("the zip installs and activates, and Check connection answers, with no PHP message", async () => {
    assert.equal((await siteState(wp)).php, PHP_LOWEST, "the site runs on the lowest PHP");
    assert.match(await installPluginZip(admin, wp, site.wordpress.root), /Plugin installed successfully/);
    assert.equal((await siteState(wp)).active, true);
    await setBffUrl(admin, wp, site.bff.url);
    const words = await checkConnection(admin, wp);
    assert.match(words, /THRON\s*Ready: its blocks work\./);
    assert.match(words, /THRON galleries on this BFF: default, restricted, sport/);
    assert.doesNotMatch(await admin.content(), PHP_MESSAGE);
  });

  test("each block and each shortcode renders its element, server-rendered, with no PHP message", async () => {
    const content = [
      `<!-- wp:embedkit/thron-gallery {"gallery":"sport","page-size":4,"filterBar":true,"filters":{"topic":"city"}} /-->`,
      `<!-- wp:embedkit/throughline-helplines {"country":"US","limit":2} /-->`,
      `<!-- wp:embedkit/thunder-launch-button {"method":"plays","ids":"0f8fad5b-d9cb-469f-a165-70867728950e","label":"Watch"} /-->`,
      `[thron_asset asset="x-1" caption player="native" bogus="1"]`,
      `[thron_gallery page-size="3" type="video"]`,
      `[throughline_helplines country="gb" priority limit="1"]`,
      `[thunder_launch_button method="plays" ids="0f8fad5b-d9cb-469f-a165-70867728950e"]Go[/thunder_launch_button]`,
    ].join("\n\n");
    const post = await publishPost(admin, wp, `PHP ${PHP_LOWEST}`, content);
    const page = await (await fetch(post.link)).text();
    assert.doesNotMatch(page, PHP_MESSAGE);
    assert.match(page, /<thron-filter-bar bff="[^"]+" locale="en-US" for="embedkit-gallery-[^"]+" gallery="sport"/);
    for (const tag of ["thron-gallery", "throughline-helplines"])
      assert.equal(
        page.match(new RegExp(`<${tag} [^>]*><template[^>]* shadowrootmode="open"`, "g"))?.length,
        2,
        `${tag}: block and shortcode, server-rendered`,
      );
    assert.match(page, /<thron-gallery [^>]*gallery="sport"[^>]*filter-topic="city"/);
    assert.match(page, /<thron-asset [^>]*asset="x-1" caption player="native">/);
    assert.equal(page.match(/<thunder-launch-button [^>]*method="plays"/g)?.length, 2);
    assert.equal(page.match(/components\.js/g)?.length, 1, "the bundle once");
    await admin.goto(post.link);
    assert.match(await admin.$eval(".embedkit-notice", (n) => n.textContent ?? ""), /“bogus”/, "the editor's notice");
  });
});
