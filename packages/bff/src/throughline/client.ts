/**
 * ThroughLine for the BFF: a client-credentials token through the shared token source (a 401
 * gets one fresh token and one retry), calls paced to ThroughLine's 30 a second, every call
 * counted against the daily quota (a call ThroughLine refused with 429 is given back), and no
 * call made once the quota is spent.
 */
import { z } from "zod";
import type { ThroughLineConfig } from "../config.ts";
import { Pacer } from "../core/pacer.ts";
import { ProblemError } from "../core/problem.ts";
import type { ProviderHealth } from "../core/provider-health.ts";
import type { RollingQuota } from "../core/quota.ts";
import { TokenSource } from "../core/token-source.ts";
import { badGateway, callUpstream, UpstreamError, type UpstreamOptions, unavailable } from "../core/upstream.ts";
import { API_VERSION } from "./mapping.ts";

const TokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

export class QuotaExhausted extends ProblemError {
  constructor() {
    super(503, "throughline-quota", "ThroughLine's daily quota is spent", "The BFF answers from its cache until the quota frees up.");
  }
}

/** ThroughLine refused a call with 429 (its own count, or 30 a second): not our daily quota. */
export class RateLimited extends UpstreamError {
  constructor() {
    super(
      503,
      "throughline-rate-limited",
      "ThroughLine asked the BFF to slow down",
      "ThroughLine answered 429; the BFF answers from its cache meanwhile.",
    );
  }
}

class Unauthorized extends Error {}

interface RequestInit {
  method?: "GET" | "POST";
  body?: unknown;
  /** The path is on the events base (THROUGHLINE_EVENTS_URL), not the API's. */
  events?: boolean;
}

/** ThroughLine's documented rate. */
export const CALLS_PER_SECOND = 30;

export class ThroughLineClient {
  readonly tokens: TokenSource<{ token: string; expiresAt: number }>;
  readonly pacer: Pacer;

  constructor(
    readonly config: ThroughLineConfig,
    readonly upstream: UpstreamOptions,
    readonly quota: RollingQuota,
    readonly health: ProviderHealth,
    perSecond = CALLS_PER_SECOND,
  ) {
    this.pacer = new Pacer(perSecond);
    this.tokens = new TokenSource({
      refreshAheadMs: 5 * 60_000,
      onObtain: (renewal) => upstream.metrics?.tokenRequest(upstream.name, renewal),
      ...(upstream.sharedTokens && { shared: { ...upstream.sharedTokens, key: `ThroughLine:${config.clientId}` } }),
      obtain: async () => {
        const startedAt = Date.now();
        const response = await callUpstream(
          upstream,
          () =>
            new Request(config.tokenUrl, {
              method: "POST",
              // The secret travels in the body only, never in a URL (ThroughLine's security rule).
              headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
              body: new URLSearchParams({
                grant_type: "client_credentials",
                client_id: config.clientId,
                client_secret: config.clientSecret,
              }),
            }),
          { idempotent: false, operation: "token" },
        );
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

  async #call<T extends z.ZodType>(path: string, schema: T, init: RequestInit, token: string): Promise<z.infer<T>> {
    if (!(await this.quota.reserve())) throw new QuotaExhausted();
    await this.pacer.turn();
    const method = init.method ?? "GET";
    const [base, setting] = init.events ? [this.config.eventsUrl, "THROUGHLINE_EVENTS_URL"] : [this.config.apiUrl, "THROUGHLINE_API_URL"];
    const response = await callUpstream(
      this.upstream,
      () =>
        new Request(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: "application/json",
            ...(init.body !== undefined && { "content-type": "application/json" }),
          },
          ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
        }),
      // One attempt: a retry would spend quota twice. The operation is the path's first segment (helplines, countries…).
      { idempotent: false, operation: path.split(/[/?]/)[1] || "call" },
    );
    if (response.status === 401) throw new Unauthorized();
    if (response.status === 429) {
      await this.quota.release(); // refused, so not spent; and not our daily quota either
      throw new RateLimited();
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
