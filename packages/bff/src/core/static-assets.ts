/**
 * The elements' bundle as the BFF serves it: the entry short-cached (so a deploy reaches every
 * page within minutes), content-hashed chunks immutable, and readable cross-origin because
 * module scripts are fetched in CORS mode by the pages that embed them.
 */
import type { Hono } from "hono";
import { ProblemError, sendProblem } from "./problem.ts";

export interface StaticFile {
  body: Uint8Array;
  contentType: string;
}

/** Files by their path under the bundle root, such as `components.js` or `chunks/x-a1b2c3.js`. */
export type StaticFiles = ReadonlyMap<string, StaticFile>;

const ENTRY = "components.js";
/**
 * Entries (the files at the bundle's root: components.js and one per element) keep their names
 * because pages link to them, so they are cached briefly; what is under chunks/ is content-hashed
 * and immutable. Derived from the build, so a new element needs no change here.
 */
const isEntry = (path: string) => !path.includes("/");

export function mountStaticAssets(app: Hono, files: StaticFiles | null): void {
  const serve = (path: string) => {
    const file = files?.get(path);
    if (!file) return null;
    return new Response(file.body as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": file.contentType,
        "cache-control": isEntry(path) ? "public, max-age=300, stale-while-revalidate=86400" : "public, max-age=31536000, immutable",
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
      },
    });
  };
  app.get(`/${ENTRY}`, (c) => {
    const response = serve(ENTRY);
    if (response) return response;
    return sendProblem(
      c,
      new ProblemError(503, "bundle-missing", "The elements' bundle is not built", "Run `pnpm build` before starting the BFF."),
    );
  });
  app.get("/:entry{[a-z0-9-]+\\.js}", (c) => serve(c.req.param("entry")) ?? c.notFound());
  app.get("/chunks/*", (c) => serve(c.req.path.slice(1)) ?? c.notFound());
}
