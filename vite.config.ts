/**
 * Three jobs:
 * - `pnpm build`: the elements' CDN bundle in `packages/components/dist/cdn`: `components.js`
 *   and one entry per element (short-cached by the BFF), importing shared, content-hashed chunks
 *   (cached as immutable).
 * - `pnpm build` also writes the elements for the BFF's server renderer (see serverBuild()).
 * - `vite build --mode single --outDir <dir>`: `pnpm bench`'s baseline, one script with every element.
 * - `pnpm dev`: the demo with hot reload; the BFF (sandbox mode) runs inside Vite's own server,
 *   so elements and API share one origin, as in production.
 */
import { getRequestListener } from "@hono/node-server";
import { defineConfig, type Plugin, type Rolldown } from "vite";
import { minifyTemplates } from "./scripts/minify-templates.ts";

/** components.js: the loader, which imports each element's entry when its tag appears. */
const ENTRY = "packages/components/src/loader.ts";
/** The /builder page's own script: a build of its own, so none of it is in the elements' bundle. */
const BUILDER_ENTRY = "packages/components/src/builder/builder-app.ts";
/** One entry per element (for pages that use one, and for the loader) besides components.js. */
const ELEMENTS = ["thron-gallery", "thron-asset", "thron-filter-bar", "thunder-launch-button", "throughline-helplines"];

/**
 * `_headers` for hosts that serve the bundle as static files (Cloudflare Workers assets, Netlify):
 * the same caching, CORS and SourceMap headers the BFF itself sends.
 */
function staticHeaders(): Plugin {
  const cors = "  Access-Control-Allow-Origin: *\n  Cross-Origin-Resource-Policy: cross-origin";
  return {
    name: "embedkit-static-headers",
    apply: "build",
    generateBundle(_options, bundle) {
      const entries = ["components", ...ELEMENTS].map(
        (name) => `/${name}.js\n${cors}\n  Cache-Control: public, max-age=300, stale-while-revalidate=86400`,
      );
      const chunks = `/chunks/*\n${cors}\n  Cache-Control: public, max-age=31536000, immutable`;
      const maps = Object.keys(bundle)
        .filter((file) => file.endsWith(".js") && `${file}.map` in bundle)
        .map((file) => `/${file}\n  SourceMap: ${file.slice(file.lastIndexOf("/") + 1)}.map`);
      this.emitFile({ type: "asset", fileName: "_headers", source: `${[...entries, chunks, ...maps].join("\n")}\n` });
    },
  };
}

/**
 * Writes into the loader (components.js) the chunks each element's entry imports, so it fetches
 * them beside the entry rather than after it (see CHUNKS in loader.ts). Done before minification
 * on the placeholder at the end of its line, so the loader's source map stays right (only the
 * closing `);` after it shifts).
 */
function entryChunks(): Plugin {
  const TABLE = /\{\s*"embedkit:entry-chunks":\s*\[\]\s*\}/g;
  return {
    name: "embedkit-entry-chunks",
    apply: "build",
    renderChunk(code, chunk, _options, meta) {
      if (chunk.fileName !== "components.js") return null;
      const table: Record<string, string[]> = {};
      for (const other of Object.values(meta.chunks))
        if (other.isEntry && ELEMENTS.includes(other.name) && other.imports.length > 0)
          table[other.name] = other.imports.map((file) => `./${file}`);
      if ((code.match(TABLE) ?? []).length !== 1) this.error("components.js: the loader's CHUNKS table was not found once");
      return { code: code.replace(TABLE, JSON.stringify(table)), map: null };
    },
  };
}

/** The elements' `html` and `css` templates minified (see scripts/minify-templates.ts). */
function minifyElementTemplates(): Plugin {
  return {
    name: "embedkit-minify-templates",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!/packages[\\/]components[\\/]src[\\/](?!builder[\\/]).*\.ts$/.test(id)) return null;
      const minified = minifyTemplates(code, id);
      // Line numbers are kept, so the source map of the module as written still holds line by line.
      return minified === null ? null : { code: minified, map: null };
    },
  };
}

