/**
 * Sandbox mode: the simulated upstreams live inside the BFF under /_sandbox. Upstream calls to
 * them are dispatched in-process (no network hop, and it works where a Worker cannot fetch
 * itself); the browser reaches the same paths over HTTP for thumbnails, media and the player.
 */
import { type SimulatedSandbox, type SimulatedUpstream, sandboxOf } from "@embedkit/sandbox";
import type { MiddlewareHandler } from "hono";
import { type Config, type LoadOptions, loadConfig as loadRealConfig } from "./config.ts";
import type { Env } from "./core/env-vars.ts";
import type { Logger } from "./core/logger.ts";
import { PROVIDERS } from "./provider.ts";
import type { ProviderModule, ProviderSimulator } from "./providers/contract.ts";
import type { FetchLike } from "./upstream/call.ts";

export const SANDBOX_PATH = "/_sandbox";

const simulators = new Map<ProviderModule, ProviderSimulator>();

/**
 * Loads the simulators of `providers` (each once): sandbox mode reads them synchronously after.
 * PROVIDERS' are loaded with this module; a test's own provider awaits this first.
 */
export async function loadSimulators(providers: readonly ProviderModule[]): Promise<void> {
  await Promise.all(
    providers.map(async (module) => {
      if (module.simulator && !simulators.has(module)) simulators.set(module, await module.simulator());
    }),
  );
}

// Loaded here, not by the providers' modules: a real configuration never loads the simulator,
// and the runtimes and tests read configurations synchronously.
await loadSimulators(PROVIDERS);

/** `module`'s simulator, null when it has none. */
function simulatorOf(module: ProviderModule): ProviderSimulator | null {
  if (!module.simulator) return null;
  const simulator = simulators.get(module);
  if (!simulator)
    throw new Error(`${module.name}'s simulator is not loaded: await loadSimulators(providers) before loading the configuration`);
  return simulator;
}

/**
 * config.ts's loadConfig, with the simulated upstreams' values at hand should sandbox mode be on:
 * what the runtimes and tests load. A real configuration never reads them.
 */
export function loadConfig(env: Env, options: Omit<LoadOptions, "simulated"> = {}): Config {
  const providers = options.providers ?? PROVIDERS;
  return loadRealConfig(env, {
    ...options,
    providers,
    simulated: (module, publicUrl) => simulatorOf(module)?.values(`${publicUrl}${SANDBOX_PATH}`) ?? null,
  });
}

/**
 * Every provider's variables as its simulator sets them, at a sandbox standing alone at `root`
 * (`pnpm sandbox`): a BFF configured as for real vendors, with the simulators answering for them.
 */
export function simulatedVendorEnv(root: string, providers: readonly ProviderModule[] = PROVIDERS): Record<string, string> {
  return Object.assign({}, ...providers.map((module) => simulatorOf(module)?.values(root).env ?? {}));
}

export interface SandboxModeOptions {
  /** Where the upstreams that are not simulated are reached. */
  fallback: FetchLike;
  /** Every provider the BFF knows: those with a simulator have it mounted. */
  providers: readonly ProviderModule[];
  /** The clock THRON sessions are measured with. */
  now?: (() => number) | undefined;
  /** Hears what the fault switch was set to. */
  logger?: Logger | undefined;
}

/** Each provider's simulator under `/_sandbox/<id>`, the fault switch under `/_sandbox/_admin`, and the fetch that reaches them in-process. */
export function createSandboxMode(publicUrl: string, { fallback, providers, now, logger }: SandboxModeOptions) {
  const base = `${publicUrl.replace(/\/$/, "")}${SANDBOX_PATH}`;
  const upstreams = new Map<string, SimulatedUpstream>();
  for (const module of providers) {
    const simulator = simulatorOf(module);
    if (simulator) upstreams.set(module.id, simulator.create({ root: base, now }));
  }
  const sandbox: SimulatedSandbox = sandboxOf(
    upstreams,
    logger && ((message: string, fields: Record<string, unknown>) => logger.log("warn", message, fields)),
  );
  logger?.log(
    "info",
    `sandbox mode: simulated upstreams under ${SANDBOX_PATH}; ${SANDBOX_PATH}/_admin/faults is a test tool that makes them fail`,
  );
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${base}/`)) return fallback(request);
    const url = new URL(request.url);
    url.pathname = url.pathname.slice(new URL(base).pathname.length);
    return abortable(sandbox.app.fetch(new Request(url, request)), request.signal);
  };
  return { sandbox, fetch };
}

/** Rejects with the signal's reason when it aborts, as a real fetch does (timeouts rely on it). */
function abortable(response: Response | Promise<Response>, signal: AbortSignal): Promise<Response> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal aborts once, and the listener is removed when the answer settles either way
    signal.addEventListener("abort", onAbort, { once: true });
    const settled = Promise.resolve(response).then(resolve, reject);
    // A statement of its own, so that Stryker reads the marker (it does not look inside a method chain).
    // Stryker disable next-line ArrowFunction,StringLiteral: a listener left behind could only reject a promise already settled; removing it frees the closure before the call's short-lived signal goes
    void settled.finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Without PUBLIC_URL the sandbox's media URLs name the host the BFF guessed (localhost), which a
 * phone on the network cannot reach, nor a page at 127.0.0.1 whose CSP allows only itself: answers
 * (the BFF's, and the sandbox Player's content details) name the origin the request came to instead.
 * Rewritten on the way out, so what is cached stays the same for every visitor.
 */
export function sandboxUrlsFollowRequest(publicUrl: string): MiddlewareHandler {
  const guessed = `${publicUrl.replace(/\/$/, "")}${SANDBOX_PATH}/`;
  return async (c, next) => {
    await next();
    const actual = `${new URL(c.req.url).origin}${SANDBOX_PATH}/`;
    const type = c.res.headers.get("content-type");
    // Stryker disable next-line StringLiteral: any stand-in for a missing content-type that names neither json nor html is left alone the same
    if (actual === guessed || !/json|html/.test(type ?? "")) return;
    // A cached page may come gzipped ahead of time: rewrite the JSON inside, sent as is.
    const encoded = c.res.headers.get("content-encoding") === "gzip";
    const source = encoded && c.res.body ? new Response(c.res.body.pipeThrough(new DecompressionStream("gzip"))) : c.res;
    // Then the protocol-relative form, which THRON's details use for some media URLs.
    // Stryker disable next-line Regex: both URLs start with their scheme, so the pattern's first match is there anchored or not
    const schemeless = (url: string) => url.replace(/^https?:/, "");
    const body = (await source.text()).replaceAll(guessed, actual).replaceAll(schemeless(guessed), schemeless(actual));
    const headers = new Headers(c.res.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    const status = c.res.status;
    c.res = undefined; // else Hono copies the old answer's headers (its encoding among them) onto the new one
    c.res = new Response(body, { status, headers });
  };
}
