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

export const sessionExpired = (c: Context) => envelope(c, 403, "SESSION_EXPIRED", "Session Expired", "SESSION_EXPIRED");

export const notAuthenticated = (c: Context) =>
  envelope(c, 403, "AUTHENTICATION_ERROR", "Missing or invalid authentication token", "AUTHENTICATION_ERROR");

export const exception = () =>
  new Response(JSON.stringify({ resultCode: "EXCEPTION", errorDescription: "Exception", ssoCode: null }), {
    status: 418,
    headers: { "content-type": "application/json" },
  });
