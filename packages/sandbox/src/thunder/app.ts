/**
 * The simulated Thunder SSO service (as Thunder's SSO documentation describes it): GenerateToken and
 * GenerateTokenWithDuration behind the `Authorization: API base64(user:password)` header, the
 * WCF-style answers (JSON by default; WCF XML or plain text when `settings.answerFormat` says so,
 * as "some endpoints may return XML or JSON"), the measured HTTP 500 `{"Message": …}` for bad
 * credentials, a vendor GUID that must be enabled for the user, tokens that expire, and Hub Pro's
 * SaveUserUrlByGuid with a stand-in lookup page.
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

/** The three launch prefixes SaveUserUrlByGuid accepts. */
const LAUNCH_PREFIXES = ["thundercloud://", "https://localhost:8081/", "http://localhost:8080/"];

export type AnswerFormat = "json" | "xml" | "text";

export interface ThunderToken {
  username: string;
  vendor: string;
  expiresAt: number;
}

const message = (text: string, status: 400 | 403 | 500) =>
  new Response(JSON.stringify({ Message: text }), { status, headers: { "content-type": "application/json" } });

/** A WCF string result in the configured wire format. */
function answer(c: Context, format: AnswerFormat, resultName: string, value: string) {
  if (format === "xml")
    return c.body(`<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">${value}</string>`, 200, {
      "content-type": "application/xml; charset=utf-8",
    });
  if (format === "text") return c.text(value);
  return c.json({ [resultName]: value });
}

function authorised(c: Context): boolean {
  const encoded = /^API\s+(\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  try {
    return encoded !== undefined && atob(encoded) === `${THUNDER_SANDBOX.username}:${THUNDER_SANDBOX.password}`;
  } catch {
    return false;
  }
}

function thunderState(options: { defaultMinutes?: number }) {
  return {
    faults: noFaults() as Faults,
    settings: {
      defaultMinutes: options.defaultMinutes ?? THUNDER_SANDBOX.defaultMinutes,
      minuteMs: 60_000,
      answerFormat: "json" as AnswerFormat,
    },
    tokens: new Map<string, ThunderToken>(),
    /** Hub Pro: launch URLs saved by GUID. */
    savedUrls: new Map<string, string>(),
    stats: { tokenRequests: 0, savedUrls: 0, durations: [] as number[] },
  };
}

type ThunderState = ReturnType<typeof thunderState>;

/** GenerateToken, or GenerateTokenWithDuration (`durationInMins`, 1 to 1440). */
function generate(state: ThunderState, withDuration: boolean) {
  const { settings, stats, tokens } = state;
  return async (c: Context) => {
    stats.tokenRequests++;
    // Measured on the live service: bad credentials answer 500, not 401.
    if (!authorised(c)) return message("An error has occurred.", 500);
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
      stats.durations.push(duration);
    }
    const token = crypto.randomUUID().replaceAll("-", "").toUpperCase();
    tokens.set(token, {
      username: THUNDER_SANDBOX.username,
      vendor: productId.toLowerCase(),
      expiresAt: Date.now() + minutes * settings.minuteMs,
    });
    return answer(c, settings.answerFormat, withDuration ? "GenerateTokenWithDurationResult" : "GenerateTokenResult", token);
  };
}

/** Hub Pro: a finished launch URL in, a GUID out (the answer's shape is not public: the WCF form is assumed). */
function mountHubPro(app: Hono, { savedUrls, stats, settings }: ThunderState): void {
  app.post("/sso/RESTSSOServices.svc/SaveUserUrlByGuid", async (c) => {
    if (!authorised(c)) return message("An error has occurred.", 500);
    const body = (await c.req.json().catch(() => null)) as { url?: unknown } | null;
    const url = typeof body?.url === "string" ? body.url : "";
    if (!LAUNCH_PREFIXES.some((prefix) => url.startsWith(prefix)) || url.length > 16_000)
      return message("url must be a Thunder launch URL.", 400);
    const guid = crypto.randomUUID();
    savedUrls.set(guid, url);
    stats.savedUrls++;
    return answer(c, settings.answerFormat, "SaveUserUrlByGuidResult", guid);
  });
  // Stand-in for Hub Pro's lookup page (its real address is not public): it hands the saved launch URL on.
  app.get("/hub/:guid", (c) => {
    const url = savedUrls.get(c.req.param("guid"));
    return url ? c.redirect(url, 302) : c.text("Unknown launch", 404);
  });
}

export function createThunderSandbox(options: { defaultMinutes?: number } = {}) {
  const state = thunderState(options);
  const { faults, settings, stats, tokens, savedUrls } = state;
  const app = new Hono();
  app.use(
    "/sso/*",
    faultMiddleware(faults, () => message("An error has occurred.", 500)),
  );
  app.post("/sso/RESTSSOServices.svc/GenerateToken", generate(state, false));
  app.post("/sso/RESTSSOServices.svc/GenerateTokenWithDuration", generate(state, true));
  mountHubPro(app, state);

  return {
    app,
    faults,
    settings,
    stats,
    /** Every token issued, so leak tests know what must not appear where it should not. */
    issuedTokens: () => [...tokens.keys()],
    /** The launch URL Hub Pro saved under `guid`. */
    savedUrl: (guid: string) => savedUrls.get(guid),
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
