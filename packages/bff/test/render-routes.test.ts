/**
 * The render route's edges: the language it picks from Accept-Language, the problems it relays,
 * its stylesheet files, what it writes where the data or the BFF's origin is missing, and what
 * /openapi.json tells an integrator about it. Where the server renderer cannot load:
 * render-without-renderer.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { STATE_ATTRIBUTE } from "../src/render/host-tag.ts";
import { ELEMENT_LANGUAGES } from "../src/render/language.ts";
import { problemOf, sandboxBff } from "./helpers.ts";

const BUTTON = "/v1/render/thunder-launch-button?ids=a";
const HELPLINES = "/v1/render/throughline-helplines";
const PROBLEMS = "https://embedkit.dev/problems/";

async function problem(response: Response, status: number): Promise<Problem> {
  assert.equal(response.headers.get("cache-control"), "no-store");
  return problemOf(response, status);
}

/** The `lang` the fragment's tag carries for a caller sending `acceptLanguage`. */
async function langFor(bff: ReturnType<typeof sandboxBff>, acceptLanguage: string): Promise<string | undefined> {
  const response = await bff.get(BUTTON, { headers: { "accept-language": acceptLanguage } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("vary") ?? "", /\bAccept-Language\b/);
  return /^<thunder-launch-button [^>]*\blang="([^"]*)"/.exec(await response.text())?.[1];
}

describe("the language of a fragment asked without locale", () => {
  it("is the first of equally preferred languages, as the header lists them by preference", async () => {
    const bff = sandboxBff();
    assert.equal(await langFor(bff, "de, fr"), "de");
    assert.equal(await langFor(bff, "fr, de"), "fr");
    assert.equal(await langFor(bff, "xx, es-MX, it"), "es");
  });

  it("honours q weights with spaces around `;` and `,`, as HTTP allows", async () => {
    const bff = sandboxBff();
    assert.equal(await langFor(bff, "en;q=0.1, fr ;q=0.8"), "fr", "a space before `;`");
    assert.equal(await langFor(bff, "de; q=0.1, fr; q=0.5"), "fr", "a space after `;`");
    assert.equal(await langFor(bff, "de;q=0.1 ;level=1, fr;q=0.5"), "fr", "a space after the weight");
  });

  it("reads the weight only from a `q=<number>` parameter: other parameters, and malformed weights, do not count", async () => {
    const bff = sandboxBff();
    assert.equal(await langFor(bff, "de;level=1;q=0.1, fr;q=0.5"), "fr", "q after another parameter");
    assert.equal(await langFor(bff, "de;xq=0.1, fr;q=0.5"), "de", "xq is no weight: de keeps 1");
    assert.equal(await langFor(bff, "de;q=0.1x, fr;q=0.5"), "de", "q=0.1x is no weight: de keeps 1");
  });

  it("reads the header's first 1,000 characters only: a language named past them is not looked at", async () => {
    const bff = sandboxBff();
    const filler = "xx;q=0.1, "; // 10 characters naming no element language
    assert.equal(await langFor(bff, `${filler.repeat(99)}it`), "it", "named within the first 1,000");
    assert.equal(await langFor(bff, `${filler.repeat(100)}it`), "en", "named past them");
  });
});

describe("the problems the render route relays from the JSON route", () => {
  it("an unknown gallery or asset is a not-found problem carrying the JSON route's title and detail", async () => {
    const bff = sandboxBff();
    for (const [render, json] of [
      ["/v1/render/thron-gallery?gallery=nope", "/v1/thron/galleries/nope/assets"],
      ["/v1/render/thron-filter-bar?for=g&gallery=nope", "/v1/thron/galleries/nope"],
      ["/v1/render/thron-asset?asset=nope", "/v1/thron/galleries/default/assets/nope"],
    ] as const) {
      const relayed = await problem(await bff.get(render), 404);
      const original = await problem(await bff.get(json), 404);
      assert.deepEqual(
        { type: relayed.type, title: relayed.title, detail: relayed.detail },
        { type: `${PROBLEMS}not-found`, title: original.title, detail: original.detail },
        render,
      );
    }
  });

  it("an upstream failure is an upstream problem with the JSON route's status, title and detail", async () => {
    const bff = sandboxBff();
    bff.sandbox.throughline.faults.errorRate = 1;
    const original = await bff.get("/v1/throughline/helplines?country=DE&limit=3");
    const relayed = await problem(await bff.get(`${HELPLINES}?country=DE`), original.status);
    const json = Problem.parse(await original.json());
    assert.ok(original.status >= 502 && original.status <= 504, String(original.status));
    assert.deepEqual(
      { type: relayed.type, title: relayed.title, detail: relayed.detail },
      { type: `${PROBLEMS}upstream`, title: json.title, detail: json.detail },
    );
  });
});

