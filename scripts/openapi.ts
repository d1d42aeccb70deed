/**
 * `pnpm docs:api`: writes docs/openapi.json, the API description the BFF serves at /openapi.json,
 * so that a change to the public API (a route, a field, a bound, a description) shows in review.
 * Sandbox mode configures every provider, so every route is in it.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createApp, loadConfig } from "@embedkit/bff";

const publicUrl = "http://localhost";
const { app } = createApp(loadConfig({ BFF_SANDBOX: "1" }, { publicUrl }), { publicUrl, logSink: () => {} });
const description = await (await app.request(`${publicUrl}/openapi.json`)).json();
const path = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));
writeFileSync(path, `${JSON.stringify(description, null, 2)}\n`);
console.log(`wrote ${path}`);
