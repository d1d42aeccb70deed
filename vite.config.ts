/**
 * Two jobs:
 * - `pnpm build`: the elements' CDN bundle in `packages/components/dist/cdn`: `components.js`
 *   and one entry per element (short-cached by the BFF), importing shared, content-hashed chunks
 *   (cached as immutable).
 * - `pnpm dev`: the demo with hot reload; the BFF (sandbox mode) runs inside Vite's own server,
 *   so elements and API share one origin, as in production.
 */
import { getRequestListener } from "@hono/node-server";
import { defineConfig, type Plugin } from "vite";

const ENTRY = "packages/components/src/index.ts";
/** The /builder page's own script: a build of its own, so none of it is in the elements' bundle. */
const BUILDER_ENTRY = "packages/components/src/builder/builder-app.ts";
/** One entry per element (for pages that use one) besides components.js (all of them). */
const ELEMENTS = ["thron-gallery", "thron-asset", "thron-filter-bar", "thunder-launch-button", "throughline-helplines"];

/**
 * `_headers` for hosts that serve the bundle as static files (Cloudflare Workers assets, Netlify):
 * the same caching and CORS the BFF itself sends.
 */
function staticHeaders(): Plugin {
  const cors = "  Access-Control-Allow-Origin: *\n  Cross-Origin-Resource-Policy: cross-origin";
  return {
    name: "embedkit-static-headers",
    apply: "build",
    generateBundle() {
      const entries = ["components", ...ELEMENTS].map(
        (name) => `/${name}.js\n${cors}\n  Cache-Control: public, max-age=300, stale-while-revalidate=86400`,
      );
      const chunks = `/chunks/*\n${cors}\n  Cache-Control: public, max-age=31536000, immutable`;
      this.emitFile({ type: "asset", fileName: "_headers", source: `${[...entries, chunks].join("\n")}\n` });
    },
  };
}

/**
 * Lib mode's minifier leaves template literals alone, so the elements' Lit `css` would ship with
 * its comments and indentation. Styles carry no `${}` and no strings where spaces matter, so
 * comments go and whitespace collapses (never removed between tokens: `a :is(b)` keeps its meaning).
 */
function minifyElementStyles(): Plugin {
  return {
    name: "embedkit-minify-styles",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!/packages[\\/]components[\\/]src[\\/].*styles?\.ts$/.test(id)) return null;
      return code.replace(/css`([^`]*)`/g, (_, body: string) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, "")
          .replace(/\s+/g, " ")
          .replace(/\s*([{};])\s*/g, "$1")
          .trim();
        return `css\`${min}\``;
      });
    },
  };
}

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
      const { app, sandbox } = createApp(loadConfig({ ...process.env, PORT: String(port) }, { publicUrl }), { publicUrl });
      const bff = getRequestListener(app.fetch);
      server.middlewares.use(async (req, res, next) => {
        const path = req.url?.split("?")[0] ?? "/";
        if (path === "/" || path === "/index.html") {
          const page = demoPage({ thron: sandbox?.thron }).replace('src="/components.js"', `src="/${ENTRY}"`);
          res.setHeader("content-type", "text/html");
          res.end(await server.transformIndexHtml(path, page));
          return;
        }
        if (path === "/builder.js") {
          req.url = `/${BUILDER_ENTRY}`;
          return next();
        }
        if (path === "/builder") {
          const page = await (await app.request(`${publicUrl}/builder`)).text();
          res.setHeader("content-type", "text/html");
          res.end(page.replace('src="/components.js"', `src="/${ENTRY}"`));
          return;
        }
        if (/^\/(v1|_sandbox|health|openapi\.json|docs|builder)(\/|$)/.test(path)) return bff(req, res);
        next();
      });
    },
  };
}

const OUT_DIR = "packages/components/dist/cdn";
const LIT = /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/;
/** The gallery's dialog and the players: loaded on a gallery's first open, or by <thron-asset>. */
const PLAYERS =
  /[\\/]src[\\/](internal[\\/](thron-player-mount|player-loader|native-player)|thron-gallery[\\/]gallery-dialog(\.styles)?)\.ts$/;

/**
 * `vite build`: components.js, the one-tag embed: a small entry (short-cached) importing one
 * content-hashed chunk with every element and Lit (immutable). One file compresses best: the
 * 20 KB budget is for this. `vite build --mode split`: an entry per element, with shared code
 * in finer chunks, for pages that use one element. `pnpm build` runs both into one folder.
 */
export default defineConfig(({ mode }) => {
  const split = mode === "split";
  const builder = mode === "builder";
  return {
    plugins: [bffInDevServer(), minifyElementStyles(), ...(split || builder ? [] : [staticHeaders()])],
    server: { port: 5173, strictPort: true, host: "127.0.0.1" },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: !split && !builder,
      target: "es2022",
      minify: true,
      sourcemap: true,
      lib: {
        entry: builder
          ? { builder: BUILDER_ENTRY }
          : split
            ? Object.fromEntries(ELEMENTS.map((name) => [name, `packages/components/src/${name}/${name}.ts`]))
            : { components: ENTRY },
        formats: ["es"],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        output: {
          chunkFileNames: "chunks/[name]-[hash].js",
          // Lib mode keeps whitespace for readable npm output; the CDN bundle wants every byte gone.
          minify: true,
          advancedChunks: {
            groups: builder
              ? [{ name: "builder", test: /./ }]
              : split
                ? [
                    // Lit apart: it changes less often than the elements, so it stays cached across deploys.
                    { name: "lit", test: LIT },
                    {
                      name: "embedkit",
                      test: (id: string) => /packages[\\/]components[\\/]src[\\/]internal[\\/]/.test(id) && !PLAYERS.test(id),
                    },
                  ]
                : // <thron-asset> and the strings of languages other than English stay apart: loaded only by the pages that use them.
                  [
                    {
                      name: "elements",
                      test: (id: string) =>
                        !PLAYERS.test(id) &&
                        !/[\\/]src[\\/](thron-asset[\\/]|thron-gallery[\\/](preset-check|carousel-controller)|[^\\/]+[\\/]lang[\\/](?!en\.ts))/.test(
                          id,
                        ),
                    },
                  ],
          },
        },
      },
    },
  };
});
