/**
 * The simulated upstreams alone on 127.0.0.1 (as `pnpm sandbox` runs them), and the environment
 * that points a BFF at them as at real vendors: what several instances share in fleet tests.
 */
import type { AddressInfo } from "node:net";
import { createSandbox, THRON_SANDBOX } from "@embedkit/sandbox";
import { createAdaptorServer } from "@hono/node-server";
import { simulatedVendorEnv } from "../src/sandbox-mode.ts";
import { thronSimulator } from "../src/thron/sandbox.ts";

export async function startStandaloneSandbox() {
  // The sandbox builds its URLs from the port, so it is created once the server listens.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  const server = createAdaptorServer({ fetch: (request) => handle(request) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandbox = createSandbox({ baseUrl: base });
  handle = (request) => sandbox.app.fetch(request);
  const env = upstreamEnv(base);
  return {
    sandbox,
    env,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

/** A BFF configured as for real vendors, at the sandbox running on `base`. */
export function upstreamEnv(base: string): Record<string, string> {
  return {
    BFF_SANDBOX: "0",
    ALLOWED_ORIGINS: "https://www.host.example",
    ...vendorEnv(base),
    THUNDER_PUBLIC_LAUNCH: "1",
  };
}

/**
 * THRON as an operator configures it, at the simulated THRON under the sandbox at `root`: the
 * sandbox's account, and its demo folder as the one `default` gallery, with its filters.
 */
export function thronVendorEnv(root: string): Record<string, string> {
  return {
    ...thronSimulator.values(root).env,
    THRON_GALLERIES: "",
    THRON_FOLDER_ID: THRON_SANDBOX.folderId,
    THRON_PKEY: THRON_SANDBOX.pkey,
    THRON_FILTER_KEYS: THRON_SANDBOX.filterKeys.join(","),
  };
}

/** Every provider as an operator configures it, at the simulated upstreams under `root` (Thunder's launch protection left to the caller). */
export function vendorEnv(root: string): Record<string, string> {
  return { ...simulatedVendorEnv(root), ...thronVendorEnv(root) };
}
