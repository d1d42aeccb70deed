/**
 * Every provider the BFF knows, in the order /health lists them. What a provider implements is
 * in providers/contract.ts; each is wired in its folder's index.ts.
 */
import type { ProviderModule } from "./providers/contract.ts";
import { thron } from "./thron/index.ts";
import { throughline } from "./throughline/index.ts";
import { thunder } from "./thunder/index.ts";

export const PROVIDERS: readonly ProviderModule[] = [thron, thunder, throughline];
