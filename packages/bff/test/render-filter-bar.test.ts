/**
 * GET /v1/render/thron-filter-bar, the page URL's other parameters its no-JS form carries
 * (`page.<name>`), the visitor's query (`query.q`, `query.filter.<key>`) on the
 * bar and the gallery, the language of a fragment asked without `locale`, and the stylesheet a
 * fragment links instead of an inline `<style>`.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { ASSETS, renderedStateOf, sandboxBff } from "./helpers.ts";

const BAR = "/v1/render/thron-filter-bar";
const GALLERY = "/v1/render/thron-gallery";

async function problemFields(response: Response): Promise<string[]> {
  assert.equal(response.status, 400, await response.clone().text());
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  assert.equal(response.headers.get("cache-control"), "no-store");
  return (Problem.parse(await response.json()).errors ?? []).map((e) => e.field).sort();
}

/** The `name`s of the form's fields, in order. */
const fieldNames = (html: string) => [...new Set([...html.matchAll(/<(?:input|select)\b[^>]*?\sname="([^"]+)"/g)].map((m) => m[1]))];

describe("GET /v1/render/thron-filter-bar", () => {
  it("renders the gallery's filters as a form whose fields carry the page URL's names, with a submit button for visitors without JavaScript", async () => {
    const bff = sandboxBff();
    const response = await bff.get(`${BAR}?for=gallery&sync-url&locale=it`);
    assert.equal(response.status, 200, await response.clone().text());
    const html = await response.text();
    assert.match(
      html,
      /^<thron-filter-bar for="gallery" sync-url locale="it"><template shadowroot="open" shadowrootmode="open"><link rel="stylesheet"/,
    );
    const gallery = (await (await bff.get("/v1/thron/galleries/default?locale=it")).json()) as {
      filters: { key: string; label: string; options: { label: string }[] }[];
    };
    assert.deepEqual(fieldNames(html), ["q", ...gallery.filters.map((f) => `filter.${f.key}`)]);
    for (const filter of gallery.filters) {
      assert.ok(html.includes(filter.label), filter.label);
      for (const option of filter.options) assert.ok(html.includes(option.label), option.label);
    }
    assert.match(
      html,
      /<div part="selection"[^>]*><noscript><button part="apply" type="submit">Applica i filtri<\/button><\/noscript>[\s\S]*<\/div>\s*<\/form>/,
      "the button inside the form, first in its selection row",
    );
    assert.doesNotMatch(html, /checked/, "nothing chosen: no box checked");
    const state = renderedStateOf(html);
    assert.deepEqual(state, { gallery: "default", locale: "it", filters: gallery.filters, query: { q: "", filters: {} } });
    assert.doesNotMatch(html, /sessId|clientId/, "the Player's session stays out of a cacheable page");
    assert.equal(
      response.headers.get("cache-control"),
      (await bff.get("/v1/thron/galleries/default?locale=it")).headers.get("cache-control"),
    );
  });

  it("shows the visitor's query chosen, under the sync-url prefix's names, and costs no THRON call beyond the gallery's description", async () => {
    const bff = sandboxBff();
    await bff.get("/v1/thron/galleries/default?locale=en");
    const calls = bff.thron.stats.definitionLists;
    const html = await (
      await bff.get(
        `${BAR}?for=sport&sync-url=sport&locale=en&query.q=${encodeURIComponent('"><b>')}&query.filter.topic=food&query.filter.topic=city`,
      )
    ).text();
    assert.equal(bff.thron.stats.definitionLists, calls);
    assert.deepEqual(fieldNames(html).slice(0, 2), ["sport.q", "sport.filter.season"]);
    assert.match(html, /name="sport\.q" value="&quot;&gt;&lt;b&gt;"/, "the text, escaped");
    const checked = [...html.matchAll(/<input\b[^>]*value="([^"]*)"[^>]*\schecked="true"/g)].map((m) => m[1]);
    assert.deepEqual(checked.sort(), ["city", "food"]);
    assert.deepEqual(renderedStateOf(html).query, { q: '"><b>', filters: { topic: ["food", "city"] } });
  });

  it("carries the page URL's other parameters (page.<name>) as hidden fields before its button, escaped, never the bar's own twice", async () => {
    const bff = sandboxBff();
    const hostile = `"><script>alert(1)</script>`;
    const page = new URLSearchParams([
      ["page.page_id", "42"],
      ["page.tag", "a&b"],
      ["page.tag", "c"],
      [`page.${hostile}`, hostile],
      ["page.sport.q", "its own text"],
      ["page.sport.filter.topic", "its own filter"],
      ["page.q", "another bar's text"],
    ]);
    const html = await (await bff.get(`${BAR}?for=sport&sync-url=sport&locale=en&${page}`)).text();
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? "";
    const hidden = [...noscript.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]);
    const escaped = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    assert.deepEqual(hidden, [
      ["page_id", "42"],
      ["tag", "a&amp;b"],
      ["tag", "c"],
      [escaped, escaped],
      ["q", "another bar&#39;s text"],
    ]);
    assert.match(
      noscript,
      /^(<input type="hidden"[^>]*>)+<button part="apply" type="submit">Apply filters<\/button>$/,
      "the fields, then the button",
    );
    assert.doesNotMatch(html, /<script>alert/, "no markup of the page's parameters reaches the page");
    const plain = await (await bff.get(`${BAR}?for=sport&sync-url=sport&locale=en`)).text();
    assert.doesNotMatch(plain, /type="hidden"/, "no parameters forwarded: no hidden field");
  });

  it("knows the bar's own fields without a prefix too (sync-url bare, or absent)", async () => {
    const bff = sandboxBff();
    const hiddenNames = async (query: string) =>
      [...(await (await bff.get(`${BAR}?for=g&${query}`)).text()).matchAll(/<input type="hidden" name="([^"]*)"/g)].map((m) => m[1]);
    const page = "page.q=x&page.filter.topic=y&page.sport.q=z";
    assert.deepEqual(await hiddenNames(`sync-url&${page}`), ["sport.q"]);
    assert.deepEqual(await hiddenNames(page), ["sport.q"]);
  });

  it("refuses page parameters it cannot carry: a 400 naming the field, and none on the gallery, which has no form", async () => {
    const bff = sandboxBff();
    const many = Array.from({ length: 21 }, (_, i) => `page.p${i}=x`).join("&");
    const cases: [string, string[]][] = [
      [`${BAR}?for=g&${many}`, ["page.<name>"]],
      [`${BAR}?for=g&page.=x`, ["page."]],
      [`${BAR}?for=g&page.${"n".repeat(101)}=x`, [`page.${"n".repeat(101)}`]],
      [`${BAR}?for=g&page.a=${"x".repeat(1_001)}`, ["page.a"]],
      [`${GALLERY}?page.page_id=42`, ["page.page_id"]],
    ];
    for (const [url, fields] of cases) assert.deepEqual(await problemFields(await bff.get(url)), fields, url.slice(0, 80));
    const twenty = Array.from({ length: 20 }, (_, i) => `page.p=${i}`).join("&");
    assert.equal((await bff.get(`${BAR}?for=g&${twenty}&page.a=${"x".repeat(1_000)}`)).status, 400, "21 values in all");
    assert.equal((await bff.get(`${BAR}?for=g&${twenty}`)).status, 200, "20 values of one name");
    const own = `page.q=${"x".repeat(1_001)}&page.filter.topic=a&page.filter.topic=b`;
    assert.equal((await bff.get(`${BAR}?for=g&${twenty}&${own}`)).status, 200, "the bar's own fields neither counted nor checked");
  });

  it("answers a 400 problem naming each bad attribute or query parameter", async () => {
    const bff = sandboxBff();
    const cases: [string, string[]][] = [
      ["", ["for"]],
      ["?for=1abc", ["for"]],
      ["?for=g&sync-url=a.b", ["sync-url"]],
      ["?for=g&onclick=x", ["onclick"]],
      ["?for=g&query.sort=title", ["query.sort"]],
      ["?for=g&query.filter.a%20b=x", ["query.filter.a b"]],
      [`?for=g&query.q=${"x".repeat(201)}`, ["query.q"]],
      ["?for=g&query.q=a&query.q=b", ["query.q"]],
    ];
    for (const [query, fields] of cases) assert.deepEqual(await problemFields(await bff.get(`${BAR}${query}`)), fields, query);
    assert.equal((await bff.get(`${BAR}?for=g&gallery=nope`)).status, 404);
  });
});

describe("the visitor's query on a server-rendered gallery", () => {
  it("shows the page the query asks for, narrowed inside the preset, and says which query it shows", async () => {
    const bff = sandboxBff();
    const html = await (
      await bff.get(`${GALLERY}?page-size=6&locale=en&filter-topic=food,city&query.filter.topic=food&query.filter.topic=nature`)
    ).text();
    const json = await (await bff.get(`${ASSETS}?limit=6&locale=en&filter.topic=food`)).json();
    const { query, ...page } = renderedStateOf(html);
    assert.deepEqual(page, json, "nature is outside the preset: only food counts");
    assert.deepEqual(query, { q: "", filters: { topic: ["food", "nature"] } });
    assert.doesNotMatch(html, /query\./, "the query is not written on the tag");
    const plain = renderedStateOf(await (await bff.get(`${GALLERY}?page-size=6&locale=en`)).text());
    assert.equal("query" in plain, false, "no query: the page as before");
  });
});

describe("the language of a fragment asked without locale", () => {
  it("is the caller's Accept-Language among the elements' languages, written on the tag as lang, and the answer varies on it", async () => {
    const bff = sandboxBff();
    const cases: [string | undefined, string][] = [
      [undefined, "en"],
      ["it-IT,it;q=0.9,en;q=0.8", "it"],
      ["ja,de;q=0.5,fr;q=0.7", "fr"],
      ["ja", "en"],
      ["es;q=0", "en"],
    ];
    for (const [acceptLanguage, lang] of cases) {
      const response = await bff.get(`${BAR}?for=g`, { headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} });
      const html = await response.text();
      assert.match(html, new RegExp(`^<thron-filter-bar for="g" lang="${lang}">`), String(acceptLanguage));
      assert.equal(renderedStateOf(html).locale, lang);
      assert.match(response.headers.get("vary") ?? "", /Accept-Language/);
    }
    const italian = await (await bff.get(`${GALLERY}?page-size=2`, { headers: { "accept-language": "it" } })).text();
    assert.match(italian, /^<thron-gallery page-size="2" lang="it">/);
    const asked = await bff.get(`${GALLERY}?page-size=2&locale=de`, { headers: { "accept-language": "it" } });
    assert.match(await asked.text(), /^<thron-gallery page-size="2" locale="de"><template/, "locale wins, and no lang is added");
    assert.doesNotMatch(asked.headers.get("vary") ?? "", /Accept-Language/);
  });
});

