/** GET /v1/render/<tag>: the elements server-rendered, from the JSON routes' own answers. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ASSETS, problemOf, renderedStateOf, sandboxBff } from "./helpers.ts";

const HELPLINES = "/v1/render/throughline-helplines";
const GALLERY = "/v1/render/thron-gallery";

/** Every script element of `html`: only the one that carries data, which never runs. */
function scripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
}

describe("GET /v1/render/throughline-helplines", () => {
  it("is the tag with its attributes, a declarative shadow root with the helplines, their tel: links and the emergency number", async () => {
    const bff = sandboxBff();
    const response = await bff.get(`${HELPLINES}?country=US&limit=2&priority`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "text/html; charset=utf-8");
    const html = await response.text();
    assert.match(
      html,
      /^<throughline-helplines country="US" limit="2" priority lang="en"><template shadowroot="open" shadowrootmode="open"><link rel="stylesheet" href="http:\/\/bff\.test\/v1\/render\/styles\/throughline-helplines\.[0-9a-f]{16}\.css">/,
    );
    assert.match(html, /<\/throughline-helplines>$/);
    assert.match(html, /href="tel:911"/);
    const json = (await (await bff.get("/v1/throughline/helplines?country=US&limit=2&priority=true")).json()) as {
      helplines: { name: string }[];
    };
    assert.deepEqual(renderedStateOf(html), json, "the inline data is the JSON route's answer");
    assert.equal(json.helplines.length, 2);
    for (const helpline of json.helplines) assert.ok(html.includes(helpline.name.replaceAll("&", "&amp;")), helpline.name);
    assert.match(html, /href="tel:\d+"/);
    assert.deepEqual(scripts(html), ['<script type="application/json" data-embedkit-state>']);
  });

  it("caches as the JSON does, and asks ThroughLine once for a query the JSON already asked", async () => {
    const bff = sandboxBff();
    const json = await bff.get("/v1/throughline/helplines?country=NZ&limit=5");
    const calls = bff.sandbox.throughline.stats.apiCalls;
    const fragments = await Promise.all([
      bff.get(`${HELPLINES}?country=NZ&locale=en`),
      bff.get(`${HELPLINES}?country=NZ&limit=5&locale=en`),
    ]);
    for (const fragment of fragments) {
      assert.equal(fragment.status, 200);
      assert.equal(fragment.headers.get("cache-control"), json.headers.get("cache-control"));
      assert.equal(fragment.headers.get("vary"), json.headers.get("vary"));
    }
    assert.equal(bff.sandbox.throughline.stats.apiCalls, calls, "no upstream call beyond the JSON's");
  });

  it("answers a 400 problem naming each bad attribute, and never caches it", async () => {
    const bff = sandboxBff();
    const cases: [string, string[]][] = [
      ["", ["country"]],
      ["?country=USA", ["country"]],
      ["?country=US&limit=0", ["limit"]],
      ["?country=US&priority=no", ["priority"]],
      ["?country=US&onclick=alert(1)", ["onclick"]],
      ["?country=US&country=NZ", ["country"]],
      ["?country=US&bff=javascript:alert(1)", ["bff"]],
    ];
    for (const [query, fields] of cases) {
      const response = await bff.get(`${HELPLINES}${query}`);
      const body = await problemOf(response, 400);
      assert.deepEqual(body.errors?.map((e) => e.field).sort(), fields, query);
      assert.equal(response.headers.get("cache-control"), "no-store");
    }
  });

  it("turns ThroughLine's failure into a problem with a useful title, never its body", async () => {
    const bff = sandboxBff();
    bff.sandbox.throughline.faults.errorRate = 1;
    const response = await bff.get(`${HELPLINES}?country=DE`);
    assert.ok(response.status >= 502 && response.status <= 504, String(response.status));
    const body = await problemOf(response, response.status);
    assert.match(body.title, /ThroughLine/);
  });
});

