/**
 * Node entry: `pnpm start`. Reads the environment (and `.env` when present), fails fast with
 * every configuration problem listed, serves the bundle from packages/components/dist/cdn.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../config.ts";
import { describeListenError } from "./listen-errors.ts";
import { startNodeServer } from "./node-server.ts";

const envFile = fileURLToPath(new URL("../../../../.env", import.meta.url));
if (existsSync(envFile)) process.loadEnvFile(envFile);

const host = process.env.HOST?.trim() || "0.0.0.0";
try {
  const server = await startNodeServer({ env: process.env, hostname: host });
  console.log(`Embedkit BFF listening on ${server.url}${server.config.sandbox ? ` (sandbox mode: demo at ${server.url}/)` : ""}`);
  process.once("exit", () => server.logger.flush()); // the lines still waiting in their batch
  const stop = () => server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  const listenProblem = describeListenError(error, host, process.env.PORT?.trim() || "8787");
  if (listenProblem) {
    console.error(listenProblem);
    process.exit(1);
  }
  throw error;
}
