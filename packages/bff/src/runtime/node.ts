/** Node entry: `pnpm start`. What it does is runNode's (node-main.ts); here it gets the real process. */
import { fileURLToPath } from "node:url";
import { runNode } from "./node-main.ts";

await runNode({
  env: process.env,
  envFile: fileURLToPath(new URL("../../../../.env", import.meta.url)),
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
  exit: (code) => process.exit(code),
  once: (event, handler) => process.once(event, handler),
});
