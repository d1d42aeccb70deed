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
import { PUBLIC_URL, sandboxBff } from "./helpers.ts";

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

describe("the builder", () => {
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
