/** `pnpm sandbox`: the simulated upstreams alone, on SANDBOX_HOST and SANDBOX_PORT (default 127.0.0.1:8790). */
import { serve } from "@hono/node-server";
import { createSandbox } from "./index.ts";

const port = Number(process.env.SANDBOX_PORT?.trim() || 8790);
const host = process.env.SANDBOX_HOST?.trim() || "127.0.0.1";

/**
 * How a browser or a BFF reaches `host`: a wildcard as localhost, an IPv6 literal in brackets. The
 * BFF's runtime/url-host.ts does the same; the simulated vendors import nothing from the product
 * (the BFF depends on them, not the other way), so the three lines are kept here too.
 */
function reachableHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

// The sandbox writes its own URLs into answers, so it is created once the port is known (PORT 0 asks for any).
let handle: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
serve({ fetch: (request) => handle(request), port, hostname: host }, (info) => {
  const base = `http://${reachableHost(host)}:${info.port}`;
  const sandbox = createSandbox({ baseUrl: base });
  handle = (request) => sandbox.app.fetch(request);
  console.log(
    `Embedkit sandbox on ${base} (THRON under ${sandbox.urls.thron}, Thunder SSO at ${sandbox.urls.thunder}); /_admin/faults is a test tool that makes them fail`,
  );
});
