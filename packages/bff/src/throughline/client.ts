/**
 * ThroughLine for the BFF: a client-credentials token through the shared token source (a 401
 * gets one fresh token and one retry), calls paced to ThroughLine's 30 a second, every call
 * counted against the daily quota (a call ThroughLine refused with 429 is given back), and no
 * call made once the quota is spent.
 */
import { z } from "zod";
import type { ThroughLineConfig } from "../config.ts";
import { ProblemError } from "../http/problem.ts";
import { badGateway, callUpstream, UpstreamError, type UpstreamOptions, unavailable } from "../upstream/call.ts";
import type { ProviderHealth } from "../upstream/health.ts";
import { Pacer } from "../upstream/pacer.ts";
import type { RollingQuota } from "../upstream/quota.ts";
import { TokenSource } from "../upstream/token-source.ts";
import { API_VERSION } from "./mapping.ts";

const TokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

export class QuotaExhausted extends ProblemError {
  constructor() {
    super(503, "throughline-quota", "ThroughLine's daily quota is spent", "The BFF answers from its cache until the quota frees up.");
  }
}

/** ThroughLine refused a call with 429 (its own count, or 30 a second): not our daily quota. No call is made until it may be. */
export class RateLimited extends UpstreamError {
  constructor(retryAfterSeconds: number) {
    super(
      503,
      "throughline-rate-limited",
      "ThroughLine asked the BFF to slow down",
      "ThroughLine answered 429; the BFF answers from its cache and asks ThroughLine nothing until Retry-After.",
      {},
      { "retry-after": String(retryAfterSeconds) },
    );
  }
}

/** The cool-down after a 429, as Retry-After says (seconds or a date), within a second and an hour. */
const COOL_DOWN_DEFAULT_S = 60;
const COOL_DOWN_MAX_S = 3_600;
const COOL_DOWN_KEY = "throughline:cool-down";

function retryAfterSeconds(header: string | null, now: number): number {
  const value = header?.trim() ?? "";
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - now) / 1000);
  return Number.isFinite(seconds) ? Math.min(COOL_DOWN_MAX_S, Math.max(1, seconds)) : COOL_DOWN_DEFAULT_S;
}

class Unauthorized extends Error {}

interface RequestInit {
  method?: "GET" | "POST";
  body?: unknown;
  /** The path is on the events base (THROUGHLINE_EVENTS_URL), not the API's. */
  events?: boolean;
}

/** The client-credentials token request (the doctor sends the same). */
export function throughlineTokenRequest(config: Pick<ThroughLineConfig, "tokenUrl" | "clientId" | "clientSecret">): Request {
  return new Request(config.tokenUrl, {
    method: "POST",
    // The secret travels in the body only, never in a URL (ThroughLine's security rule).
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: config.clientId, client_secret: config.clientSecret }),
  });
}

