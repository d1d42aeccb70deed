/** BFF_CACHE_URL when Redis is away: at start, and under load. The BFF answers from memory and says so. */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Health } from "@embedkit/contracts";
import { freePort } from "../../../scripts/lib/loopback.ts";
import { needsRedis, startRedis } from "../../../scripts/lib/redis-server.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";

const ASSETS = "/v1/thron/galleries/default/assets?limit=6";

describe("Redis unreachable", () => {
  const stops: (() => unknown)[] = [];
  after(async () => {
    for (const stop of stops) await stop();
  });

  it("at start: serves from memory at once, says so in /health and one log line, and connects when Redis comes", needsRedis, async () => {
    const port = await freePort(); // nothing listens there yet
    const logs: string[] = [];
    const bff = await startNodeServer({
      env: { BFF_SANDBOX: "1", BFF_CACHE_URL: `redis://127.0.0.1:${port}` },
      port: 0,
      deps: { logSink: (lines) => logs.push(...lines.split("\n")) },
    });
    stops.push(() => bff.close());
    const first = await fetch(`${bff.url}${ASSETS}`);
    assert.equal(first.status, 200, "answers, not 503 starting");
    for (let i = 0; i < 5; i++) assert.equal((await fetch(`${bff.url}${ASSETS}`)).headers.get("x-cache"), "hit");
    assert.equal(bff.sandbox?.thron.stats.searches, 1, "the memory tier keeps answering what it loaded");
    const health = Health.parse(await (await fetch(`${bff.url}/health`)).json());
    assert.equal(health.sharedCache, "unavailable");
    assert.equal(health.status, "degraded");
    bff.logger.flush();
    const warnings = logs.filter((line) => line.includes("shared cache unavailable"));
    assert.equal(warnings.length, 1, logs.join("\n"));
    assert.match(warnings[0] ?? "", /answering from memory, retrying in the background/);

    const redis = (await startRedis(port)).process;
    stops.push(() => redis.kill());
    let state: string | undefined;
    // The client reconnects on its own schedule (backoff up to 5 s); wait for it, bounded.
    for (let i = 0; i < 150 && state !== "ready"; i++) {
      state = Health.parse(await (await fetch(`${bff.url}/health`)).json()).sharedCache;
      if (state !== "ready") await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(state, "ready");
  });

  it(
    "no request waits on a Redis that is away: latency in an outage stays within 2x of normal, and it comes back by itself",
    needsRedis,
    async (t) => {
      const { process: redis, url } = await startRedis();
      stops.push(() => redis.kill("SIGKILL"));
      const bff = await startNodeServer({ env: { BFF_SANDBOX: "1", BFF_CACHE_URL: url }, port: 0, deps: { logSink: () => {} } });
      stops.push(() => bff.close());
      const paths = [ASSETS, "/v1/throughline/topics"];
      /** Median time of 24 requests in a row; each must answer 200 (a hang fails after 5 s, not the whole run). */
      const median = async () => {
        const times: number[] = [];
        for (let i = 0; i < 24; i++) {
          const started = performance.now();
          const response = await fetch(`${bff.url}${paths[i % paths.length]}`, { signal: AbortSignal.timeout(5_000) });
          assert.equal(response.status, 200);
          await response.arrayBuffer();
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[12] as number;
      };
      /** The outage's median: a stall shows in every measure, a busy moment of a shared machine in one at most (up to three). */
      const inOutage = async (normal: number) => {
        let best = await median();
        for (let i = 1; i < 3 && best > 2 * normal; i++) best = Math.min(best, await median());
        return best;
      };
      const sharedCache = async () => Health.parse(await (await fetch(`${bff.url}/health`)).json()).sharedCache;
      await median(); // warm: answers cached, Redis connected
      const normalBefore = await median();
      redis.kill("SIGSTOP"); // Redis hangs: the connection stays open, nothing answers
      const hung = await inOutage(normalBefore);
      redis.kill("SIGCONT");
      for (let i = 0; i < 50 && (await sharedCache()) !== "ready"; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(await sharedCache(), "ready", "back by itself once Redis answers");
      const normalAfter = await median();
      redis.kill("SIGKILL"); // Redis gone: the client reconnects in the background
      await new Promise((resolve) => redis.once("exit", resolve));
      const gone = await inOutage(Math.max(normalBefore, normalAfter));
      const normal = Math.max(normalBefore, normalAfter);
      t.diagnostic(
        `median ms: normal ${normalBefore.toFixed(1)} / ${normalAfter.toFixed(1)}, Redis hung ${hung.toFixed(1)}, gone ${gone.toFixed(1)}`,
      );
      assert.ok(hung <= 2 * normal, `hung Redis: median ${hung.toFixed(1)} ms, normally ${normal.toFixed(1)} ms`);
      assert.ok(gone <= 2 * normal, `Redis gone: median ${gone.toFixed(1)} ms, normally ${normal.toFixed(1)} ms`);
    },
  );

  it("under load: an outage never multiplies upstream calls", needsRedis, async () => {
    const { process: redis, url } = await startRedis();
    const bff = await startNodeServer({
      env: { BFF_SANDBOX: "1", BFF_CACHE_URL: url },
      port: 0,
      deps: { logSink: () => {} },
    });
    stops.push(() => bff.close());
    const paths = [ASSETS, `${ASSETS}&type=video`, "/v1/thron/galleries/sport/assets?limit=4"];
    for (const path of paths) assert.equal((await fetch(`${bff.url}${path}`)).status, 200);
    const searches = bff.sandbox?.thron.stats.searches ?? 0;
    const details = bff.sandbox?.thron.stats.contentDetails ?? 0;
    redis.kill();
    await new Promise((resolve) => redis.once("exit", resolve));
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => fetch(`${bff.url}${paths[i % paths.length]}`)));
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
    assert.equal(bff.sandbox?.thron.stats.searches, searches, "no search went upstream");
    assert.equal(bff.sandbox?.thron.stats.contentDetails, details, "nor any content detail");
  });
});
