/**
 * Every provider the BFF knows, in the order /health lists them. What a provider implements is
 * in providers/contract.ts; each is one folder whose index.ts exports its `ProviderModule`.
 * A fourth provider is a folder of its own and one more entry here: its variables reach the
 * configuration, the secrets and docs/configuration.md, and it is in /health, /metrics,
 * /openapi.json and the doctor (test/extension-point.test.ts registers one). A simulator for
 * sandbox mode is optional: sandbox-mode.ts sets the simulated values of those that have one.
 */
import type { ProviderModule } from "./providers/contract.ts";
import { thron } from "./thron/index.ts";
import { throughline } from "./throughline/index.ts";
import { thunder } from "./thunder/index.ts";

export const PROVIDERS: readonly ProviderModule[] = [thron, thunder, throughline];
