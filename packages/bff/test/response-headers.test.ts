/** The headers every answer carries (http/response-headers.ts), however the answer was built. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Hono, type MiddlewareHandler } from "hono";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { responseHeaders } from "../src/http/response-headers.ts";
import { ASSETS, bundleOf, PUBLIC_URL, sandboxBff } from "./helpers.ts";

/** A bundle with an entry, an element and a chunk big enough to be compressed ahead of time. */
function bundle() {
  return bundleOf({
    "components.js": 'import "./chunks/a-1.js";\n',
    "thron-gallery.js": 'import "./chunks/a-1.js";\n',
    "chunks/a-1.js": `export const words = ${JSON.stringify("lorem ipsum ".repeat(1_000))};\n`,
  });
}

/** Every kind of answer the BFF gives: each /v1 route (cached or not, compressed or not), its pages, files and problems. */
async function everyAnswer(bff: ReturnType<typeof sandboxBff>, metricsToken: string) {
  const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
    method,
    headers: { "content-type": "application/json", origin: PUBLIC_URL, ...headers },
    body: JSON.stringify(body),
  });
  const gzip = { headers: { "accept-encoding": "gzip" } };
  const page = (await (await bff.get(`${ASSETS}?limit=24`)).json()) as { items: { id: string; thumbnail: { url: string } }[] };
  const first = page.items[0];
  assert.ok(first);
  const helplines = (await (await bff.get("/v1/throughline/helplines?country=US")).json()) as { helplines: { id: string }[] };
  const answers: [string, number, () => Response | Promise<Response>][] = [
    ["assets page, first time", 200, () => bff.get(`${ASSETS}?limit=6`)],
    ["assets page, cached", 200, () => bff.get(`${ASSETS}?limit=24`)],
    ["assets page, cached and gzipped", 200, () => bff.get(`${ASSETS}?limit=24`, gzip)],
    ["gallery", 200, () => bff.get("/v1/thron/galleries/default")],
    ["asset", 200, () => bff.get(`${ASSETS}/${first.id}`)],
    ["Thunder launch", 200, () => bff.get("/v1/thunder/launch", json("POST", { method: "stats", ids: ["1"] }))],
    ["countries", 200, () => bff.get("/v1/throughline/countries")],
    ["topics", 200, () => bff.get("/v1/throughline/topics")],
    ["helplines", 200, () => bff.get("/v1/throughline/helplines?country=US")],
    [
      "helpline event",
      202,
      () => bff.get("/v1/throughline/events", json("POST", { type: "display", helplineId: helplines.helplines[0]?.id, sessionId: "s1" })),
    ],
    [
      "preflight",
      204,
      () => bff.get(ASSETS, { method: "OPTIONS", headers: { origin: PUBLIC_URL, "access-control-request-method": "GET" } }),
    ],
    ["health", 200, () => bff.get("/health")],
    ["demo page", 200, () => bff.get("/")],
    ["demo script", 200, () => bff.get("/demo.js")],
    ["bundle entry", 200, () => bff.get("/components.js")],
    ["element entry", 200, () => bff.get("/thron-gallery.js")],
    ["chunk, compressed ahead", 200, () => bff.get("/chunks/a-1.js", gzip)],
    ["chunk, as is", 200, () => bff.get("/chunks/a-1.js")],
    ["API docs", 200, () => bff.get("/docs")],
    ["API docs script", 200, () => bff.get("/docs/init.js")],
    ["Swagger UI", 200, () => bff.get("/docs/swagger-ui.css")],
    ["OpenAPI", 200, () => bff.get("/openapi.json")],
    ["OpenAPI, compressed on the way", 200, () => bff.get("/openapi.json", gzip)],
    ["builder", 200, () => bff.get("/builder")],
    ["builder origin check", 200, () => bff.get("/builder/origin?origin=https://a.example")],
    ["metrics", 200, () => bff.get("/metrics", { headers: { authorization: `Bearer ${metricsToken}` } })],
    ["sandbox thumbnail", 200, () => bff.get(new URL(first.thumbnail.url).pathname)],
    ["unknown route", 404, () => bff.get("/v2/anything")],
    ["invalid query", 400, () => bff.get(`${ASSETS}?limit=500`)],
    ["unknown gallery", 404, () => bff.get("/v1/thron/galleries/nope/assets")],
    ["body not JSON", 415, () => bff.get("/v1/thunder/launch", { ...json("POST", {}), headers: { "content-type": "text/plain" } })],
    ["body too large", 413, () => bff.get("/v1/thunder/launch", json("POST", { ids: ["x".repeat(9_000)] }))],
    ["metrics without a token", 401, () => bff.get("/metrics")],
  ];
  const settled: [string, number, Response][] = [];
  // One at a time, in order, as a page would send them.
  for (const [what, status, send] of answers) settled.push([what, status, await send()]);
  bff.thron.faults.errorRate = 1;
  settled.push(["upstream failure", 502, await bff.get(`${ASSETS}?limit=7`)]);
  bff.thron.faults.errorRate = 0;
  let limited = await bff.get("/health");
  for (let i = 0; i < 200 && limited.status !== 429; i++) limited = await bff.get(`${ASSETS}?limit=24`);
  settled.push(["rate limited", 429, limited]);
  return settled;
}

