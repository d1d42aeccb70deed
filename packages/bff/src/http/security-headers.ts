/**
 * Security headers for every answer. Strict, except that other sites may read our JSON and
 * scripts: the BFF exists to be embedded. Only headers that do something for JSON, scripts and
 * the demo page: each costs every request.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "cross-origin-resource-policy": "cross-origin",
  "cross-origin-opener-policy": "same-origin",
};
