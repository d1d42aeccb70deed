/** THRON's simulator in sandbox mode: the values its variables take there, and the simulated tenant itself. */
import { createThronSandbox, sandboxUrls, THRON_SANDBOX } from "@embedkit/sandbox";
import type { ProviderSimulator } from "../providers/contract.ts";

export const thronSimulator: ProviderSimulator = {
  values: (root) => ({ env: thronSandboxEnv(sandboxUrls(root).thron) }),
  create: ({ root, now }) => createThronSandbox({ cdnBaseUrl: sandboxUrls(root).thron, now }),
};

/** Sandbox mode sets every THRON variable: the simulated tenant and its three galleries, its hosts at `url`. */
function thronSandboxEnv(url: string): Record<string, string> {
  const { folderId, pkey, filterKeys, sportFolderId, sportPkey, restrictedFolderId, restrictedPkey } = THRON_SANDBOX;
  return {
    THRON_TENANT: THRON_SANDBOX.tenant,
    THRON_CLIENT_ID: THRON_SANDBOX.clientId,
    THRON_CLIENT_SECRET: THRON_SANDBOX.clientSecret,
    THRON_USERNAME: THRON_SANDBOX.username,
    THRON_AUTH_URL: url,
    THRON_API_URL: url,
    THRON_CDN_URL: url,
    THRON_CLASSIFICATION_ID: THRON_SANDBOX.classificationId,
    THRON_FOLDER_ID: "",
    THRON_PKEY: "",
    // Stryker disable next-line StringLiteral: filter keys apply to the gallery THRON_FOLDER_ID makes, and sandbox mode makes none
    THRON_FILTER_KEYS: "",
    THRON_GALLERIES: JSON.stringify({
      default: { folderId, pkey, filterKeys },
      sport: { folderId: sportFolderId, pkey: sportPkey, filterKeys: ["topic"] },
      // A folder the sandbox user has no rights on: shows what an ACL mistake looks like.
      restricted: { folderId: restrictedFolderId, pkey: restrictedPkey, filterKeys: [] },
    }),
  };
}
