import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { Hono } from "hono";
import { secretsOf } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/core/logger.ts";
import { responseHeaders } from "../src/http/response-headers.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";

describe("the BFF's edge", () => {
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

  it("trusts X-Forwarded-For only when TRUST_PROXY=1", async () => {
    const spoofed = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1" });
    const send = (bff: typeof spoofed, ip: string) => bff.get(`${ASSETS}?limit=1`, { headers: { "x-forwarded-for": ip } });
    assert.equal((await send(spoofed, "1.1.1.1")).status, 200);
    assert.equal((await send(spoofed, "2.2.2.2")).status, 429, "a forged header does not buy a new budget");
    const proxied = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "1" });
    assert.equal((await send(proxied, "1.1.1.1")).status, 200);
    assert.equal((await send(proxied, "2.2.2.2")).status, 200);
  });

  it("documents the API from the same schemas: /openapi.json lists every route, /docs renders it", async () => {
    const bff = sandboxBff();
    const doc = (await (await bff.get("/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, "3.1.0");
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      "/health",
      "/v1/thron/galleries/{gallery}",
      "/v1/thron/galleries/{gallery}/assets",
      "/v1/thron/galleries/{gallery}/assets/{id}",
      "/v1/throughline/countries",
      "/v1/throughline/events",
      "/v1/throughline/helplines",
      "/v1/throughline/topics",
      "/v1/thunder/launch",
    ]);
    const docs = await bff.get("/docs");
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /\/openapi\.json/);
  });

  it("sends security headers that still let other sites read the JSON, and a request id", async () => {
    const bff = sandboxBff();
    const response = await bff.get(`${ASSETS}?limit=1`);
    assert.equal(response.headers.get("x-content-type-options"), "nosniff");
    assert.equal(response.headers.get("cross-origin-resource-policy"), "cross-origin");
    assert.match(response.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
    const id = response.headers.get("x-request-id") ?? "";
    assert.ok(
      bff.logs.some((line) => line.includes(id)),
      "the log line carries the same id",
    );
  });

  it("puts the security headers and a request id on every kind of answer, beside the headers its handler chose", async () => {
    const files = new Map([
      ["components.js", { body: new TextEncoder().encode("export {};"), contentType: "text/javascript; charset=utf-8" }],
      ["chunks/lit-abc123.js", { body: new TextEncoder().encode("export {};"), contentType: "text/javascript; charset=utf-8" }],
    ]);
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "12", ALLOWED_ORIGINS: "https://host.example" }, { staticFiles: files });
    const page = (await (await bff.get(`${ASSETS}?limit=2`)).json()) as { items: { thumbnail: { url: string } }[] };
    const thumbnail = new URL(page.items[0]?.thumbnail.url ?? "").pathname;
    const answers: [string, Response, Record<string, string | RegExp>][] = [
      [
        "cached page",
        await bff.get(`${ASSETS}?limit=2`),
        { "x-cache": "hit", "content-type": "application/json", "cache-control": /max-age=30/ },
      ],
      ["bad input", await bff.get(`${ASSETS}?limit=500`), { "content-type": "application/problem+json" }],
      ["unknown gallery", await bff.get("/v1/thron/galleries/nope/assets"), { "content-type": "application/problem+json" }],
      ["unknown route", await bff.get("/v2/anything"), { "content-type": "application/problem+json" }],
      ["health", await bff.get("/health"), { "cache-control": "no-store" }],
      ["bundle entry", await bff.get("/components.js"), { "access-control-allow-origin": "*", "cache-control": /max-age=300/ }],
      ["bundle chunk", await bff.get("/chunks/lit-abc123.js"), { "cache-control": /immutable/ }],
      ["sandbox thumbnail", await bff.get(thumbnail), { "content-type": "image/png" }],
      [
        "preflight",
        await bff.get(ASSETS, { method: "OPTIONS", headers: { origin: "https://host.example", "access-control-request-method": "GET" } }),
        { "access-control-allow-origin": "https://host.example", "access-control-max-age": "600" },
      ],
      ["CORS read", await bff.get(`${ASSETS}?limit=2`, { headers: { origin: "https://host.example" } }), { vary: /^Origin\b/ }],
    ];
    let limited = await bff.get(`${ASSETS}?limit=2`);
    for (let i = 0; i < 12 && limited.status !== 429; i++) limited = await bff.get(`${ASSETS}?limit=2`);
    answers.push(["rate limited", limited, { "retry-after": /^\d+$/, "ratelimit-remaining": "0" }]);
    const ids = new Set<string>();
    for (const [what, response, own] of answers) {
      assert.equal(response.headers.get("x-content-type-options"), "nosniff", what);
      assert.equal(response.headers.get("strict-transport-security"), "max-age=15552000; includeSubDomains", what);
      assert.equal(response.headers.get("cross-origin-resource-policy"), "cross-origin", what);
      const id = response.headers.get("x-request-id") ?? "";
      assert.match(id, /^[0-9a-f-]{36}$/, what);
      ids.add(id);
      for (const [name, expected] of Object.entries(own))
        if (typeof expected === "string") assert.equal(response.headers.get(name), expected, `${what}: ${name}`);
        else assert.match(response.headers.get(name) ?? "", expected, `${what}: ${name}`);
    }
    assert.equal(ids.size, answers.length, "each answer has its own request id");
  });

  it("keeps a caller's request id when it is a plain token, and makes a new one otherwise", async () => {
    const bff = sandboxBff();
    const sent = async (id: string) => (await bff.get("/health", { headers: { "x-request-id": id } })).headers.get("x-request-id");
    assert.equal(await sent("edge-7f3a_91=="), "edge-7f3a_91==");
    assert.match((await sent("not plain; <script>")) ?? "", /^[0-9a-f-]{36}$/);
    assert.match((await sent("x".repeat(256))) ?? "", /^[0-9a-f-]{36}$/);
    assert.ok(bff.logs.some((line) => line.includes('"requestId":"edge-7f3a_91=="')));
  });

  it("writes no access log at LOG_LEVEL=warn, except for failed requests, and still the warnings", async () => {
    const bff = sandboxBff({ LOG_LEVEL: "warn" });
    bff.thron.faults.errorRate = 1;
    assert.equal((await bff.get("/health")).status, 200);
    assert.equal((await bff.get(`${ASSETS}?limit=3`)).status, 502);
    const lines = bff.logs.map((line) => JSON.parse(line) as { level: string; status: number; path?: string });
    assert.deepEqual(
      lines.map(({ level, status, path }) => [level, status, path]),
      [
        ["warn", 502, undefined],
        ["error", 502, ASSETS],
      ],
      "the upstream failure and its request; the healthy request leaves no line",
    );
  });

  it("adds the edge headers even to a response whose headers are immutable", async () => {
    const app = new Hono();
    app.use(responseHeaders({ "x-content-type-options": "nosniff" }));
    app.get("/moved", () => Response.redirect("https://elsewhere.example/", 302));
    app.get("/own", (c) => c.body("ok", 200, { "x-content-type-options": "chosen-by-handler" }));
    const moved = await app.request("/moved");
    assert.equal(moved.status, 302);
    assert.equal(moved.headers.get("location"), "https://elsewhere.example/");
    assert.equal(moved.headers.get("x-content-type-options"), "nosniff");
    assert.equal((await app.request("/own")).headers.get("x-content-type-options"), "chosen-by-handler", "a handler's own header wins");
  });

  it("redacts every configured secret, and anything shaped like a token, from log lines", () => {
    const env = {
      THRON_TENANT: "acme",
      THRON_CLIENT_ID: "c",
      THRON_CLIENT_SECRET: "thron-secret-value-1",
      THRON_USERNAME: "u",
      THRON_FOLDER_ID: "f",
      THRON_PKEY: "p",
      THUNDER_USERNAME: "coach",
      THUNDER_PASSWORD: "thunder-password-2",
      THUNDER_VENDOR_GUID: "6f1c2a9e-3b7d-4e0a-9c5f-2d8b7a41e360",
      THUNDER_TICKET_SECRET: "ticket-secret-ticket-secret-3-xxxxxx",
      THROUGHLINE_CLIENT_ID: "t",
      THROUGHLINE_CLIENT_SECRET: "throughline-secret-4",
      BFF_CACHE_URL: "redis://:redis-password-5@cache.internal:6379",
      METRICS_TOKEN: "metrics-token-value-6-xxxxxxx",
      ALLOWED_ORIGINS: "https://a.example",
    };
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line), secretsOf(loadConfig(env)));
    logger.log("warn", "upstream said", {
      detail: `${Object.values(env).join(" ")} Authorization: Bearer abcdef0123456789 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl`,
    });
    for (const secret of [
      "thron-secret-value-1",
      "thunder-password-2",
      "ticket-secret-ticket-secret-3",
      "throughline-secret-4",
      "redis-password-5",
      "metrics-token-value-6",
      "abcdef0123456789",
      "eyJhbGciOiJIUzI1NiJ9",
    ])
      assert.ok(!lines[0]?.includes(secret), `log line carries ${secret}`);
  });

  it("batches info lines on servers, keeps their order, sends warnings at once and redacts as ever", async () => {
    const lines: string[] = [];
    const writes: string[] = [];
    const logger = createLogger(
      (text) => {
        writes.push(text);
        lines.push(...text.split("\n"));
      },
      ["batch-secret-1"],
      { batch: true },
    );
    logger.log("info", "request", { n: 1 });
    logger.log("info", "request", { n: 2, detail: "batch-secret-1" });
    assert.equal(lines.length, 0, "info lines wait for their batch");
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).n),
      [1, 2],
    );
    assert.ok(!lines.join().includes("batch-secret-1"));
    assert.equal(writes.length, 1, "a batch is one write");
    logger.log("info", "request", { n: 3 });
    logger.log("warn", "upstream failed", { n: 4 });
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).n),
      [1, 2, 3, 4],
      "a warning goes out at once, after the lines logged before it",
    );
    logger.log("debug", "dropped");
    logger.log("info", "request", { n: 5 });
    logger.flush();
    assert.equal(JSON.parse(lines.at(-1) ?? "").n, 5, "flush() writes what waits");
    assert.equal(lines.length, 5, "debug is below the default level");
  });

  it("writes the access lines of a server's requests soon after, and on close", async () => {
    const lines: string[] = [];
    const server = await startNodeServer({
      env: { BFF_SANDBOX: "1" },
      port: 0,
      deps: { logSink: (text) => lines.push(...text.split("\n")) },
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await fetch(`${server.url}/health`)).headers.get("x-request-id") ?? "");
    await server.close();
    assert.deepEqual(
      lines
        .map((line) => JSON.parse(line))
        .filter((line) => line.message === "request")
        .map((line) => line.requestId),
      ids,
    );
  });

  it("answers unknown routes with a 404 problem", async () => {
    const response = await sandboxBff().get("/v2/anything");
    assert.equal(response.status, 404);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
  });
});
