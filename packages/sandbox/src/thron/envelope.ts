/**
 * How THRON's REST library answers (thron-sdk-java, WebApplicationException): results and
 * errors that carry a `resultCode` come in the JSON envelope, errors with a code as **418**;
 * errors raised as a bare status (403 "Session Expired", 403 "Access Denied") go out as
 * `text/plain` with no envelope at all.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** THRON's legacy envelope: every legacy answer, success or not, carries these three fields. */
export type SsoCode = "OK" | "AUTHENTICATION_ERROR" | "SESSION_EXPIRED" | "ACCESS_DENIED" | null;

export function envelope(
  c: Context,
  status: ContentfulStatusCode,
  resultCode: string,
  errorDescription: string,
  ssoCode: SsoCode,
  payload: Record<string, unknown> = {},
) {
  return c.json({ resultCode, errorDescription, ssoCode, ...payload }, status);
}

export const ok = (c: Context, payload: Record<string, unknown>) => envelope(c, 200, "OK", "", null, payload);

/** An error with a result code: 418 with the envelope. */
export const failure = (c: Context, resultCode: string, errorDescription: string, ssoCode: SsoCode = "OK") =>
  envelope(c, 418, resultCode, errorDescription, ssoCode);

/** A bare-status error: text/plain, no envelope, nothing to read but the status. */
export const statusOnly = (c: Context, status: ContentfulStatusCode, message: string) =>
  c.body(message, status, { "content-type": "text/plain", "cache-control": "no-cache" });

/**
 * A dead session. THRON sends it as a bare 403; `asEnvelope` (a sandbox setting) sends the
 * 418 envelope with the `ssoCode` instead, the other form a client must understand.
 */
export const sessionEnded = (c: Context, ssoCode: "SESSION_EXPIRED" | "AUTHENTICATION_ERROR", asEnvelope: boolean) =>
  asEnvelope
    ? failure(c, ssoCode, ssoCode === "SESSION_EXPIRED" ? "Session Expired" : "Missing or invalid authentication token", ssoCode)
    : statusOnly(c, 403, ssoCode === "SESSION_EXPIRED" ? "Session Expired" : "Access Denied");

export const accessDenied = (c: Context) => statusOnly(c, 403, "Access Denied");

export const exception = () =>
  new Response(JSON.stringify({ resultCode: "EXCEPTION", errorDescription: "Exception", ssoCode: null }), {
    status: 418,
    headers: { "content-type": "application/json" },
  });
