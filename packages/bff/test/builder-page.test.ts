/**
 * /builder as the BFF serves it, read as HTML and JSON (no browser; builder.test.ts drives it in
 * Chromium): what the page hands the builder element, and /builder/origin's answers.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { sandboxBff } from "./helpers.ts";

/** An attribute's value as a browser reads it (the entities the page writes: &amp; &quot; &lt;). */
const attribute = (html: string, name: string) => {
  const raw = new RegExp(`<embedkit-builder[^<]* ${name}="([^"]*)"`).exec(html)?.[1] ?? assert.fail(`no ${name}`);
  return raw.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&amp;", "&");
};

describe("the builder page", () => {
  it("hands the builder the BFF's public URL as configured, an &, a quote or a < in its path included, and the galleries", async () => {
    // PUBLIC_URL takes any http(s) URL without spaces, query or fragment: none of these may break the page's markup.
    const publicUrl = 'https://intranet.example/r&d/"bff"/<1>';
    const config = loadConfig({ BFF_SANDBOX: "1", PUBLIC_URL: publicUrl }, { publicUrl });
    const { app } = createApp(config, { publicUrl, logSink: () => {} });
    const response = await app.request("http://bff.internal/builder"); // behind a proxy that strips the path
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-cache", "a redeployed BFF's page is fetched again");
    const html = await response.text();
    assert.equal(attribute(html, "public-url"), publicUrl, "the snippet's script tag points here");
    assert.match(html, /<main>\n {2}<embedkit-builder [^<]*><\/embedkit-builder>\n<\/main>/, "the element's tag stays whole");
    assert.deepEqual(JSON.parse(attribute(html, "galleries")), [...(config.thron?.galleries.keys() ?? [])]);
  });
});

describe("/builder/origin", () => {
  it("tells whether a site may embed the elements, for its origin as an editor may paste it (spaces, trailing slashes), never cached", async () => {
    const bff = sandboxBff({ ALLOWED_ORIGINS: "https://www.host.example" });
    const check = (origin: string) => bff.get(`/builder/origin?origin=${encodeURIComponent(origin)}`);
    for (const [pasted, verdict] of [
      ["https://www.host.example", { origin: "https://www.host.example", allowed: true }],
      [" https://www.host.example// ", { origin: "https://www.host.example", allowed: true }],
      ["http://other.example:8080/", { origin: "http://other.example:8080", allowed: false }],
    ] as const) {
      const response = await check(pasted);
      assert.equal(response.status, 200, pasted);
      assert.equal(response.headers.get("cache-control"), "no-store");
      assert.deepEqual(await response.json(), verdict, pasted);
    }
    for (const pasted of [
      "javascript:alert(1)",
      "view-source:https://www.host.example",
      "www.host.example",
      "https://www.host.example/page",
      "https://www.host.example?x=1",
      "https://a b.example",
    ])
      assert.equal((await check(pasted)).status, 400, pasted);
  });

  it("answers a request that names no origin with a 400 about the origin, not a verdict", async () => {
    const bff = sandboxBff();
    for (const query of ["", "?origin=", "?origin=%20"]) {
      const response = await bff.get(`/builder/origin${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(response.headers.get("content-type"), "application/problem+json");
      // The builder shows the message next to the field: it says what an origin looks like.
      assert.deepEqual(Problem.parse(await response.json()).errors, [
        { field: "origin", message: "must be a site's address such as https://www.example.com" },
      ]);
    }
  });
});
