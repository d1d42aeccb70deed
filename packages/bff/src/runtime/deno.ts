/** Deno entry: `deno run --allow-net --allow-env --allow-read --allow-sys packages/bff/src/runtime/deno.ts`. */
import process from "node:process";
import { getConnInfo } from "hono/deno";
import { prepareOnConfiguredPort } from "./prepare.ts";

declare const Deno: {
  serve(options: { port: number; hostname: string }, handler: (request: Request, info: unknown) => Response | Promise<Response>): unknown;
};

const bff = await prepareOnConfiguredPort(process.env, "Deno", (c) => getConnInfo(c).remote.address);
Deno.serve({ port: bff.port, hostname: bff.hostname }, (request, info) => bff.app.fetch(request, info));
