/**
 * Every provider the BFF knows, in the order /health lists them. What a provider implements is
 * in providers/contract.ts; each is one folder whose index.ts exports its `ProviderModule`.
 * A fourth provider is a folder of its own and one more entry here: its variables reach the
 * configuration, the secrets and docs/configuration.md, and it is in /health, /metrics,
 * /openapi.json and the doctor, and with its module's optional `simulator` it is simulated in
 * sandbox mode, fault switch included (test/extension-point.test.ts registers one).
 */
import type { ProviderModule } from "./providers/contract.ts";
import { thron } from "./thron/index.ts";
import { throughline } from "./throughline/index.ts";
import { thunder } from "./thunder/index.ts";

export const PROVIDERS: readonly ProviderModule[] = [thron, thunder, throughline];
