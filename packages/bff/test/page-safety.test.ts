/** What the BFF's own pages and error answers tell browsers and caches, and how long its server holds a slow client. */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { describe, it } from "node:test";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { sandboxBff } from "./helpers.ts";

const cspOf = (response: Response) => {
  const header = response.headers.get("content-security-policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...values]) => [name, values]),
  );
};

describe("pages and error answers", () => {
  it("/ (the demo) has a Content-Security-Policy with no inline script, and its own script is a file", async () => {
    const bff = sandboxBff();
    const page = await bff.get("/");
    const csp = cspOf(page);
    assert.deepEqual(csp.get("script-src"), ["'self'"]);
    assert.deepEqual(csp.get("frame-ancestors"), ["'none'"]);
    const html = await page.text();
    // The server-rendered elements' data blocks (type="application/json") never run.
    assert.doesNotMatch(html, /<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>/, "no inline script");
    assert.equal((await bff.get("/demo.js")).status, 200);
  });

  it("/docs runs Swagger UI from this origin (the npm package) under a CSP, nothing from a CDN", async () => {
    const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
    try {
      const page = await fetch(`${server.url}/docs`);
      const csp = cspOf(page);
      assert.deepEqual(csp.get("script-src"), ["'self'"]);
      assert.deepEqual(csp.get("default-src"), ["'none'"]);
      const html = await page.text();
      const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
      assert.ok(sources.length >= 3);
      for (const source of sources) {
        assert.match(source, /^\/docs\//, `same origin: ${source}`);
        const asset = await fetch(`${server.url}${source}`);
        assert.equal(asset.status, 200, source);
        await asset.arrayBuffer();
      }
      assert.match(await (await fetch(`${server.url}/docs/swagger-ui-bundle.js`)).text(), /SwaggerUIBundle/);
    } finally {
      await server.close();
    }
  });

  it("404 problems, and every other problem, carry Cache-Control: no-store", async () => {
    const bff = sandboxBff();
    for (const path of ["/no-such-route", "/v1/thron/galleries/nope", "/v1/thron/galleries/default/assets?limit=0"]) {
      const response = await bff.get(path);
      assert.ok(response.status >= 400, path);
      assert.equal(response.headers.get("cache-control"), "no-store", path);
    }
  });
});

describe("the Node server's timeouts", () => {
  it("drops a client that sends its headers and then holds the body back", async () => {
    const server = await startNodeServer({
      env: { BFF_SANDBOX: "1" },
      port: 0,
      deps: { logSink: () => {} },
      timeouts: { headersMs: 200, requestMs: 300, checkEveryMs: 50 },
    });
    try {
      const { port } = new URL(server.url);
      const answer = await new Promise<string>((resolve) => {
        let received = "";
        const socket = connect(Number(port), "127.0.0.1", () => {
          socket.write(
            "POST /v1/throughline/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
          );
        });
        socket.on("data", (chunk) => {
          received += chunk;
        });
        socket.on("close", () => resolve(received));
      });
      assert.match(answer, /^HTTP\/1\.1 408/, "the server gave up on the request");
    } finally {
      await server.close();
    }
  });
});
