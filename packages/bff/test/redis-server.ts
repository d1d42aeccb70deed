/** Debian's redis-server on loopback for the shared-store tests (CI installs it). */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";

export const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
export const NO_REDIS = "redis-server is not installed (apt-get install redis-server)";

/** Debian's redis-server on loopback, no persistence; stopped by the test. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createServer().listen(port, "127.0.0.1");
      socket.once("listening", () => socket.close(() => resolve(false)));
      socket.once("error", () => resolve(true));
    });
    if (up) return redis;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  redis.kill();
  throw new Error("redis-server did not start");
}
