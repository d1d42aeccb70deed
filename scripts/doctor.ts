/**
 * `pnpm doctor`: checks this deployment's credentials and permissions against the live
 * services, step by step, with the likely cause and the fix for each failure. It reads the
 * same environment (and `.env`) as the BFF; with no credentials it checks the sandbox in
 * process. Exit status: 0 all passed, 1 a check failed, 2 the configuration is invalid.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError, secretsOf } from "@embedkit/bff/config";
import { runDoctor } from "@embedkit/bff/doctor";
import { createSandboxMode, loadConfig } from "@embedkit/bff/sandbox-mode";

const envFile = fileURLToPath(new URL("../.env", import.meta.url));
if (existsSync(envFile)) process.loadEnvFile(envFile);

const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8787}`).replace(/\/$/, "");
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, { publicUrl });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const fetchImpl = config.sandbox ? createSandboxMode(publicUrl, { fallback: fetch, providers: config.providers }).fetch : fetch;
const { ok } = await runDoctor(config, { fetch: fetchImpl, write: (line) => console.log(line), secrets: secretsOf(config) });
process.exit(ok ? 0 : 1);
