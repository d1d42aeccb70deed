/**
 * Thunder's SSO service: `Authorization: API base64(user:password)`, each launch's own token from
 * GenerateTokenWithDuration, and Hub Pro's SaveUserUrlByGuid. Answers are parsed leniently (WCF
 * `*Result` JSON, a bare JSON string, WCF XML or plain text); refused credentials (the service
 * answers 500 with its `Message`, or 401/403) are named as such, while a gateway error or an
 * outage is "unavailable", never blamed on the credentials.
 */

import type { ThunderConfig } from "../config.ts";
import { ProblemError } from "../http/problem.ts";
import { badGateway, callUpstream, UpstreamError, type UpstreamOptions, unavailable } from "../upstream/call.ts";

export interface ThunderToken {
  token: string;
  expiresAt: number;
}

/** `Authorization: API base64(user:password)`: Thunder's own scheme, neither Basic nor Bearer. */
export function thunderAuthorization(config: Pick<ThunderConfig, "username" | "password">): string {
  return `API ${btoa(String.fromCharCode(...new TextEncoder().encode(`${config.username}:${config.password}`)))}`;
}

/** `<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">VALUE</string>`. */
const WCF_XML_STRING = /^<string(?:\s+xmlns="[^"]*")?\s*>([^<]*)<\/string>$/;
const PLAIN_VALUE = /^[\w.~+/=-]{8,}$/;

/** The string result (a token, a GUID) in any of the shapes the service answers; null when there is none. */
export function parseWcfString(text: string): string | null {
  const trimmed = text.trim().replace(/^<\?xml[^>]*\?>\s*/, "");
  const xml = WCF_XML_STRING.exec(trimmed);
  if (xml) return PLAIN_VALUE.test(xml[1]?.trim() ?? "") ? (xml[1] as string).trim() : null;
  try {
    const json: unknown = JSON.parse(trimmed);
    if (typeof json === "string") return json.trim() || null;
    if (json && typeof json === "object") {
      const result = Object.entries(json).find(([key, value]) => key.endsWith("Result") && typeof value === "string");
      return (result?.[1] as string | undefined)?.trim() || null;
    }
    return null;
  } catch {
    return PLAIN_VALUE.test(trimmed) ? trimmed : null;
  }
}

/** Thunder's measured answer to bad credentials: HTTP 500 with `{"Message": …}` (a JSON body, not an HTML error page). */
export function isCredentialRefusal(status: number, text: string): boolean {
  if (status === 401 || status === 403) return true;
  if (status !== 500) return false;
  try {
    const json = JSON.parse(text) as { Message?: unknown };
    return typeof json?.Message === "string";
  } catch {
    return false;
  }
}

/** Thunder answers refused credentials and its own server exceptions alike (500 and a `Message`): the problem names both. */
export const credentialsRefused = () =>
  new ProblemError(
    502,
    "thunder-credentials",
    "Thunder refused the credentials or failed",
    "Check THUNDER_USERNAME, THUNDER_PASSWORD and that THUNDER_VENDOR_GUID is enabled for that user; if they are right, Thunder itself is failing.",
  );

/** A call to Thunder's SSO service as the BFF makes it (the doctor sends the same). */
export function ssoRequest(
  config: Pick<ThunderConfig, "ssoUrl" | "username" | "password">,
  operation: string,
  body: unknown,
  authorization = thunderAuthorization(config),
): Request {
  return new Request(`${config.ssoUrl}/${operation}`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
}

export function createThunderSso(config: ThunderConfig, upstream: UpstreamOptions, now: () => number = Date.now) {
  const authorization = thunderAuthorization(config);

  /**
   * One SSO call (`label` names it in metrics and traces); the string result, or a problem naming
   * what went wrong. `retryOutage`: one more try after an outage (a 5xx that is not Thunder's
   * credential answer, no answer at all), never after a credential refusal, which a second try
   * would only repeat.
   */
  async function call(operation: string, label: string, body: unknown, retryOutage: boolean): Promise<string> {
    let response: Response;
    try {
      response = await callUpstream(upstream, () => ssoRequest(config, operation, body, authorization), {
        idempotent: false,
        operation: label,
      });
    } catch (error) {
      if (retryOutage && error instanceof UpstreamError) return call(operation, label, body, false);
      throw error;
    }
    const text = await response.text();
    if (isCredentialRefusal(response.status, text)) throw credentialsRefused();
    if (response.status >= 500 && retryOutage) return call(operation, label, body, false);
    if (response.status >= 500)
      throw unavailable("Thunder", `Thunder's SSO service answered status ${response.status}; try again shortly.`);
    if (!response.ok) throw badGateway("Thunder", `Thunder's ${operation} answered status ${response.status}.`);
    const value = parseWcfString(text);
    if (!value) throw badGateway("Thunder", `Thunder's ${operation} answered no value.`);
    return value;
  }

  return {
    /** A token of its own for one launch, as short-lived as configured. */
    async mintToken(): Promise<ThunderToken> {
      const startedAt = now();
      upstream.metrics?.tokenRequest(upstream.name, false); // never shared nor renewed: every launch asks for a new one
      // Minting twice is harmless, so an outage is worth one more try.
      const token = await call(
        "GenerateTokenWithDuration",
        "token",
        { productId: config.vendorGuid, durationInMins: config.tokenMinutes },
        true,
      );
      return { token, expiresAt: startedAt + config.tokenMinutes * 60_000 };
    },
    /** Hub Pro: saves the finished launch URL and answers its GUID. */
    async saveUrl(url: string): Promise<string> {
      const guid = await call("SaveUserUrlByGuid", "save-url", { url }, false);
      if (!/^[\w-]{1,64}$/.test(guid)) throw badGateway("Thunder", "Thunder's SaveUserUrlByGuid answered something other than a GUID.");
      return guid;
    },
  };
}

export type ThunderSso = ReturnType<typeof createThunderSso>;
