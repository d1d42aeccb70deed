/** The demo page as a search engine and a slow connection meet it: described, and sent compressed. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { sandboxBff } from "./helpers.ts";

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("the demo page for search engines and slow connections", () => {
  it("has a meta description that says what the page shows", async () => {
    const html = await (await sandboxBff().get("/")).text();
    const descriptions = [...html.matchAll(/<meta name="description" content="([^"]*)">/g)].map((m) => m[1] ?? "");
    assert.equal(descriptions.length, 1, "exactly one meta description");
    const [description = ""] = descriptions;
    // Search results show about 155 characters; Lighthouse wants it present and not empty.
    assert.ok(description.length >= 50 && description.length <= 160, `${description.length} characters: ${description}`);
    assert.match(description, /THRON/);
  });

  it("sends its HTML compressed to browsers that accept it, with its CSP, the same page as uncompressed", async () => {
    const bff = sandboxBff();
    const plain = await bff.get("/");
    const html = await bytesOf(plain);
    assert.equal(plain.headers.get("content-encoding"), null, "no Accept-Encoding: as is");
    for (const [accept, encoding, decode] of [
      ["gzip, deflate, br", null, null],
      ["gzip", "gzip", gunzipSync],
    ] as const) {
      const zipped = await bff.get("/", { headers: { "accept-encoding": accept } });
      const sent = zipped.headers.get("content-encoding");
      assert.ok(sent === "gzip" || sent === "br", `${accept}: sent ${sent}`);
      if (encoding) assert.equal(sent, encoding);
      assert.match(zipped.headers.get("content-type") ?? "", /^text\/html/);
      assert.match(zipped.headers.get("content-security-policy") ?? "", /script-src 'self'/);
      assert.match(zipped.headers.get("vary") ?? "", /Accept-Encoding/);
      const body = await bytesOf(zipped);
      assert.ok(body.length < html.length / 2, `${body.length} compressed bytes for ${html.length}`);
      assert.deepEqual(sent === "br" ? brotliDecompressSync(body) : (decode ?? gunzipSync)(body), html);
    }
  });
});
