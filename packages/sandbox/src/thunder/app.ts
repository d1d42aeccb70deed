/**
 * The simulated Thunder SSO service (shared/upstreams/thunder.md): GenerateToken and
 * GenerateTokenWithDuration behind the `Authorization: API base64(user:password)` header, the
 * WCF-style answers, the measured HTTP 500 `{"Message": …}` for bad credentials, a vendor GUID
 * that must be enabled for the user, and tokens that expire.
 */
import { type Context, Hono } from "hono";
import { type Faults, faultMiddleware, noFaults } from "../faults.ts";

export const THUNDER_SANDBOX = {
  username: "analyst@sandbox.example",
  password: "sbx-thunder-7d1e0c4b",
  /** The vendor GUID enabled for the sandbox user. */
  vendorGuid: "6f1c2a9e-3b7d-4e0a-9c5f-2d8b7a41e360",
  /** The team GUID: a real GUID that exists but is not enabled for this user. */
  teamGuid: "960c346c-89db-423a-aede-3011dd3d0b77",
  defaultMinutes: 15,
  maxMinutes: 1440,
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ThunderToken {
  username: string;
  vendor: string;
  expiresAt: number;
}

export function createThunderSandbox(options: { defaultMinutes?: number } = {}) {
  const faults: Faults = noFaults();
  const settings = { defaultMinutes: options.defaultMinutes ?? THUNDER_SANDBOX.defaultMinutes, minuteMs: 60_000 };
  const tokens = new Map<string, ThunderToken>();
  const stats = { tokenRequests: 0 };
  const message = (text: string, status: 400 | 403 | 500) =>
    new Response(JSON.stringify({ Message: text }), { status, headers: { "content-type": "application/json" } });

  const app = new Hono();
  app.use(
    "/sso/*",
    faultMiddleware(faults, () => message("An error has occurred.", 500)),
  );

  const generate = (withDuration: boolean) => async (c: Context) => {
    stats.tokenRequests++;
    const header = c.req.header("authorization") ?? "";
    const encoded = /^API\s+(\S+)$/.exec(header)?.[1];
    let credentials = "";
    try {
      credentials = encoded ? atob(encoded) : "";
    } catch {}
    // Measured on the live service: bad credentials answer 500, not 401.
    if (credentials !== `${THUNDER_SANDBOX.username}:${THUNDER_SANDBOX.password}`) return message("An error has occurred.", 500);
    const body = (await c.req.json().catch(() => null)) as { productId?: unknown; durationInMins?: unknown } | null;
    const productId = typeof body?.productId === "string" ? body.productId : "";
    if (!GUID.test(productId)) return message("productId must be a vendor GUID.", 400);
    if (productId.toLowerCase() !== THUNDER_SANDBOX.vendorGuid) return message("The vendor is not enabled for this user.", 403);
    let minutes = settings.defaultMinutes;
    if (withDuration) {
      const duration = body?.durationInMins;
      if (typeof duration !== "number" || !Number.isInteger(duration) || duration < 1 || duration > THUNDER_SANDBOX.maxMinutes)
        return message(`durationInMins must be a whole number from 1 to ${THUNDER_SANDBOX.maxMinutes}.`, 400);
      minutes = duration;
    }
    const token = crypto.randomUUID().replaceAll("-", "").toUpperCase();
    tokens.set(token, {
      username: THUNDER_SANDBOX.username,
      vendor: productId.toLowerCase(),
      expiresAt: Date.now() + minutes * settings.minuteMs,
    });
    return c.json(withDuration ? { GenerateTokenWithDurationResult: token } : { GenerateTokenResult: token });
  };
  app.post("/sso/RESTSSOServices.svc/GenerateToken", generate(false));
  app.post("/sso/RESTSSOServices.svc/GenerateTokenWithDuration", generate(true));

  return {
    app,
    faults,
    settings,
    stats,
    /** Every token issued, so leak tests know what must not appear where it should not. */
    issuedTokens: () => [...tokens.keys()],
    /** Whether `token` is live for `vendor`. */
    checkToken(token: string, vendor: string): "ok" | "unknown" | "expired" | "wrong-vendor" {
      const entry = tokens.get(token);
      if (!entry) return "unknown";
      if (Date.now() >= entry.expiresAt) return "expired";
      return entry.vendor === vendor.toLowerCase() ? "ok" : "wrong-vendor";
    },
  };
}

export type ThunderSandbox = ReturnType<typeof createThunderSandbox>;
