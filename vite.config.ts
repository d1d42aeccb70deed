/**
 * Two jobs:
 * - `pnpm build`: the elements' CDN bundle, `packages/components/dist/cdn/components.js` plus
 *   content-hashed chunks, which the BFF serves at /components.js.
 * - `pnpm dev`: the demo with hot reload; the BFF (sandbox mode) runs inside Vite's own server,
 *   so elements and API share one origin, as in production.
 */
import { getRequestListener } from "@hono/node-server";
import { defineConfig, type Plugin } from "vite";

const ENTRY = "packages/components/src/index.ts";

function bffInDevServer(): Plugin {
  return {
    name: "embedkit-bff",
    apply: "serve",
    async configureServer(server) {
      const { createApp } = await server.ssrLoadModule("/packages/bff/src/app.ts");
      const { loadConfig } = await server.ssrLoadModule("/packages/bff/src/config.ts");
      const { demoPage } = await server.ssrLoadModule("/packages/bff/src/demo/page.ts");
      const port = server.config.server.port ?? 5173;
      const publicUrl = `http://localhost:${port}`;
      const { app } = createApp(loadConfig({ ...process.env, PORT: String(port) }, { publicUrl }), { publicUrl });
      const bff = getRequestListener(app.fetch);
      server.middlewares.use(async (req, res, next) => {
        const path = req.url?.split("?")[0] ?? "/";
        if (path === "/" || path === "/index.html") {
          const page = demoPage().replace('src="/components.js"', `src="/${ENTRY}"`);
          res.setHeader("content-type", "text/html");
          res.end(await server.transformIndexHtml(path, page));
          return;
        }
        if (/^\/(v1|_sandbox|health|openapi\.json|docs)(\/|$)/.test(path)) return bff(req, res);
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [bffInDevServer()],
  server: { port: 5173, strictPort: true, host: "127.0.0.1" },
  build: {
    outDir: "packages/components/dist/cdn",
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    sourcemap: true,
    lib: {
      entry: ENTRY,
      formats: ["es"],
      fileName: () => "components.js",
    },
    rolldownOptions: {
      // Lib mode keeps whitespace for readable npm output; the CDN bundle wants every byte gone.
      output: { chunkFileNames: "chunks/[name]-[hash].js", minify: true },
    },
  },
});
