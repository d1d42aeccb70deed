/** Bun entry: `bun packages/bff/src/runtime/bun.ts` (PORT, default 8787). */
import { getConnInfo } from "hono/bun";
import { loadConfig } from "../config.ts";
import { prepareBff } from "./prepare.ts";

const port = loadConfig(process.env).port;
const bff = await prepareBff({
  env: process.env,
  port,
  publicHost: "localhost",
  deps: { clientAddress: (c) => getConnInfo(c).remote.address },
});
console.log(`Embedkit BFF on Bun at ${bff.url}${bff.config.sandbox ? " (sandbox mode)" : ""}`);

export default { port, hostname: process.env.HOST ?? "0.0.0.0", fetch: bff.app.fetch };