/** One API (or events) call with the bearer token. */
export function throughlineApiRequest(url: string, token: string, method: "GET" | "POST" = "GET", body?: unknown): Request {
  return new Request(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: "application/json",
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

/** ThroughLine's documented rate. */
export const CALLS_PER_SECOND = 30;

export class ThroughLineClient {
  readonly tokens: TokenSource<{ token: string; expiresAt: number }>;
  readonly pacer: Pacer;
  readonly now: () => number;
  /** Until when this instance asks ThroughLine nothing (after a 429). */
  #coolUntil = 0;

  constructor(
    readonly config: ThroughLineConfig,
    readonly upstream: UpstreamOptions,
    readonly quota: RollingQuota,
    readonly health: ProviderHealth,
    {
      perSecond = CALLS_PER_SECOND,
      now = Date.now,
      sleep,
    }: { perSecond?: number | undefined; now?: (() => number) | undefined; sleep?: ((ms: number) => Promise<void>) | undefined } = {},
  ) {
    this.now = now;
    this.pacer = new Pacer(perSecond, undefined, now, sleep);
    this.tokens = new TokenSource({
      refreshAheadMs: 5 * 60_000,
      onObtain: (renewal) => upstream.metrics?.tokenRequest(upstream.name, renewal),
      ...(upstream.sharedTokens && { shared: { ...upstream.sharedTokens, key: `ThroughLine:${config.clientId}` } }),
      obtain: async () => {
        const startedAt = now();
        const response = await callUpstream(upstream, () => throughlineTokenRequest(config), { idempotent: false, operation: "token" });
        if (response.status === 400 || response.status === 401)
          throw new ProblemError(
            502,
            "throughline-credentials",
            "ThroughLine refused the BFF's credentials",
            "Check THROUGHLINE_CLIENT_ID and THROUGHLINE_CLIENT_SECRET.",
          );
        const parsed = TokenResponse.safeParse(await response.json().catch(() => null));
        if (!response.ok || !parsed.success) throw badGateway("ThroughLine", `The token endpoint answered status ${response.status}.`);
        return { token: parsed.data.access_token, expiresAt: startedAt + parsed.data.expires_in * 1000 };
      },
    });
  }

  /** GET or POST one path of the API (or, with `events`, of the events base); `schema` checks the answer. */
  request<T extends z.ZodType>(path: string, schema: T, init: RequestInit = {}): Promise<z.infer<T>> {
    return this.health.track(async () => {
      const token = await this.tokens.get();
      try {
        return await this.#call(path, schema, init, token.token);
      } catch (error) {
        if (!(error instanceof Unauthorized)) throw error;
        this.tokens.invalidate(token); // revoked or expired early: one fresh token, one retry
        return await this.#call(path, schema, init, (await this.tokens.get()).token).catch((retryError) => {
          if (retryError instanceof Unauthorized) throw badGateway("ThroughLine", "ThroughLine refused a fresh token too.");
          throw retryError;
        });
      }
    });
  }

  /**
   * Refuses while a 429's Retry-After runs, here or (through the shared counters) in another
   * instance; the other instance's exact time is not shared, so a minute is suggested then.
   */
  async #checkCoolDown(): Promise<void> {
    const left = Math.ceil((this.#coolUntil - this.now()) / 1000);
    if (left > 0) throw new RateLimited(left);
    const [shared] = await this.quota.store.read([COOL_DOWN_KEY]).catch(() => [0]);
    if (shared) throw new RateLimited(COOL_DOWN_DEFAULT_S);
  }

  async #coolDown(header: string | null): Promise<number> {
    const seconds = retryAfterSeconds(header, this.now());
    this.#coolUntil = this.now() + seconds * 1000;
    await this.quota.store.increment(COOL_DOWN_KEY, seconds * 1000).catch(() => {});
    return seconds;
  }

  async #call<T extends z.ZodType>(path: string, schema: T, init: RequestInit, token: string): Promise<z.infer<T>> {
    await this.#checkCoolDown();
    if (!(await this.quota.reserve())) throw new QuotaExhausted();
    await this.pacer.turn();
    const method = init.method ?? "GET";
    const [base, setting] = init.events ? [this.config.eventsUrl, "THROUGHLINE_EVENTS_URL"] : [this.config.apiUrl, "THROUGHLINE_API_URL"];
    const response = await callUpstream(
      this.upstream,
      () => throughlineApiRequest(`${base}${path}`, token, method, init.body),
      // One attempt: a retry would spend quota twice. The operation is the path's first segment (helplines, countries…).
      { idempotent: false, operation: path.split(/[/?]/)[1] || "call" },
    );
    if (response.status === 401) throw new Unauthorized();
    if (response.status === 429) {
      await this.quota.release(); // refused, so not spent; and not our daily quota either
      throw new RateLimited(await this.#coolDown(response.headers.get("retry-after")));
    }
    if (response.status === 404 || response.status === 410)
      throw new UpstreamError(
        502,
        "throughline-api-version",
        "ThroughLine does not serve this API path",
        `ThroughLine answered ${response.status} (the BFF speaks API ${API_VERSION}): check that ${setting} points at ThroughLine's API ${API_VERSION} (retired versions answer 410).`,
      );
    if (response.status >= 500) throw unavailable("ThroughLine", `ThroughLine answered status ${response.status}.`);
    if (!response.ok) throw badGateway("ThroughLine", `ThroughLine answered status ${response.status}.`);
    if (response.status === 204) return schema.parse(undefined);
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw badGateway("ThroughLine", "ThroughLine answered an unexpected shape.");
    return parsed.data;
  }
}
