/**
 * The published package as a host project meets it: `pnpm pack`, installed from the tarball into
 * a scratch project outside the workspace, then imported by Node, type-checked by TypeScript
 * (library declarations included) and bundled by Vite.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = fileURLToPath(new URL("../../..", import.meta.url));
/** The repository's pinned pnpm, so corepack uses it in the scratch project too. */
const { packageManager } = JSON.parse(readFileSync(join(repoDir, "package.json"), "utf8")) as { packageManager: string };
const built = existsSync(join(packageDir, "dist/npm/thron-gallery/thron-gallery.js"));
/** pnpm as the test runner was started (`pnpm test`), else from PATH. */
const pnpm = (args: string[], cwd: string) => {
  const execPath = process.env.npm_execpath;
  const [command, prefix] = execPath?.includes("pnpm") ? [process.execPath, [execPath]] : ["pnpm", []];
  return execFileSync(command, [...prefix, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
};

describe("the packed @embedkit/components", { skip: !built && "run pnpm build first" }, () => {
  let scratch = "";
  let files: string[] = [];

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), "embedkit-package-"));
    const packed = JSON.parse(pnpm(["pack", "--json", "--pack-destination", scratch], packageDir)) as {
      filename: string;
      files: { path: string }[];
    };
    files = packed.files.map((file) => file.path);
    const tarball = readdirSync(scratch).find((name) => name.endsWith(".tgz"));
    assert.ok(tarball, `no tarball in ${scratch}: ${packed.filename}`);
    writeFileSync(
      join(scratch, "package.json"),
      JSON.stringify({
        name: "host-site",
        private: true,
        type: "module",
        packageManager,
        dependencies: { "@embedkit/components": `file:./${tarball}` },
      }),
    );
    pnpm(["install", "--prefer-offline", "--ignore-workspace", "--config.confirmModulesPurge=false"], scratch);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("ships the built modules, their declarations and the manifest, and no tests", () => {
    for (const element of ["thron-gallery", "thron-asset", "thron-filter-bar", "thunder-launch-button", "throughline-helplines"]) {
      assert.ok(files.includes(`dist/npm/${element}/${element}.js`), element);
      assert.ok(files.includes(`dist/npm/${element}/${element}.d.ts`), `${element} types`);
      for (const language of ["en", "it", "de", "fr", "es"])
        assert.ok(files.includes(`dist/npm/${element}/lang/${language}.js`), `${element} in ${language}`);
    }
    assert.ok(files.includes("custom-elements.json"));
    assert.deepEqual(
      files.filter((path) => /\.test\.|test-support|dist\/cdn|node_modules|builder/.test(path)),
      [],
    );
    const manifest = JSON.parse(readFileSync(join(scratch, "node_modules/@embedkit/components/package.json"), "utf8")) as Record<
      string,
      unknown
    >;
    assert.equal(manifest.private, undefined);
    // Both on npm: Lit, and Lit's hydration for server-rendered elements.
    assert.deepEqual(
      Object.keys(manifest.dependencies as object),
      ["@lit-labs/ssr-client", "lit"],
      "nothing unpublished is needed at run time",
    );
  });

  it("imports in Node without touching a DOM (the README's import)", () => {
    writeFileSync(
      join(scratch, "server.mjs"),
      `const gallery = await import("@embedkit/components/thron-gallery.js");
const asset = await import("@embedkit/components/thron-asset.js");
const all = await import("@embedkit/components");
console.log(JSON.stringify({ gallery: typeof gallery.ThronGallery, asset: typeof asset.ThronAsset, button: typeof all.ThunderLaunchButton }));`,
    );
    const output = execFileSync(process.execPath, ["server.mjs"], { cwd: scratch, encoding: "utf8" });
    assert.deepEqual(JSON.parse(output), { gallery: "function", asset: "function", button: "function" });
  });

  it("type-checks a host page's code against the shipped declarations alone", () => {
    writeFileSync(
      join(scratch, "page.ts"),
      `import "@embedkit/components/thron-gallery.js";
import type { EmbedkitErrorDetail, ThronGallery, ThronGalleryStrings } from "@embedkit/components";
const gallery: ThronGallery | null = document.querySelector("thron-gallery");
const pageSize: number | undefined = gallery?.pageSize;
gallery?.addEventListener("thron-error", () => console.log(pageSize));
// @ts-expect-error page-size is a number, not a string
if (gallery) gallery.pageSize = "24";
const strings: ThronGalleryStrings["loadMore"] = "More";
if (gallery) gallery.strings = { loadMore: strings };
// @ts-expect-error the gallery has no Thunder strings
if (gallery) gallery.strings = { launch: "Go" };
// Every element's events are typed wherever a host page listens: on the element or on document.
gallery?.addEventListener("thron-asset-open", (event) => {
  const title: string = event.detail.asset.title;
  if (event.detail.index > 0) event.preventDefault();
  console.log(title);
});
document.addEventListener("thron-gallery-load", (event) => console.log(event.detail.count, event.detail.total, event.detail.hasMore));
// @ts-expect-error a page's load says what it added, not which asset opened
document.addEventListener("thron-gallery-load", (event) => console.log(event.detail.asset));
document.addEventListener("thron-filter-change", (event) => console.log(event.detail.q, event.detail.filters["season"]?.length));
document.addEventListener("thunder-launch", (event) => console.log(event.detail.url, event.detail.method, event.detail.expiresAt));
document.addEventListener("throughline-contact", (event) => console.log(event.detail.helplineName, event.detail.href));
// One detail for every element's error event.
const onError = (event: CustomEvent<EmbedkitErrorDetail>) => console.log(event.detail.status, event.detail.title, event.detail.detail ?? "");
for (const name of ["thron-error", "thunder-error", "throughline-error"] as const) document.addEventListener(name, onError);
// @ts-expect-error an error's status is a number
document.addEventListener("thunder-error", (event) => event.detail.status.toUpperCase());
`,
    );
    writeFileSync(
      join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2022", "DOM"],
          types: [],
        },
        files: ["page.ts"],
      }),
    );
    const tsc = join(repoDir, "node_modules/typescript/bin/tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: scratch, encoding: "utf8" });
    } catch (error) {
      assert.fail((error as { stdout?: string }).stdout ?? String(error));
    }
  });

  it("keeps the registration when a bundler tree-shakes a page that imports one element", async () => {
    writeFileSync(join(scratch, "main.js"), `import "@embedkit/components/thron-gallery.js";\n`);
    const outDir = join(scratch, "out");
    await build({
      root: scratch,
      configFile: false,
      logLevel: "silent",
      build: { outDir, minify: false, rolldownOptions: { input: join(scratch, "main.js") } },
    });
    const chunks = readdirSync(join(outDir, "assets"))
      .filter((name) => name.endsWith(".js"))
      .map((name) => readFileSync(join(outDir, "assets", name), "utf8"));
    const bundle = chunks.join("\n");
    const italian = chunks.filter((chunk) => chunk.includes("Carica altri"));
    assert.equal(italian.length, 1, "the Italian strings in a chunk of their own");
    assert.doesNotMatch(italian[0] ?? "", /Load more|customElements/, "fetched only by pages in Italian");
    const dialog = chunks.filter((chunk) => chunk.includes("showModal") && chunk.includes("dialog-title"));
    assert.equal(dialog.length, 1, "the asset dialog and its players in a chunk of their own");
    assert.doesNotMatch(dialog[0] ?? "", /customElements/, "fetched on the gallery's first open");
    const viewer = chunks.filter((chunk) => chunk.includes("showModal") && chunk.includes("viewer-stage"));
    assert.equal(viewer.length, 1, "the viewer (layout=viewer) in a chunk of its own");
    assert.doesNotMatch(viewer[0] ?? "", /customElements|dialog-title/, "fetched when a gallery first shows a viewer");
    assert.match(bundle, /customElements\.define\(tag, element\)/);
    assert.match(bundle, /ThronGallery\.define\("thron-gallery"\)/);
    assert.doesNotMatch(bundle, /"thunder-launch-button"/, "one element's import brings only that element");
  });
});
