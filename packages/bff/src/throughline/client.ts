/**
 * ThroughLine's API as the BFF uses it: each call with the token from auth.ts (a 401 gets one
 * fresh token and one retry), paced to ThroughLine's 30 a second, counted against the daily
 * quota (a call ThroughLine refused with 429 is given back), and none made once the quota is
 * spent or while a 429's Retry-After runs.
 */
import { z } from "zod";
import { ProblemError } from "../core/problem.ts";
import { answerError, badGateway, callUpstream, UpstreamError, type UpstreamOptions } from "../upstream/call.ts";
import type { ProviderHealth } from "../upstream/health.ts";
import { Pacer } from "../upstream/pacer.ts";
import type { CounterStore, RollingQuota } from "../upstream/quota.ts";
import { type TokenSource, withRenewal } from "../upstream/token-source.ts";
import type { ThroughLineToken } from "./auth.ts";
import type { ThroughLineConfig } from "./config.ts";
import { CALLS_PER_SECOND, COOL_DOWN_DEFAULT_S, coolDownAfter429, PACE_KEY, secondsToNextHour } from "./limits.ts";
import {
  API_VERSION,
  CountriesAnswer,
  HelplinesAnswer,
  type HelplinesQuery,
  TopicsAnswer,
  type UpstreamEvent,
  type UpstreamEventKind,
} from "./mapping.ts";
import { Breaker } from "./outage.ts";

/** This deployment's share of the daily quota is spent; the day's window moves on the hour, so an hour's calls free up then. */
export class QuotaExhausted extends ProblemError {
  constructor(retryAfterSeconds: number) {
    super(
      503,
      "throughline-quota",
      "ThroughLine's daily quota is spent",
      "The BFF answers from its cache until the quota frees up, at the next whole hour at the earliest.",
      {},
      { "retry-after": String(retryAfterSeconds) },
    );
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

// Stryker disable next-line StringLiteral: the counters are scoped to this ThroughLine app, where the quota's keys ("quota:…") are the only others
const COOL_DOWN_KEY = "throughline:cool-down";
/** Named when the events base does not serve a path. */
const EVENTS_SETTING = "THROUGHLINE_EVENTS_URL";

class Unauthorized extends Error {}

interface RequestInit {
  method?: "GET" | "POST";
  body?: unknown;
  /** The path is on the events base (THROUGHLINE_EVENTS_URL), not the API's. */
  events?: boolean;
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
    body: JSON.stringify(body), // undefined, so no body at all, when there is none (a GET)
  });
}

/**
 * The query of a helpline look-up; the route keys its cache by the same text. The topic goes
 * upstream (priority mode is "for the topic", standard mode ranks by it), always with the mode.
 */
export function helplinesSearchParams(query: HelplinesQuery): URLSearchParams {
  const params = new URLSearchParams({ country_code: query.countryCode });
  if (query.topic) params.set("topic", query.topic);
  params.set("priority_only", String(query.priorityOnly));
  params.set("limit", String(query.limit));
  return params;
}

/** Errors that say ThroughLine is failing (not a 429, which has its own cool-down, nor our own quota). */
const isOutage = (error: unknown) => error instanceof UpstreamError && !(error instanceof RateLimited);

const EVENT_PATHS: Record<UpstreamEventKind, string> = { display: "/helpline_display", click: "/helpline_click" };

export class ThroughLineClient {
  readonly pacer: Pacer;
  readonly now: () => number;
  /** Until when this instance asks ThroughLine nothing (after a 429). */
  #coolUntil = 0;
  /** After failures in a row, only a probe now and then: a failing call still spends quota. */
  readonly breaker: Breaker;

  /** `tokens`: the app's tokens (auth.ts), built first and handed in, as THRON's sessions are to its client. */
  constructor(
    readonly config: ThroughLineConfig,
    readonly upstream: UpstreamOptions,
    readonly tokens: TokenSource<ThroughLineToken>,
    readonly quota: RollingQuota,
    readonly health: ProviderHealth,
    {
      perSecond = CALLS_PER_SECOND,
      now = Date.now,
      sleep,
      sharedCounters,
    }: {
      perSecond?: number | undefined;
      now?: (() => number) | undefined;
      sleep?: ((ms: number) => Promise<void>) | undefined;
      /** The shared store, when there is one: the pace is shared through it. */
      sharedCounters?: CounterStore | undefined;
    } = {},
  ) {
    this.now = now;
    // ThroughLine's 30 a second is per IP: instances sharing the counters store share it (one egress address assumed).
    this.pacer = new Pacer(perSecond, undefined, now, sleep, sharedCounters && { store: sharedCounters, key: PACE_KEY });
    this.breaker = new Breaker({ now });
  }

