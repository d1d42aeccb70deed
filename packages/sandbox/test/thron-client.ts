/** A few raw THRON calls against an in-process sandbox, written the way THRON's docs show them. */
import { createSandbox, THRON_SANDBOX } from "../src/index.ts";

export function newSandbox(options: { tokenLifetimeSeconds?: number; legacySessionSeconds?: number; now?: () => number } = {}) {
  const { now, ...thron } = options;
  const sandbox = createSandbox({ baseUrl: "http://sandbox.test", thron, ...(now && { now }) });
  const request = (path: string, init?: RequestInit) => sandbox.app.request(`/thron${path}`, init);
  const token = (fields: Record<string, string>) =>
    request("/api/v1/authentication/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
  const impersonate = (subject: string = THRON_SANDBOX.username) =>
    token({
      grant_type: "urn:thron:oauth:user-impersonation",
      scope: "",
      client_id: THRON_SANDBOX.clientId,
      client_secret: THRON_SANDBOX.clientSecret,
      subject,
    });
  const legacy = (accessToken: string) =>
    request("/api/v1/authentication/token/legacy", { headers: { authorization: `Bearer ${accessToken}` } });
  /** Impersonates, derives the legacy token, returns both. */
  const login = async (subject?: string) => {
    const tokens = (await (await impersonate(subject)).json()) as { access_token: string; refresh_token: string; expires_in: number };
    const { token: legacyToken } = (await (await legacy(tokens.access_token)).json()) as { token: string };
    return { ...tokens, legacyToken };
  };
  const search = (legacyToken: string, body: unknown) =>
    request(`/api/xcontents/resources/content/search/${THRON_SANDBOX.tenant}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tokenid": legacyToken },
      body: JSON.stringify(body),
    });
  return { sandbox, request, token, impersonate, legacy, login, search };
}

export const inDemoFolder = { linkedCategories: { haveAtLeastOne: [{ id: THRON_SANDBOX.folderId, cascade: true }] } };
