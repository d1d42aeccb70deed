/** THRON's simulator in sandbox mode: the values its variables take there (sandbox-mode.ts reads them). */
import { type SandboxUrls, THRON_SANDBOX } from "@embedkit/sandbox";

/** Sandbox mode sets every THRON variable: the simulated tenant and its three galleries. */
export function thronSandboxEnv(urls: SandboxUrls): Record<string, string> {
  const { folderId, pkey, filterKeys, sportFolderId, sportPkey, restrictedFolderId, restrictedPkey } = THRON_SANDBOX;
  return {
    THRON_TENANT: THRON_SANDBOX.tenant,
    THRON_CLIENT_ID: THRON_SANDBOX.clientId,
    THRON_CLIENT_SECRET: THRON_SANDBOX.clientSecret,
    THRON_USERNAME: THRON_SANDBOX.username,
    THRON_AUTH_URL: urls.thron,
    THRON_API_URL: urls.thron,
    THRON_CDN_URL: urls.thron,
    THRON_CLASSIFICATION_ID: THRON_SANDBOX.classificationId,
    THRON_FOLDER_ID: "",
    THRON_PKEY: "",
    THRON_FILTER_KEYS: "",
    THRON_GALLERIES: JSON.stringify({
      default: { folderId, pkey, filterKeys },
      sport: { folderId: sportFolderId, pkey: sportPkey, filterKeys: ["topic"] },
      // A folder the sandbox user has no rights on: shows what an ACL mistake looks like.
      restricted: { folderId: restrictedFolderId, pkey: restrictedPkey, filterKeys: [] },
    }),
  };
}
