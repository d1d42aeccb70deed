import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ASSETS, PUBLIC_URL, sandboxBff } from "./helpers.ts";

interface Page {
  items: { thumbnail: { url: string; srcset: string } }[];
}

describe("sandbox media URLs", () => {
  it("name the origin the page was opened with when PUBLIC_URL is not set (a phone on the network)", async () => {
    const bff = sandboxBff({}, { publicUrlGuessed: true });
    const fromPhone = (await (await bff.app.request(`http://192.168.1.20:8787${ASSETS}?limit=2`)).json()) as Page;
    for (const item of fromPhone.items) {
      assert.ok(item.thumbnail.url.startsWith("http://192.168.1.20:8787/_sandbox/thron/"), item.thumbnail.url);
      assert.ok(!item.thumbnail.srcset.includes(PUBLIC_URL), item.thumbnail.srcset);
    }
    const gallery = (await (await bff.app.request("http://192.168.1.20:8787/v1/thron/galleries/default")).json()) as {
      player: { scriptUrl: string };
    };
    assert.ok(gallery.player.scriptUrl.startsWith("http://192.168.1.20:8787/_sandbox/"), gallery.player.scriptUrl);
    // The cached answer is the same for the next visitor on another host.
    const local = (await (await bff.get(`${ASSETS}?limit=2`)).json()) as Page;
    assert.ok(local.items[0]?.thumbnail.url.startsWith(`${PUBLIC_URL}/_sandbox/`));
    const thumbnail = await bff.app.request(fromPhone.items[0]?.thumbnail.url ?? "");
    assert.equal(thumbnail.headers.get("content-type"), "image/png");
  });

  it("include the THRON Player's media URLs (the demo's CSP refuses any other origin)", async () => {
    const bff = sandboxBff({}, { publicUrlGuessed: true });
    const origin = "http://127.0.0.1:8787";
    const gallery = (await (await bff.app.request(`${origin}/v1/thron/galleries/default`)).json()) as {
      player: { scriptUrl: string; clientId: string; sessId: string };
    };
    const page = (await (await bff.app.request(`${origin}${ASSETS}?limit=24`)).json()) as { items: { id: string; type: string }[] };
    const video = page.items.find((item) => item.type === "video");
    assert.ok(video, "a video on the first page");
    // What the Player asks, from where its script came: it builds its media elements from the answer.
    const base = gallery.player.scriptUrl.replace(/\/shared\/ce\/.*$/, "");
    const query = new URLSearchParams({
      clientId: gallery.player.clientId,
      xcontentId: video.id,
      pkey: gallery.player.sessId,
      locale: "EN",
    });
    const response = await bff.app.request(`${base}/api/xcontents/resources/delivery/getContentDetail?${query}`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.ok(!text.includes(PUBLIC_URL), "no media URL names the guessed host");
    const { content } = JSON.parse(text) as { content: { deliveryInfo: { contentUrl?: string }[] } };
    const urls = content.deliveryInfo.flatMap((info) => (info.contentUrl ? [info.contentUrl] : []));
    assert.ok(urls.length > 0);
    for (const url of urls) assert.ok(url.replace(/^\/\//, "http://").startsWith(`${origin}/_sandbox/thron/`), url);
  });

  it("follow the request in a cached page sent gzipped as well", async () => {
    const bff = sandboxBff({}, { publicUrlGuessed: true });
    const url = `http://192.168.1.20:8787${ASSETS}?limit=12`;
    const headers = { "accept-encoding": "gzip" };
    for (let i = 0; i < 3; i++) {
      const response = await bff.app.request(url, { headers });
      assert.equal(response.status, 200);
      const encoding = response.headers.get("content-encoding");
      const body = encoding === "gzip" ? response.body?.pipeThrough(new DecompressionStream("gzip")) : response.body;
      const page = (await new Response(body).json()) as Page;
      assert.ok(page.items[0]?.thumbnail.url.startsWith("http://192.168.1.20:8787/_sandbox/thron/"), `answer ${i + 1}`);
    }
  });

  it("leave the page gzipped, as cached, for a visitor at the origin the BFF guessed: nothing to rewrite", async () => {
    const bff = sandboxBff({}, { publicUrlGuessed: true });
    const headers = { "accept-encoding": "gzip" };
    for (const attempt of ["cold", "cached"]) {
      const response = await bff.app.request(`${PUBLIC_URL}${ASSETS}?limit=12`, { headers });
      assert.equal(response.headers.get("content-encoding"), "gzip", attempt);
      const page = (await new Response(response.body?.pipeThrough(new DecompressionStream("gzip"))).json()) as Page;
      assert.ok(page.items[0]?.thumbnail.url.startsWith(`${PUBLIC_URL}/_sandbox/thron/`), attempt);
    }
  });

  it("keep a rewritten answer's status and headers: a problem stays a 404 problem", async () => {
    const bff = sandboxBff({}, { publicUrlGuessed: true });
    const response = await bff.app.request("http://192.168.1.20:8787/v1/thron/galleries/nope/assets");
    assert.equal(response.status, 404);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    assert.equal(response.headers.get("x-content-type-options"), "nosniff");
  });

  it("follow the request when the guessed URL was given with a trailing slash", async () => {
    const bff = sandboxBff({}, { publicUrlGuessed: true, publicUrl: `${PUBLIC_URL}/` });
    const page = (await (await bff.app.request(`http://192.168.1.20:8787${ASSETS}?limit=2`)).json()) as Page;
    for (const item of page.items) assert.ok(item.thumbnail.url.startsWith("http://192.168.1.20:8787/_sandbox/thron/"), item.thumbnail.url);
  });

  it("keep PUBLIC_URL when it is set", async () => {
    const bff = sandboxBff();
    const page = (await (await bff.app.request(`http://192.168.1.20:8787${ASSETS}?limit=1`)).json()) as Page;
    assert.ok(page.items[0]?.thumbnail.url.startsWith(`${PUBLIC_URL}/_sandbox/`));
  });
});

describe("the sandbox demo page", () => {
  it("names its icon inline, an SVG its CSP lets load, so the browser asks for no /favicon.ico (a 404 in the console)", async () => {
    const response = await sandboxBff().get("/");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-security-policy") ?? "", /img-src [^;]*data:/);
    const href = /<link rel="icon" href="([^"]+)">/.exec(await response.text())?.[1] ?? "";
    const [scheme, svg = ""] = href.split(",", 2);
    assert.equal(scheme, "data:image/svg+xml");
    assert.match(decodeURIComponent(svg), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.+<\/svg>$/);
  });
});
