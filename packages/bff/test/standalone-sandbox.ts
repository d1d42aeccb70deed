/**
 * The simulated upstreams alone on 127.0.0.1 (as `pnpm sandbox` runs them), and the environment
 * that points a BFF at them as at real vendors: what several instances share in fleet tests.
 */
import type { AddressInfo } from "node:net";
import { createSandbox, THRON_SANDBOX, THROUGHLINE_SANDBOX, THUNDER_SANDBOX } from "@embedkit/sandbox";
import { createAdaptorServer } from "@hono/node-server";

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
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** A BFF configured as for real vendors, at the sandbox running on `base`. */
export function upstreamEnv(base: string): Record<string, string> {
  return {
    BFF_SANDBOX: "0",
    ALLOWED_ORIGINS: "https://www.host.example",
    THRON_TENANT: THRON_SANDBOX.tenant,
    THRON_CLIENT_ID: THRON_SANDBOX.clientId,
    THRON_CLIENT_SECRET: THRON_SANDBOX.clientSecret,
    THRON_USERNAME: THRON_SANDBOX.username,
    THRON_AUTH_URL: `${base}/thron`,
    THRON_API_URL: `${base}/thron`,
    THRON_CDN_URL: `${base}/thron`,
    THRON_FOLDER_ID: THRON_SANDBOX.folderId,
    THRON_PKEY: THRON_SANDBOX.pkey,
    THRON_CLASSIFICATION_ID: THRON_SANDBOX.classificationId,
    THRON_FILTER_KEYS: THRON_SANDBOX.filterKeys.join(","),
    THUNDER_USERNAME: THUNDER_SANDBOX.username,
    THUNDER_PASSWORD: THUNDER_SANDBOX.password,
    THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
    THUNDER_SSO_URL: `${base}/thunder/sso/RESTSSOServices.svc`,
    THUNDER_PUBLIC_LAUNCH: "1",
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    THROUGHLINE_TOKEN_URL: `${base}/throughline/oauth/token`,
    THROUGHLINE_API_URL: `${base}/throughline/v2`,
    THROUGHLINE_EVENTS_URL: `${base}/throughline/v1/events`,
  };
}
