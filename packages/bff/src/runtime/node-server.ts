/**
 * Starts the BFF on Node's HTTP server. Used by the Node entry and by tests, which listen on
 * 127.0.0.1 port 0 and learn the port before the app (and its sandbox URLs) are built.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { type AppDeps, createApp, secretsOf } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import { createLogger } from "../core/logger.ts";
import type { StaticFile } from "../core/static-assets.ts";

export const BUNDLE_DIR = fileURLToPath(new URL("../../../components/dist/cdn", import.meta.url));

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".css": "text/css; charset=utf-8",
};

/** Reads the built bundle into memory once; null when `pnpm build` has not run. */
export function readBundle(dir = BUNDLE_DIR): Map<string, StaticFile> | null {
  try {
    if (!statSync(dir).isDirectory()) return null;
  } catch {
    return null;
  }
  const files = new Map<string, StaticFile>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const ext = entry.name.slice(entry.name.lastIndexOf("."));
        files.set(relative(dir, path).split("\\").join("/"), {
          body: readFileSync(path),
          contentType: TYPES[ext] ?? "application/octet-stream",
        });
      }
    }
  };
  walk(dir);
  return files;
}

export interface StartOptions {
  env: Record<string, string | undefined>;
  hostname?: string;
  /** Overrides PORT (tests pass 0). */
  port?: number;
  deps?: Partial<AppDeps>;
}

export async function startNodeServer(options: StartOptions) {
  // Validate before listening, so a bad config never opens a port.
  const preliminary = loadConfig(options.env);
  const hostname = options.hostname ?? "127.0.0.1";
  let handler: (request: Request, env: unknown) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  // The env carries Node's request and socket (getConnInfo reads the client address from it).
  const server = createAdaptorServer({ fetch: (request: Request, env: unknown) => handler(request, env) });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? preliminary.port, hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const publicHost = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  const url = options.env.PUBLIC_URL?.replace(/\/$/, "") ?? `http://${publicHost}:${port}`;
  const config: Config = loadConfig({ ...options.env, PORT: String(port) }, { publicUrl: url });
  const sink = options.deps?.logSink ?? ((line: string) => console.log(line));
  // Loaded only when configured: other runtimes and memory-only deploys never load the client.
  const redis = config.cacheUrl
    ? await (await import("../stores/redis.ts")).connectRedis(config.cacheUrl, createLogger(sink, secretsOf(config)))
    : null;
  const built = createApp(config, {
    publicUrl: url,
    staticFiles: readBundle(),
    clientAddress: (c) => getConnInfo(c).remote.address,
    ...(redis && { stores: redis }),
    ...options.deps,
  });
  handler = (request, env) => built.app.fetch(request, env);
  return {
    ...built,
    config,
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await redis?.close();
    },
  };
}
