/** `pnpm docs:config`: writes docs/configuration.md from the BFF's configuration reference. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configurationMarkdown } from "../packages/bff/src/config-reference.ts";

const path = fileURLToPath(new URL("../docs/configuration.md", import.meta.url));
writeFileSync(path, configurationMarkdown());
console.log(`wrote ${path}`);
