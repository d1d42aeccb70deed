/**
 * The npm build of `@embedkit/components` in `packages/components/dist/npm`: one `.js` module
 * per source file (readable, with source maps; bundlers and import maps resolve `lit` on the
 * host page) and its `.d.ts`. The elements import only types from the private
 * `@embedkit/contracts`, so those types are written out in full into `contracts.d.ts` and the
 * declarations point there: the published package needs nothing unpublished. TypeScript keeps
 * the `.ts` of relative imports in declarations, so they are pointed at the `.d.ts` beside them.
 * The one run-time import, the zod-free Thunder vocabulary, is compiled into `contracts/` here.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const packageDir = fileURLToPath(new URL("../packages/components/", import.meta.url));
const sourceDir = join(packageDir, "src");
const outDir = join(packageDir, "dist/npm");
const CONTRACTS = "@embedkit/contracts";
/** Contract modules the elements import at run time (zod-free), compiled into the package. */
const RUNTIME_CONTRACTS = ["thunder-vocabulary"];
const contractsSourceDir = fileURLToPath(new URL("../packages/contracts/src/", import.meta.url));

/** Everything under src except tests, their helpers and the /builder page (the BFF serves it). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(sourceDir, "builder") ? [] : sources(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") && !path.endsWith("test-support.ts") ? [path] : [];
  });
}

const base = ts.readConfigFile(fileURLToPath(new URL("../tsconfig.base.json", import.meta.url)), ts.sys.readFile).config;
const { options } = ts.convertCompilerOptionsFromJson(
  {
    ...base.compilerOptions,
    noEmit: false,
    declaration: true,
    declarationMap: true,
    sourceMap: true,
    rewriteRelativeImportExtensions: true,
    rootDir: sourceDir,
    outDir,
    types: [],
  },
  packageDir,
);

rmSync(outDir, { recursive: true, force: true });
const program = ts.createProgram(sources(sourceDir), options);
const result = program.emit();
const runtimeContracts = ts.createProgram(
  RUNTIME_CONTRACTS.map((name) => join(contractsSourceDir, `${name}.ts`)),
  { ...options, rootDir: contractsSourceDir, outDir: join(outDir, "contracts") },
);
const runtimeResult = runtimeContracts.emit();
const errors = [
  ...ts.getPreEmitDiagnostics(program),
  ...result.diagnostics,
  ...ts.getPreEmitDiagnostics(runtimeContracts),
  ...runtimeResult.diagnostics,
].filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length > 0) {
  console.error(
    ts.formatDiagnosticsWithColorAndContext(errors, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => packageDir,
      getNewLine: () => "\n",
    }),
  );
  process.exit(1);
}

/** Every emitted file, with the names its declarations import from the contracts. */
const emitted = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
})(outDir);
const IMPORT = new RegExp(`import type \\{([^}]*)\\} from "${CONTRACTS}";`, "g");
const used = new Set<string>();
for (const file of emitted) {
  let text = readFileSync(file, "utf8");
  for (const name of RUNTIME_CONTRACTS) {
    const compiled = relative(dirname(file), join(outDir, "contracts", `${name}.js`));
    text = text.replaceAll(`"${CONTRACTS}/${name}"`, JSON.stringify(compiled.startsWith(".") ? compiled : `./${compiled}`));
  }
  if (file.endsWith(".js")) writeFileSync(file, text);
  if (file.endsWith(".js") && text.includes(CONTRACTS)) throw new Error(`${relative(packageDir, file)} imports ${CONTRACTS} at run time`);
  if (!file.endsWith(".d.ts")) continue;
  for (const match of text.matchAll(IMPORT)) for (const name of (match[1] ?? "").split(",")) used.add(name.trim());
  const target = relative(dirname(file), join(outDir, "contracts.js"));
  const declarations = text
    .replaceAll(`"${CONTRACTS}"`, JSON.stringify(target.startsWith(".") ? target : `./${target}`))
    .replace(/(from "\.{1,2}\/[^"]+)\.ts"/g, '$1.js"');
  writeFileSync(file, declarations);
}

/** Each contract type as the structural type it stands for, so no zod is needed to read it. */
const checker = program.getTypeChecker();
const contractsFile = program.getSourceFiles().find((file) => file.fileName.endsWith("packages/contracts/src/index.ts"));
const contractsModule = contractsFile && checker.getSymbolAtLocation(contractsFile);
if (!contractsModule) throw new Error(`${CONTRACTS} was not part of the program`);
const exports = new Map(checker.getExportsOfModule(contractsModule).map((symbol) => [symbol.name, symbol]));
const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias;
const declarations = [...used].sort().map((name) => {
  const symbol = exports.get(name);
  if (!symbol) throw new Error(`${CONTRACTS} exports no ${name}`);
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return `export type ${name} = ${checker.typeToString(checker.getDeclaredTypeOfSymbol(target), undefined, flags)};`;
});
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, "contracts.d.ts"),
  `/** The BFF's answers as the elements see them (generated from ${CONTRACTS}). */\n${declarations.join("\n")}\n`,
);
writeFileSync(join(outDir, "contracts.js"), "export {};\n");
console.log(`${relative(process.cwd(), outDir)}: ${emitted.length + 2} files`);