function bffInDevServer(): Plugin {
  return {
    name: "embedkit-bff",
    apply: "serve",
    async configureServer(server) {
      const { createApp } = await server.ssrLoadModule("/packages/bff/src/app.ts");
      const { loadConfig } = await server.ssrLoadModule("/packages/bff/src/sandbox-mode.ts");
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

/**
 * `vite build --mode server`: the elements for the BFF's server renderer
 * (`packages/components/dist/server/server.js`), their templates minified exactly as in the CDN
 * bundle, since hydration matches the server's templates to the browser's by their text. Lit
 * stays external: the renderer and the elements must share one Lit.
 */
function serverBuild() {
  return {
    plugins: [minifyElementTemplates()],
    build: {
      outDir: "packages/components/dist/server",
      emptyOutDir: true,
      target: "node20",
      minify: false,
      sourcemap: true,
      ssr: "packages/components/src/server.ts",
      rolldownOptions: {
        external: [/^(lit|lit-html|lit-element)(\/|$)/, /^@lit(-labs)?\//],
        output: { entryFileNames: "server.js", chunkFileNames: "chunks/[name]-[hash].js" },
      },
    },
  };
}

/** The entries that load a module at once, through static imports: what loads on demand does not count. */
function entriesLoading(id: string, chunking: Rolldown.ChunkingContext, seen = new Set<string>()): Set<string> {
  const entries = new Set<string>();
  if (seen.has(id)) return entries;
  seen.add(id);
  const info = chunking.getModuleInfo(id);
  if (info?.isEntry) entries.add(id);
  for (const importer of info?.importers ?? []) for (const entry of entriesLoading(importer, chunking, seen)) entries.add(entry);
  return entries;
}
const LIT = /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/;

/**
 * `vite build --mode single --outDir <dir>`: one script with every element, components.js as it
 * was before it became a loader (only its on-demand parts apart): `pnpm bench`'s baseline.
 */
const SINGLE_ENTRY = "packages/components/src/index.ts";

/** The entries of each mode of the CDN build. */
function entriesOf(mode: string): Record<string, string> {
  if (mode === "builder") return { builder: BUILDER_ENTRY };
  if (mode === "single") return { components: SINGLE_ENTRY };
  return { components: ENTRY, ...Object.fromEntries(ELEMENTS.map((name) => [name, `packages/components/src/${name}/${name}.ts`])) };
}

/** How each mode of the CDN build groups modules into chunks (beyond rolldown's own splitting). */
function chunkGroups(mode: string): Rolldown.CodeSplittingGroup[] {
  if (mode === "builder") return [{ name: "builder", test: /./ }];
  // Everything the page needs at once in one chunk; what loads on demand keeps chunks of its own.
  if (mode === "single") return [{ name: "elements", tags: ["$initial"] }];
  return [
    // One shared chunk: Lit and what two or more elements load at once. Lit had a chunk of its own
    // (cached across deploys), but apart it cost every page a request and 340 B gzip. What one
    // element loads at once stays in its entry (or a chunk of its own when a part loaded on demand
    // shares it), so no page downloads another element's code; what loads on demand keeps chunks
    // of its own. Lit's hydration helpers, loaded by no entry at once, stay with the hydration chunk.
    {
      name: (id: string, chunking: Rolldown.ChunkingContext) =>
        entriesLoading(id, chunking).size >= (LIT.test(id) ? 1 : 2) ? "shared" : null,
      test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|packages[\\/]components[\\/]src[\\/]/,
    },
  ];
}

/**
 * `vite build`: the CDN bundle: components.js (the loader, short-cached), an entry per element
 * (short-cached; what the loader imports when a tag appears, or what a page uses directly), and
 * shared code in content-hashed chunks (immutable). `pnpm bench` weighs what pages download.
 */
export default defineConfig(({ mode }) => {
  if (mode === "server") return serverBuild();
  return {
    plugins: [bffInDevServer(), minifyElementTemplates(), ...(mode === "production" ? [staticHeaders(), entryChunks()] : [])],
    server: { port: 5173, strictPort: true, host: "127.0.0.1" },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: mode !== "builder",
      target: "es2022",
      minify: true,
      // Maps without the sourceMappingURL comment (about 30 B gzip per file, on every page): the
      // BFF and `_headers` point developer tools at them with a SourceMap header instead. The
      // /builder page's script, outside `_headers` (a build of its own), keeps its comment.
      sourcemap: mode === "builder" ? true : "hidden",
      lib: { entry: entriesOf(mode), formats: ["es"], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: {
        output: {
          chunkFileNames: "chunks/[name]-[hash].js",
          // Lib mode keeps whitespace for readable npm output; the CDN bundle wants every byte gone.
          minify: true,
          // Pure annotations help only a bundler that reads this output, and none does.
          comments: false,
          codeSplitting: { groups: chunkGroups(mode) },
        },
      },
    },
  };
});
