/**
 * Cloudflare Workers entry (wrangler.toml beside package.json). Variables come from the Worker's
 * env; the app is built on the first request (the origin it arrives on is the public URL unless
 * PUBLIC_URL says otherwise). The bundle is served by Workers static assets (the `assets` setting).
 * With the FLEET Durable Object bound, isolates share answers (Cache API), the ThroughLine quota,
 * rate limits and one upstream call per key, as instances share them through Redis elsewhere.
 */
import { type AppDeps, createApp } from "../app.ts";
import { ConfigError } from "../config.ts";
import { loadConfig } from "../sandbox-mode.ts";
import { type DurableObjectNamespaceLike, durableObjectStores } from "../stores/durable-object.ts";
import { type WorkersCacheLike, workersCacheStore } from "../stores/workers-cache.ts";

export { FleetObject } from "../stores/durable-object.ts";

declare const caches: { default: WorkersCacheLike };

type WorkerEnv = Record<string, unknown>;

let app: ReturnType<typeof createApp>["app"] | null = null;

/**
 * Secrets and vars, as text: wrangler.toml's `[vars]` may hold a number or a boolean
 * (`RATE_LIMIT_PER_MINUTE = 120`), which the Worker receives as one, or a table or an array
 * (`[vars.THRON_GALLERIES]`), which it receives as a plain object: read as its JSON. Bindings
 * (KV, Durable Objects, services) are objects of their own classes, not configuration.
 */
function variables(env: WorkerEnv): Record<string, string | undefined> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const text = textOf(value);
    if (text !== undefined) vars[name] = text;
  }
  return vars;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const plain = Array.isArray(value) || (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype);
  return plain ? JSON.stringify(value) : undefined;
}

function build(request: Request, env: WorkerEnv) {
  const vars = variables(env);
  const publicUrl = vars.PUBLIC_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  const fleet = env.FLEET as DurableObjectNamespaceLike | undefined;
  // Without PUBLIC_URL the origin is the first caller's Host: a guess, never trusted as the BFF's own.
  const deps: AppDeps = {
    publicUrl,
    publicUrlGuessed: !vars.PUBLIC_URL,
    // No clientAddress: without one the app counts by Cloudflare's CF-Connecting-IP.
    ...(fleet && { stores: { cache: workersCacheStore(caches.default), ...durableObjectStores(fleet) } }),
  };
  return createApp(loadConfig(vars, { publicUrl }), deps).app;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    try {
      app ??= build(request, env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message); // names the variables, never their values
      return new Response(
        JSON.stringify({
          type: "https://embedkit.dev/problems/configuration",
          title: "The BFF is misconfigured",
          status: 500,
          detail: error.problems.join("; "),
        }),
        { status: 500, headers: { "content-type": "application/problem+json" } },
      );
    }
    return app.fetch(withoutAcceptEncoding(request), env, ctx as never);
  },
};

/**
 * Workers encode a body themselves from its Content-Encoding header, so an answer the BFF had
 * already gzipped went out gzipped twice. Here the platform compresses (Cloudflare's edge does it
 * for every client that accepts it): the app is asked as if the client took identity only.
 */
function withoutAcceptEncoding(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete("accept-encoding");
  return new Request(request, { headers });
}
