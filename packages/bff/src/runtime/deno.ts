/** Deno entry: `deno run --allow-net --allow-env --allow-read --allow-sys packages/bff/src/runtime/deno.ts`. */
import process from "node:process";
import { getConnInfo } from "hono/deno";
import { loadConfig } from "../config.ts";
import { prepareBff } from "./prepare.ts";

declare const Deno: {
  serve(options: { port: number; hostname: string }, handler: (request: Request, info: unknown) => Response | Promise<Response>): unknown;
};

const port = loadConfig(process.env).port;
const bff = await prepareBff({
  env: process.env,
  port,
  publicHost: "localhost",
  deps: { clientAddress: (c) => getConnInfo(c).remote.address },
});
console.log(`Embedkit BFF on Deno at ${bff.url}${bff.config.sandbox ? " (sandbox mode)" : ""}`);
Deno.serve({ port, hostname: process.env.HOST ?? "0.0.0.0" }, (request, info) => bff.app.fetch(request, info));
