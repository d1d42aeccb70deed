/**
 * The Embedkit plugin in a real WordPress 6.5 (Playground, PHP as WebAssembly, offline) against a
 * real BFF in sandbox mode, driven in Chromium: installed from its zip, configured, used by an
 * Author through blocks and shortcodes, seen by visitors, and deleted.
 */
import assert from "node:assert/strict";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import type { Page } from "puppeteer-core";
import { PHP_NEWEST } from "../scripts/playground.ts";
import { control, insertBlock, openBlockEditor, publishFromEditor } from "./block-editor.ts";
import {
  ADMIN,
  AUTHOR,
  axeViolations,
  capabilities,
  checkConnection,
  freshPage,
  installPluginZip,
  publishPost,
  setBffUrl as setSiteBffUrl,
  signedIn,
  siteState,
  startSite,
  until,
} from "./site.ts";

type Site = Awaited<ReturnType<typeof startSite>>;
let site: Site;
let wp: string;
let admin: Page;
let author: Page;
const posts: Record<string, string> = {};

const state = () => siteState(wp);

/** A loopback port nothing listens on: a BFF that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const setBffUrl = (url: string) => setSiteBffUrl(admin, wp, url);

const html = async (url: string) => (await fetch(url)).text();

describe(`the Embedkit plugin in WordPress 6.5 on PHP ${PHP_NEWEST}`, { timeout: 600_000 }, () => {
  before(async () => {
    site = await startSite();
    wp = site.wordpress.url;
    admin = await signedIn(site.browser, site.wordpress.root, wp, ADMIN);
  });
  after(async () => site?.close());

  test("the zip uploads under Plugins → Add New and activates", async () => {
    assert.equal((await state()).php, PHP_NEWEST, "the site runs on the PHP the suite is for");
    assert.match(await installPluginZip(admin, wp, site.wordpress.root), /Plugin installed successfully/);
    assert.equal((await state()).active, true);
  });

  test("Settings → Embedkit: the BFF URL, Check connection in words, the origin to allow; no secret asked", async () => {
    await setBffUrl(`${site.bff.url}/`);
    assert.equal((await state()).bffUrl, site.bff.url, "saved without its trailing slash");
    const page = await admin.content();
    assert.match(page, /No vendor secret is asked for or stored in WordPress/);
    assert.ok(page.includes(`<code>${new URL(wp).origin}</code>`), "names the origin to add to ALLOWED_ORIGINS");
    assert.equal(await admin.$$eval("input[type=password]", (inputs) => inputs.length), 0, "no field for a secret");
    const words = await checkConnection(admin, wp);
    assert.match(words, /sandbox mode/);
    for (const provider of ["THRON", "Thunder", "ThroughLine"]) assert.match(words, new RegExp(`${provider}\\s*Ready: its blocks work\\.`));
    assert.match(words, /THRON galleries on this BFF: default, restricted, sport/, "the names from GET /v1/thron/galleries");
    assert.deepEqual(await axeViolations(admin, "#wpbody-content .wrap"), []);
  });

  test("a BFF URL that is not http(s) is refused with a message, and the saved one kept", async () => {
    await setBffUrl("javascript:alert(1)");
    assert.match(await admin.content(), /must be an http or https address/);
    assert.equal((await state()).bffUrl, site.bff.url);
  });

  test("an Author (no unfiltered_html) publishes a post with each block, kept as written", async () => {
    author = await signedIn(site.browser, site.wordpress.root, wp, AUTHOR);
    const caps = await capabilities(author, wp);
    assert.equal(caps.unfiltered_html, undefined, "the Author cannot post raw HTML");
    const [video] = (await (await fetch(`${site.bff.url}/v1/thron/galleries/default/assets?type=video&limit=1`)).json()).items;
    const content = [
      `<!-- wp:embedkit/thron-gallery {"page-size":6,"filterBar":true} /-->`,
      `<!-- wp:embedkit/thron-asset {"asset":"${video.id}","caption":true} /-->`,
      `<!-- wp:embedkit/throughline-helplines {"country":"US","limit":3} /-->`,
      `<!-- wp:embedkit/thunder-launch-button {"method":"plays","ids":"0f8fad5b-d9cb-469f-a165-70867728950e","label":"Watch the play"} /-->`,
    ].join("\n");
    const post = await publishPost(author, wp, "Blocks", content);
    assert.equal(post.raw, content, "kses left the blocks alone");
    posts.blocks = post.link;
  });

  test("a visitor sees the blocks working: thumbnails, the asset playing, helpline numbers, one bundle", async () => {
    const page = await freshPage(site.browser, site.wordpress.root);
    await page.goto(posts.blocks!);
    assert.equal(await page.$$eval('script[type="module"][src$="/components.js"]', (s) => s.length), 1, "the bundle once");
    await until(
      page,
      "thumbnails",
      () => (document.querySelector("thron-gallery")?.shadowRoot?.querySelectorAll("img[src]").length ?? 0) >= 6,
    );
    assert.equal(await page.$eval("thron-gallery", (g) => g.getAttribute("locale")), "en-US", "the site's locale");
    await until(page, "the filter bar", () => !!document.querySelector("thron-filter-bar")?.shadowRoot?.querySelector("select, input"));
    await page.$eval("thron-asset", (asset) => asset.scrollIntoView());
    await until(page, "the THRON Player's video", () => !!document.querySelector('thron-asset [slot="player"] video[src*="/delivery/"]'));
    await until(page, "helpline numbers", () =>
      /\d{3}/.test((document.querySelector("throughline-helplines")?.shadowRoot?.textContent ?? "").replace(/\s/g, "")),
    );
    await until(page, "a call link", () => !!document.querySelector("throughline-helplines")?.shadowRoot?.querySelector('a[href^="tel:"]'));
    assert.equal(await page.$eval("thunder-launch-button", (b) => b.textContent), "Watch the play");
    assert.deepEqual(await axeViolations(page, "main"), []);
    await page.browserContext().close();
  });

  test("a page without Embedkit content loads no bundle", async () => {
    const page = await html(`${wp}/?page_id=2`);
    assert.doesNotMatch(page, /components\.js/);
  });

  test("each shortcode renders its element with the elements' attribute names", async () => {
    const content = [
      `[thron_gallery page-size="4" type="video" sort="title" layout="carousel" filter-topic="sport"]`,
      `[thron_gallery page-size="3" layout="viewer"]`,
      `[thron_asset asset="x-1" caption player="native"]`,
      `[throughline_helplines country="gb" topic="suicide" priority limit="2"]`,
      `[thunder_launch_button method="plays" ids="0f8fad5b-d9cb-469f-a165-70867728950e"]Watch it[/thunder_launch_button]`,
    ].join("\n\n");
    const post = await publishPost(author, wp, "Shortcodes", content);
    assert.equal(post.raw, content);
    const page = await html(post.link);
    const bff = site.bff.url;
    // The element's own tag, whatever the BFF rendered inside it (its shadow root, when it could).
    const element = (opening: string, inside = "") =>
      assert.match(
        page,
        new RegExp(`${escapeRegExp(opening)}(<template[^]*?)?${escapeRegExp(inside)}</${opening.slice(1).split(" ")[0]}>`),
        opening,
      );
    element(`<thron-gallery bff="${bff}" locale="en-US" page-size="4" type="video" sort="title" layout="carousel" filter-topic="sport">`);
    const viewer = `<thron-gallery bff="${bff}" locale="en-US" page-size="3" layout="viewer">`;
    element(viewer);
    const viewerHtml = page.slice(page.indexOf(viewer), page.indexOf("</thron-gallery>", page.indexOf(viewer)));
    assert.match(viewerHtml, /role="tablist"/, "the viewer rendered by the BFF: its strip of thumbnails");
    element(`<thron-asset bff="${bff}" locale="en-US" asset="x-1" caption player="native">`);
    element(`<throughline-helplines bff="${bff}" locale="en-US" country="GB" topic="suicide" priority limit="2">`);
    element(`<thunder-launch-button bff="${bff}" locale="en-US" method="plays" ids="0f8fad5b-d9cb-469f-a165-70867728950e">`, "Watch it");
    assert.equal(page.match(/components\.js/g)?.length, 1, "one bundle for five shortcodes");
    posts.shortcodes = post.link;
  });

  test("a hand-picked gallery, as a block and as a shortcode, shows exactly its assets in order, rendered on the server", async () => {
    const newest: { id: string; title: string }[] = (
      await (await fetch(`${site.bff.url}/v1/thron/galleries/default/assets?limit=6`)).json()
    ).items;
    const block = [4, 0, 2].map((i) => newest[i]!);
    const shortcode = [5, 1].map((i) => newest[i]!);
    const content = [
      `<!-- wp:embedkit/thron-gallery {"assets":"${block.map((a) => a.id).join(",")}"} /-->`,
      `[thron_gallery assets="${shortcode.map((a) => a.id).join(" ")}"]`,
    ].join("\n\n");
    const post = await publishPost(author, wp, "Hand-picked", content);
    assert.equal(post.raw, content);
    const served = await html(post.link);
    assert.match(served, new RegExp(`<thron-gallery [^>]*assets="${block.map((a) => a.id).join(",")}"[^>]*><template shadowroot`));
    const page = await freshPage(site.browser, site.wordpress.root);
    await page.goto(post.link);
    await until(page, "both galleries' tiles", () =>
      [...document.querySelectorAll("thron-gallery")].every((g) => (g as HTMLElement & { hasUpdated?: boolean }).hasUpdated),
    );
    const titles = await page.$$eval("thron-gallery", (galleries) =>
      galleries.map((g) => [...(g.shadowRoot?.querySelectorAll('[part="title"]') ?? [])].map((t) => t.textContent?.trim())),
    );
    assert.deepEqual(titles, [block.map((a) => a.title), shortcode.map((a) => a.title)]);
    assert.deepEqual(await axeViolations(page, "main"), []);
    await page.browserContext().close();
  });

  test("hostile shortcode attributes are escaped: no script runs; editors get a notice, visitors none", async () => {
    const q = `" autofocus onfocus="window.pwned=1" x="`;
    const content = `[thron_gallery q='${q}' page-size="9999" layout="grid onmouseover=window.pwned=2" onclick="window.pwned=3" gallery="a b"]`;
    const post = await publishPost(author, wp, "Hostile", content);
    posts.hostile = post.link;
    const seen = await html(post.link);
    assert.doesNotMatch(seen, /(onfocus|onmouseover|onclick)="window/, "no quote got out of its attribute");
    assert.doesNotMatch(seen, /embedkit-notice/, "visitors see no notice");
    const page = await freshPage(site.browser, site.wordpress.root);
    await page.goto(post.link);
    const gallery = await page.$eval("thron-gallery", (g) => ({
      q: g.getAttribute("q"),
      layout: g.getAttribute("layout"),
      names: g.getAttributeNames(),
    }));
    assert.equal(gallery.q, q, "the hostile value is data, escaped");
    assert.deepEqual(
      gallery.names.filter((name) => !["bff", "locale", "q", "layout"].includes(name)),
      [],
      "only known attributes on the element",
    );
    assert.ok([null, "grid"].includes(gallery.layout), `layout: ${gallery.layout}`);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    await page.browserContext().close();
    await author.goto(post.link);
    const notice = await author.$eval(".embedkit-notice", (n) => (n as HTMLElement).textContent ?? "");
    for (const name of ["page-size", "onclick", "gallery"]) assert.match(notice, new RegExp(`“${name}”`));
    assert.equal(await author.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  });

  test("without JavaScript the server-rendered HTML is there (the BFF's /v1/render)", async () => {
    const page = await html(posts.blocks!);
    for (const tag of ["thron-gallery", "throughline-helplines", "thron-asset"])
      assert.match(
        page,
        new RegExp(`<${tag} bff="[^"]+"[^>]*><template[^>]* shadowrootmode="open"`),
        `${tag}: its shadow root in the page`,
      );
    assert.match(page, /<script type="application\/json" data-embedkit-state>/, "the first data inline, inert");
    const visitor = await freshPage(site.browser, site.wordpress.root);
    await visitor.setJavaScriptEnabled(false);
    await visitor.goto(posts.blocks!);
    // Counted in the page (no helper functions inside: tsx would name them, and the page has no __name).
    const visible = (host: string, selector: string) =>
      visitor.evaluate(
        (h, sel) =>
          [...(document.querySelector(h)?.shadowRoot?.querySelectorAll(sel) ?? [])].filter((e) => e.getBoundingClientRect().width > 0)
            .length,
        host,
        selector,
      );
    const seen = {
      thumbnails: await visible("thron-gallery", 'a[part="tile"] img'),
      calls: await visible("throughline-helplines", 'a[href^="tel:"]'),
      label: await visitor.$eval("thunder-launch-button", (b) => b.textContent),
    };
    assert.ok(seen.thumbnails >= 6, `${seen.thumbnails} thumbnails without JavaScript`);
    assert.ok(seen.calls > 0, "helplines to call without JavaScript");
    assert.equal(seen.label, "Watch the play", "the button's label kept beside its shadow root");
    // The filter bar's form, applied without JavaScript, reloads this post: the parameters that say
    // which page it is (WordPress's public query vars: `p` or `page_id` under plain permalinks;
    // `orderby` here, one that leaves a post as it is) ride along; others do not.
    const tracked = new URL(posts.blocks!);
    tracked.searchParams.set("orderby", "title");
    tracked.searchParams.set("utm_source", "newsletter");
    await visitor.goto(tracked.href);
    const bar = await visitor.waitForSelector("thron-filter-bar");
    const apply = await bar?.waitForSelector('pierce/button[part="apply"]');
    await Promise.all([visitor.waitForNavigation(), apply?.click()]);
    const after = new URL(visitor.url());
    for (const [name, value] of new URL(posts.blocks!).searchParams) assert.equal(after.searchParams.get(name), value, name);
    assert.equal(after.searchParams.get("orderby"), "title", "WordPress's own parameter carried");
    assert.equal(after.searchParams.get("utm_source"), null, "only the page's own parameters are carried");
    assert.equal(after.pathname, new URL(posts.blocks!).pathname);
    assert.ok((await visitor.content()).includes("<thron-gallery"), "still the post with the gallery");
    await visitor.browserContext().close();
    // A theme adding parameters through the filter, the first too long for the BFF, up to one over
    // the 20 it carries with the post's own: the one too long takes no other's place.
    const own = [...new URL(posts.blocks!).searchParams.keys()];
    const fitting = Array.from({ length: 20 - own.length }, (_, i) => `k${i}`);
    // The bar's own field (`q`) and a number, as a theme may return one, too.
    const added = { long: "v".repeat(1_001), q: "bar's own", ...Object.fromEntries(fitting.map((name, i) => [name, i === 0 ? 7 : name])) };
    const set = await fetch(`${wp}/?embedkit-test-page-params=${encodeURIComponent(JSON.stringify(added))}`);
    assert.deepEqual(await set.json(), { pageParams: Object.keys(added).length });
    try {
      const bar = /<thron-filter-bar[\s\S]*?<\/thron-filter-bar>/.exec(await html(posts.blocks!))?.[0] ?? "";
      const carried = [...bar.matchAll(/<input type="hidden" name="([^"]*)"/g)].map(([, name]) => name);
      assert.deepEqual(carried, [...own, ...fitting], "the 20 the BFF can carry, in order");
      assert.match(bar, /<input type="hidden" name="k0" value="7">/, "a number carried as its text");
    } finally {
      await fetch(`${wp}/?embedkit-test-page-params=null`);
    }
  });

  test("the render endpoint missing (an older BFF) or answering something else: the bare tag, the page loads", async () => {
    // A BFF without /v1/render for the gallery, and a proxy's login page where the helplines' fragment should be.
    const older = createHttpServer((request, response) => {
      const login = request.url?.startsWith("/v1/render/throughline-helplines");
      response.writeHead(login ? 200 : 404, { "content-type": login ? "text/html" : "application/problem+json" });
      response.end(login ? '<form action="/login"><input name="password"></form>' : '{"status":404}');
    });
    await new Promise<void>((resolve) => older.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(older.address() as { port: number }).port}`;
    await setBffUrl(url);
    try {
      const page = await html(posts.blocks!);
      assert.match(page, new RegExp(`<throughline-helplines bff="${url}" locale="en-US" country="US" limit="3"></throughline-helplines>`));
      assert.match(page, new RegExp(`<thron-gallery bff="${url}"[^>]*></thron-gallery>`));
      assert.doesNotMatch(page, /name="password"/, "nothing but the element's own fragment is put on the page");
      assert.ok((await state()).transients > 0, "the failure is remembered in a transient");
    } finally {
      await setBffUrl(site.bff.url);
      older.close();
    }
  });

  test("the BFF down: the bare tag, the page still loads", async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    await setBffUrl(down);
    try {
      const response = await fetch(posts.blocks!);
      assert.equal(response.status, 200);
      const page = await response.text();
      assert.match(page, new RegExp(`<throughline-helplines bff="${down}" locale="en-US" country="US" limit="3"></throughline-helplines>`));
      assert.match(await checkConnection(admin, wp), /could not reach the BFF/);
      // The block's sidebar: no list of galleries, so a notice and a text field for the name.
      const editor = await openBlockEditor(author, wp);
      await insertBlock(editor, "THRON gallery", "embedkit-thron-gallery");
      await until(editor, "the sidebar's notice", () => !!document.querySelector(".block-editor-block-inspector .embedkit-gallery-notice"));
      assert.match(await editor.$eval(".embedkit-gallery-notice", (n) => n.textContent ?? ""), /did not say which galleries it offers/);
      const field = await control(editor, "Gallery name");
      assert.equal(await field.evaluate((input) => (input as HTMLInputElement).value), "default");
      await field.click({ count: 3 });
      await field.type("sport");
      assert.equal(await field.evaluate((input) => (input as HTMLInputElement).value), "sport");
      assert.deepEqual(await axeViolations(editor, ".block-editor-block-inspector"), []);
      await editor.close();
    } finally {
      await setBffUrl(site.bff.url);
    }
  });

  test("the site's language: plugin strings translated, elements in that locale", async () => {
    assert.deepEqual(await (await fetch(`${wp}/?embedkit-test-locale=it_IT`)).json(), { locale: "it_IT" });
    try {
      assert.match(await html(posts.shortcodes!), /<thron-gallery [^>]*locale="it-IT"/, "the elements follow the site's language");
      await author.goto(posts.hostile!);
      assert.match(await author.$eval(".embedkit-notice", (n) => n.textContent ?? ""), /non è un attributo di thron-gallery/);
      await admin.goto(`${wp}/wp-admin/options-general.php?page=embedkit`);
      assert.match(await admin.content(), /Nessun segreto dei fornitori/);
    } finally {
      await fetch(`${wp}/?embedkit-test-locale=en_US`);
    }
  });

  test("the block editor: inserter → THRON gallery from the BFF's list → a preset → preview → an asset picked → publish", async () => {
    const editor = await openBlockEditor(author, wp);
    await insertBlock(editor, "THRON gallery", "embedkit-thron-gallery");
    const gallery = await control(editor, "Gallery name");
    assert.deepEqual(
      await gallery.$$eval("option", (options) => options.map((option) => (option as HTMLOptionElement).value)),
      ["default", "restricted", "sport"],
      "the gallery is picked from GET /v1/thron/galleries",
    );
    await gallery.select("sport");
    await (await control(editor, "Types")).select("video");
    await (await control(editor, "Order")).select("title");
    await until(editor, "the preview: the real element with the preset, showing thumbnails", () => {
      const element = document.querySelector('.wp-block-embedkit-thron-gallery thron-gallery[gallery="sport"][type="video"][sort="title"]');
      return (element?.shadowRoot?.querySelectorAll("img[src]").length ?? 0) >= 3;
    });
    const screenshot = process.env.EMBEDKIT_WORDPRESS_SCREENSHOT;
    if (screenshot) await editor.screenshot({ path: screenshot as `${string}.png` });

    assert.deepEqual(await axeViolations(editor, ".block-editor-block-inspector"), [], "the gallery's sidebar");

    await insertBlock(editor, "THRON asset", "embedkit-thron-asset");
    await until(
      editor,
      "the asset picker's thumbnails",
      () => document.querySelectorAll(".embedkit-asset-picker button img[src]").length > 0,
    );
    const first = await editor.$eval(".embedkit-asset-picker button", (button) => button.textContent ?? "");
    await editor.focus(".embedkit-asset-picker button");
    await editor.keyboard.press("Enter"); // picked from the keyboard
    await until(editor, "the picked asset's preview", () => !!document.querySelector(".wp-block-embedkit-thron-asset thron-asset[asset]"));
    assert.equal(await editor.$eval(".embedkit-asset-picker button", (button) => button.getAttribute("aria-pressed")), "true");
    const asset = await editor.$eval(".wp-block-embedkit-thron-asset thron-asset", (element) => element.getAttribute("asset"));
    assert.deepEqual(await axeViolations(editor, ".block-editor-block-inspector"), [], "the asset's sidebar");

    const link = await publishFromEditor(editor);
    const page = await html(link);
    const tag = (name: string) => new RegExp(`<${name} [^>]*>`).exec(page)?.[0] ?? "";
    for (const attribute of ['gallery="sport"', 'type="video"', 'sort="title"'])
      assert.ok(tag("thron-gallery").includes(attribute), tag("thron-gallery"));
    assert.ok(tag("thron-asset").includes(`asset="${asset}"`), `${first}: ${tag("thron-asset")}`);
    await editor.close();
  });

  test("deleting the plugin removes its option and transients", async () => {
    assert.ok((await state()).transients > 0);
    await admin.goto(`${wp}/wp-admin/plugins.php`);
    await Promise.all([admin.waitForNavigation(), admin.click('tr[data-slug="embedkit"] .deactivate a')]);
    // As an administrator does it: Delete, "Are you sure?" → OK; WordPress deletes it in the background.
    admin.once("dialog", (dialog) => void dialog.accept());
    await admin.click('tr[data-slug="embedkit"] .delete a');
    await until(
      admin,
      "the plugin deleted",
      () => /was successfully deleted/.test(document.querySelector("#the-list")?.textContent ?? ""),
      60_000,
    );
    const after = await state();
    assert.equal(after.bffUrl, null);
    assert.equal(after.transients, 0);
    assert.equal(after.active, false);
  });
});

/** `text` matched literally inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
