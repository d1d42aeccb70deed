/** REDIS_URL, the name most platforms set, when BFF_CACHE_URL is unset; the start says which one is used, without its password. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Health } from "@embedkit/contracts";
import { freePort } from "../../../scripts/lib/loopback.ts";
import { createLogger } from "../src/core/logger.ts";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { connectRedis } from "../src/stores/redis.ts";
import { problemsOf } from "./helpers.ts";

describe("REDIS_URL", () => {
  it("is the shared store when BFF_CACHE_URL is unset; BFF_CACHE_URL wins when both are set", () => {
    const platform = "redis://platform.internal:6379";
    assert.deepEqual(
      [loadConfig({ BFF_SANDBOX: "1", REDIS_URL: platform })].map((c) => [c.cacheUrl, c.cacheUrlVar]),
      [[platform, "REDIS_URL"]],
    );
    const both = loadConfig({ BFF_SANDBOX: "1", REDIS_URL: platform, BFF_CACHE_URL: "rediss://own.internal:6380" });
    assert.deepEqual([both.cacheUrl, both.cacheUrlVar], ["rediss://own.internal:6380", "BFF_CACHE_URL"]);
    const neither = loadConfig({ BFF_SANDBOX: "1" });
    assert.deepEqual([neither.cacheUrl, neither.cacheUrlVar], [null, null]);
  });

  it("is checked only when it is the one used", () => {
    assert.deepEqual(problemsOf({ BFF_SANDBOX: "1", REDIS_URL: "memcached://x" }), [
      "REDIS_URL must be a redis:// or rediss:// URL (or set BFF_CACHE_URL)",
    ]);
    assert.equal(
      loadConfig({ BFF_SANDBOX: "1", REDIS_URL: "memcached://x", BFF_CACHE_URL: "redis://own:6379" }).cacheUrlVar,
      "BFF_CACHE_URL",
    );
  });

  it("is used at start, which says so in one line naming the variable and the host, never the password", async () => {
    const port = await freePort(); // nothing listens: the BFF starts anyway and answers from memory
    const password = "platform-redis-password-41";
    const logs: string[] = [];
    const bff = await startNodeServer({
      env: { BFF_SANDBOX: "1", REDIS_URL: `redis://default:${password}@127.0.0.1:${port}/2` },
      port: 0,
      deps: { logSink: (lines) => logs.push(...lines.split("\n")) },
    });
    try {
      const health = Health.parse(await (await fetch(`${bff.url}/health`)).json());
      assert.equal(health.sharedCache, "unavailable", "the BFF uses the store REDIS_URL names");
      bff.logger.flush();
      const started = logs.filter((line) => line.includes("shared store: Redis"));
      assert.equal(started.length, 1, logs.join("\n"));
      assert.match(started[0] ?? "", new RegExp(`Redis at redis://127\\.0\\.0\\.1:${port}/2 \\(from REDIS_URL\\)`));
      assert.ok(
        logs.every((line) => !line.includes(password) && !line.includes("default:")),
        "no password in any line",
      );
    } finally {
      await bff.close();
    }
  });

  it("given no log sink (as on Bun and Deno), says so on standard output", async (t) => {
    const port = await freePort(); // nothing listens
    const stdout = t.mock.method(console, "log", () => {}); // what the process would print
    const bff = await startNodeServer({ env: { BFF_SANDBOX: "1", REDIS_URL: `redis://127.0.0.1:${port}` }, port: 0 });
    try {
      bff.logger.flush();
      const printed = stdout.mock.calls.map((call) => String(call.arguments[0]));
      const messages = printed.map((line) => (JSON.parse(line) as { message: string }).message);
      const started = messages.filter((message) => /^shared store: Redis at .* \(from REDIS_URL\)$/.test(message));
      assert.equal(started.length, 1, printed.join("\n"));
    } finally {
      await bff.close();
    }
  });

  it("names the store without a bare trailing slash, and one it cannot read without any of it", async () => {
    const lines: string[] = [];
    const logger = createLogger((text) => lines.push(JSON.parse(text).message), []);
    const port = await freePort();
    const stores = await connectRedis(`redis://default:platform-redis-password-41@127.0.0.1:${port}/`, logger, { from: "BFF_CACHE_URL" });
    await stores.close();
    await assert.rejects(connectRedis("redis://default:platform-redis-password-41@127.0.0.1:99999", logger));
    assert.deepEqual(
      lines.filter((line) => line.startsWith("shared store")),
      [`shared store: Redis at redis://127.0.0.1:${port} (from BFF_CACHE_URL)`, "shared store: Redis at (an unreadable URL)"],
    );
  });
});