describe("GET /v1/render/thron-gallery", () => {
  it("renders the first page (titles, thumbnails, carousel), its data the JSON route's page", async () => {
    const bff = sandboxBff();
    const response = await bff.get(`${GALLERY}?page-size=3&locale=it-IT&layout=carousel&type=image,video&sort=title`);
    assert.equal(response.status, 200, await response.clone().text());
    const html = await response.text();
    assert.match(html, /^<thron-gallery page-size="3" locale="it-IT" layout="carousel" type="image,video" sort="title"><template /);
    assert.match(html, /<section class="carousel">/);
    const json = await bff.get(`${ASSETS}?limit=3&locale=it-IT&type=image&type=video&sort=title`);
    const page = (await json.json()) as { items: { title: string; thumbnail: { url: string } }[] };
    assert.deepEqual(renderedStateOf(html), page);
    assert.equal(page.items.length, 3);
    for (const item of page.items) {
      assert.ok(html.includes(`src="${item.thumbnail.url}"`), item.thumbnail.url);
      assert.ok(html.includes(item.title), item.title);
    }
    assert.equal(response.headers.get("cache-control"), json.headers.get("cache-control"));
  });

  it("renders a viewer's first paint: the first asset on the stage and the strip of thumbnails", async () => {
    const bff = sandboxBff();
    const response = await bff.get(`${GALLERY}?page-size=4&layout=viewer&type=image`);
    assert.equal(response.status, 200, await response.clone().text());
    const html = await response.text();
    const page = renderedStateOf(html) as { items: { title: string; thumbnail: { url: string } }[] };
    assert.match(html, /<section class="viewer" aria-label="Viewer">/);
    assert.match(html, /<ul\s+part="grid"\s+class="strip"\s+role="tablist"\s+aria-label="Thumbnails"/);
    const stage = /<div\s+part="stage"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
    assert.ok(stage.includes(`src="${page.items[0]?.thumbnail.url}"`), "the first asset on the stage");
    assert.equal([...html.matchAll(/role="tab"/g)].length, 4);
    assert.match(html, /role="tab"\s+id="viewer-tab-0"\s+aria-selected="true"/);
    // Styled as it will stay: the looks the browser adopts with the viewer's code are in the
    // stylesheet its shadow root links (no inline style: the strict CSP).
    const href = /<template shadowroot[^>]*><link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1] ?? "";
    assert.ok(href, "the shadow root links its stylesheet");
    const shadowStyles = await (await bff.get(new URL(href).pathname)).text();
    assert.match(shadowStyles, /\.viewer \.overlay\.previous/);
    assert.match(shadowStyles, /dialog\.popup\[open\]/);
  });

  it("holds, for visitors without JavaScript, each asset as a link to its public delivery URL and a note on what needs scripts", async () => {
    const bff = sandboxBff();
    const html = await (await bff.get(`${GALLERY}?page-size=4`)).text();
    const noScript = /<noscript>([\s\S]*)<\/noscript>/.exec(html)?.[1] ?? "";
    const page = renderedStateOf(html) as { items: { title: string; thumbnail: { srcset: string } }[] };
    const links = [...noScript.matchAll(/<a part="tile" href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(
      links,
      page.items.map((item) => item.thumbnail.srcset.split(", ").at(-1)?.split(" ")[0]),
      "the largest rendition THRON delivers",
    );
    const alts = [...noScript.matchAll(/<img\b[^>]*\salt="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(
      alts,
      page.items.map((item) => escapeHtml(item.title)),
      "each thumbnail's alt text is its title, for crawlers",
    );
    assert.match(noScript, /Turn on JavaScript/);
  });

  it("takes the presets as the assets route does: filter-<key> and the page size, named as the editor wrote them", async () => {
    const bff = sandboxBff();
    assert.equal((await bff.get(`${GALLERY}?filter-season=summer&page-size=2`)).status, 200);
    const bad = await problemOf(await bff.get(`${GALLERY}?filter-colour=red&page-size=51&type=film`), 400);
    assert.deepEqual(bad.errors?.map((e) => e.field).sort(), ["page-size", "type"]);
    const unknownKey = await problemOf(await bff.get(`${GALLERY}?filter-colour=red`), 400);
    assert.deepEqual(
      unknownKey.errors?.map((e) => e.field),
      ["filter-colour"],
    );
    await problemOf(await bff.get(`${GALLERY}?gallery=nope`), 404);
  });

  it("renders a hand-picked list (assets) in its order, one THRON search, and names `assets` in a 400", async () => {
    const bff = sandboxBff();
    const ids = [12, 0, 7].map((i) => bff.thron.catalogue.contents[i]?.id ?? assert.fail("no content"));
    const response = await bff.get(`${GALLERY}?assets=${ids.join(",")}`);
    assert.equal(response.status, 200, await response.clone().text());
    const html = await response.text();
    assert.match(
      html,
      new RegExp(`^<thron-gallery assets="${ids.join(",")}" lang="en"><template `),
      "no locale: the language negotiated, written as lang",
    );
    const state = renderedStateOf(html) as { items: { id: string; title: string }[]; nextCursor: string | null };
    assert.deepEqual(
      state.items.map((item) => item.id),
      ids,
    );
    assert.equal(state.nextCursor, null);
    // The tiles, in the shadow root, in the list's order.
    const shown = state.items.map((item) => html.indexOf(escapeHtml(item.title)));
    assert.ok(
      shown.every((at, i) => at > 0 && (i === 0 || at > (shown[i - 1] ?? 0))),
      `titles in order: ${shown}`,
    );
    assert.equal(bff.thron.stats.searches, 1);
    const bad = await problemOf(await bff.get(`${GALLERY}?assets=${ids[0]},${ids[0]}`), 400);
    assert.deepEqual(
      bad.errors?.map((e) => e.field),
      ["assets"],
    );
    const tooMany = await problemOf(await bff.get(`${GALLERY}?assets=${Array.from({ length: 51 }, (_, i) => `a${i}`).join(",")}`), 400);
    assert.deepEqual(
      tooMany.errors?.map((e) => e.field),
      ["assets"],
    );
  });

  it("is compressed for a client that takes it, and varies on Accept-Encoding and Origin as the JSON does", async () => {
    const bff = sandboxBff();
    const response = await bff.get(`${GALLERY}?page-size=12&locale=en`, { headers: { "accept-encoding": "gzip" } });
    assert.equal(response.headers.get("content-encoding"), "gzip");
    assert.equal(
      response.headers.get("vary"),
      (await bff.get(`${ASSETS}?limit=12`, { headers: { "accept-encoding": "gzip" } })).headers.get("vary"),
    );
  });

  it("costs one THRON search per distinct query, shared with the JSON route", async () => {
    const bff = sandboxBff();
    await Promise.all([bff.get(`${GALLERY}?page-size=4`), bff.get(`${GALLERY}?page-size=4`), bff.get(`${ASSETS}?limit=4&locale=en`)]);
    const searches = bff.thron.stats.searches;
    await Promise.all([bff.get(`${GALLERY}?page-size=4`), bff.get(`${ASSETS}?limit=4&locale=en`)]);
    assert.equal(bff.thron.stats.searches, searches);
    assert.ok(searches <= 1, `searches: ${searches}`);
  });

  it("escapes hostile titles and attributes: no markup of theirs, no script that runs", async () => {
    const bff = sandboxBff();
    const hostile = `</noscript></script><script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
    for (const content of bff.thron.catalogue.byId.values()) for (const entry of content.locales) entry.name = hostile;
    const response = await bff.get(
      `${GALLERY}?page-size=2&q=${encodeURIComponent(`"><script>alert(3)</script>`)}&id=${encodeURIComponent("g1")}`,
    );
    const html = await response.text();
    assert.equal(response.status, 200, html);
    assert.deepEqual(scripts(html), ['<script type="application/json" data-embedkit-state>']);
    assert.doesNotMatch(html, /<img src=x|"><script/);
    // Outside quoted attribute values (escaped: they hold no raw quote), no tag has a handler.
    assert.doesNotMatch(html.replace(/"[^"]*"/g, '""'), /<[^>]*\sonerror=/);
    assert.equal(html.split("</noscript>").length, 2, "the no-script links end where the fragment ends them");
    const page = renderedStateOf(html) as { items: { title: string }[] };
    assert.equal(page.items[0]?.title, hostile, "the data reads back unchanged");
  });
});

describe("GET /v1/render/thron-asset", () => {
  it("renders a video's poster and caption, its data the asset route's answer, and a note that playing needs JavaScript", async () => {
    const bff = sandboxBff();
    const page = (await (await bff.get(`${ASSETS}?limit=12&type=video`)).json()) as { items: { id: string }[] };
    const id = page.items[0]?.id ?? "";
    const response = await bff.get(`/v1/render/thron-asset?asset=${id}&caption&locale=it-IT`);
    assert.equal(response.status, 200);
    const html = await response.text();
    const asset = (await (await bff.get(`${ASSETS}/${id}?locale=it-IT`)).json()) as { title: string; thumbnail: { url: string } };
    assert.match(html, new RegExp(`^<thron-asset asset="${id}" caption locale="it-IT"><template shadowroot`));
    assert.ok(html.includes(`src="${asset.thumbnail.url}"`), "the poster");
    assert.ok(html.includes(asset.title), "the caption");
    assert.match(html, /<noscript><p part="message" class="message">Attiva JavaScript per riprodurlo\.<\/p><\/noscript>/);
    assert.deepEqual(renderedStateOf(html), asset);
  });

  it("answers 400 for a malformed asset id and 404 for an unknown one, as the asset route does", async () => {
    const bff = sandboxBff();
    assert.deepEqual(
      (await problemOf(await bff.get("/v1/render/thron-asset?asset=../x"), 400)).errors?.map((e) => e.field),
      ["asset"],
    );
    await problemOf(await bff.get("/v1/render/thron-asset?asset=nope"), 404);
  });
});

describe("GET /v1/render/thunder-launch-button", () => {
  const BUTTON = "/v1/render/thunder-launch-button";

  it("renders the button from its attributes alone, with a note for visitors without JavaScript", async () => {
    const response = await sandboxBff().get(`${BUTTON}?method=plays&ids=0f8fad5b-d9cb-469f-a165-70867728950e`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /^<thunder-launch-button method="plays" ids="0f8fad5b-d9cb-469f-a165-70867728950e" lang="en"><template shadowroot/);
    assert.match(html, /<button[^>]*part="button"/);
    assert.match(html, /<noscript><p part="message" class="message">Opening Thunder needs JavaScript\.<\/p><\/noscript>/);
    assert.deepEqual(scripts(html), [], "no data: nothing to start from");
    assert.match(response.headers.get("cache-control") ?? "", /^public, max-age=\d+/);
  });

  it("refuses a ticket in the URL, and what the launch route would refuse, naming the attribute", async () => {
    const bff = sandboxBff();
    const cases: [string, string[]][] = [
      ["?ids=a&ticket=eyJhbGciOiJIUzI1NiJ9.e30.x", ["ticket"]],
      ["?ids=a&method=nope", ["method"]],
      ["", ["ids"]],
      ["?ids=a&angles=sideline,drone", ["angles"]],
      ["?ids=a&ticket-url=javascript:alert(1)", ["ticket-url"]],
    ];
    for (const [query, fields] of cases) {
      const response = await bff.get(`${BUTTON}${query}`);
      const body = await problemOf(response, 400);
      assert.deepEqual(body.errors?.map((e) => e.field).sort(), fields, query);
      assert.doesNotMatch(JSON.stringify(body), /eyJhbGciOiJIUzI1NiJ9/, "the ticket is not echoed");
    }
  });
});

describe("what the render route takes for an attribute left out", () => {
  /** A fragment without its opening tag, which echoes the attributes as written. */
  const rendered = async (bff: ReturnType<typeof sandboxBff>, path: string) => (await (await bff.get(path)).text()).replace(/^<[^>]*>/, "");

  it("renders a gallery without layout as the grid", async () => {
    const bff = sandboxBff();
    const grid = await rendered(bff, `${GALLERY}?page-size=2&layout=grid`);
    assert.equal(await rendered(bff, `${GALLERY}?page-size=2`), grid);
    assert.notEqual(await rendered(bff, `${GALLERY}?page-size=2&layout=carousel`), grid, "the layout shows in the fragment");
  });

  it("serves each element's stylesheet, and none for a name that is no element", async () => {
    const bff = sandboxBff();
    for (const tag of ["thron-gallery", "thron-filter-bar", "thron-asset", "throughline-helplines", "thunder-launch-button"]) {
      const css = await bff.get(`/v1/render/styles/${tag}.0000000000000000.css`);
      assert.equal(css.status, 200, tag);
      assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8", tag);
    }
    assert.equal((await bff.get("/v1/render/styles/thron-player.0000000000000000.css")).status, 404);
  });
});

describe("the render route in /openapi.json", () => {
  it("documents each tag's attributes as its query, and HTML as its answer", async () => {
    const doc = (await (await sandboxBff().get("/openapi.json")).json()) as {
      paths: Record<string, { get: { parameters: { name: string; in: string }[]; responses: Record<string, { content: object }> } }>;
    };
    for (const [path, attribute] of [
      [GALLERY, "page-size"],
      [HELPLINES, "country"],
      ["/v1/render/thunder-launch-button", "ids"],
      ["/v1/render/thron-asset", "asset"],
      ["/v1/render/thron-filter-bar", "for"],
    ] as const) {
      const route = doc.paths[path]?.get;
      assert.ok(route, path);
      assert.ok(
        route.parameters.some((p) => p.name === attribute && p.in === "query"),
        `${path}: ${attribute}`,
      );
      assert.ok("text/html" in (route.responses["200"]?.content ?? {}), `${path}: text/html`);
    }
  });
});

/** The title as it stands in an attribute. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
