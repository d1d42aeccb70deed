/**
 * Filters THRON cannot combine in one search (a second and third key with several values each):
 * the BFF checks them itself, and an item must match every one of them, as it must THRON's.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage } from "@embedkit/contracts";
import { createSandbox, THRON_SANDBOX } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { thronSimulatorEnv } from "./helpers.ts";

const HOST = "https://thron.simulated";

/** A BFF for a real tenant, on the simulator, offering three of its metadata keys as filters. */
function bffWithThreeFilters() {
  const sandbox = createSandbox({ baseUrl: HOST });
  const base = `${HOST}/thron`;
  const config = loadConfig({
    ...thronSimulatorEnv(base),
    THRON_CLASSIFICATION_ID: THRON_SANDBOX.classificationId,
    THRON_FILTER_KEYS: "season,topic,licence",
  });
  const { app } = createApp(config, {
    publicUrl: "https://bff.example",
    logSink: () => {},
    fetch: async (input, init) => sandbox.app.fetch(new Request(input, init)),
  });
  const metadataOf = (id: string) => sandbox.thron.catalogue.byId.get(id)?.imetadata.map((m) => `${m.key}=${m.value}`) ?? [];
  return { get: (path: string) => app.request(`https://bff.example${path}`), metadataOf };
}

describe("filters THRON cannot combine", () => {
  it("ANDs every key with several values: each item shown matches a value of each key", async () => {
    const bff = bffWithThreeFilters();
    const query = [
      "filter.season=winter&filter.season=summer", // THRON's haveAtLeastOne
      "filter.topic=food&filter.topic=city", // left to the BFF
      "filter.licence=royalty-free&filter.licence=editorial", // left to the BFF, and every item has one
    ].join("&");
    const response = await bff.get(`/v1/thron/galleries/default/assets?limit=50&${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    const page = AssetPage.parse(await response.json());
    assert.ok(page.items.length > 0, "the sandbox holds such items");
    for (const { id } of page.items) {
      const metadata = bff.metadataOf(id);
      assert.ok(metadata.includes("season=winter") || metadata.includes("season=summer"), metadata.join());
      assert.ok(metadata.includes("topic=food") || metadata.includes("topic=city"), `an item outside the topics: ${metadata.join()}`);
    }
  });
});
