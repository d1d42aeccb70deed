/** ThroughLine's simulator in sandbox mode: the values its variables take there, and the simulated service. */
import { createThroughLineSandbox, sandboxUrls, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import type { ProviderSimulator } from "../providers/contract.ts";

/** Sandbox mode sets ThroughLine's app and endpoints; the daily quota stays the operator's. */
export const throughlineSimulator: ProviderSimulator = {
  values(root) {
    const urls = sandboxUrls(root);
    return {
      env: {
        THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
        THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
        THROUGHLINE_TOKEN_URL: urls.throughlineToken,
        THROUGHLINE_API_URL: urls.throughlineApi,
        THROUGHLINE_EVENTS_URL: urls.throughlineEvents,
      },
    };
  },
  create: ({ now }) => createThroughLineSandbox(now ? { now } : {}),
};
