/** Thunder's simulator in sandbox mode: the values its variables take there, and the simulated SSO service. */
import { createThunderSandbox, sandboxUrls, THUNDER_SANDBOX } from "@embedkit/sandbox";
import type { ProviderSimulator } from "../providers/contract.ts";

/** Sandbox mode sets Thunder's account and SSO service; the launch settings stay the operator's. */
export const thunderSimulator: ProviderSimulator = {
  values(root) {
    const urls = sandboxUrls(root);
    return {
      env: {
        THUNDER_USERNAME: THUNDER_SANDBOX.username,
        THUNDER_PASSWORD: THUNDER_SANDBOX.password,
        THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
        THUNDER_SSO_URL: urls.thunder,
      },
      // The stand-in Hub Pro lookup page, for THUNDER_LAUNCH_MODE=hub-pro without a lookup URL.
      extra: { hubLookup: urls.thunderHubLookup },
    };
  },
  create: () => createThunderSandbox(),
};