describe("the stylesheet a fragment links", () => {
  it("is served under its hash, cached for good, and is the CSS the shadow root would have inlined", async () => {
    const bff = sandboxBff();
    const html = await (await bff.get(`${GALLERY}?page-size=2&locale=en`)).text();
    assert.doesNotMatch(html.replace(/<noscript>[\s\S]*<\/noscript>/, ""), /<style/, "no inline style for a strict CSP to block");
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1] ?? "";
    assert.match(href, /^http:\/\/bff\.test\/v1\/render\/styles\/thron-gallery\.[0-9a-f]{16}\.css$/);
    const css = await bff.get(new URL(href).pathname);
    assert.equal(css.status, 200);
    assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
    assert.equal(css.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const text = await css.text();
    assert.match(text, /:host\{/);
    assert.match(text, /--thron-gallery-accent/);
    const bar = await (await bff.get(`${BAR}?for=g&locale=en`)).text();
    const barCss = await (await bff.get(new URL(/<link rel="stylesheet" href="([^"]+)">/.exec(bar)?.[1] ?? "").pathname)).text();
    assert.match(
      barCss,
      /@media \(scripting: none\) \{ \[part=chip\], \[part=clear\] \{ display: none \} \}/,
      "no dead buttons without scripts",
    );
    const stale = await bff.get("/v1/render/styles/thron-gallery.0000000000000000.css");
    assert.equal(stale.status, 200, "an older build's link still styles");
    assert.doesNotMatch(stale.headers.get("cache-control") ?? "", /immutable/);
    assert.equal((await bff.get("/v1/render/styles/not-a-tag.0000000000000000.css")).status, 404);
    assert.equal((await bff.get("/v1/render/styles/x.css")).status, 400);
    const viaBff = await (await bff.get(`${GALLERY}?page-size=2&locale=en&bff=${encodeURIComponent("https://bff.example.com/")}`)).text();
    assert.match(viaBff, /<link rel="stylesheet" href="https:\/\/bff\.example\.com\/v1\/render\/styles\/thron-gallery\./);
  });
});
