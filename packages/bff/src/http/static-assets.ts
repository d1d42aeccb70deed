/**
 * The elements' bundle as the BFF serves it: the entry short-cached (so a deploy reaches every
 * page within minutes), content-hashed chunks immutable, and readable cross-origin because
 * module scripts are fetched in CORS mode by the pages that embed them.
 */
import type { Context, Hono } from "hono";
import { ProblemError, sendProblem } from "../core/problem.ts";
import { acceptedEncoding, type Encoding } from "./encoding.ts";
import { respond } from "./response-headers.ts";

export interface StaticFile {
  body: Uint8Array;
  contentType: string;
  /** The body compressed ahead of time (at start-up), by encoding. */
  encoded?: Partial<Record<Encoding, Uint8Array>>;
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
  const serve = (c: Context, path: string) => {
    const file = files?.get(path);
    if (!file) return null;
    const headers: Record<string, string> = {
      "content-type": file.contentType,
      "cache-control": isEntry(path) ? "public, max-age=300, stale-while-revalidate=86400" : "public, max-age=31536000, immutable",
      "access-control-allow-origin": "*",
      "cross-origin-resource-policy": "cross-origin",
      // The bundle carries no sourceMappingURL comment (bytes every page would download): this
      // header points developer tools at the map instead, for the files that have one.
      ...(files?.has(`${path}.map`) && { sourcemap: `${path.slice(path.lastIndexOf("/") + 1)}.map` }),
    };
    if (!file.encoded) return respond(c, file.body as Uint8Array<ArrayBuffer>, 200, headers);
    headers.vary = "Accept-Encoding";
    // Offered only the encodings the file has: one accepted is one it holds.
    const encoding = acceptedEncoding(c.req.header("accept-encoding"), Object.keys(file.encoded) as Encoding[]);
    if (!encoding) return respond(c, file.body as Uint8Array<ArrayBuffer>, 200, headers);
    headers["content-encoding"] = encoding;
    return respond(c, file.encoded[encoding] as Uint8Array<ArrayBuffer>, 200, headers);
  };
  app.get(`/${ENTRY}`, (c) => {
    const response = serve(c, ENTRY);
    if (response) return response;
    return sendProblem(
      c,
      new ProblemError(503, "bundle-missing", "The elements' bundle is not built", "Run `pnpm build` before starting the BFF."),
    );
  });
  // One route per entry rather than a pattern, which would keep Hono off its fastest router.
  // Stryker disable next-line ArrayDeclaration,LogicalOperator,ConditionalExpression: a route added twice, for a chunk (served by /chunks/* alike) or for a path no bundle has answers the same (false, no other entry routed, is lost with them)
  for (const path of files?.keys() ?? []) if (isEntry(path) && path !== ENTRY) app.get(`/${path}`, (c) => serve(c, path) ?? c.notFound());
  app.get("/chunks/*", (c) => serve(c, c.req.path.slice(1)) ?? c.notFound());
}
