/** Bun entry: `bun packages/bff/src/runtime/bun.ts` (PORT, default 8787). */
import { getConnInfo } from "hono/bun";
import { prepareOnConfiguredPort } from "./prepare.ts";

const bff = await prepareOnConfiguredPort(process.env, "Bun", (c) => getConnInfo(c).remote.address);

export default { port: bff.port, hostname: bff.hostname, fetch: bff.app.fetch };
