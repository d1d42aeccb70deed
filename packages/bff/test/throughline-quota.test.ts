import assert from "node:assert/strict";
import { once } from "node:events";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { needsRedis, startRedis } from "../../../scripts/lib/redis-server.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";

const QUERIES = ["US", "NZ"].flatMap((country) =>
  ["", "&priority=true", "&topic=anxiety", "&topic=substance-use", "&topic=domestic-violence"].map((q) => `country=${country}${q}`),
);

describe("ThroughLine's quota with BFF_CACHE_URL", () => {
  it("keeps counting in process when Redis is unreachable: it fails closed, not open", needsRedis, async () => {
    const redis = await startRedis();
    const bff = await startNodeServer({
      env: { BFF_SANDBOX: "1", BFF_CACHE_URL: redis.url, THROUGHLINE_DAILY_QUOTA: "4" },
      port: 0,
      deps: { logSink: () => {} },
    });
    try {
      const get = (query: string) => fetch(`${bff.url}/v1/throughline/helplines?${query}`);
      assert.equal((await get("country=US")).status, 200); // countries and helplines: 2 calls counted in Redis
      redis.process.kill();
      await once(redis.process, "exit");
      const statuses: number[] = [];
      for (const query of QUERIES.slice(1)) statuses.push((await get(query)).status);
      const throughline = bff.sandbox?.throughline.stats;
      assert.equal(throughline?.apiCalls, 4, "no call past the daily quota");
      assert.ok(statuses.includes(503), `${statuses}`);
      const refused = await get("country=NZ&topic=grief-and-loss");
      assert.equal(Problem.parse(await refused.json()).title, "ThroughLine's daily quota is spent");
      const health = (await (await fetch(`${bff.url}/health`)).json()) as { quota: { throughline: { used: number } } };
      assert.equal(health.quota.throughline.used, 4);
    } finally {
      await bff.close();
      redis.process.kill();
    }
  });
});