describe("the render route's stylesheets", () => {
  it("refuses, as a 400 naming `file`, a name that is not exactly <tag>.<hash>.css", async () => {
    const bff = sandboxBff();
    for (const file of ["Xthron-gallery.0000000000000000.css", "thron-gallery.0000000000000000.cssX", "thron-gallery.css"]) {
      const body = await problem(await bff.get(`/v1/render/styles/${file}`), 400);
      assert.deepEqual(body.errors, [{ field: "file", message: "must be <tag>.<hash>.css" }], file);
      assert.equal(body.type, `${PROBLEMS}invalid-request`, file);
    }
  });

  it("answers a not-found problem for a well-formed name that is no element", async () => {
    const body = await problem(await sandboxBff().get("/v1/render/styles/thron-player.0000000000000000.css"), 404);
    assert.equal(body.type, `${PROBLEMS}not-found`);
    assert.equal(body.title, "No such stylesheet");
  });

  it("is linked from `bff` with its trailing slashes dropped, and root-relative when no origin is known", async () => {
    const bff = sandboxBff({}, { publicUrlGuessed: true });
    const linked = async (query: string) =>
      /<link rel="stylesheet" href="([^"]*)">/.exec(await (await bff.get(`${HELPLINES}?country=US&limit=1${query}`)).text())?.[1];
    const own = await linked("");
    assert.match(own ?? "", /^\/v1\/render\/styles\/throughline-helplines\.[0-9a-f]{16}\.css$/, "no Host header written in");
    assert.equal((await bff.get(own ?? "")).status, 200);
    assert.equal(await linked(`&bff=${encodeURIComponent("https://cdn.example/bff//")}`), `https://cdn.example/bff${own}`);
  });
});

describe("what a fragment writes on its tag", () => {
  it("an element without data ends with its shadow root: no data block, nothing else", async () => {
    const html = await (await sandboxBff().get(BUTTON)).text();
    assert.match(html, /<\/template><\/thunder-launch-button>$/);
  });

  it("escapes each of & \" < > ' in an attribute's value as a character reference", async () => {
    const q = `a&b"c<d>e'f`;
    const html = await (await sandboxBff().get(`/v1/render/thron-gallery?page-size=1&q=${encodeURIComponent(q)}`)).text();
    assert.match(html, /^<thron-gallery page-size="1" q="a&#38;b&#34;c&#60;d&#62;e&#39;f" lang="en"><template /);
  });
});

type Operation = {
  summary: string;
  description: string;
  parameters: { name: string; in: string; description?: string }[];
  responses: Record<string, { description: string; content?: Record<string, { schema?: object }> }>;
};

/** Each render route's GET, as /openapi.json documents it. */
async function documented(): Promise<Record<string, Operation>> {
  const doc = (await (await sandboxBff().get("/openapi.json")).json()) as { paths: Record<string, { get: Operation }> };
  return Object.fromEntries(Object.entries(doc.paths).map(([path, item]) => [path, item.get]));
}

const TAGS = ["thron-gallery", "thron-filter-bar", "thron-asset", "throughline-helplines", "thunder-launch-button"] as const;
const UPSTREAM = ["502", "503", "504"];

