/**
 * /v1/throughline/…: countries, topics, helplines and events in our own stable shapes. With about
 * 1,000 upstream calls a day, answers are cached for hours and served stale (and marked so)
 * when ThroughLine cannot be asked. No stranger can spend that quota: the country and the topic
 * are resolved against the cached lists first (an unknown one never reaches ThroughLine), a
 * failed look-up is remembered for a while, and events are taken only for helplines served
 * recently, within a small share of the quota.
 */
import { CountriesResponse, HelplineEvent, HelplinesQuery, HelplinesResponse, TopicsResponse } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { ProblemError, problemSpec } from "../core/problem.ts";
import { validationHook } from "../http/validation.ts";
import type { CacheStatus, ResponseCache, Ttl } from "../upstream/cache.ts";
import type { CounterStore } from "../upstream/quota.ts";
import { helplinesSearchParams, type ThroughLineClient } from "./client.ts";
import { HelplineEvents } from "./events.ts";
import { applyLimit, toCountry, toHelpline } from "./mapping.ts";
import { FailureMemory } from "./outage.ts";

const upstreamProblems = {
  502: problemSpec("ThroughLine failed or refused"),
  503: problemSpec("ThroughLine unavailable or its quota spent, with nothing cached"),
  504: problemSpec("ThroughLine timed out"),
};
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const countriesRoute = createRoute({
  method: "get",
  path: "/countries",
  summary: "Countries with helplines",
  responses: { 200: json(CountriesResponse, "Countries"), ...upstreamProblems },
});
const topicsRoute = createRoute({
  method: "get",
  path: "/topics",
  summary: "Helpline topics",
  responses: { 200: json(TopicsResponse, "Topics"), ...upstreamProblems },
});
const helplinesRoute = createRoute({
  method: "get",
  path: "/helplines",
  summary: "Ranked helplines of a country, for a topic",
  request: { query: HelplinesQuery },
  responses: { 200: json(HelplinesResponse, "Helplines"), 400: problemSpec("Invalid request"), ...upstreamProblems },
});
const eventsRoute = createRoute({
  method: "post",
  path: "/events",
  summary: "Reports a helpline display or click to ThroughLine",
  description:
    "Best effort: an event is reported only for a helpline this BFF served recently, a display once per helpline and session, at most 30 an hour per client, and events may spend at most a tenth of the daily quota, so look-ups keep working.",
  request: { body: { content: { "application/json": { schema: HelplineEvent } }, required: true } },
  responses: { 202: json(z.object({ reported: z.boolean() }), "Accepted"), 400: problemSpec("Invalid event") },
});

/**
 * Asked of ThroughLine once per country, topic and mode, as long as it allows: `limit` is applied
 * here, so a priority pair is seen whole (ThroughLine asked for one would give one of the two).
 */
const UPSTREAM_LIMIT = 100;
/** How long a failed look-up is answered with its problem without asking ThroughLine again. */
const FAILURE_MEMORY_MS = 30_000;
export interface ThroughLineRouteDeps {
  client: ThroughLineClient;
  cache: ResponseCache;
  ttl: Ttl;
  /** Where the calls spent on events are counted (shared by instances when Redis is set). */
  counters: CounterStore;
  /** The client's network address (events are budgeted per client). */
  clientKey?: (c: Context) => string | undefined;
  now?: () => number;
  /** How long a failed look-up is answered with its problem, without a call. */
  failureMemoryMs?: number | undefined;
}

export function throughlineRoutes({
  client,
  cache,
  ttl,
  counters,
  clientKey = () => undefined,
  now = Date.now,
  failureMemoryMs = FAILURE_MEMORY_MS,
}: ThroughLineRouteDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const stale = (status: CacheStatus) => status === "stale" || status === "stale-on-error";
  const failures = new FailureMemory(failureMemoryMs, now);
  // A failure is remembered per key, below the cache: a stale answer is still served meanwhile.
  const cached = <T>(key: string, load: () => Promise<T>) =>
    cache.get(`throughline:${key}`, ttl, () => failures.guard(`throughline:${key}`, load));
  const events = new HelplineEvents(client, counters, now);
  const countries = () => cached("countries", async () => (await client.countries()).map(toCountry));
  const topics = () => cached("topics", () => client.topics());

  app.openapi(countriesRoute, async (c) => {
    const { value, status } = await countries();
    c.header("cache-control", "public, max-age=3600");
    return c.json({ countries: value, stale: stale(status) }, 200);
  });

  app.openapi(topicsRoute, async (c) => {
    const { value, status } = await topics();
    c.header("cache-control", "public, max-age=3600");
    return c.json({ topics: value, stale: stale(status) }, 200);
  });

  app.openapi(helplinesRoute, async (c) => {
    const { country, topic, priority, limit } = c.req.valid("query");
    // Resolved against the cached lists: a country or topic ThroughLine does not list never reaches it.
    const known = await countries();
    const countryInfo = known.value.find((x) => x.code === country) ?? null;
    if (!countryInfo) {
      c.header("cache-control", "public, max-age=600");
      return c.json({ country: null, topic: null, unknownTopic: false, helplines: [], pair: false, stale: stale(known.status) }, 200);
    }
    const wanted = topic?.toLowerCase();
    const lookUp = async () => {
      const resolved = wanted
        ? (await topics()).value.find((t) => t.name.toLowerCase() === wanted || t.code.toLowerCase() === wanted)
        : undefined;
      // Country + topic + mode decide ThroughLine's answer, and so the cache key (the query's text).
      const query = { countryCode: country.toLowerCase(), topic: resolved?.name, limit: UPSTREAM_LIMIT, priorityOnly: Boolean(priority) };
      const answer = await cached(`helplines:${helplinesSearchParams(query)}`, async () => (await client.helplines(query)).map(toHelpline));
      return { resolved, query, ...answer };
    };
    const { resolved, query, value, status } = await lookUp().catch((error: unknown) => {
      throw withEmergencyNumber(error, countryInfo.emergencyNumber);
    });
    const { helplines, pair } = applyLimit(value, limit, query.priorityOnly);
    events.served.add(helplines.map((h) => h.id));
    c.header("cache-control", "public, max-age=600"); // only on success: a problem must never be cached
    return c.json(
      {
        country: countryInfo,
        topic: resolved ? { code: resolved.code, name: resolved.name } : null,
        unknownTopic: wanted !== undefined && !resolved,
        helplines,
        pair,
        stale: stale(status),
      },
      200,
    );
  });

  app.openapi(eventsRoute, async (c) => {
    // Only helplines this BFF showed recently, and only within the events' share: fake events cannot spend look-ups' quota.
    const event = c.req.valid("json");
    // Stryker disable next-line StringLiteral: the clients without a known address share one budget, whatever it is called
    const reported = await events.report(event, clientKey(c) ?? "unknown");
    return c.json({ reported }, 202);
  });

  return app;
}

/** A failed look-up of a known country still gives its emergency number: someone in crisis may be reading. */
function withEmergencyNumber(error: unknown, emergencyNumber: string | undefined): unknown {
  if (!(error instanceof ProblemError) || !emergencyNumber) return error;
  return new ProblemError(error.status, error.slug, error.title, error.detail, { ...error.extra, emergencyNumber }, error.headers);
}
