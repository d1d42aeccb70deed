/**
 * Thunder's SSO service (RESTSSOServices.svc) as the BFF calls it: `Authorization: API
 * base64(user:password)` on every call, answers parsed leniently (WCF `*Result` JSON, a bare JSON
 * string, WCF XML or plain text), and the provider's health tracked here, where Thunder is
 * called. Refused credentials (the service answers 500 with its `Message`, or 401/403) are named
 * as such, while a gateway error or an outage is "unavailable", never blamed on the credentials.
 * Not OAuth: only the shared call (timeout, metrics, traces) and its problems are reused.
 */

import { ProblemError } from "../core/problem.ts";
import { badGateway, callUpstream, UpstreamError, type UpstreamOptions, unavailable } from "../upstream/call.ts";
import type { ProviderHealth } from "../upstream/health.ts";
import { type ThunderAuth, thunderAuthorization } from "./auth.ts";
import type { ThunderConfig } from "./config.ts";

/** The operations the BFF calls, with the body each takes. */
export interface SsoOperations {
  /** A token of its own for one launch. */
  GenerateTokenWithDuration: { productId: string; durationInMins: number };
  /** Hub Pro: Thunder keeps a launch URL and answers its GUID. */
  SaveUserUrlByGuid: { url: string };
}
export type SsoOperation = keyof SsoOperations;

/** A launch's own token, and when it expires. */
export interface ThunderToken {
  token: string;
  expiresAt: number;
}

/** `<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">VALUE</string>`. */
const WCF_XML_STRING = /^<string(?:\s+xmlns="[^"]*")?\s*>([^<]*)<\/string>$/;
const PLAIN_VALUE = /^[\w.~+/=-]{8,}$/;

/** The string result (a token, a GUID) in any of the shapes the service answers; null when there is none. */
export function parseWcfString(text: string): string | null {
  const trimmed = text.trim().replace(/^<\?xml[^>]*\?>\s*/, "");
  const xml = WCF_XML_STRING.exec(trimmed);
  // Stryker disable next-line StringLiteral: the capture group takes part in every match, so xml[1] is never undefined
  if (xml) return PLAIN_VALUE.test(xml[1]?.trim() ?? "") ? (xml[1] as string).trim() : null;
  try {
    const json: unknown = JSON.parse(trimmed);
    if (typeof json === "string") return json.trim() || null;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: any other JSON value holds no Result (Object.entries finds none, or throws on null into the catch), so it answers null either way
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
    // Stryker disable next-line OptionalChaining: for a JSON null, json.Message throws into the catch below, which answers false as well
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
export function ssoRequest<O extends SsoOperation>(
  config: Pick<ThunderConfig, "ssoUrl" | "username" | "password">,
  operation: O,
  body: SsoOperations[O],
  authorization = thunderAuthorization(config),
): Request {
  return new Request(`${config.ssoUrl}/${operation}`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
}

export interface SsoCallOptions {
  /** Names the call in metrics and traces. */
  label: string;
  /**
   * One more try after an outage (a 5xx that is not Thunder's credential answer, no answer at
   * all), never after a credential refusal, which a second try would only repeat.
   */
  retryOutage: boolean;
}

export class ThunderClient {
  constructor(
    readonly config: ThunderConfig,
    readonly upstream: UpstreamOptions,
    readonly auth: ThunderAuth,
    readonly health: ProviderHealth,
    readonly now: () => number = Date.now,
  ) {}

  /** A token of its own for one launch (GenerateTokenWithDuration), as short-lived as configured. */
  async mintToken(): Promise<ThunderToken> {
    const startedAt = this.now();
    this.upstream.metrics?.tokenRequest(this.upstream.name, false); // never shared nor renewed: every launch asks for a new one
    // Minting twice is harmless, so an outage is worth one more try.
    const token = await this.call(
      "GenerateTokenWithDuration",
      { productId: this.config.vendorGuid, durationInMins: this.config.tokenMinutes },
      { label: "token", retryOutage: true },
    );
    return { token, expiresAt: startedAt + this.config.tokenMinutes * 60_000 };
  }

  /** One SSO call, tracked: the string result, or a problem naming what went wrong. */
  call<O extends SsoOperation>(operation: O, body: SsoOperations[O], options: SsoCallOptions): Promise<string> {
    return this.health.track(() => this.#call(operation, body, options));
  }

  /** Hub Pro: saves the finished launch URL and answers its GUID. */
  saveUrl(url: string): Promise<string> {
    return this.health.track(async () => {
      const guid = await this.#call("SaveUserUrlByGuid", { url }, { label: "save-url", retryOutage: false });
      if (!/^[\w-]{1,64}$/.test(guid)) throw badGateway("Thunder", "Thunder's SaveUserUrlByGuid answered something other than a GUID.");
      return guid;
    });
  }

  async #call<O extends SsoOperation>(operation: O, body: SsoOperations[O], { label, retryOutage }: SsoCallOptions): Promise<string> {
    const again = () => this.#call(operation, body, { label, retryOutage: false });
    let response: Response;
    try {
      response = await callUpstream(this.upstream, () => ssoRequest(this.config, operation, body, this.auth.authorization()), {
        idempotent: false,
        operation: label,
      });
    } catch (error) {
      if (retryOutage && error instanceof UpstreamError) return again();
      throw error;
    }
    const text = await response.text();
    if (isCredentialRefusal(response.status, text)) throw credentialsRefused();
    if (response.status >= 500 && retryOutage) return again();
    if (response.status >= 500)
      throw unavailable("Thunder", `Thunder's SSO service answered status ${response.status}; try again shortly.`);
    if (!response.ok) throw badGateway("Thunder", `Thunder's ${operation} answered status ${response.status}.`);
    const value = parseWcfString(text);
    if (!value) throw badGateway("Thunder", `Thunder's ${operation} answered no value.`);
    return value;
  }
}
