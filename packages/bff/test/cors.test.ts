import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { originMatcher } from "../src/http/origins.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";

const ALLOWED = "https://www.acme.com,https://*.acme.net";

/** A browser's preflight for a GET of the assets page from `origin`. */
const preflight = (origin: string) =>
  sandboxBff({ ALLOWED_ORIGINS: ALLOWED }).get(ASSETS, { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } });

describe("CORS for ALLOWED_ORIGINS", () => {
  it("answers an allowed origin's preflight with the methods, headers and how long to remember it", async () => {
    const response = await preflight("https://shop.acme.net");
    assert.equal(response.status, 204);
    assert.equal(response.headers.get("access-control-allow-origin"), "https://shop.acme.net");
    // A list a browser can parse: its POST preflights (a launch, a helpline event) need POST in it as a token of its own.
    assert.deepEqual(response.headers.get("access-control-allow-methods")?.split(/\s*,\s*/), ["GET", "POST", "OPTIONS"]);
    assert.match(response.headers.get("access-control-allow-headers") ?? "", /content-type/);
    assert.equal(response.headers.get("access-control-max-age"), "600");
    assert.match(response.headers.get("vary") ?? "", /Origin/);
  });

  for (const origin of [
    "https://shop.acme.net.evil.io", // the wildcard's domain inside a longer host
    "https://evil.io/.acme.net",
    "https://shopacme.net",
    "https://acme.net",
    "https://.acme.net", // the wildcard's dot with no name before it
    "http://shop.acme.net",
    "https://www.acme.com.evil.io",
    "https://*.acme.net", // the pattern itself, which no browser sends but any script can
    "https://www.acme.com://x.undefined", // an exact origin taken for a wildcard's scheme, its missing suffix for text
  ]) {
    it(`gives ${origin} nothing to read`, async () => {
      const response = await preflight(origin);
      assert.equal(response.headers.get("access-control-allow-origin"), null);
      assert.equal(response.headers.get("access-control-allow-methods"), null);
      assert.match(response.headers.get("vary") ?? "", /Origin/, "a cache must not serve one origin's answer to another");
    });
  }

  it("lets an allowed page read the answer and the rate-limit headers, and no other page", async () => {
    const bff = sandboxBff({ ALLOWED_ORIGINS: ALLOWED });
    const allowed = await bff.get(`${ASSETS}?limit=1`, { headers: { origin: "https://a.b.acme.net" } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get("access-control-allow-origin"), "https://a.b.acme.net");
    const allowedConfig = await bff.get("/v1/thron/galleries/default", { headers: { origin: "https://a.b.acme.net" } });
    assert.match(allowedConfig.headers.get("vary") ?? "", /Origin/, "a shared cache must not hand this answer to another page");
    // A list a browser parses token by token: each header the page may read is one of them.
    const exposed = allowed.headers.get("access-control-expose-headers")?.split(/\s*,\s*/) ?? [];
    // The request id to quote, and the rate limit's headers: how many requests a minute, how many are left, when it resets.
    assert.deepEqual(exposed.toSorted(), ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after", "x-request-id"]);
    const refused = await bff.get(`${ASSETS}?limit=1`, { headers: { origin: "https://a.acme.net.evil.io" } });
    assert.equal(refused.headers.get("access-control-allow-origin"), null);
    assert.equal(refused.headers.get("access-control-expose-headers"), null);
    assert.match(refused.headers.get("vary") ?? "", /Origin/, "a shared cache must not hand this answer to an allowed page");
    // A route that names no Vary of its own (the assets page adds Accept-Encoding, and Origin with it).
    const refusedConfig = await bff.get("/v1/thron/galleries/default", { headers: { origin: "https://a.acme.net.evil.io" } });
    assert.equal(refusedConfig.status, 200);
    assert.match(refusedConfig.headers.get("vary") ?? "", /Origin/, "nor this one");
    const sameSite = await bff.get(`${ASSETS}?limit=1`);
    assert.match(sameSite.headers.get("vary") ?? "", /Origin/);
  });

  it("takes only an OPTIONS request for a preflight: a GET carrying a preflight's header still gets its page", async () => {
    const bff = sandboxBff({ ALLOWED_ORIGINS: ALLOWED });
    const headers = { origin: "https://shop.acme.net", "access-control-request-method": "GET" };
    const response = await bff.get(`${ASSETS}?limit=1`, { headers });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("access-control-allow-methods"), null, "no preflight answer");
    assert.equal(((await response.json()) as { items: unknown[] }).items.length, 1);
    // And an OPTIONS without that header is no preflight: no route answers it.
    const options = await bff.get(`${ASSETS}?limit=1`, { method: "OPTIONS", headers: { origin: "https://shop.acme.net" } });
    assert.equal(options.status, 404);
    assert.equal(options.headers.get("access-control-allow-methods"), null);
  });

  it("matches a wildcard as a suffix of the host only: not another port, a path or a user part", () => {
    const allowed = originMatcher(["https://*.acme.net"]);
    assert.equal(allowed("https://shop.acme.net"), true);
    assert.equal(allowed("https://shop.acme.net:8443"), false, "another port is another origin");
    assert.equal(allowed("https://shop.acme.net.evil.io"), false);
    assert.equal(allowed("https://user@x.acme.net"), false);
    assert.equal(allowed("https://x.acme.net/path"), false);
    const onPort = originMatcher(["https://*.acme.dev:8443"]);
    assert.equal(onPort("https://shop.acme.dev:8443"), true, "a wildcard that names its port takes that port");
    assert.equal(onPort("https://shop.acme.dev"), false);
  });
});
