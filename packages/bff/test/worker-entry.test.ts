/**
 * The Cloudflare Workers entry (runtime/worker.ts) as the platform calls it, here on Node: its
 * answer while misconfigured, the variables it reads from the Worker's env (wrangler.toml's
 * `[vars]` numbers and booleans included, bindings left out), the client address Cloudflare gives, its public
 * URL, and answers never encoded twice. `pnpm check:runtimes` runs it in workerd itself. The
 * entry builds its app once per isolate, so these tests run in order on one module.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import worker from "../src/runtime/worker.ts";

const call = (path: string, env: Record<string, unknown>, headers: Record<string, string> = {}) =>
  worker.fetch(new Request(`https://bff.example${path}`, { headers }), env, {});

describe("the Workers entry", () => {
  it("answers a 500 problem naming what is misconfigured, never a value, until the Worker is configured", async (t) => {
    const logged = t.mock.method(console, "error", () => {});
    const secret = "worker-secret-value-0123456789";
    // THRON_GALLERIES as a [vars] table, which the Worker gets as an object: read as its JSON.
    const galleries = { sport: { folderId: "folder-1", pkey: "pkey-1" } };
    const response = await call("/health", {
      THRON_CLIENT_SECRET: secret,
      BFF_SANDBOX: "0",
      ALLOWED_ORIGINS: "*",
      THRON_GALLERIES: galleries,
    });
    assert.equal(response.status, 500);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    const problem = (await response.json()) as { type: string; title: string; status: number; detail: string };
    assert.deepEqual(
      { ...problem, detail: problem.detail.split("; ") },
      {
        type: "https://embedkit.dev/problems/configuration",
        title: "The BFF is misconfigured",
        status: 500,
        detail: [
          "THRON is partly configured: set THRON_TENANT, THRON_CLIENT_ID, THRON_USERNAME (or unset THRON_CLIENT_SECRET)",
          "ALLOWED_ORIGINS may be * only in sandbox mode: list the sites that embed the elements",
        ],
      },
    );
    const printed = logged.mock.calls.map((c) => String(c.arguments[0])).join("\n");
    assert.match(printed, /^Invalid configuration:\n {2}- /);
    assert.ok(!`${problem.detail}${printed}`.includes(secret), "no value of a secret");
  });

  const env = {
    BFF_SANDBOX: "1",
    PUBLIC_URL: "https://bff.example/",
    RATE_LIMIT_PER_MINUTE: 3, // a number, as wrangler.toml's [vars] may hold it
    TRUST_PROXY: true, // and a boolean: one proxy of the operator's in front of Cloudflare
    ASSETS: new (class Fetcher {
      fetch() {
        return new Response(null, { status: 404 });
      }
    })(), // a binding (an object of its own class), not a variable
  };

  it("builds once configured, reading a [vars] number as its text and leaving bindings out", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call("/v1/throughline/topics", env, { "cf-connecting-ip": "192.0.2.1" })).status);
    assert.deepEqual(statuses, [200, 200, 200, 429], "RATE_LIMIT_PER_MINUTE = 3");
    assert.equal((await call("/v1/throughline/topics", env, { "cf-connecting-ip": "192.0.2.2" })).status, 200, "counted per visitor");
  });

  it("reads a [vars] boolean: with TRUST_PROXY = true, a visitor is known by X-Forwarded-For", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const headers = { "x-forwarded-for": "198.51.100.7", "cf-connecting-ip": `203.0.113.${i + 1}` }; // the proxy's addresses
      statuses.push((await call("/v1/throughline/topics", env, headers)).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });

  it("writes PUBLIC_URL without its trailing slash into what it renders", async () => {
    const html = await (await call("/v1/render/throughline-helplines?country=US&limit=1", env)).text();
    assert.match(
      html,
      /<link rel="stylesheet" href="https:\/\/bff\.example\/v1\/render\/styles\/throughline-helplines\.[0-9a-f]{16}\.css">/,
    );
  });

  it("leaves compression to the platform: an answer the BFF would gzip goes out as it is", async () => {
    const response = await call("/openapi.json", env, { "accept-encoding": "gzip, br" });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-encoding"), null);
    assert.equal(((await response.json()) as { openapi: string }).openapi, "3.1.0");
  });
});
