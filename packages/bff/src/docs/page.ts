/**
 * `/docs`: Swagger UI over /openapi.json, served from the swagger-ui-dist package (pinned by the
 * lockfile) on this origin, so the page loads nothing from a CDN and runs under a strict CSP:
 * no inline script, its start-up code is a file of its own.
 */
import type { Hono } from "hono";
import { respond } from "../http/response-headers.ts";

/** The two files Swagger UI needs, read from swagger-ui-dist by the server runtimes. */
export interface SwaggerUiFiles {
  css: Uint8Array;
  js: Uint8Array;
}

/** No inline script anywhere; Swagger UI sets style attributes, and shows data: images. */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Embedkit BFF API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-spec="/openapi.json"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: document.getElementById("swagger-ui").dataset.spec, dom_id: "#swagger-ui" });\n`;

const DAY = "public, max-age=86400";

export function mountDocs(app: Hono, files: SwaggerUiFiles | null): void {
  app.get("/docs", (c) =>
    respond(c, PAGE, 200, { "content-type": "text/html; charset=utf-8", "content-security-policy": DOCS_CSP, "cache-control": "no-cache" }),
  );
  app.get("/docs/init.js", (c) => respond(c, INIT, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": DAY }));
  if (!files) return; // Workers: no file system to read the package from (see docs/deploy.md)
  app.get("/docs/swagger-ui.css", (c) =>
    respond(c, files.css as Uint8Array<ArrayBuffer>, 200, { "content-type": "text/css; charset=utf-8", "cache-control": DAY }),
  );
  app.get("/docs/swagger-ui-bundle.js", (c) =>
    respond(c, files.js as Uint8Array<ArrayBuffer>, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": DAY }),
  );
}
