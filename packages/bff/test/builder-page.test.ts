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
  const raw = new RegExp(`<embedkit-builder[^>]* ${name}="([^"]*)"`).exec(html)?.[1] ?? assert.fail(`no ${name}`);
  return raw.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&amp;", "&");
};

describe("the builder page", () => {
  it("hands the builder the BFF's public URL as configured, an & in its path included, and the galleries", async () => {
    const publicUrl = "https://intranet.example/r&d/bff";
    const config = loadConfig({ BFF_SANDBOX: "1" }, { publicUrl });
    const { app } = createApp(config, { publicUrl, logSink: () => {} });
    const response = await app.request("http://bff.internal/builder"); // behind a proxy that strips /r&d/bff
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.equal(attribute(html, "public-url"), publicUrl, "the snippet's script tag points here");
    assert.deepEqual(JSON.parse(attribute(html, "galleries")), [...(config.thron?.galleries.keys() ?? [])]);
  });
});

describe("/builder/origin", () => {
  it("answers a request that names no origin with a 400 about the origin, not a verdict", async () => {
    const bff = sandboxBff();
    for (const query of ["", "?origin=", "?origin=%20"]) {
      const response = await bff.get(`/builder/origin${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(response.headers.get("content-type"), "application/problem+json");
      assert.deepEqual(
        Problem.parse(await response.json()).errors?.map((e) => e.field),
        ["origin"],
      );
    }
  });
});
