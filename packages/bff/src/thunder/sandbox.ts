/** Thunder's simulator in sandbox mode: the values its variables take there (sandbox-mode.ts reads them). */
import { type SandboxUrls, THUNDER_SANDBOX } from "@embedkit/sandbox";

/** Sandbox mode sets Thunder's account and SSO service; the launch settings stay the operator's. */
export function thunderSandboxEnv(urls: SandboxUrls): Record<string, string> {
  return {
    THUNDER_USERNAME: THUNDER_SANDBOX.username,
    THUNDER_PASSWORD: THUNDER_SANDBOX.password,
    THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
    THUNDER_SSO_URL: urls.thunder,
  };
}
