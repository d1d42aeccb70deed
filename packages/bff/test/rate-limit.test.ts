import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { Hono } from "hono";
import { type RateLimitOptions, rateLimit } from "../src/http/rate-limit.ts";
import { responseHeaders } from "../src/http/response-headers.ts";
import { MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";

/** The middleware in front of a route, the client named by a header, on a clock the test moves. */
function limited(limit: number, options: Partial<RateLimitOptions> = {}) {
  const clock = manualClock();
  const app = new Hono();
  app.use(responseHeaders({}));
  app.use(rateLimit({ limit, clientKey: (c) => c.req.header("x-client") ?? "unknown", now: clock.now, ...options }));
  app.all("/", (c) => c.text("ok"));
  const request = (client = "a", method = "GET") => app.request("/", { method, headers: { "x-client": client } });
  return { clock, request };
}

describe("rate limit", () => {
  it("counts a client's requests in a one-minute window and refuses the rest with a 429 problem", async () => {
    const { request } = limited(2);
    const first = await request();
    assert.deepEqual(
      [first.status, first.headers.get("ratelimit-limit"), first.headers.get("ratelimit-remaining"), first.headers.get("ratelimit-reset")],
      [200, "2", "1", "60"],
    );
    assert.equal((await request()).headers.get("ratelimit-remaining"), "0");
    const refused = await request();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get("content-type"), "application/problem+json");
    assert.equal(refused.headers.get("retry-after"), "60");
    const problem = Problem.parse(await refused.json());
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      ["https://embedkit.dev/problems/rate-limited", "Too many requests", "At most 2 requests a minute; try again in 60 s."],
    );
  });

  it("opens a new window once the minute has passed, and tells how long is left until then", async () => {
    const { clock, request } = limited(1);
    assert.equal((await request()).status, 200);
    clock.advance(45_000);
    const refused = await request();
    assert.deepEqual([refused.status, refused.headers.get("retry-after")], [429, "15"]);
    clock.advance(14_999);
    assert.equal((await request()).headers.get("retry-after"), "1");
    clock.advance(1);
    const again = await request();
    assert.deepEqual([again.status, again.headers.get("ratelimit-remaining")], [200, "0"]);
    clock.advance(60_000);
    assert.equal((await request()).status, 200, "and the next minute too");
  });

  it("gives each client its own budget and does not count preflights", async () => {
    const { request } = limited(1);
    assert.equal((await request("a")).status, 200);
    assert.equal((await request("a", "OPTIONS")).status, 200);
    assert.equal((await request("b")).status, 200);
    assert.equal((await request("a")).status, 429);
  });

  it("forgets the oldest client first when it remembers too many", async () => {
    const { request } = limited(1, { maxClients: 2 });
    for (const client of ["a", "b", "c"]) assert.equal((await request(client)).status, 200);
    assert.equal((await request("a")).status, 200, "a was forgotten: a fresh window");
    assert.equal((await request("c")).status, 429, "c is remembered");
  });

  it("counted by the fleet, keeps to the clock's minutes: RateLimit-Reset counts to the end of this one", async () => {
    const clock = manualClock(); // on the minute
    const shared = { counters: new MemoryCounterStore(clock.now), name: "test" };
    const { request } = limited(2, { shared, now: clock.now });
    clock.advance(15_000);
    const first = await request("a");
    assert.deepEqual([first.headers.get("ratelimit-remaining"), first.headers.get("ratelimit-reset")], ["1", "45"]);
    clock.advance(40_000);
    assert.equal((await request("a")).headers.get("ratelimit-reset"), "5");
    const refused = await request("a");
    assert.deepEqual([refused.status, refused.headers.get("retry-after")], [429, "5"]);
    assert.equal((await request("b")).headers.get("ratelimit-remaining"), "1", "b has a budget of its own");
    clock.advance(5_000);
    assert.equal((await request("a")).status, 200, "a new minute, a new window");
  });

  it("takes a client whose new window just opened for the newest: another is forgotten first", async () => {
    const { clock, request } = limited(1, { maxClients: 2 });
    assert.equal((await request("a")).status, 200);
    clock.advance(1);
    assert.equal((await request("b")).status, 200);
    clock.advance(60_000);
    assert.equal((await request("a")).status, 200, "a's new window");
    assert.equal((await request("c")).status, 200, "one client too many: b, the oldest, is forgotten");
    assert.equal((await request("a")).status, 429, "a is remembered, its window spent");
  });
});

