/**
 * /v1/throughline/…: countries, topics, helplines and events in our own stable shapes. With about
 * 1,000 upstream calls a day, answers are cached for hours and served stale (and marked so)
 * when ThroughLine cannot be asked.
 */
import { CountriesResponse, HelplineEvent, HelplinesQuery, HelplinesResponse, TopicsResponse } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { CacheStatus, ResponseCache, Ttl } from "../core/cache.ts";
import { problemSpec } from "../core/problem.ts";
import { validationHook } from "../core/validation.ts";
import type { ThroughLineClient } from "./client.ts";
import { applyPairing, toCountry, toHelpline, UpstreamCountry, UpstreamHelpline, UpstreamTopic } from "./mapping.ts";

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
  description: "Best effort: events are dropped once 90% of the daily quota is spent, so look-ups keep working.",
  request: { body: { content: { "application/json": { schema: HelplineEvent } }, required: true } },
  responses: { 202: json(z.object({ reported: z.boolean() }), "Accepted"), 400: problemSpec("Invalid event") },
});

/** Asked of ThroughLine once per country, topic and priority; `limit` is applied here. */
const UPSTREAM_LIMIT = 50;
const EVENT_SHARE_OF_QUOTA = 0.9;

export interface ThroughLineRouteDeps {
  client: ThroughLineClient;
  cache: ResponseCache;
  ttl: Ttl;
}

export function throughlineRoutes({ client, cache, ttl }: ThroughLineRouteDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const stale = (status: CacheStatus) => status === "stale" || status === "stale-on-error";
  const cached = <T>(key: string, load: () => Promise<T>) => cache.get(`throughline:${key}`, ttl, load);
  const countries = () =>
    cached("countries", async () =>
      (await client.request("/countries", z.object({ countries: z.array(UpstreamCountry) }))).countries.map(toCountry),
    );

  app.openapi(countriesRoute, async (c) => {
    const { value, status } = await countries();
    c.header("cache-control", "public, max-age=3600");
    return c.json({ countries: value, stale: stale(status) }, 200);
  });

  app.openapi(topicsRoute, async (c) => {
    const { value, status } = await cached(
      "topics",
      async () => (await client.request("/topics", z.object({ topics: z.array(UpstreamTopic) }))).topics,
    );
    c.header("cache-control", "public, max-age=3600");
    return c.json({ topics: value, stale: stale(status) }, 200);
  });

  app.openapi(helplinesRoute, async (c) => {
    const { country, topic, priority, limit } = c.req.valid("query");
    const params = new URLSearchParams({ country_code: country.toLowerCase(), limit: String(UPSTREAM_LIMIT) });
    if (topic) params.set("topic", topic.toLowerCase());
    if (priority) params.set("priority_only", "true");
    const { value, status } = await cached(`helplines:${params}`, async () =>
      (await client.request(`/helplines?${params}`, z.object({ helplines: z.array(UpstreamHelpline) }))).helplines.map(toHelpline),
    );
    // The country (with its emergency number) even when no helpline matches; no upstream call if countries are cached.
    const countryInfo =
      value[0]?.country ??
      (await countries()
        .then((r) => r.value.find((x) => x.code === country) ?? null)
        .catch(() => null));
    c.header("cache-control", "public, max-age=600");
    return c.json({ country: countryInfo, helplines: applyPairing(value, limit), stale: stale(status) }, 200);
  });

  app.openapi(eventsRoute, async (c) => {
    const event = c.req.valid("json");
    if ((await client.quota.used()) >= client.quota.limit * EVENT_SHARE_OF_QUOTA) return c.json({ reported: false }, 202);
    const path = event.type === "display" ? "/events/helpline_display" : "/events/helpline_click";
    const body = {
      helpline_id: event.helplineId,
      session_id: event.sessionId,
      timestamp: new Date().toISOString(),
      ...(event.contactMethod && { contact_method: event.contactMethod }),
    };
    const reported = await client.request(path, z.unknown(), { method: "POST", body }).then(
      () => true,
      () => false,
    );
    return c.json({ reported }, 202);
  });

  return app;
}
