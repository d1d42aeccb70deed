/**
 * What the Node entry (node.ts) does, given the process it runs in: reads the environment (and
 * `.env` when present), fails fast with every configuration problem listed, serves the bundle
 * from packages/components/dist/cdn, and stops on SIGINT or SIGTERM (the requests in flight
 * answered first: startNodeServer's close).
 */
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { ConfigError } from "../config.ts";
import { describeListenError } from "./listen-errors.ts";
import { startNodeServer } from "./node-server.ts";
import { listenHostOf } from "./prepare.ts";

/** The process the BFF runs in, as much of it as the entry uses. */
export interface NodeProcess {
  /** The environment; `envFile`'s variables are added to it. */
  env: Record<string, string | undefined>;
  /** The `.env` file read when it exists. */
  envFile: string;
  /** A line on standard output (the log lines go there too). */
  print: (line: string) => void;
  /** A line on standard error. */
  printError: (line: string) => void;
  exit: (code: number) => void;
  /** Runs `handler` the first time the process gets `event`. */
  once: (event: "SIGINT" | "SIGTERM" | "exit", handler: () => void) => void;
}

/** Starts the BFF; resolves to the server, or to null once a start-up error is printed and exit(1) called. */
export async function runNode({ env, envFile, print, printError, exit, once }: NodeProcess) {
  // As process.loadEnvFile does: a variable already set wins over the file's.
  if (existsSync(envFile)) {
    for (const [name, value] of Object.entries(parseEnv(readFileSync(envFile, "utf8")))) env[name] ??= value;
  }
  const host = listenHostOf(env);
  try {
    const server = await startNodeServer({ env, hostname: host, deps: { logSink: print } });
    print(`Embedkit BFF listening on ${server.url}${server.config.sandbox ? ` (sandbox mode: demo at ${server.url}/)` : ""}`);
    once("exit", () => server.logger.flush()); // the lines still waiting in their batch
    const stop = () => server.close().then(() => exit(0));
    once("SIGINT", stop);
    once("SIGTERM", stop);
    return server;
  } catch (error) {
    if (error instanceof ConfigError) {
      printError(error.message);
      exit(1);
      return null;
    }
    const listenProblem = describeListenError(error, host, env.PORT?.trim() || "8787");
    if (!listenProblem) throw error;
    printError(listenProblem);
    exit(1);
    return null;
  }
}
