import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { createClient } from "@redis/client";
import { hasRedis, needsRedis, PATIENT_WITH_REDIS, startRedis } from "../../../scripts/lib/redis-server.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { issueTicket } from "./tickets.ts";

describe("BFF_CACHE_URL: two instances, one Redis", () => {
  let redis: ChildProcess;
  let cacheUrl = "";
  let a: Awaited<ReturnType<typeof startNodeServer>>;
  let b: Awaited<ReturnType<typeof startNodeServer>>;
  const logs: string[] = [];

  before(async () => {
    if (!hasRedis) return;
    const started = await startRedis();
    redis = started.process;
    cacheUrl = started.url;
    const env = { BFF_SANDBOX: "1", BFF_CACHE_URL: cacheUrl };
    a = await startNodeServer({ env, port: 0, deps: { logSink: (l) => logs.push(l), ...PATIENT_WITH_REDIS } });
    b = await startNodeServer({ env, port: 0, deps: { logSink: (l) => logs.push(l), ...PATIENT_WITH_REDIS } });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    redis?.kill();
  });

  it("the second instance answers from the shared cache without calling its upstream", needsRedis, async () => {
    const path = "/v1/thron/galleries/default/assets?limit=7&type=video";
    const first = await fetch(`${a.url}${path}`);
    assert.equal(first.headers.get("x-cache"), "miss");
    const second = await fetch(`${b.url}${path}`);
    assert.equal(second.headers.get("x-cache"), "hit");
    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
    assert.deepEqual(ids((await second.json()) as { items: { id: string }[] }), ids((await first.json()) as { items: { id: string }[] }));
    assert.equal(b.sandbox?.thron.stats.searches, 0, "instance B never searched THRON");
    assert.equal(b.sandbox?.thron.stats.tokenRequests, 0, "nor even logged in");
  });

  it("spends one ThroughLine quota between them and shares helpline answers", needsRedis, async () => {
    await fetch(`${a.url}/v1/throughline/helplines?country=US&topic=anxiety`); // countries, topics, helplines
    await fetch(`${b.url}/v1/throughline/helplines?country=NZ&topic=anxiety`); // helplines only: the lists are shared
    await fetch(`${b.url}/v1/throughline/helplines?country=US&topic=anxiety`);
    assert.equal(b.sandbox?.throughline.stats.apiCalls, 1, "B called ThroughLine for NZ's helplines only");
    const health = (await (await fetch(`${b.url}/health`)).json()) as { quota: { throughline: { used: number } } };
    assert.equal(health.quota.throughline.used, 4, "A's calls and B's, counted once each, in one place");
  });

  it("lets a Thunder launch ticket work once across two instances", needsRedis, async () => {
    const secret = "shared-cache-test-ticket-secret-0123";
    const env = { BFF_SANDBOX: "1", BFF_CACHE_URL: cacheUrl, THUNDER_TICKET_SECRET: secret };
    const one = await startNodeServer({ env, port: 0, deps: { logSink: () => {}, ...PATIENT_WITH_REDIS } });
    const two = await startNodeServer({ env, port: 0, deps: { logSink: () => {}, ...PATIENT_WITH_REDIS } });
    try {
      const ticket = await issueTicket(secret, { sub: "user-7" });
      const launch = (url: string) =>
        fetch(`${url}/v1/thunder/launch`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ method: "stats", ids: ["1"], ticket }),
        });
      assert.equal((await launch(one.url)).status, 200);
      const replay = await launch(two.url);
      assert.equal(replay.status, 401);
      assert.match(((await replay.json()) as { detail: string }).detail, /already used/);
      assert.equal(two.sandbox?.thunder.stats.tokenRequests, 0, "the second instance minted no Thunder token for the replay");
    } finally {
      await one.close();
      await two.close();
    }
  });

  it(
    "keeps its keys under embedkit:, an answer as long as it may be served stale, a quota's hour for a day and an hour",
    needsRedis,
    async () => {
      const redis = createClient({ url: cacheUrl });
      await redis.connect();
      try {
        const keys = await redis.keys("*");
        assert.deepEqual(
          keys.filter((key) => !key.startsWith("embedkit:")),
          [],
        );
        const ttl = async (pattern: RegExp) => {
          const key = keys.find((k) => pattern.test(k));
          assert.ok(key, `a key like ${pattern}`);
          return redis.pTTL(key);
        };
        const searchTtl = await ttl(/\|thron:search:/);
        assert.ok(searchTtl > 10 * 60_000 && searchTtl <= 11 * 60_000, `a search: fresh 1 min, then stale 10 min (${searchTtl} ms left)`);
        const quotaTtl = await ttl(/\|quota:throughline:\d+$/);
        assert.ok(quotaTtl > 24 * 3_600_000 && quotaTtl <= 25 * 3_600_000, `a quota hour (${quotaTtl} ms left)`);
      } finally {
        await redis.close();
      }
    },
  );

  it("keeps answering from the upstreams when Redis goes away", needsRedis, async () => {
    redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const response = await fetch(`${a.url}/v1/thron/galleries/default/assets?limit=9`);
    assert.equal(response.status, 200);
    assert.ok(performance.now() - started < 2_000, "no request waits for Redis to come back");
    assert.ok(logs.some((l) => l.includes("shared cache unavailable")));
    assert.ok(
      logs.every((l) => !l.includes(cacheUrl)),
      "the cache URL (it may hold a password) is never logged",
    );
  });
});
