/** Compressed answers for clients that accept them: cached pages and the bundle compressed ahead, the rest on the way out. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { AssetPage } from "@embedkit/contracts";
import { createApp } from "../src/app.ts";
import { acceptedEncoding, MIN_COMPRESSIBLE_BYTES } from "../src/http/encoding.ts";
import { RenderMemo } from "../src/http/render-memo.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { ASSETS, bundleOf, PUBLIC_URL, sandboxBff } from "./helpers.ts";

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("compression", () => {
  it("a cached assets page goes out gzipped to clients that accept it, the same JSON as uncompressed", async () => {
    const bff = sandboxBff();
    const plain = await bff.get(`${ASSETS}?limit=24`);
    assert.equal(plain.headers.get("content-encoding"), null, "no Accept-Encoding: as is");
    const json = await bytesOf(plain);
    for (let i = 0; i < 2; i++) {
      const zipped = await bff.get(`${ASSETS}?limit=24`, { headers: { "accept-encoding": "gzip, deflate, br" } });
      assert.equal(zipped.headers.get("content-encoding"), "gzip");
      assert.equal(zipped.headers.get("x-cache"), "hit");
      assert.match(zipped.headers.get("vary") ?? "", /Accept-Encoding/);
      const body = await bytesOf(zipped);
      assert.ok(body.length < json.length / 3, `${body.length} compressed bytes for ${json.length}`);
      assert.deepEqual(gunzipSync(body), json);
    }
    AssetPage.parse(JSON.parse(json.toString("utf8")));
    for (const encoding of ["gzip;q=0, identity", "gzip; q=0.0", "gzip;q=0.000 , br", "gzip;q=0 ;level=9", "gzip;level=9;q=0"]) {
      const refused = await bff.get(`${ASSETS}?limit=24`, { headers: { "accept-encoding": encoding } });
      assert.equal(refused.headers.get("content-encoding"), null, `${encoding}: q=0 refuses gzip`);
    }
    // A page too small to gain from it (a search that found nothing) goes out as is, on every hit.
    for (let i = 0; i < 2; i++) {
      const empty = await bff.get(`${ASSETS}?limit=24&q=zzzzzzzz`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(empty.headers.get("content-encoding"), null);
      assert.ok((await bytesOf(empty)).length < 1024);
    }
    const anything = await bff.get(`${ASSETS}?limit=24`, { headers: { "accept-encoding": "deflate, *" } });
    assert.equal(anything.headers.get("content-encoding"), "gzip", "* after a comma and a space takes gzip too");
    // A parameter that is not exactly a weight weighs nothing: gzip stays accepted.
    for (const encoding of ["gzip;xq=0", "gzip;q=0junk", "gzip ;q=0.5"]) {
      const unweighted = await bff.get(`${ASSETS}?limit=24`, { headers: { "accept-encoding": encoding } });
      assert.equal(unweighted.headers.get("content-encoding"), "gzip", encoding);
    }
  });

  it("the bundle is compressed at start-up, brotli first, and served as is to clients that accept neither", async () => {
    const code = `export const words = ${JSON.stringify("lorem ipsum dolor sit amet ".repeat(2_000))};\n`;
    const { app } = createApp(loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL }), {
      publicUrl: PUBLIC_URL,
      staticFiles: bundleOf({ "components.js": 'import "./chunks/a-1.js";\n', "chunks/a-1.js": code }),
      logSink: () => {},
    });
    const get = (encoding?: string) =>
      app.request(`${PUBLIC_URL}/chunks/a-1.js`, { headers: encoding ? { "accept-encoding": encoding } : {} });
    const br = await get("gzip, br");
    assert.equal(br.headers.get("content-encoding"), "br");
    assert.match(br.headers.get("vary") ?? "", /Accept-Encoding/, "a shared cache keeps the encodings apart");
    assert.equal(brotliDecompressSync(await bytesOf(br)).toString(), code);
    const gz = await get("gzip");
    assert.equal(gz.headers.get("content-encoding"), "gzip");
    assert.equal(gunzipSync(await bytesOf(gz)).toString(), code);
    const plain = await get();
    assert.equal(plain.headers.get("content-encoding"), null);
    assert.equal((await bytesOf(plain)).toString(), code);
    const tiny = await app.request(`${PUBLIC_URL}/components.js`, { headers: { "accept-encoding": "br" } });
    assert.equal(tiny.headers.get("content-encoding"), null, "too small to gain from it");
  });

  it("compresses the bundle's text files from 1,024 bytes, gzip at its best level, and leaves fonts as they are", async () => {
    // Code varied enough that gzip's best level (9) is smaller than its default (6).
    const code = Array.from({ length: 3_000 }, (_, i) => `export const v${i} = ${(i * 7919) % 1000} + "${(i * 31).toString(36)}";`).join(
      "\n",
    );
    const { app } = createApp(loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL }), {
      publicUrl: PUBLIC_URL,
      staticFiles: bundleOf({
        "chunks/code.js": code,
        "at.css": "a".repeat(MIN_COMPRESSIBLE_BYTES),
        "under.json": "b".repeat(MIN_COMPRESSIBLE_BYTES - 1),
        "chunks/face.woff2": "c".repeat(8 * MIN_COMPRESSIBLE_BYTES),
      }),
      logSink: () => {},
    });
    const get = (path: string, encoding: string) => app.request(`${PUBLIC_URL}/${path}`, { headers: { "accept-encoding": encoding } });
    const gz = await bytesOf(await get("chunks/code.js", "gzip"));
    assert.equal(gunzipSync(gz).toString(), code);
    assert.ok(gz.length <= gzipSync(code, { level: 9 }).length, `${gz.length} bytes: gzip's best level`);
    assert.equal((await get("at.css", "gzip")).headers.get("content-encoding"), "gzip", "1,024 bytes are compressed");
    assert.equal((await get("under.json", "gzip, br")).headers.get("content-encoding"), null, "1,023 are not");
    const font = await get("chunks/face.woff2", "gzip, br");
    assert.equal(font.headers.get("content-encoding"), null, "a font is compressed already");
    assert.equal((await bytesOf(font)).length, 8 * MIN_COMPRESSIBLE_BYTES);
  });

  it("a browser that takes brotli only gets the bundle in brotli and the assets page as is, whichever it asks for first", async () => {
    const code = `export const words = ${JSON.stringify("consectetur adipiscing elit ".repeat(2_000))};\n`;
    const { app } = createApp(loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL }), {
      publicUrl: PUBLIC_URL,
      staticFiles: bundleOf({ "components.js": 'import "./chunks/b-1.js";\n', "chunks/b-1.js": code }),
      logSink: () => {},
    });
    const encodingOf = async (path: string, encoding: string) =>
      (await app.request(`${PUBLIC_URL}${path}`, { headers: { "accept-encoding": encoding } })).headers.get("content-encoding");
    const bundle = (encoding: string) => encodingOf("/chunks/b-1.js", encoding);
    const page = (encoding: string) => encodingOf(`${ASSETS}?limit=24`, encoding);
    // The assets page has only gzip to offer, the bundle brotli too: one header, two different answers.
    const first = "br, identity;q=0.5";
    assert.equal(await bundle(first), "br");
    assert.equal(await page(first), null, "no gzip for a browser that did not offer it");
    const second = "identity, br";
    assert.equal(await page(second), null);
    assert.equal(await bundle(second), "br", "the page's answer does not stick to the header");
  });

  it("a crafted Accept-Encoding changes nothing another client is sent", async () => {
    const code = `export const words = ${JSON.stringify("sed do eiusmod tempor ".repeat(2_000))};\n`;
    const { app } = createApp(loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL }), {
      publicUrl: PUBLIC_URL,
      staticFiles: bundleOf({ "components.js": 'import "./chunks/c-1.js";\n', "chunks/c-1.js": code }),
      logSink: () => {},
    });
    const encodingOf = async (path: string, encoding: string) =>
      (await app.request(`${PUBLIC_URL}${path}`, { headers: { "accept-encoding": encoding } })).headers.get("content-encoding");
    const bundle = (encoding: string) => encodingOf("/chunks/c-1.js", encoding);
    const page = (encoding: string) => encodingOf(`${ASSETS}?limit=24`, encoding);
    // Each sent first by a client that accepts nothing it names, then by a browser that accepts gzip:
    // shaped like what the BFF remembers a parsed header by, for the bundle and for the page.
    assert.equal(await bundle("gzip|gzip, deflate"), null);
    assert.equal(await page("gzip, deflate"), "gzip");
    assert.equal(await page("br,gzip|gzip, identity"), null);
    assert.equal(await bundle("gzip, identity"), "gzip");
  });

  it("remembers a bounded number of Accept-Encoding headers: thousands of distinct large ones do not pin the memory they took", () => {
    // Collected before each reading, so only what is kept counts, not garbage the collector has not reached yet.
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    collect();
    const before = process.memoryUsage().heapUsed;
    // 8,000 headers of 16 KB, each new (as a hostile client could send them): 128 MB if all were kept.
    for (let i = 0; i < 8_000; i++) acceptedEncoding(`gzip;q=0, x-${i}-${"y".repeat(16_000)}`, ["br", "gzip"]);
    collect();
    const keptMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    assert.ok(keptMb < 64, `${Math.round(keptMb)} MB kept`);
  });

  it("a memoised page is gzipped from the threshold up, the bundle's rule: 1,024 bytes are, 1,023 are not", async () => {
    const memo = new RenderMemo<object>();
    // JSON.stringify of a string adds its two quotes.
    const sized = (bytes: number) => () => "x".repeat(bytes - 2);
    const at = await memo.gzip({}, "en", sized(MIN_COMPRESSIBLE_BYTES));
    assert.ok(at, "a page at the threshold is compressed");
    assert.equal(gunzipSync(at).toString(), JSON.stringify("x".repeat(MIN_COMPRESSIBLE_BYTES - 2)));
    assert.equal(await memo.gzip({}, "en", sized(MIN_COMPRESSIBLE_BYTES - 1)), null, "a page under it is sent as is");
  });

  it("other JSON answers are compressed on the way out", async () => {
    const bff = sandboxBff();
    const doc = await bff.get("/openapi.json", { headers: { "accept-encoding": "gzip" } });
    assert.equal(doc.headers.get("content-encoding"), "gzip");
    assert.equal(JSON.parse(gunzipSync(await bytesOf(doc)).toString()).openapi, "3.1.0");
  });
});
