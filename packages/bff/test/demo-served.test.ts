/**
 * The demo page at `/` as the BFF serves it (read as HTML and headers, no browser): the CSP a
 * browser enforces on it, its bare tags when not rendered on the server, the sections it shows
 * for the sandbox catalogue at hand, and the element modules it preloads from the bundle.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runInNewContext } from "node:vm";
import { FOLDERS } from "@embedkit/sandbox";
import { bundleOf, sandboxBff } from "./helpers.ts";

/** The ids of the page's section headings, in order. */
const headingsOf = (html: string) => [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);

/** What <main> holds besides its sections: nothing a visitor would see. */
const outsideSections = (html: string) =>
  (/<main>([\s\S]*)<\/main>/.exec(html)?.[1] ?? assert.fail("no <main>")).replace(/<section[\s\S]*?<\/section>/g, "").trim();

/** The paths the page preloads, in order. */
const preloadsOf = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);

describe("the demo page's CSP", () => {
  it("forbids plugins, <base> and framing, and lets the filter bar's form submit only to this origin", async () => {
    const csp = (await sandboxBff().get("/?render=client")).headers.get("content-security-policy") ?? "";
    const directives = csp.split(";").map((d) => d.trim());
    for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"])
      assert.ok(directives.includes(directive), `${directive} in ${csp}`);
  });
});

describe("the demo page's elements when not rendered on the server", () => {
  it("with ?render=client, are the bare tags with the same attributes, for the browser to render", async () => {
    const html = await (await sandboxBff().get("/?render=client")).text();
    for (const tag of [
      '<thron-filter-bar for="gallery" sync-url></thron-filter-bar>',
      '<thron-gallery id="gallery" page-size="12" sync-url></thron-gallery>',
      '<throughline-helplines country="NZ" topic="anxiety" priority></throughline-helplines>',
    ])
      assert.ok(html.includes(tag), `${tag} on the page`);
    assert.doesNotMatch(html, /<template shadowroot/, "no server-rendered fragment");
  });
});