describe("rate limit on /v1", () => {
  it("rate limits each client, with a 429 problem a browser can read and RateLimit headers", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "5" }, { clientAddress: (c) => c.req.header("x-test-client") });
    const from = (client: string) => bff.get(`${ASSETS}?limit=1`, { headers: { "x-test-client": client, origin: "https://host.example" } });
    for (let i = 0; i < 5; i++) assert.equal((await from("a")).status, 200);
    const limited = await from("a");
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get("content-type"), "application/problem+json");
    assert.ok(Number(limited.headers.get("retry-after")) >= 1);
    assert.equal(limited.headers.get("access-control-allow-origin"), "https://host.example");
    assert.equal(Problem.parse(await limited.json()).title, "Too many requests");
    const other = await from("b");
    assert.equal(other.status, 200, "another client has its own budget");
    assert.equal(other.headers.get("ratelimit-remaining"), "4");
  });

  it("a runtime that lost a client's address (Bun, for a request already aborted) never keys it by the CF-Connecting-IP it wrote", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1" }, { clientAddress: () => undefined });
    const send = (ip: string) => bff.get(`${ASSETS}?limit=1`, { headers: { "cf-connecting-ip": ip } });
    assert.equal((await send("1.1.1.1")).status, 200);
    assert.equal((await send("2.2.2.2")).status, 429, "a forged header does not buy a new budget");
  });

  it("trusts X-Forwarded-For only when TRUST_PROXY=1", async () => {
    const spoofed = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1" });
    const send = (bff: typeof spoofed, ip: string) => bff.get(`${ASSETS}?limit=1`, { headers: { "x-forwarded-for": ip } });
    assert.equal((await send(spoofed, "1.1.1.1")).status, 200);
    assert.equal((await send(spoofed, "2.2.2.2")).status, 429, "a forged header does not buy a new budget");
    const proxied = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "1" });
    assert.equal((await send(proxied, "1.1.1.1")).status, 200);
    assert.equal((await send(proxied, "2.2.2.2")).status, 200);
  });

  it("counts each window on the app's clock", async () => {
    const clock = manualClock();
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "2" }, { now: clock.now });
    const status = async () => (await bff.get(`${ASSETS}?limit=1`)).status;
    assert.deepEqual([await status(), await status(), await status()], [200, 200, 429]);
    clock.advance(60_000);
    assert.equal(await status(), 200, "a new minute on that clock, a new budget");
  });
});

describe("rate limit behind TRUST_PROXY proxies", () => {
  it("does not key on an X-Forwarded-For the client wrote when fewer entries came than there are proxies", async () => {
    // Two proxies are configured, yet the request carries one entry: the client wrote it (or a
    // proxy was bypassed), so it buys no budget of its own however often it changes.
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "2", TRUST_PROXY: "2" }, { clientAddress: () => "10.0.0.9" });
    const send = (forwarded: string) => bff.get(`${ASSETS}?limit=1`, { headers: { "x-forwarded-for": forwarded } });
    const statuses = [];
    for (const forged of ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"]) statuses.push((await send(forged)).status);
    assert.deepEqual(statuses, [200, 200, 429, 429]);
    // Through both proxies: the first wrote the client's address, the second the first's; what the client wrote comes before.
    const statusesOf6 = [];
    for (const forged of ["1.1.1.1", "2.2.2.2", "3.3.3.3"]) statusesOf6.push((await send(`${forged}, 6.6.6.6, 5.5.5.5`)).status);
    assert.deepEqual(statusesOf6, [200, 200, 429], "keyed on the address the first proxy wrote, whatever the client prefixed");
    assert.equal((await send("6.6.6.6, 7.7.7.7, 5.5.5.5")).status, 200, "another client has its own budget");
  });

  it("keys on the runtime's address when a request carries no X-Forwarded-For at all", async () => {
    // Reached directly (a health check, a bypassed proxy): each address keeps its own budget.
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "1" }, { clientAddress: (c) => c.req.header("x-test-client") });
    const from = async (client: string) => (await bff.get(`${ASSETS}?limit=1`, { headers: { "x-test-client": client } })).status;
    assert.deepEqual([await from("10.0.0.1"), await from("10.0.0.2"), await from("10.0.0.1")], [200, 200, 429]);
  });
});