describe("response headers", () => {
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

  it("carries headers a plain middleware sets with c.header() on every answer, whoever built it", async () => {
    const plain: MiddlewareHandler = async (c, next) => {
      c.header("x-a", "1");
      c.header("x-cache", "set-by-middleware"); // a handler that chose its own keeps it
      c.header("x-removed", "soon");
      c.header("x-removed", undefined);
      await next();
    };
    const metricsToken = "headers-test-metrics-token-0123456789";
    const bff = sandboxBff(
      { METRICS_TOKEN: metricsToken, RATE_LIMIT_PER_MINUTE: "60" },
      {
        middleware: [plain],
        staticFiles: bundle(),
        swaggerUi: { css: new TextEncoder().encode("body{}"), js: new TextEncoder().encode("window.x=1;") },
        metrics: createPrometheusMetrics,
      },
    );
    for (const [what, status, response] of await everyAnswer(bff, metricsToken)) {
      assert.equal(response.status, status, what);
      assert.equal(response.headers.get("x-a"), "1", what);
      assert.equal(response.headers.get("x-removed"), null, what);
      assert.equal(response.headers.get("x-content-type-options"), "nosniff", what);
      if (what.includes("cached")) assert.equal(response.headers.get("x-cache"), "hit", `${what}: the handler's own header wins`);
    }
  });

  it("keeps both values of a header a middleware appends, on answers built by respond() or a mounted app too", async () => {
    const trace: MiddlewareHandler = async (c, next) => {
      c.header("x-trace", "edge");
      c.header("x-trace", "app", { append: true });
      c.header("x-trace", "cdn", { append: true });
      // Setting another header afterwards leaves what was appended to this one.
      c.header("x-region", "eu");
      await next();
    };
    const bff = sandboxBff({}, { middleware: [trace], staticFiles: bundle() });
    await bff.get(`${ASSETS}?limit=24`);
    // The sandbox is a mounted app, whose answers Hono does not build.
    for (const path of [`${ASSETS}?limit=24`, "/components.js", "/health", "/_sandbox/_admin/state"]) {
      const response = await bff.get(path);
      assert.equal(response.headers.get("x-trace"), "edge, app, cdn", path);
      assert.equal(response.headers.get("x-region"), "eu", path);
    }
  });

  it("carries what a middleware set last: a cookie set again replaces the first, a header removed after an append is gone", async () => {
    const changes: MiddlewareHandler = async (c, next) => {
      c.header("set-cookie", "a=1; Path=/");
      c.header("set-cookie", "b=2; Path=/");
      c.header("x-trace", "edge");
      c.header("x-trace", "app", { append: true });
      c.header("x-trace", undefined);
      await next();
    };
    const bff = sandboxBff({}, { middleware: [changes], staticFiles: bundle() });
    await bff.get(`${ASSETS}?limit=24`);
    for (const path of [`${ASSETS}?limit=24`, "/components.js", "/health", "/_sandbox/_admin/state"]) {
      const response = await bff.get(path);
      assert.deepEqual(response.headers.getSetCookie(), ["b=2; Path=/"], path);
      assert.equal(response.headers.get("x-trace"), null, path);
    }
  });

  it("carries cookies a middleware appends, on answers built by respond() or a mounted app too", async () => {
    const cookies: MiddlewareHandler = async (c, next) => {
      c.header("set-cookie", "a=1; Path=/");
      c.header("set-cookie", "b=2; Path=/", { append: true });
      await next();
    };
    const bff = sandboxBff({}, { middleware: [cookies], staticFiles: bundle() });
    await bff.get(`${ASSETS}?limit=24`);
    for (const path of [`${ASSETS}?limit=24`, "/components.js", "/health", "/_sandbox/_admin/state"]) {
      const response = await bff.get(path);
      assert.deepEqual(response.headers.getSetCookie(), ["a=1; Path=/", "b=2; Path=/"], path);
      if (path === `${ASSETS}?limit=24`)
        assert.equal(response.headers.get("vary"), "Origin, Accept-Encoding", "the handler's own header wins over the edge's");
      assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
    }
  });
});