describe("the demo page's first paint for a shared link", () => {
  /** The inline data of each server-rendered element, by tag. */
  type State = { query?: unknown; items?: { title: string }[]; total?: number };
  const statesOf = (html: string): Record<string, State> =>
    Object.fromEntries(
      [...html.matchAll(/<([a-z]+-[a-z-]+)[^>]*><template shadowroot[\s\S]*?data-embedkit-state>([^<]*)<\/script>/g)].map((m) => [
        m[1],
        JSON.parse(m[2] ?? "") as State,
      ]),
    );

  it("keeps each server-rendered element's attributes, those without a value (sync-url, priority) included", async () => {
    const html = await (await sandboxBff().get("/")).text();
    const rendered = [...html.matchAll(/<([a-z]+-[a-z-]+) ([^>]*)><template shadowroot/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(rendered, [
      'thron-filter-bar for="gallery" sync-url lang="en"',
      'thron-gallery id="gallery" page-size="12" sync-url lang="en"',
      'throughline-helplines country="NZ" topic="anxiety" priority lang="en"',
    ]);
  });

  it("shows the filter bar and its gallery already searched and filtered as the link says, other parameters left out", async () => {
    const bff = sandboxBff();
    const everything = statesOf(await (await bff.get("/")).text());
    const shared = statesOf(await (await bff.get("/?q=forest&filter.topic=nature&utm_source=newsletter")).text());
    assert.deepEqual(Object.keys(shared), ["thron-filter-bar", "thron-gallery", "throughline-helplines"]);
    const query = { q: "forest", filters: { topic: ["nature"] } };
    assert.deepEqual(shared["thron-filter-bar"]?.query, query);
    assert.deepEqual(shared["thron-gallery"]?.query, query);
    const items = shared["thron-gallery"]?.items ?? [];
    assert.ok(items.length > 0 && items.every((item) => /forest/i.test(item.title)), JSON.stringify(items.map((i) => i.title)));
    assert.ok((shared["thron-gallery"]?.total ?? 0) < (everything["thron-gallery"]?.total ?? 0));
  });

  it("gives the filter bar's no-JS form the address's other parameters as hidden fields, and the bar's own none", async () => {
    const html = await (await sandboxBff().get("/?q=forest&filter.topic=nature&utm_source=newsletter&page_id=42&page_id=43")).text();
    const bar = /<thron-filter-bar[\s\S]*?<\/thron-filter-bar>/.exec(html)?.[0] ?? "";
    const hidden = [...bar.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(([, name, value]) => `${name}=${value}`);
    assert.deepEqual(hidden, ["utm_source=newsletter", "page_id=42", "page_id=43"]);
    const plain = await (await sandboxBff().get("/?q=forest")).text();
    assert.doesNotMatch(plain, /type="hidden"/);
  });

  it("still renders the bar on the server for a link with parameters it cannot carry, and carries those it can", async () => {
    const many = Array.from({ length: 25 }, (_, i) => `p${i}=${i}`).join("&");
    // The bar's own fields first: they are not the page's, so they take none of the 20 places.
    const link = `/?q=forest&filter.topic=nature&=empty&long=${"x".repeat(1_001)}&${"n".repeat(101)}=1&${many}`;
    const html = await (await sandboxBff().get(link)).text();
    const bar = /<thron-filter-bar[^>]*>(<template shadowroot[\s\S]*?)<\/thron-filter-bar>/.exec(html)?.[1] ?? "";
    assert.ok(bar, "server-rendered");
    const hidden = [...bar.matchAll(/<input type="hidden" name="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(
      hidden,
      Array.from({ length: 20 }, (_, i) => `p${i}`),
      "the first 20 it can carry",
    );
  });
});

describe("the demo page's own script (/demo.js)", () => {
  it("shows what the Thunder button minted instead of opening the desktop app: the URL without its signed query, and until when", async () => {
    const bff = sandboxBff();
    const html = await (await bff.get("/?render=client")).text();
    assert.match(html, /<script type="module" src="\/demo\.js"><\/script>/);
    assert.match(html, /<thunder-launch-button id="thunder" /);
    assert.match(html, /<p id="thunder-result" role="status"><\/p>/);
    const script = await bff.get("/demo.js");
    assert.equal(script.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(script.headers.get("cache-control"), "no-cache");
    // The page's two elements as a browser gives them to the script.
    const button = new EventTarget();
    const result = { textContent: "" };
    const elements: Record<string, unknown> = { thunder: button, "thunder-result": result };
    runInNewContext(await script.text(), { document: { getElementById: (id: string) => elements[id] ?? null }, Date });
    const expiresAt = new Date(2030, 0, 1, 12, 0, 0).toISOString();
    const launch = new CustomEvent("thunder-launch", { cancelable: true, detail: { url: "thunder://launch/plays?sig=secret", expiresAt } });
    button.dispatchEvent(launch);
    assert.ok(launch.defaultPrevented, "the desktop app is not opened");
    assert.equal(
      result.textContent,
      `Launch URL minted (thunder://launch/plays?…), valid until ${new Date(expiresAt).toLocaleTimeString()}.`,
    );
  });
});

describe("the demo page's sections for the sandbox catalogue", () => {
  const ALWAYS = [
    "gallery-heading",
    "preset-heading",
    "carousel-heading",
    "viewer-heading",
    "thunder-heading",
    "helplines-heading",
    "sport-heading",
  ];

  it("shows the hand-picked gallery and the single asset when the demo folder has what they need", async () => {
    const bff = sandboxBff();
    const html = await (await bff.get("/?render=client")).text();
    assert.deepEqual(headingsOf(html), [
      ...ALWAYS.slice(0, 2),
      "picked-heading",
      ...ALWAYS.slice(2, 4),
      "asset-heading",
      ...ALWAYS.slice(4),
    ]);
    const picked = /<thron-gallery id="picked" assets="([^"]+)">/.exec(html)?.[1]?.split(",") ?? [];
    // The demo folder's own contents (not its sub-folder's), of the types the section promises, in that order.
    const contents = picked.map((id) => bff.thron.catalogue.byId.get(id));
    assert.deepEqual(
      contents.map((c) => c?.contentType),
      ["AUDIO", "IMAGE", "VIDEO", "IMAGE"],
    );
    assert.ok(
      contents.every((c) => c?.folderId === FOLDERS.demo.id),
      "all in the demo folder itself",
    );
    assert.equal(outsideSections(html), "");
  });

  it("leaves out the hand-picked gallery and the single asset, and nothing else, when the demo folder has no video", async () => {
    const bff = sandboxBff();
    const contents = bff.thron.catalogue.contents;
    const inDemo = (i: number) => contents[i]?.folderId === FOLDERS.demo.id;
    // Its sub-folder ("sport") keeps its videos: they are not the demo folder's.
    for (let i = contents.length - 1; i >= 0; i--) if (inDemo(i) && contents[i]?.contentType === "VIDEO") contents.splice(i, 1);
    assert.ok(contents.some((c) => c.contentType === "VIDEO"));
    const html = await (await bff.get("/?render=client")).text();
    assert.deepEqual(headingsOf(html), ALWAYS);
    assert.doesNotMatch(html, /<thron-gallery id="picked"|<thron-asset /);
    assert.equal(outsideSections(html), "", "no stray text between the sections");
  });
});

describe("the demo page's module preloads", () => {
  it("preloads each element's entry and every chunk it imports, however the build spaces its imports", async () => {
    const staticFiles = bundleOf({
      "components.js": "export {};\n",
      // An unminified build: `from "…"`, `import "…"` with a space; a minified one: none.
      "thron-gallery.js": 'import { a } from "./chunks/a.js";\nimport "./chunks/b.js";\n',
      "thron-filter-bar.js": 'import{a}from"./chunks/a.js";import"./chunks/c.js";\n',
      "chunks/a.js": "import { d } from '../chunks/d.js';\nexport const a = 1;\n",
      "chunks/b.js": "export {};\n",
      "chunks/c.js": "export {};\n",
      "chunks/d.js": 'import { a } from "./a.js";\nexport const d = a;\n',
      "throughline-helplines.js": 'import "./chunks/b.js";\n',
      "thunder-launch-button.js": 'import { e } from "./chunks/e.js";\n',
      "chunks/e.js": "export const e = 1;\n",
      // Further down the page, left to the loader.
      "thron-asset.js": "export {};\n",
    });
    const html = await (await sandboxBff({}, { staticFiles }).get("/?render=client")).text();
    const links = html.split("\n").filter((line) => line.includes('rel="modulepreload"'));
    assert.ok(
      links.every((line) => /^<link rel="modulepreload" href="[^"]+">$/.test(line)),
      `one link a line in the page source: ${links.join(" | ")}`,
    );
    assert.deepEqual(preloadsOf(html), [
      "/thron-gallery.js",
      "/chunks/a.js",
      "/chunks/d.js",
      "/chunks/b.js",
      "/thron-filter-bar.js",
      "/chunks/c.js",
      "/throughline-helplines.js",
      "/thunder-launch-button.js",
      "/chunks/e.js",
    ]);
  });

  it("preloads nothing when the elements are not built", async () => {
    const html = await (await sandboxBff({}, { staticFiles: null }).get("/?render=client")).text();
    assert.deepEqual(preloadsOf(html), []);
    assert.match(html, /<script type="module" src="\/components\.js"><\/script>/);
  });
});
