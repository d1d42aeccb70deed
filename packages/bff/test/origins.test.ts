import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { originMatcher } from "../src/http/origins.ts";

describe("allowed origins", () => {
  const allowed = originMatcher(["https://www.acme.com", "https://*.acme.net"]);
  const table: [string, boolean][] = [
    ["https://www.acme.com", true],
    ["https://WWW.ACME.COM", true],
    ["http://www.acme.com", false],
    ["https://acme.com", false],
    ["https://shop.acme.net", true],
    ["https://a.b.acme.net", true],
    ["https://acme.net", false],
    ["https://evilacme.net", false],
    ["https://acme.net.evil.io", false],
    ["http://shop.acme.net", false],
    ["null", false],
  ];
  for (const [origin, expected] of table) {
    it(`${expected ? "allows" : "refuses"} ${origin}`, () => assert.equal(allowed(origin), expected));
  }
  it("allows everything with *", () => assert.equal(originMatcher(["*"])("https://any.where"), true));
});
