import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage, Gallery } from "@embedkit/contracts";
import { createSandbox, THRON_SANDBOX } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { thronVendorEnv } from "./standalone-sandbox.ts";

/** The BFF configured as an operator would for a real tenant, talking to THRON's simulator over `fetch`. */
function configuredBff() {
  const thronHost = "https://thron.simulated";
  const sandbox = createSandbox({ baseUrl: thronHost });
  const env = {
    ...thronVendorEnv(thronHost),
    THRON_FILTER_KEYS: "topic,season",
    THRON_GALLERIES: JSON.stringify({
      sport: { folderId: THRON_SANDBOX.sportFolderId, pkey: THRON_SANDBOX.sportPkey, filterKeys: ["season"] },
    }),
    ALLOWED_ORIGINS: "https://www.host.example",
  };
  const upstreamUrls: string[] = [];
  const config = loadConfig(env);
  const { app } = createApp(config, {
    publicUrl: "https://bff.example",
    logSink: () => {},
    fetch: async (input, init) => {
      const request = new Request(input, init);
      upstreamUrls.push(request.url);
      return sandbox.app.fetch(request);
    },
  });
  return { app, config, sandbox, upstreamUrls, get: (path: string) => app.request(`https://bff.example${path}`) };
}

describe("the BFF configured for a real tenant", () => {
  it("answers a 502 naming THRON, not a 500, when THRON does not know the tenant", async () => {
    const sandbox = createSandbox({ baseUrl: "https://thron.simulated" });
    const config = loadConfig({ ...thronVendorEnv("https://thron.simulated"), THRON_TENANT: "wrongtenant" });
    const { app } = createApp(config, {
      publicUrl: "https://bff.example",
      logSink: () => {},
      fetch: async (i, init) => sandbox.app.fetch(new Request(i, init)),
    });
    const response = await app.request("https://bff.example/v1/thron/galleries/default/assets");
    assert.equal(response.status, 502);
    const problem = (await response.json()) as { title: string; detail: string };
    assert.equal(problem.title, "THRON answered with an error");
    assert.match(problem.detail, /status 418 with result INVALID_CLIENTID/);
  });

  it("is not in sandbox mode: no /_sandbox, no demo page", async () => {
    const bff = configuredBff();
    assert.equal(bff.config.sandbox, false);
    assert.equal((await bff.get("/_sandbox/_admin/state")).status, 404);
    assert.equal((await bff.get("/")).status, 404);
    const health = (await (await bff.get("/health")).json()) as { sandbox: boolean; providers: { thron: string } };
    assert.deepEqual([health.sandbox, health.providers.thron], [false, "ready"]);
  });

  it("serves every configured gallery with its own filters, through the configured THRON hosts", async () => {
    const bff = configuredBff();
    const main = Gallery.parse(await (await bff.get("/v1/thron/galleries/default")).json());
    assert.deepEqual(
      main.filters.map((f) => f.key),
      ["topic", "season"],
    );
    assert.equal(main.player.scriptUrl, "https://thron.simulated/thron/shared/ce/bootstrap/1/scripts/embeds-min.js");
    const sport = Gallery.parse(await (await bff.get("/v1/thron/galleries/sport")).json());
    assert.equal(sport.player.sessId, THRON_SANDBOX.sportPkey);
    const page = AssetPage.parse(await (await bff.get("/v1/thron/galleries/sport/assets?limit=50&filter.season=winter")).json());
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((a) => a.thumbnail.url.includes(`/${THRON_SANDBOX.sportPkey}/std/`)));
    assert.ok(bff.upstreamUrls.every((url) => url.startsWith("https://thron.simulated/thron/")));
    assert.ok(
      bff.upstreamUrls.every((url) => !url.includes(THRON_SANDBOX.clientSecret)),
      "the secret travels in bodies only",
    );
  });
});
