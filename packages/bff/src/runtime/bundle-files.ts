/** The built bundle read into memory once, for runtimes with a file system (Node, Bun, Deno). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { SwaggerUiFiles } from "../docs/page.ts";
import { MIN_COMPRESSIBLE_BYTES } from "../http/encoding.ts";
import type { StaticFile } from "../http/static-assets.ts";

export const BUNDLE_DIR = fileURLToPath(new URL("../../../components/dist/cdn", import.meta.url));

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".css": "text/css; charset=utf-8",
};

/** Files by path under the bundle root; null when `pnpm build` has not run. */
export function readBundle(dir = BUNDLE_DIR): Map<string, StaticFile> | null {
  try {
    if (!statSync(dir).isDirectory()) return null;
  } catch {
    return null;
  }
  const files = new Map<string, StaticFile>();
  // Keys are built from the entries' names, so they are "/"-separated on every system.
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const key = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(folder, entry.name), `${key}/`);
      else {
        const ext = entry.name.slice(entry.name.lastIndexOf("."));
        const body = readFileSync(join(folder, entry.name));
        files.set(key, {
          body,
          contentType: TYPES[ext] ?? "application/octet-stream",
          // Compressed once here, at the best levels (brotli's default is its best), not on every request.
          ...(ext in TYPES &&
            body.length >= MIN_COMPRESSIBLE_BYTES && {
              encoded: { br: brotliCompressSync(body), gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }) },
            }),
        });
      }
    }
  };
  walk(dir, "");
  return files;
}

/** Swagger UI from the swagger-ui-dist package, for /docs. */
export function readSwaggerUi(): SwaggerUiFiles {
  const dir = join(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"), "..");
  return { css: readFileSync(join(dir, "swagger-ui.css")), js: readFileSync(join(dir, "swagger-ui-bundle.js")) };
}
