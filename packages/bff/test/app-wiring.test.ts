/**
 * What createApp (app.ts) wires together that only the whole app shows: where its log lines go
 * when the embedder names no sink, the warning a provider's standing problem logs, the sandbox's
 * media URLs following the page's origin on every page that shows them, the builder's galleries.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { THRON_SANDBOX, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { PUBLIC_URL, sandboxBff, THRON_SANDBOX_ENV } from "./helpers.ts";

describe("the app's log", () => {
  it("goes to the console (stdout) when the embedder gives no sink of its own", async (t) => {
    const printed = t.mock.method(console, "log", () => {});
    const { app } = createApp(loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL }), { publicUrl: PUBLIC_URL });
    const response = await app.request(`${PUBLIC_URL}/health`, { headers: { "x-request-id": "to-stdout-1" } });
    assert.equal(response.status, 200);
    const lines = printed.mock.calls.map((call) => JSON.parse(String(call.arguments[0])) as Record<string, unknown>);
    const access = lines.filter((line) => line.requestId === "to-stdout-1");
    assert.deepEqual(
      access.map(({ level, path, status }) => ({ level, path, status })),
      [{ level: "info", path: "/health", status: 200 }],
    );
  });

  it("writes the access lines of requests in a row in one write a moment later when asked to batch (server runtimes)", async () => {
    const writes: string[] = [];
    const { app } = createApp(loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL }), {
      publicUrl: PUBLIC_URL,
      logSink: (text) => writes.push(text),
      batchLogs: true,
    });
    for (const id of ["batch-1", "batch-2", "batch-3"]) {
      assert.equal((await app.request(`${PUBLIC_URL}/health`, { headers: { "x-request-id": id } })).status, 200);
    }
    assert.deepEqual(writes, [], "nothing written yet: the lines wait for their batch");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(writes.length, 1, writes.join("\n---\n"));
    const lines = (writes[0] ?? "").split("\n").map((line) => JSON.parse(line) as { requestId?: string });
    const ids = lines.flatMap(({ requestId }) => (requestId ? [requestId] : []));
    assert.deepEqual(ids, ["batch-1", "batch-2", "batch-3"], "the three requests' lines, in order, in that one write");
  });

  it("warns once of a provider's standing problem, naming the provider and what the operator must fix", async () => {
    const bff = sandboxBff({}, { ttl: { definitions: { freshMs: 0, staleMs: 0 } } });
    bff.thron.faults.revokeViewerRole = true;
    for (const _ of [1, 2]) assert.equal((await bff.get("/v1/thron/galleries/default")).status, 200);
    const role = `THRON_CLASS_${THRON_SANDBOX.classificationId}_VIEWER`;
    const warned = bff.logs
      .map((text) => JSON.parse(text) as { level: string; message: string; provider?: string })
      .filter((line) => line.message.includes("lacks the role"));
    assert.deepEqual(
      warned.map(({ level, message, provider }) => ({ level, message, provider })),
      [
        {
          level: "warn",
          message: `THRON: the user ${THRON_SANDBOX.username} lacks the role ${role}, so gallery filters are empty; ask the THRON Content Manager to grant ${role} to that user.`,
          provider: "thron",
        },
      ],
    );
  });
});

describe("sandbox media URLs without PUBLIC_URL", () => {
  const phone = "http://192.168.1.20:8787";

  for (const path of ["/", "/v1/render/thron-gallery?page-size=2"]) {
    it(`name the origin ${path} was opened at, not the guessed host`, async () => {
      const bff = sandboxBff({}, { publicUrlGuessed: true });
      const response = await bff.app.request(`${phone}${path}`);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.ok(html.includes(`${phone}/_sandbox/thron/`), "the sandbox's media at the page's origin");
      assert.ok(!html.includes(`${PUBLIC_URL}/_sandbox/`), "no media URL names the guessed host");
    });
  }
});

describe("server-rendered elements", () => {
  it("link their stylesheet at PUBLIC_URL when set, so a fragment pasted on another site's page still finds it; root-relative when it was only guessed", async () => {
    const linked = async (bff: ReturnType<typeof sandboxBff>) =>
      /<link rel="stylesheet" href="([^"]*)">/.exec(
        await (await bff.get("/v1/render/throughline-helplines?country=US&limit=1")).text(),
      )?.[1];
    const stylesheet = /\/v1\/render\/styles\/throughline-helplines\.[0-9a-f]{16}\.css$/;
    const set = (await linked(sandboxBff())) ?? "";
    assert.match(set, stylesheet);
    assert.equal(set.startsWith(`${PUBLIC_URL}/v1/render/styles/`), true, set);
    const guessed = (await linked(sandboxBff({}, { publicUrlGuessed: true }))) ?? "";
    assert.match(guessed, stylesheet);
    assert.equal(guessed.startsWith("/v1/render/styles/"), true, `no Host header written in: ${guessed}`);
  });

  it("fill the sandbox demo page: its first gallery, its filter bar and the helplines arrive with their shadow roots", async () => {
    const page = await (await sandboxBff().get("/")).text();
    const rendered = page.match(/<[a-z]+-[a-z-]+[^>]*><template shadowroot="open" shadowrootmode="open">/g) ?? [];
    assert.deepEqual(
      rendered.map((tag) => /^<([a-z-]+)/.exec(tag)?.[1]),
      ["thron-filter-bar", "thron-gallery", "throughline-helplines"],
    );
  });

  it("leave the demo page's THRON elements bare when THRON is too slow, instead of holding the page for them", async () => {
    const bff = sandboxBff();
    bff.thron.faults.latencyMs = 1_600; // each THRON call: a render needs several, the page waits 1.5 s
    const page = await (await bff.get("/")).text();
    const rendered = page.match(/<[a-z]+-[a-z-]+[^>]*><template shadowroot="open" shadowrootmode="open">/g) ?? [];
    assert.deepEqual(
      rendered.map((tag) => /^<([a-z-]+)/.exec(tag)?.[1]),
      ["throughline-helplines"],
      "ThroughLine's in time; the THRON bar and gallery render in the browser",
    );
    assert.match(page, /<thron-gallery id="gallery" page-size="12" sync-url[^>]*><\/thron-gallery>/);
  });
});

describe("the builder", () => {
  it("is served only where enabled: not outside sandbox mode unless BFF_BUILDER=1, not in sandbox mode with BFF_BUILDER=0", async () => {
    const thronOnly = (env: Record<string, string>) =>
      createApp(loadConfig({ ...THRON_SANDBOX_ENV, ...env }), { publicUrl: "https://bff.example", logSink: () => {} }).app;
    assert.equal((await thronOnly({}).request("https://bff.example/builder")).status, 404);
    assert.equal((await thronOnly({ BFF_BUILDER: "1" }).request("https://bff.example/builder")).status, 200);
    assert.equal((await sandboxBff({ BFF_BUILDER: "0" }).get("/builder")).status, 404);
    assert.equal((await sandboxBff().get("/builder")).status, 200);
  });

  it("offers no gallery when THRON is not configured (BFF_BUILDER=1 with ThroughLine alone)", async () => {
    const config = loadConfig({
      THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
      THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
      BFF_BUILDER: "1",
    });
    const { app } = createApp(config, { publicUrl: "https://bff.example", logSink: () => {} });
    const response = await app.request("https://bff.example/builder");
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<embedkit-builder public-url="https:\/\/bff\.example" galleries="\[\]">/);
  });
});