  /** Countries with helplines. */
  async countries() {
    return (await this.#request("/countries", CountriesAnswer)).countries;
  }

  /** Helpline topics. */
  async topics() {
    return (await this.#request("/topics", TopicsAnswer)).topics;
  }

  /** A country's helplines, ranked. */
  async helplines(query: HelplinesQuery) {
    return (await this.#request(`/helplines?${helplinesSearchParams(query)}`, HelplinesAnswer)).helplines;
  }

  /** Reports a display or a click (on the events base); the answer carries nothing the BFF reads. */
  async reportEvent(kind: UpstreamEventKind, event: UpstreamEvent): Promise<void> {
    await this.#request(EVENT_PATHS[kind], z.unknown(), { method: "POST", body: event, events: true });
  }

  /** GET or POST one path of the API (or, with `events`, of the events base); `schema` checks the answer. */
  #request<T extends z.ZodType>(path: string, schema: T, init: RequestInit = {}): Promise<z.infer<T>> {
    return this.breaker.run(
      () =>
        this.health.track(() =>
          withRenewal(
            this.tokens, // revoked or expired early: one fresh token, one retry
            (token) => this.#call(path, schema, init, token.token),
            (error) => error instanceof Unauthorized,
            () => badGateway("ThroughLine", "ThroughLine refused a fresh token too."),
          ),
        ),
      isOutage,
    );
  }

  /**
   * Refuses while a 429's Retry-After runs, here or (through the shared counters) in another
   * instance; the other instance's exact time is not shared, so a minute is suggested then.
   */
  async #checkCoolDown(): Promise<void> {
    const left = Math.ceil((this.#coolUntil - this.now()) / 1000);
    if (left > 0) throw new RateLimited(left);
    const counted = this.quota.store.read([COOL_DOWN_KEY]);
    // Stryker disable next-line ArrayDeclaration: an unreadable store's [] gives no cool-down, just as [0] does
    const [shared] = await counted.catch(() => [0]);
    if (shared) throw new RateLimited(COOL_DOWN_DEFAULT_S);
  }

  async #coolDown(header: string | null): Promise<number> {
    const seconds = coolDownAfter429(header, this.now());
    this.#coolUntil = this.now() + seconds * 1000;
    await this.quota.store.increment(COOL_DOWN_KEY, seconds * 1000).catch(() => {});
    return seconds;
  }

  async #call<T extends z.ZodType>(path: string, schema: T, init: RequestInit, token: string): Promise<z.infer<T>> {
    await this.#checkCoolDown();
    if (!(await this.quota.reserve())) throw new QuotaExhausted(secondsToNextHour(this.now()));
    await this.pacer.turn();
    const method = init.method ?? "GET";
    const [base, setting] = init.events ? [this.config.eventsUrl, EVENTS_SETTING] : [this.config.apiUrl, "THROUGHLINE_API_URL"];
    const response = await callUpstream(
      this.upstream,
      () => throughlineApiRequest(`${base}${path}`, token, method, init.body),
      // One attempt: a retry would spend quota twice. The operation is the path's first segment (helplines, countries…).
      // Stryker disable next-line StringLiteral: every path the client asks starts with "/" and a segment, so the fallback is never read
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
    if (!response.ok) throw answerError("ThroughLine", response.status, `ThroughLine answered status ${response.status}.`);
    // No JSON (an event's 204, or a page of HTML) reads as null: only the events take it, any look-up answers "unexpected shape".
    // Stryker disable next-line ArrowFunction: undefined fails the look-ups' schemas just as null does, and the events' takes both
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw badGateway("ThroughLine", "ThroughLine answered an unexpected shape.");
    return parsed.data;
  }
}
