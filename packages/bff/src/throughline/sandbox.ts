/** ThroughLine's simulator in sandbox mode: the values its variables take there (sandbox-mode.ts reads them). */
import { type SandboxUrls, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";

/** Sandbox mode sets ThroughLine's app and endpoints; the daily quota stays the operator's. */
export function throughlineSandboxEnv(urls: SandboxUrls): Record<string, string> {
  return {
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    THROUGHLINE_TOKEN_URL: urls.throughlineToken,
    THROUGHLINE_API_URL: urls.throughlineApi,
    THROUGHLINE_EVENTS_URL: urls.throughlineEvents,
  };
}
