/** BFF_CACHE_URL when Redis is away: at start, and under load. The BFF answers from memory and says so. */
import assert from "node:assert/strict";
import { once } from "node:events";
import { type AddressInfo, connect as connectTcp, createServer, type Socket } from "node:net";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Health } from "@embedkit/contracts";
import { createClient } from "@redis/client";
import { freePort } from "../../../scripts/lib/loopback.ts";
import { needsRedis, startRedis } from "../../../scripts/lib/redis-server.ts";
import { createLogger } from "../src/core/logger.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { MemoryTier } from "../src/stores/memory-tier.ts";
import { connectRedis } from "../src/stores/redis.ts";
import { MemoryStore } from "../src/upstream/cache.ts";
import { manualClock } from "./clock.ts";

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
      if (state !== "ready") await sleep(100);
    }
    assert.equal(state, "ready");
  });

  it(
    "no request hangs on a Redis that is away, hung or gone: 24 in a row answer in seconds, not one wait each; and it comes back by itself",
    needsRedis,
    async (t) => {
      const { process: redis, url } = await startRedis();
      stops.push(() => redis.kill("SIGKILL"));
      const bff = await startNodeServer({ env: { BFF_SANDBOX: "1", BFF_CACHE_URL: url }, port: 0, deps: { logSink: () => {} } });
      stops.push(() => bff.close());
      const paths = [ASSETS, "/v1/throughline/topics"];
      /**
       * 24 requests in a row, each answering 200 (a hang fails after 5 s, not the whole run): how
       * long they took in all. The ratio to normal latency is `pnpm bench:fleet`'s to measure, not a
       * test's on a shared machine; this bound catches a request path that waits on Redis.
       */
      const inARow = async () => {
        const started = performance.now();
        for (let i = 0; i < 24; i++) {
          const response = await fetch(`${bff.url}${paths[i % paths.length]}`, { signal: AbortSignal.timeout(5_000) });
          assert.equal(response.status, 200);
          await response.arrayBuffer();
        }
        return performance.now() - started;
      };
      const sharedCache = async () => Health.parse(await (await fetch(`${bff.url}/health`)).json()).sharedCache;
      await inARow(); // warm: answers cached, Redis connected
      redis.kill("SIGSTOP"); // Redis hangs: the connection stays open, nothing answers
      const hung = await inARow();
      redis.kill("SIGCONT");
      for (let i = 0; i < 50 && (await sharedCache()) !== "ready"; i++) await sleep(100);
      assert.equal(await sharedCache(), "ready", "back by itself once Redis answers");
      redis.kill("SIGKILL"); // Redis gone: the client reconnects in the background
      await new Promise((resolve) => redis.once("exit", resolve));
      const gone = await inARow();
      t.diagnostic(`24 requests in a row: Redis hung ${hung.toFixed(0)} ms, gone ${gone.toFixed(0)} ms`);
      // A command gives up after 50 ms (a second at most while this process is busy), and a hung
      // Redis is then refused at once for a second: a few such waits in all. Waiting on Redis
      // itself, the first request would hang past its 5 s.
      assert.ok(hung < 10_000, `hung Redis: 24 requests took ${hung.toFixed(0)} ms`);
      assert.ok(gone < 10_000, `Redis gone: 24 requests took ${gone.toFixed(0)} ms`);
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

describe("the Redis stores themselves", () => {
  const stops: (() => unknown)[] = [];
  after(async () => {
    for (const stop of stops.reverse()) await stop(); // the stores closed before their Redis stops
  });
  /** The stores on `url`, their log lines in `lines`; patient, as a loaded test machine needs. */
  const connect = async (url: string, lines: string[] = [], commandBudgetMs = 2_000) => {
    const stores = await connectRedis(
      url,
      createLogger((text) => lines.push(...text.split("\n")), []),
      { commandBudgetMs },
    );
    stops.push(stores.close);
    return stores;
  };
  /** Keeps this process busy (the event loop blocked) for `ms`. */
  const busyFor = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };
  const said = (lines: string[], text: string) => lines.filter((line) => line.includes(text)).length;

  it(
    "the fleet lock: one holder per key, its lease runs out in Redis, and a holder past its lease frees nothing of the next one's",
    needsRedis,
    async () => {
      const redis = await startRedis();
      stops.push(() => redis.process.kill());
      const [one, two] = [await connect(redis.url), await connect(redis.url)];
      const first = await one.lock.acquire("k", 300);
      assert.equal(first.held, true);
      assert.equal((await two.lock.acquire("k", 300)).held, false, "another instance waits for the holder");
      assert.equal((await two.lock.acquire("other", 300)).held, true, "a lock holds its own key only");
      await sleep(400);
      const second = await two.lock.acquire("k", 60_000);
      assert.equal(second.held, true, "free once the lease ran out, as after a holder that crashed");
      await first.release();
      assert.equal((await one.lock.acquire("k", 60_000)).held, false, "the first holder's late release freed nothing");
      await second.release();
      assert.equal((await one.lock.acquire("k", 60_000)).held, true, "its holder's release frees it at once");
    },
  );

  it(
    "with Redis away: a miss, a lock each instance holds alone, counters that fail, and one warning for all of it",
    needsRedis,
    async () => {
      const lines: string[] = [];
      const away = await connect(`redis://127.0.0.1:${await freePort()}`, lines);
      assert.equal(away.state(), "unavailable");
      const entry = { value: "answer", freshUntil: Date.now() + 60_000, staleUntil: Date.now() + 60_000 };
      await away.cache.set("k", entry);
      assert.equal(await away.cache.get("k"), undefined);
      const taken = await away.lock.acquire("k", 1_000);
      assert.equal(taken.held, true, "no instance waits on a lock Redis cannot give");
      await taken.release();
      await assert.rejects(away.counters.increment("quota:t:1", 1_000));
      await assert.rejects(away.counters.read(["quota:t:1"]));
      assert.equal(said(lines, "shared cache unavailable"), 1, lines.join("\n"));
    },
  );

  it("says once that Redis came back, and warns again at once when it goes away again", needsRedis, async () => {
    const port = await freePort();
    const lines: string[] = [];
    const stores = await connect(`redis://127.0.0.1:${port}`, lines);
    assert.equal(said(lines, "shared cache unavailable"), 1);
    let redis = await startRedis(port);
    stops.push(() => redis.process.kill());
    for (let i = 0; i < 100 && stores.state() !== "ready"; i++) await sleep(100);
    assert.equal(stores.state(), "ready");
    assert.equal(said(lines, "shared cache connected"), 1);
    redis.process.kill();
    await once(redis.process, "exit");
    for (let i = 0; i < 50 && said(lines, "shared cache unavailable") < 2; i++) await sleep(100);
    assert.equal(said(lines, "shared cache unavailable"), 2, "a new outage is told at once, not a minute after the last");
    redis = await startRedis(port);
    for (let i = 0; i < 100 && said(lines, "shared cache connected") < 2; i++) await sleep(100);
    assert.equal(said(lines, "shared cache connected"), 2);
  });

  it("a start with Redis answering says where it is, and nothing of reconnecting", needsRedis, async () => {
    const redis = await startRedis();
    stops.push(() => redis.process.kill());
    const lines: string[] = [];
    const stores = await connect(redis.url, lines);
    assert.equal(stores.state(), "ready");
    await stores.cache.set("k", { value: 1, freshUntil: Date.now() + 1_000, staleUntil: Date.now() + 1_000 });
    assert.equal((await stores.cache.get<number>("k"))?.value, 1);
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).message),
      [`shared store: Redis at ${redis.url}`],
    );
  });

  it(
    "the memory tier: a fresh answer held here costs Redis nothing, a stale one is taken from Redis when another instance refreshed it",
    needsRedis,
    async () => {
      const redis = await startRedis();
      stops.push(() => redis.process.kill());
      const stores = await connect(redis.url);
      const inspect = createClient({ url: redis.url });
      await inspect.connect();
      stops.push(() => inspect.close());
      const gets = async () => Number(/cmdstat_get:calls=(\d+)/.exec(await inspect.info("commandstats"))?.[1] ?? 0);
      const clock = manualClock(Date.now());
      const [a, b] = [1, 2].map(() => new MemoryTier(stores.cache, new MemoryStore(), clock.now)) as [MemoryTier, MemoryTier];
      const entry = (value: number) => ({ value, freshUntil: clock.now() + 1_000, staleUntil: clock.now() + 60_000 });
      const asked = await gets();
      const first = entry(1);
      await a.set("k", first);
      assert.equal(await a.get<number>("k"), first, "the entry stored, handed out as it is");
      assert.equal(await a.get<number>("k"), first);
      assert.equal(await gets(), asked, "without asking Redis");
      assert.equal((await b.get<number>("k"))?.value, 1, "another instance finds it in Redis");
      assert.equal(await gets(), asked + 1);
      await b.get("k");
      assert.equal(await gets(), asked + 1, "and then holds it too");
      clock.advance(1_000); // no longer fresh: Redis may hold a newer one
      assert.equal(await a.get<number>("k"), first, "the same answer in Redis: the one held here is handed out");
      assert.equal(await gets(), asked + 2);
      await b.set("k", entry(2));
      assert.equal((await a.get<number>("k"))?.value, 2, "the refreshed answer another instance stored");
      assert.equal((await a.get<number>("k"))?.value, 2);
      assert.equal(await gets(), asked + 3, "held here from then on");
    },
  );

  it(
    "a hung Redis: a command gives up after its budget, the next are refused at once for a second, the lock is still asked, and it comes back by itself",
    needsRedis,
    async () => {
      const redis = await startRedis();
      stops.push(() => redis.process.kill("SIGKILL"));
      const lines: string[] = [];
      const [one, two] = [await connect(redis.url, lines, 100), await connect(redis.url)];
      stops.push(() => redis.process.kill("SIGCONT")); // should the test stop while Redis hangs
      assert.deepEqual(await one.counters.read(["k"]), [0]);
      redis.process.kill("SIGSTOP"); // the connection stays open, nothing answers
      let started = performance.now();
      await assert.rejects(one.counters.read(["k"]), /Redis did not answer within \d+ ms/);
      const waited = performance.now() - started;
      assert.ok(waited >= 95 && waited < 600, `gave up after ${waited.toFixed(0)} ms, its budget is 100 ms`);
      assert.equal(one.state(), "unavailable");
      started = performance.now();
      await assert.rejects(one.counters.read(["k"]), /Redis is not connected/);
      assert.ok(performance.now() - started < 50, "refused at once, without waiting on Redis again");
      redis.process.kill("SIGCONT");
      // Taken only on a miss, which an upstream call answers otherwise: Redis is asked even now, so the fleet still calls once.
      assert.equal((await one.lock.acquire("k", 60_000)).held, true);
      assert.equal((await two.lock.acquire("k", 60_000)).held, false, "the lock was taken in Redis, not by one instance alone");
      await sleep(1_000);
      assert.equal(one.state(), "ready", "a second later it is asked again");
      assert.deepEqual(await one.counters.read(["k"]), [0]);
      const told = /Redis did not answer within (\d+) ms/.exec(lines.find((line) => line.includes("shared cache unavailable")) ?? "");
      assert.ok(told && Number(told[1]) >= 95 && Number(told[1]) < 600, `the warning says how long it waited: ${told?.[0]}`);
    },
  );

  it("a Redis that hangs, then dies: the commands it left waiting fail quietly, and the stores go on without it", needsRedis, async () => {
    const redis = await startRedis();
    stops.push(() => redis.process.kill("SIGKILL"));
    const stores = await connect(redis.url, [], 50);
    redis.process.kill("SIGSTOP");
    await assert.rejects(stores.counters.increment("k", 1_000), /did not answer/);
    redis.process.kill("SIGKILL");
    await once(redis.process, "exit");
    await sleep(200); // the connection's end reaches the command still waiting
    assert.equal(stores.state(), "unavailable");
    assert.equal(await stores.cache.get("k"), undefined);
  });

  it(
    "a process too busy to read Redis's answers in time: a command waits for its answer, and Redis is not counted away",
    needsRedis,
    async () => {
      const redis = await startRedis();
      stops.push(() => redis.process.kill());
      const stores = await connect(redis.url, [], 50);
      stops.push(() => redis.process.kill("SIGCONT")); // before the stores close
      assert.deepEqual(await stores.counters.read(["k"]), [0]);
      redis.process.kill("SIGSTOP"); // Redis answers only once this process is busy
      const pending = stores.counters.increment("k", 60_000);
      busyFor(250); // a burst of requests keeps the event loop busy well past the 50 ms budget
      redis.process.kill("SIGCONT");
      assert.equal(await pending, 1);
      assert.equal(stores.state(), "ready");
    },
  );

  it("however busy this process is, a command waits on a silent Redis a second at most", needsRedis, async () => {
    const redis = await startRedis();
    stops.push(() => redis.process.kill("SIGKILL"));
    const stores = await connect(redis.url, [], 50);
    stops.push(() => redis.process.kill("SIGCONT")); // before the stores close
    redis.process.kill("SIGSTOP");
    const started = performance.now();
    let failedAfter = Number.POSITIVE_INFINITY;
    const pending = stores.counters.read(["k"]).catch(() => {
      failedAfter = performance.now() - started;
    });
    for (let i = 0; i < 25; i++) {
      busyFor(100);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await pending;
    assert.ok(failedAfter >= 1_000 && failedAfter < 1_300, `gave up after ${failedAfter.toFixed(0)} ms`);
  });

  it("a Redis that hangs at start holds the start a second at most", { ...needsRedis, timeout: 20_000 }, async () => {
    const redis = await startRedis();
    stops.push(() => redis.process.kill("SIGKILL"));
    redis.process.kill("SIGSTOP"); // it takes the connection, then answers nothing
    const started = performance.now();
    const stores = await connect(redis.url, [], 50);
    stops.push(() => redis.process.kill("SIGCONT")); // before the stores close
    const waited = performance.now() - started;
    assert.ok(waited >= 900 && waited < 1_900, `the start waited ${waited.toFixed(0)} ms`);
    assert.equal(stores.state(), "unavailable");
  });

  it("while Redis stays away, warns once a minute, not once a request", async (t) => {
    const start = Date.UTC(2026, 0, 1, 12);
    t.mock.timers.enable({ apis: ["Date"], now: start });
    const lines: string[] = [];
    const away = await connect(`redis://127.0.0.1:${await freePort()}`, lines);
    const warnings = async (at: number) => {
      t.mock.timers.setTime(start + at);
      await away.cache.get("k");
      return said(lines, "shared cache unavailable");
    };
    assert.deepEqual([await warnings(0), await warnings(59_999), await warnings(60_000), await warnings(119_999)], [1, 1, 2, 2]);
  });

  it("a start goes on as soon as Redis answers, or refuses the connection", needsRedis, async () => {
    const redis = await startRedis();
    stops.push(() => redis.process.kill());
    for (const url of [redis.url, `redis://127.0.0.1:${await freePort()}`]) {
      const started = performance.now();
      await connect(url);
      const waited = performance.now() - started;
      assert.ok(waited < 500, `${url}: the start waited ${waited.toFixed(0)} ms`);
    }
  });

  it("closing lets the commands in flight finish: a count made at shutdown is kept", needsRedis, async () => {
    const redis = await startRedis();
    stops.push(() => redis.process.kill());
    const stores = await connectRedis(
      redis.url,
      createLogger(() => {}, []),
      { commandBudgetMs: 2_000 },
    );
    const counted = stores.counters.increment("quota:t:1", 60_000);
    await stores.close();
    assert.equal(await counted, 1);
    const again = await connect(redis.url);
    assert.deepEqual(await again.counters.read(["quota:t:1"]), [1]);
  });

  it("closing twice, as a second stop signal during shutdown does, is harmless", async () => {
    const stores = await connect(`redis://127.0.0.1:${await freePort()}`); // away: still trying to connect
    await stores.close();
    await assert.doesNotReject(stores.close());
  });

  it("a Redis host that takes the connection and never answers it (a TLS handshake left hanging): gives up after 2 s, warns, tries again", async () => {
    const arrivals: number[] = [];
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      arrivals.push(performance.now());
      sockets.push(socket);
    });
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    stops.push(() => {
      for (const socket of sockets) socket.destroy();
      silent.close();
    });
    const lines: string[] = [];
    const started = performance.now();
    await connect(`rediss://127.0.0.1:${(silent.address() as AddressInfo).port}`, lines);
    while (arrivals.length < 2 && performance.now() - started < 8_000) await sleep(50);
    const gap = (arrivals[1] ?? Number.POSITIVE_INFINITY) - (arrivals[0] ?? started);
    assert.ok(gap >= 1_900 && gap < 4_500, `tried again ${gap.toFixed(0)} ms after the first connection`);
    assert.equal(said(lines, "shared cache unavailable"), 1, lines.join("\n"));
    assert.equal(said(lines, "Connection timeout"), 1, "the warning says why");
  });

  it("reconnects a few times a second, slowing down, and soon once Redis is back", needsRedis, async () => {
    let attempts = 0;
    const dropping = createServer((socket) => {
      attempts++;
      socket.destroy(); // a Redis that drops every connection
    });
    dropping.listen(0, "127.0.0.1");
    await once(dropping, "listening");
    stops.push(() => dropping.listening && dropping.close());
    const port = (dropping.address() as { port: number }).port;
    const stores = await connect(`redis://127.0.0.1:${port}`);
    await sleep(1_500);
    assert.ok(attempts >= 2 && attempts <= 8, `${attempts} connections in 1.5 s`);
    dropping.close();
    await once(dropping, "close");
    const redis = await startRedis(port);
    stops.push(() => redis.process.kill());
    const back = performance.now();
    while (stores.state() !== "ready" && performance.now() - back < 6_000) await sleep(50);
    assert.ok(performance.now() - back < 3_500, `ready ${(performance.now() - back).toFixed(0)} ms after Redis came back`);
  });

  it("counts Redis away for exactly a second after a command ran out of time", needsRedis, async (t) => {
    const redis = await startRedis();
    stops.push(() => redis.process.kill("SIGKILL"));
    const stores = await connect(redis.url, [], 50);
    stops.push(() => redis.process.kill("SIGCONT")); // before the stores close
    const start = Date.UTC(2026, 0, 1, 12);
    t.mock.timers.enable({ apis: ["Date"], now: start });
    redis.process.kill("SIGSTOP");
    const timedOut = assert.rejects(stores.counters.read(["k"]), /did not answer/);
    t.mock.timers.setTime(start + 50); // as the budget's timer fires
    await timedOut;
    redis.process.kill("SIGCONT");
    t.mock.timers.setTime(start + 1_049);
    assert.equal(stores.state(), "unavailable");
    await assert.rejects(stores.counters.read(["k"]), /not connected/);
    t.mock.timers.setTime(start + 1_050);
    assert.equal(stores.state(), "ready");
    assert.deepEqual(await stores.counters.read(["k"]), [0]);
  });

  it("a Redis busy, yet answering: each command waits its turn past the budget", needsRedis, async () => {
    const redis = await startRedis();
    stops.push(() => redis.process.kill());
    // A link that passes Redis's answers on 64 bytes every 20 ms: an answer settles every 40 ms or
    // so, never 150 ms apart, while the last of 20 comes long after 150 ms. In this process, so a
    // loaded machine slows the link and the budget's checks alike.
    const { port } = new URL(redis.url);
    const slowLink = createServer((client) => {
      const upstream = connectTcp(Number(port), "127.0.0.1");
      client.pipe(upstream);
      let waiting = Buffer.alloc(0);
      upstream.on("data", (chunk: Buffer) => {
        waiting = Buffer.concat([waiting, chunk]);
      });
      const pace = setInterval(() => {
        if (waiting.length === 0) return;
        client.write(waiting.subarray(0, 64));
        waiting = waiting.subarray(64);
      }, 20);
      const end = () => {
        clearInterval(pace);
        client.destroy();
        upstream.destroy();
      };
      client.on("close", end);
      upstream.on("close", end);
      client.on("error", end);
      upstream.on("error", end);
    });
    slowLink.listen(0, "127.0.0.1");
    await once(slowLink, "listening");
    stops.push(() => slowLink.close());
    const stores = await connect(`redis://127.0.0.1:${(slowLink.address() as AddressInfo).port}`, [], 150);
    const entry = { value: "x".repeat(40), freshUntil: Date.now() + 60_000, staleUntil: Date.now() + 60_000 };
    await stores.cache.set("k", entry);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => stores.cache.get<string>("k")));
    const took = performance.now() - started;
    assert.deepEqual(
      answers.map((answer) => answer?.value),
      answers.map(() => entry.value),
      `20 reads answered within ${took.toFixed(0)} ms`,
    );
    assert.ok(took > 150, `the answers took ${took.toFixed(0)} ms, more than the budget`);
    assert.equal(stores.state(), "ready");
  });

  it(
    "a command Redis does not answer in time: a miss, a store skipped, a count that fails, a lock held alone; each warns why",
    needsRedis,
    async () => {
      const redis = await startRedis();
      stops.push(() => redis.process.kill("SIGKILL"));
      const entry = { value: 1, freshUntil: Date.now() + 60_000, staleUntil: Date.now() + 60_000 };
      const commands: [string, (stores: Awaited<ReturnType<typeof connect>>) => Promise<unknown>][] = [
        ["read", async (stores) => assert.equal(await stores.cache.get("k"), undefined)],
        ["store", (stores) => stores.cache.set("k", entry)],
        ["count", (stores) => assert.rejects(stores.counters.increment("quota:t:1", 60_000))],
        ["read a count", (stores) => assert.rejects(stores.counters.read(["quota:t:1"]))],
        ["lock", async (stores) => assert.equal((await stores.lock.acquire("k", 1_000)).held, true, "held alone")],
      ];
      const instances = [];
      for (const [what] of commands) {
        const lines: string[] = [];
        instances.push({ what, lines, stores: await connect(redis.url, lines, 50) });
      }
      stops.push(() => redis.process.kill("SIGCONT")); // before the stores close
      redis.process.kill("SIGSTOP");
      for (const [i, [, command]] of commands.entries()) {
        const instance = instances[i] as (typeof instances)[number];
        await command(instance.stores);
      }
      for (const { what, lines } of instances)
        assert.match(lines.find((line) => line.includes("shared cache unavailable")) ?? "", /Redis did not answer within/, what);
    },
  );
});
