/** `pnpm docs:config`: writes docs/configuration.md from the BFF's configuration reference. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configurationMarkdown } from "@embedkit/bff/config-reference";

const path = fileURLToPath(new URL("../docs/configuration.md", import.meta.url));
writeFileSync(path, configurationMarkdown());
console.log(`wrote ${path}`);
