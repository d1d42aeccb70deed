/** `pnpm sandbox`: the simulated upstreams alone, on SANDBOX_PORT (default 8790). */
import { serve } from "@hono/node-server";
import { createSandbox } from "./index.ts";

const port = Number(process.env.SANDBOX_PORT ?? 8790);
const host = process.env.SANDBOX_HOST ?? "127.0.0.1";
const sandbox = createSandbox({ baseUrl: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}` });
serve({ fetch: sandbox.app.fetch, port, hostname: host }, (info) => {
  console.log(
    `Embedkit sandbox on http://${host}:${info.port} (THRON under ${sandbox.urls.thron}, Thunder SSO at ${sandbox.urls.thunder}); /_admin/faults is a test tool that makes them fail`,
  );
});