describe("the render route in /openapi.json", () => {
  it("names each tag in its summary, and lists the answers that tag can give, each described", async () => {
    const paths = await documented();
    const answers: Record<(typeof TAGS)[number], string[]> = {
      "thron-gallery": ["200", "400", "404", ...UPSTREAM],
      "thron-filter-bar": ["200", "400", "404", ...UPSTREAM],
      "thron-asset": ["200", "400", "404", ...UPSTREAM],
      "throughline-helplines": ["200", "400", ...UPSTREAM],
      "thunder-launch-button": ["200", "400"],
    };
    for (const tag of TAGS) {
      const route = paths[`/v1/render/${tag}`] ?? assert.fail(tag);
      assert.match(route.summary, new RegExp(`^<${tag}> server-rendered`), tag);
      assert.deepEqual(Object.keys(route.responses).sort(), answers[tag], tag);
      assert.deepEqual(route.responses["200"]?.content, { "text/html": { schema: { type: "string" } } }, tag);
      for (const [status, response] of Object.entries(route.responses)) {
        assert.notEqual(response.description, "", `${tag} ${status}`);
        if (status !== "200") assert.deepEqual(Object.keys(response.content ?? {}), ["application/problem+json"], `${tag} ${status}`);
      }
    }
    const notFound = (tag: string) => paths[`/v1/render/${tag}`]?.responses["404"]?.description;
    assert.match(notFound("thron-asset") ?? "", /asset/, "the asset's 404 names the asset");
    assert.doesNotMatch(notFound("thron-gallery") ?? "", /asset/, "the gallery's 404 does not");
  });

  it("documents the visitor's query (`query.q`) for the gallery and its filter bar only", async () => {
    const paths = await documented();
    for (const tag of TAGS) {
      const q = paths[`/v1/render/${tag}`]?.parameters.find((p) => p.name === "query.q");
      if (tag === "thron-gallery" || tag === "thron-filter-bar") {
        assert.equal(q?.in, "query", tag);
        assert.match(q?.description ?? "", /search text/, tag);
      } else assert.equal(q, undefined, tag);
    }
  });

  it("tells every tag the same: what the answer holds, its languages, its caching, and to fall back to the bare tag", async () => {
    const paths = await documented();
    const shared = paths[HELPLINES]?.description ?? "";
    for (const tag of TAGS) assert.ok(paths[`/v1/render/${tag}`]?.description.startsWith(shared), `${tag} says it too`);
    assert.equal(paths["/v1/render/thron-asset"]?.description, shared, "the asset, as the helplines, adds nothing of its own");
    assert.match(shared, /^The query is the element's attributes, as written on its tag; any other is refused\./);
    assert.ok(shared.includes('`<template shadowrootmode="open">`'), "the declarative shadow root");
    assert.ok(shared.includes(`\`<script type="application/json" ${STATE_ATTRIBUTE}>\``), "the inline data");
    const listed = /among ([a-z, ]+) \(else English\)/.exec(shared)?.[1]?.split(", ");
    assert.deepEqual(listed, [...ELEMENT_LANGUAGES], "the languages the elements speak");
    const vary = (await sandboxBff().get(BUTTON)).headers.get("vary") ?? "";
    assert.ok(vary.includes("Accept-Language") && shared.includes("`Vary: Accept-Language`"), vary);
    assert.match(shared, /fall back to the bare tag on any other answer\.$/);
  });

  it("tells the gallery, the filter bar and the launch button what is theirs alone", async () => {
    const paths = await documented();
    const own = (tag: string) => paths[`/v1/render/${tag}`]?.description.slice(paths[HELPLINES]?.description.length) ?? "";
    for (const tag of ["thron-gallery", "thron-filter-bar"]) {
      const visitor = own(tag);
      assert.ok(visitor.includes("`query.q` and `query.filter.<key>` (repeatable)"), tag);
      assert.ok(visitor.includes("`<thron-filter-bar sync-url>`"), tag);
      assert.ok(visitor.includes("by submitting the bar's form"), tag);
    }
    assert.match(own("thron-gallery"), /^ Besides these, `filter-<key>=<value,…>` presets a filter/);
    assert.match(own("thron-filter-bar"), /^ Its options are the gallery's filters/);
    assert.ok(own("thron-filter-bar").includes('a `<form method="get">` whose fields carry the URL\'s names'));
    assert.ok(
      own("thron-filter-bar").includes("a button applies them; `page.<name>` (repeatable) forwards the page URL's other parameters"),
    );
    assert.ok(own("thron-filter-bar").includes("which the form carries as hidden fields so that the reload stays on the page."));
    assert.match(own("thunder-launch-button"), /^ No `ticket`: a ticket never travels in a URL \(.*`ticket-url`\)\.$/);
  });

  it("documents the stylesheets: their names, their caching, the CSP that allows them, and their answers", async () => {
    const route = (await documented())["/v1/render/styles/{file}"] ?? assert.fail("the stylesheet route");
    assert.notEqual(route.summary, "");
    assert.match(route.description, /^`<tag>\.<hash>\.css`, as a fragment links it: .*cached for good \(immutable\)\. /);
    assert.match(route.description, /An older hash answers this build's styles, cached briefly\. .*`style-src <the BFF's origin>`\.$/);
    assert.deepEqual(Object.keys(route.responses).sort(), ["200", "400", "404"]);
    assert.deepEqual(route.responses["200"]?.content, { "text/css": { schema: { type: "string" } } });
    for (const [status, response] of Object.entries(route.responses)) assert.notEqual(response.description, "", status);
  });
});
