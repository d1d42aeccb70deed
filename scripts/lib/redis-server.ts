/** Debian's redis-server on loopback for tests and benchmarks: no persistence, stopped by whoever started it. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "./loopback.ts";

export const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
export const NO_REDIS = "redis-server is not installed (apt-get install redis-server)";

/**
 * The options of each test that needs redis-server: skipped one by one without it, so the run's
 * summary counts them ("skipped N") and each names the reason. (A skipped suite counts none.)
 * Such a suite's hooks return at once without redis-server.
 */
export const needsRedis: { skip?: string } = hasRedis ? {} : { skip: NO_REDIS };

/** On `port` when given (a test that lets Redis come back where the BFF looks for it), else on a free one. */
export async function startRedis(port?: number): Promise<{ process: ChildProcess; url: string }> {
  port ??= await freePort();
  const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  // Probed by connecting, not by listening on the port: a probe that listens could take the port
  // from under a redis-server still starting, which then exits (a loaded machine made that happen).
  for (let i = 0; i < 200 && redis.exitCode === null; i++) {
    const listening = await new Promise<boolean>((resolve) => {
      const probe = connect(port, "127.0.0.1");
      probe.once("connect", () => {
        probe.destroy();
        resolve(true);
      });
      probe.once("error", () => resolve(false));
    });
    if (listening) return { process: redis, url: `redis://127.0.0.1:${port}` };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  redis.kill();
  throw new Error("redis-server did not start");
}

/**
 * For tests that count exactly what instances share: on a loaded test machine a Redis answer can
 * take longer than the 50 ms a request waits for it, and the instance would count alone. (That
 * budget has tests of its own, in redis-outage.test.ts.)
 */
export const PATIENT_WITH_REDIS = { sharedStoreBudgetMs: 2_000 };
