/** The sandbox's demo: the page at `/` and its script at `/demo.js` (sandbox mode only). */
import type { Sandbox } from "@embedkit/sandbox";
import type { Hono } from "hono";
import { respond } from "../http/response-headers.ts";
import type { StaticFiles } from "../http/static-assets.ts";
import { DEMO_CSP, DEMO_SCRIPT, demoPage } from "./page.ts";
import { entryChunks } from "./preload.ts";

export function mountDemo(app: Hono, sandbox: Sandbox, staticFiles: StaticFiles | null | undefined): void {
  const page = demoPage({ preload: entryChunks(staticFiles), thron: sandbox.thron });
  // Through c.html(), not respond(): the page then goes out compressed like the other answers.
  app.get("/", (c) => {
    c.header("content-security-policy", DEMO_CSP);
    return c.html(page);
  });
  app.get("/demo.js", (c) =>
    respond(c, DEMO_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }),
  );
}
