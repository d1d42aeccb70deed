import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CountriesResponse, HelplinesResponse, Problem, TopicsResponse } from "@embedkit/contracts";
import { createSandbox, type Sandbox, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { type AppDeps, createApp } from "../src/app.ts";
import { ProblemError } from "../src/core/problem.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { ClientBudget } from "../src/throughline/client-budget.ts";
import { secondsToNextHour } from "../src/throughline/limits.ts";
import { applyLimit, toHelpline, toHours } from "../src/throughline/mapping.ts";
import { FailureMemory } from "../src/throughline/outage.ts";
import { RecentlyServed } from "../src/throughline/recently-served.ts";
import { manualClock } from "./clock.ts";
import { sandboxBff } from "./helpers.ts";

/** The BFF configured as an operator would, with ThroughLine's simulator behind `fetch` (every request it sends seen by `onFetch`). */
function configuredBff(
  env: Record<string, string> = {},
  { sandbox = createSandbox({ baseUrl: "https://throughline.simulated" }), ...deps }: { sandbox?: Sandbox } & Partial<AppDeps> = {},
  onFetch: (request: Request, response: Response) => Response | Promise<Response> = (_, response) => response,
) {
  const host = "https://throughline.simulated";
  const config = loadConfig({
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    THROUGHLINE_TOKEN_URL: `${host}/throughline/oauth/token`,
    THROUGHLINE_API_URL: `${host}/throughline/v2`,
    THROUGHLINE_EVENTS_URL: `${host}/throughline/v1/events`,
    ALLOWED_ORIGINS: "https://www.host.example",
    ...env,
  });
  const { app } = createApp(config, {
    publicUrl: "https://bff.example",
    logSink: () => {},
    fetch: async (input, init) => {
      const request = new Request(input, init);
      return onFetch(request, await sandbox.app.fetch(request.clone()));
    },
    ...deps,
  });
  return { app, config, sandbox, get: (path: string) => app.request(`https://bff.example${path}`) };
}

/** Reports a page view of the first US helpline in a session; whether the BFF reported it. */
async function displayPoster(bff: ReturnType<typeof sandboxBff>) {
  const id = (await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse)).helplines[0]?.id as string;
  return async (sessionId: string) => {
    const body = JSON.stringify({ type: "display", helplineId: id, sessionId });
    const init = { method: "POST", headers: { "content-type": "application/json" }, body };
    return ((await (await bff.get("/v1/throughline/events", init)).json()) as { reported: boolean }).reported;
  };
}

/** `count` page views, each in a new session a tenth of a second after the last (ThroughLine's 30 a second kept). */
async function spaced(clock: { advance: (ms: number) => void }, count: number, post: (sessionId: string) => Promise<boolean>) {
  const reported = [];
  for (let i = 0; i < count; i++) {
    clock.advance(100);
    reported.push(await post(`s${i}`));
  }
  return reported;
}

/**
 * The BFF before the simulator, with ThroughLine's helplines answer reshaped as ThroughLine may
 * also write it: `edit` rewrites the first helpline (the 988 Lifeline, in America/New_York).
 */
function reshapedBff(edit: (helpline: Record<string, unknown>) => Record<string, unknown>) {
  return configuredBff({}, {}, async (request, response) => {
    if (!new URL(request.url).pathname.endsWith("/v2/helplines")) return response;
    const { helplines } = (await response.json()) as { helplines: Record<string, unknown>[] };
    return Response.json({ helplines: helplines.map((h, i) => (i === 0 ? edit(h) : h)) });
  });
}

/** The first helpline a visitor is shown for the US, ThroughLine's answer reshaped by `edit`. */
async function firstReshaped(edit: (helpline: Record<string, unknown>) => Record<string, unknown>) {
  const response = await reshapedBff(edit).get("/v1/throughline/helplines?country=US");
  assert.equal(response.status, 200, await response.clone().text());
  return HelplinesResponse.parse(await response.json()).helplines[0];
}

const HREF = /^(tel:[\d+*#]+|sms:[\d+*#]+|https:\/\/)/;

const HELPLINES = "/v1/throughline/helplines";

async function ok<T>(response: Response, schema: { parse: (v: unknown) => T }): Promise<T> {
  assert.equal(response.status, 200, await response.clone().text());
  return schema.parse(await response.json());
}

describe("ThroughLine through the BFF", () => {
  it("documents each route in /openapi.json: its summary, its answer's shape and each failure it may answer", async () => {
    type Operation = { summary: string; description?: string; responses: Record<string, { description: string; content?: object }> };
    const doc = (await (await sandboxBff().get("/openapi.json")).json()) as { paths: Record<string, Record<string, Operation>> };
    const operation = (path: string, method = "get") => doc.paths[`/v1/throughline${path}`]?.[method] as Operation;
    const failures = {
      502: "ThroughLine failed or refused",
      503: "ThroughLine unavailable or its quota spent, with nothing cached",
      504: "ThroughLine timed out",
    };
    for (const [path, summary, answer, schema, more] of [
      ["/countries", "Countries with helplines", "Countries", "Countries", {}],
      ["/topics", "Helpline topics", "Topics", "Topics", {}],
      ["/helplines", "Ranked helplines of a country, for a topic", "Helplines", "Helplines", { 400: "Invalid request" }],
    ] as const) {
      const { responses, ...rest } = operation(path);
      assert.equal(rest.summary, summary);
      assert.deepEqual(Object.fromEntries(Object.entries(responses).map(([code, r]) => [code, r.description])), {
        200: answer,
        ...more,
        ...failures,
      });
      assert.deepEqual(responses[200]?.content, { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } });
    }
    const events = operation("/events", "post") as Operation & { requestBody: unknown };
    assert.equal(events.summary, "Reports a helpline display or click to ThroughLine");
    assert.deepEqual(events.requestBody, {
      required: true,
      content: { "application/json": { schema: { $ref: "#/components/schemas/HelplineEvent" } } },
    });
    for (const fact of [
      /served recently/,
      /a display once per helpline and session/,
      /30 an hour per client/,
      /a tenth of the daily quota/,
    ])
      assert.match(events.description ?? "", fact);
    assert.deepEqual(
      Object.entries(events.responses).map(([code, r]) => [code, r.description, Object.keys(r.content ?? {})]),
      [
        ["202", "Accepted", ["application/json"]],
        ["400", "Invalid event", ["application/problem+json"]],
      ],
    );
  });

  it("answers countries, topics and ranked helplines in our own shapes", async () => {
    const bff = sandboxBff();
    const { countries } = await ok(await bff.get("/v1/throughline/countries"), CountriesResponse);
    assert.deepEqual(
      countries.map((c) => c.code),
      ["US", "NZ"],
    );
    const { topics } = await ok(await bff.get("/v1/throughline/topics"), TopicsResponse);
    assert.ok(topics.some((t) => t.code === "anxiety"));
    const body = await ok(await bff.get(`${HELPLINES}?country=us&topic=suicidal-thoughts`), HelplinesResponse);
    assert.equal(body.country?.emergencyNumber, "911");
    assert.equal(body.stale, false);
    const lifeline = body.helplines[0];
    assert.equal(lifeline?.name, "988 Suicide & Crisis Lifeline", "ThroughLine's ranking is kept");
    assert.deepEqual(
      lifeline?.contacts.map((c) => [c.type, c.href, c.alwaysOpen, c.hours]),
      [
        ["phone", "tel:988", true, []],
        ["sms", "sms:988", true, []],
        ["webchat", "https://988lifeline.example/chat", true, []],
        ["website", "https://988lifeline.example/", true, []],
      ],
    );
    assert.equal(lifeline?.description, "Free, confidential support for people in distress.\nCall, text or chat.");
    assert.equal(lifeline?.timezone, "America/New_York");
  });

  it("gives each contact its own hours in the helpline's local time, a period past midnight as one entry", async () => {
    const bff = sandboxBff();
    const { helplines } = await ok(await bff.get(`${HELPLINES}?country=US&topic=domestic-violence`), HelplinesResponse);
    const [phone, sms] = helplines[0]?.contacts ?? [];
    assert.equal(helplines[0]?.timezone, "America/Chicago");
    assert.deepEqual([phone?.type, phone?.alwaysOpen, phone?.hours.length], ["phone", false, 5]);
    assert.deepEqual(phone?.hours[0], { day: "monday", open: "08:00", close: "20:00" });
    assert.deepEqual(sms?.hours[6], { day: "sunday", open: "17:00", close: "05:00" }, "one entry, close < open");
    const nz = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=anxiety&priority=true`), HelplinesResponse);
    const youthline = nz.helplines.find((h) => h.name === "Youthline");
    const hoursOf = (type: string) => youthline?.contacts.find((c) => c.type === type)?.hours;
    assert.notDeepEqual(hoursOf("phone"), hoursOf("webchat"), "phone and chat keep different hours");
  });

  it("shows an unknown contact type only as a safe https link, and nothing but tel:, sms: and https: in any href", async () => {
    const bff = sandboxBff();
    const { helplines } = await ok(await bff.get(`${HELPLINES}?country=US&limit=50`), HelplinesResponse);
    const textLine = helplines.find((h) => h.name === "Crisis Text Line");
    assert.deepEqual(
      textLine?.contacts.map((c) => [c.type, c.href]),
      [
        ["sms", "sms:741741"],
        ["whatsapp", "https://wa.example/14155550100"],
        ["website", "https://telegram.example/crisistextline"],
      ],
      "the e-mail address (an unknown type, not a URL) is left out",
    );
    for (const contact of helplines.flatMap((h) => h.contacts)) assert.match(contact.href, HREF);
  });

  it("accepts the topic by name or by code (one upstream call for both), and applies priority and limit", async () => {
    const bff = sandboxBff();
    const byName = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=SUICIDAL%20thoughts`), HelplinesResponse);
    const before = bff.sandbox.throughline.stats.apiCalls;
    const byCode = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=suicidal-thoughts`), HelplinesResponse);
    assert.equal(bff.sandbox.throughline.stats.apiCalls, before, "the same cached answer");
    assert.deepEqual(byCode.topic, { code: "suicidal-thoughts", name: "Suicidal thoughts" });
    assert.deepEqual(
      byName.helplines.map((h) => h.id),
      byCode.helplines.map((h) => h.id),
    );
    const ampersand = await ok(await bff.get(`${HELPLINES}?country=US&topic=${encodeURIComponent("grief & loss")}`), HelplinesResponse);
    assert.deepEqual(
      ampersand.helplines.map((h) => h.name),
      ["Crisis Text Line"],
    );
    const all = await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    const priority = await ok(await bff.get(`${HELPLINES}?country=US&priority=true`), HelplinesResponse);
    assert.ok(priority.helplines.length < all.helplines.length);
    assert.equal((await ok(await bff.get(`${HELPLINES}?country=US&limit=2`), HelplinesResponse)).helplines.length, 2);
  });

  it("takes priority as true or 1, and false or 0 as the whole list, as a flag is written in a URL", async () => {
    const bff = sandboxBff();
    const names = async (query: string) =>
      (await ok(await bff.get(`${HELPLINES}?country=US${query}`), HelplinesResponse)).helplines.map((h) => h.name);
    const all = await names("");
    const priority = await names("&priority=true");
    assert.ok(priority.length < all.length);
    assert.deepEqual(await names("&priority=1"), priority);
    assert.deepEqual(await names("&priority=false"), all);
    assert.deepEqual(await names("&priority=0"), all);
  });

  it("gives both services of a priority pair, adult and youth or two languages, whatever the limit", async () => {
    const bff = sandboxBff();
    const names = async (query: string) =>
      (await ok(await bff.get(`${HELPLINES}?${query}`), HelplinesResponse)).helplines.map((h) => h.name);
    assert.deepEqual(await names("country=NZ&topic=suicidal-thoughts&priority=true&limit=1"), ["Lifeline Aotearoa", "Youthline"]);
    assert.deepEqual(await names("country=NZ&topic=domestic-violence&priority=true&limit=1"), [
      "Women's Refuge Crisisline",
      "Te Waea Āwhina",
    ]);
    assert.deepEqual(
      await names("country=US&topic=suicidal-thoughts&priority=true&limit=1"),
      ["988 Suicide & Crisis Lifeline"],
      "three are no pair",
    );
    assert.equal((await names("country=NZ&topic=suicidal-thoughts&limit=1")).length, 1, "the standard list is no pair");
    const pairs = async (query: string) => (await ok(await bff.get(`${HELPLINES}?${query}`), HelplinesResponse)).pair;
    assert.deepEqual(
      [await pairs("country=NZ&topic=anxiety&priority=true&limit=1"), await pairs("country=US&topic=anxiety&priority=true&limit=2")],
      [true, false],
      "said so, and not of a longer list cut to two",
    );
    const { helplines } = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=anxiety&priority=true`), HelplinesResponse);
    for (const helpline of helplines)
      assert.deepEqual(
        Object.keys(helpline).filter((k) => /pair/i.test(k)),
        [],
        "no invented field",
      );
  });

  it("gives the country and its emergency number even when no helpline matches", async () => {
    const bff = sandboxBff();
    const body = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=grief-and-loss&priority=true`), HelplinesResponse);
    assert.equal(body.country?.emergencyNumber, "111");
  });

  it("answers an unknown topic with the country's list, marked, and an unknown country with nothing, without asking ThroughLine", async () => {
    const bff = sandboxBff();
    const country = await ok(await bff.get(`${HELPLINES}?country=NZ`), HelplinesResponse);
    assert.equal(country.unknownTopic, false, "no topic asked, none unknown");
    const calls = bff.sandbox.throughline.stats.apiCalls;
    const unknown = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=astrology`), HelplinesResponse);
    assert.deepEqual([unknown.unknownTopic, unknown.topic], [true, null]);
    assert.deepEqual(unknown.helplines, country.helplines);
    const nowhere = await ok(await bff.get(`${HELPLINES}?country=ZZ&topic=anxiety`), HelplinesResponse);
    assert.deepEqual(nowhere, { country: null, topic: null, unknownTopic: false, helplines: [], pair: false, stale: false });
    assert.equal(bff.sandbox.throughline.stats.apiCalls, calls + 1, "the topics list once; nothing else was asked");
  });

  it("lets browsers keep the lists for an hour and a country's helplines, or its absence, for ten minutes", async () => {
    const bff = sandboxBff();
    for (const [path, kept] of [
      ["/v1/throughline/countries", "public, max-age=3600"],
      ["/v1/throughline/topics", "public, max-age=3600"],
      [`${HELPLINES}?country=NZ`, "public, max-age=600"],
      [`${HELPLINES}?country=ZZ`, "public, max-age=600"],
    ]) {
      const response = await bff.get(path as string);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get("cache-control"), kept, path);
    }
  });

  it("refuses bad queries naming the field", async () => {
    const bff = sandboxBff();
    for (const [query, field] of [
      ["", "country"],
      ["country=USA", "country"],
      ["country=US&limit=0", "limit"],
      ["country=US&limit=51", "limit"],
      ["country=US&priority=maybe", "priority"],
    ]) {
      const response = await bff.get(`${HELPLINES}?${query}`);
      assert.equal(response.status, 400, query);
      assert.deepEqual(
        Problem.parse(await response.json()).errors?.map((e) => e.field),
        [field],
        query,
      );
    }
  });

  it("reuses one token and caches answers: many page views, few upstream calls", async () => {
    const bff = sandboxBff();
    for (let i = 0; i < 50; i++) {
      await bff.get(`${HELPLINES}?country=US&topic=anxiety&limit=${1 + (i % 5)}`);
      await bff.get("/v1/throughline/countries");
    }
    assert.equal(bff.sandbox.throughline.stats.tokenRequests, 1);
    assert.equal(bff.sandbox.throughline.stats.apiCalls, 3, "one helplines call (any limit), one countries call, one topics call");
    const health = (await (await bff.get("/health")).json()) as { quota: { throughline: { used: number; limit: number } } };
    assert.deepEqual(health.quota.throughline, { used: 3, limit: 1000 });
  });

  it("counts the quota over the last 24 hours of the app's clock", async () => {
    const clock = manualClock();
    const bff = sandboxBff({}, { now: clock.now });
    const used = async () =>
      ((await (await bff.get("/health")).json()) as { quota: { throughline: { used: number } } }).quota.throughline.used;
    assert.equal((await bff.get(`${HELPLINES}?country=US`)).status, 200);
    assert.equal(await used(), 2, "the countries and the country's helplines");
    clock.advance(23 * 3_600_000);
    assert.equal(await used(), 2, "still within the day");
    clock.advance(3_600_000 + 60_000);
    assert.equal(await used(), 0, "a day later on that clock, those calls no longer count");
  });

  it("gets one fresh token and retries once when ThroughLine answers 401", async () => {
    const bff = sandboxBff();
    await ok(await bff.get("/v1/throughline/topics"), TopicsResponse);
    bff.sandbox.throughline.revokeTokens();
    await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    assert.equal(bff.sandbox.throughline.stats.tokenRequests, 2);
  });

  it("serves the last good answer, marked stale, once the quota is spent, and calls no more", async () => {
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "3" }, { ttl: { throughline: { freshMs: 0, staleMs: 0 } } });
    const first = await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse); // countries and helplines
    await ok(await bff.get("/v1/throughline/topics"), TopicsResponse); // the third and last call of the day
    const later = await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    assert.equal(later.stale, true);
    assert.deepEqual(later.helplines, first.helplines);
    assert.equal(bff.sandbox.throughline.stats.apiCalls, 3, "the BFF stops at its own count");
    const uncached = await bff.get(`${HELPLINES}?country=NZ`);
    assert.equal(uncached.status, 503);
    const problem = Problem.parse(await uncached.json());
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      [
        "https://embedkit.dev/problems/throughline-quota",
        "ThroughLine's daily quota is spent",
        "The BFF answers from its cache until the quota frees up, at the next whole hour at the earliest.",
      ],
    );
    const retryAfter = Number(uncached.headers.get("retry-after"));
    assert.ok(retryAfter > 0 && retryAfter <= 3_600, `Retry-After ${retryAfter}: the next whole hour, when an hour's calls free up`);
  });

  it("never spends more than the quota, even with many look-ups at once", async () => {
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "5" });
    const queries = ["US", "NZ"].flatMap((country) =>
      ["", "&priority=true", "&topic=anxiety", "&topic=substance-use", "&topic=domestic-violence"].map((q) => `country=${country}${q}`),
    );
    const statuses = await Promise.all(queries.map(async (q) => (await bff.get(`${HELPLINES}?${q}`)).status));
    assert.ok(bff.sandbox.throughline.stats.apiCalls <= 5, `${bff.sandbox.throughline.stats.apiCalls} calls`);
    assert.ok(statuses.includes(503) && statuses.includes(200), `${statuses}`);
  });

  it("serves stale when ThroughLine itself answers 429, without counting the refused call or calling it our quota", async () => {
    const bff = sandboxBff({}, { ttl: { throughline: { freshMs: 0, staleMs: 0 } } });
    await ok(await bff.get(`${HELPLINES}?country=NZ`), HelplinesResponse);
    const used = async () =>
      ((await (await bff.get("/health")).json()) as { quota: { throughline: { used: number } } }).quota.throughline.used;
    const before = await used();
    bff.sandbox.throughline.settings.dailyQuota = 1;
    const later = await ok(await bff.get(`${HELPLINES}?country=NZ`), HelplinesResponse);
    assert.equal(later.stale, true);
    assert.ok(bff.sandbox.throughline.stats.refusedForQuota >= 1);
    assert.equal(await used(), before, "a refused call is not a spent one");
    const uncached = await bff.get(`${HELPLINES}?country=US`);
    assert.equal(uncached.status, 503);
    assert.doesNotMatch(uncached.headers.get("cache-control") ?? "", /public|max-age/, "a browser must not keep a failure");
    assert.equal(Problem.parse(await uncached.json()).title, "ThroughLine asked the BFF to slow down");
  });

  it("answers a 502 naming the API version and the setting when THROUGHLINE_API_URL points at the retired v1", async () => {
    const host = "https://throughline.simulated/throughline";
    const bff = configuredBff({ THROUGHLINE_API_URL: `${host}/v1` });
    const response = await bff.get(`${HELPLINES}?country=US`);
    assert.equal(response.status, 502);
    const problem = Problem.parse(await response.json());
    assert.match(problem.detail ?? "", /410/);
    assert.match(problem.detail ?? "", /THROUGHLINE_API_URL/);
    assert.match(problem.detail ?? "", /\bv2\b/);
    const right = configuredBff();
    assert.equal(right.config.throughline?.apiUrl, `${host}/v2`);
    await ok(await right.get(`${HELPLINES}?country=US`), HelplinesResponse);
    assert.equal(
      loadConfig({ THROUGHLINE_CLIENT_ID: "a", THROUGHLINE_CLIENT_SECRET: "b" }).throughline?.apiUrl,
      "https://api.throughlinecare.com/v2",
    );
  });

  it("answers a 502 naming the setting when THROUGHLINE_API_URL points at a path ThroughLine does not serve (404)", async () => {
    const bff = configuredBff({ THROUGHLINE_API_URL: "https://throughline.simulated/throughline/api" });
    const response = await bff.get("/v1/throughline/topics");
    assert.equal(response.status, 502);
    const problem = Problem.parse(await response.json());
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      [
        "https://embedkit.dev/problems/throughline-api-version",
        "ThroughLine does not serve this API path",
        "ThroughLine answered 404 (the BFF speaks API v2): check that THROUGHLINE_API_URL points at ThroughLine's API v2 (retired versions answer 410).",
      ],
    );
  });

  it("paces its calls to ThroughLine's rate instead of meeting 429", async () => {
    // A slower upstream and the BFF paced to match: the same rule at a rate a test can watch.
    const clock = manualClock(Date.now());
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.advance(ms);
    };
    const bff = sandboxBff({}, { throughlinePerSecond: 4, now: clock.now, sleep });
    bff.sandbox.throughline.settings.perSecond = 4;
    const queries = ["US", "NZ"].flatMap((country) =>
      ["", "&priority=true", "&topic=anxiety", "&topic=substance-use"].map((q) => `country=${country}${q}`),
    );
    const statuses = await Promise.all(queries.map(async (q) => (await bff.get(`${HELPLINES}?${q}`)).status));
    assert.deepEqual(new Set(statuses), new Set([200]));
    assert.equal(bff.sandbox.throughline.stats.refusedForQuota, 0);
    assert.equal(bff.sandbox.throughline.stats.apiCalls, 10, "countries, topics and one list per query: more than 4 a second");
    assert.ok(waits.length > 0, "the calls past the fourth waited their turn");
  });

  it("reports display and click events for helplines it served, within their share of the quota", async () => {
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "50" });
    const post = (body: unknown) =>
      bff.get("/v1/throughline/events", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const { helplines } = await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    const id = helplines[0]?.id as string;
    const display = await post({ type: "display", helplineId: id, sessionId: "s1" });
    assert.equal(display.status, 202);
    assert.deepEqual(await display.json(), { reported: true });
    assert.equal((await post({ type: "click", helplineId: id, sessionId: "s1" })).status, 400, "a click needs its method");
    await post({ type: "click", helplineId: id, sessionId: "s1", contactMethod: "webchat" });
    assert.deepEqual(
      bff.sandbox.throughline.stats.events.map((e) => [e.type, e.helpline_id, e.contact_method]),
      [
        ["helpline_display", id, undefined],
        ["helpline_click", id, "onlinechat"],
      ],
    );
    assert.deepEqual(await (await post({ type: "display", helplineId: "invented", sessionId: "s1" })).json(), { reported: false });
    for (let i = 0; i < 10; i++) await post({ type: "display", helplineId: id, sessionId: `s${i}` });
    assert.equal(bff.sandbox.throughline.stats.events.length, 5, "a tenth of 50 calls");
  });

  it("stops sending events for a while after failures, which spend quota, and gives back only refused ones", async () => {
    const clock = manualClock(Date.now());
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "100" }, { now: clock.now });
    const post = (body: unknown) =>
      bff.get("/v1/throughline/events", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const used = async () =>
      ((await (await bff.get("/health")).json()) as { quota: { throughline: { used: number } } }).quota.throughline.used;
    const id = (await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse)).helplines[0]?.id as string;
    const before = await used();
    bff.sandbox.throughline.faults.errorRate = 1;
    for (let i = 0; i < 50; i++)
      assert.deepEqual(await (await post({ type: "display", helplineId: id, sessionId: `s${i}` })).json(), { reported: false });
    assert.equal((await used()) - before, 3, "three failures, then a pause");
    bff.sandbox.throughline.faults.errorRate = 0;
    await post({ type: "display", helplineId: id, sessionId: "paused" });
    assert.equal(bff.sandbox.throughline.stats.events.length, 0, "still paused");
    clock.advance(5 * 60_000);
    assert.deepEqual(await (await post({ type: "display", helplineId: id, sessionId: "after" })).json(), { reported: true });
    // ThroughLine's 429 spends nothing: neither the daily quota nor the events' share (a tenth of 100).
    bff.sandbox.throughline.settings.perSecond = 0;
    for (let i = 0; i < 20; i++) await post({ type: "display", helplineId: id, sessionId: `r${i}` });
    bff.sandbox.throughline.settings.perSecond = 30;
    assert.equal((await used()) - before, 4);
  });

  it("reports a page view once per helpline and session, and caps each client's events", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "100000" }, { clientAddress: (c) => c.req.header("x-client") });
    const post = (body: unknown, client = "198.51.100.7") =>
      bff.get("/v1/throughline/events", {
        method: "POST",
        headers: { "content-type": "application/json", "x-client": client },
        body: JSON.stringify(body),
      });
    const id = (await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse)).helplines[0]?.id as string;
    assert.deepEqual(await (await post({ type: "display", helplineId: id, sessionId: "page" })).json(), { reported: true });
    assert.deepEqual(await (await post({ type: "display", helplineId: id, sessionId: "page" })).json(), { reported: false });
    for (let i = 0; i < 40; i++) await post({ type: "display", helplineId: id, sessionId: `s${i}` });
    assert.equal(bff.sandbox.throughline.stats.events.length, 30, "thirty events an hour for one client");
    assert.deepEqual(await (await post({ type: "display", helplineId: id, sessionId: "x" }, "203.0.113.9")).json(), { reported: true });
  });

  it("takes a client's events and a page view again once their hour is over, to the millisecond", async () => {
    const clock = manualClock();
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "100000" }, { now: clock.now, clientAddress: (c) => c.req.header("x-client") });
    const post = async (body: Record<string, unknown>) => {
      const response = await bff.get("/v1/throughline/events", {
        method: "POST",
        headers: { "content-type": "application/json", "x-client": "198.51.100.7" },
        body: JSON.stringify(body),
      });
      return ((await response.json()) as { reported: boolean }).reported;
    };
    const id = (await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse)).helplines[0]?.id as string;
    const click = { type: "click", helplineId: id, sessionId: "page", contactMethod: "phone" };
    assert.equal(await post({ type: "display", helplineId: id, sessionId: "page" }), true);
    for (let i = 0; i < 29; i++) {
      clock.advance(100); // ThroughLine's thirty calls a second, kept
      assert.equal(await post(click), true);
    }
    assert.equal(await post(click), false, "thirty an hour");
    clock.advance(3_600_000 - 1 - 2_900);
    assert.equal(await post(click), false, "still within the hour");
    assert.equal(await post({ type: "display", helplineId: id, sessionId: "page" }), false, "the page view was reported");
    clock.advance(1);
    assert.equal(await post({ type: "display", helplineId: id, sessionId: "page" }), true, "an hour later, a new page view");
    assert.equal(bff.sandbox.throughline.stats.events.length, 31);
  });

  it("gives back the events' share when ThroughLine refuses them with 429, and does not pause for it", async () => {
    const clock = manualClock();
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "100" }, { now: clock.now }); // events may spend 10 calls
    const post = await displayPoster(bff);
    bff.sandbox.throughline.settings.perSecond = 0; // every call refused with 429, Retry-After: 1
    for (let i = 0; i < 10; i++) assert.equal(await post(`refused-${i}`), false);
    bff.sandbox.throughline.settings.perSecond = 30;
    clock.advance(1_000);
    assert.deepEqual(await spaced(clock, 11, post), [...Array(10).fill(true), false], "the whole share of ten, then no more");
  });

  it("gives back the events' share while ThroughLine's breaker is open, and does not pause for it: no call was made", async () => {
    const clock = manualClock();
    // Events may spend 10 calls; a failed look-up is not remembered, so five in a row reach ThroughLine.
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "100" }, { now: clock.now, throughlineFailureMemoryMs: 0 });
    const post = await displayPoster(bff);
    bff.sandbox.throughline.faults.errorRate = 1;
    for (let i = 0; i < 5; i++) assert.equal((await bff.get("/v1/throughline/topics")).status, 503);
    bff.sandbox.throughline.faults.errorRate = 0; // back, but the breaker waits half a minute before it asks again
    for (let i = 0; i < 10; i++) assert.equal(await post(`refused-${i}`), false);
    assert.equal(bff.sandbox.throughline.stats.events.length, 0);
    clock.advance(30_000);
    assert.deepEqual(await spaced(clock, 11, post), [...Array(10).fill(true), false], "the whole share of ten, then no more");
  });

  it("remembers a failed look-up for exactly half a minute", async () => {
    const clock = manualClock();
    const bff = sandboxBff({}, { now: clock.now });
    await ok(await bff.get("/v1/throughline/countries"), CountriesResponse);
    bff.sandbox.throughline.faults.errorRate = 1;
    const calls = async () =>
      ((await (await bff.get("/health")).json()) as { quota: { throughline: { used: number } } }).quota.throughline.used;
    assert.equal((await bff.get(`${HELPLINES}?country=NZ`)).status, 503);
    const before = await calls();
    clock.advance(29_999);
    assert.equal((await bff.get(`${HELPLINES}?country=NZ`)).status, 503);
    assert.equal(await calls(), before, "answered from memory");
    clock.advance(1);
    assert.equal((await bff.get(`${HELPLINES}?country=NZ`)).status, 503);
    assert.equal(await calls(), before + 1, "asked again");
  });

  it("asks ThroughLine nothing while its 429's Retry-After runs, and says when to come back", async () => {
    const clock = manualClock(Date.now());
    const bff = sandboxBff({}, { now: clock.now });
    await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    bff.sandbox.throughline.settings.dailyQuota = 0; // ThroughLine refuses everything now, with Retry-After: 3600
    const answers = await Promise.all(Array.from({ length: 20 }, () => bff.get(`${HELPLINES}?country=NZ`)));
    for (const answer of answers) {
      assert.equal(answer.status, 503);
      assert.equal(Problem.parse(await answer.json()).title, "ThroughLine asked the BFF to slow down");
    }
    const later = await bff.get(`${HELPLINES}?country=NZ&priority=true`);
    assert.equal(later.status, 503);
    assert.equal(later.headers.get("retry-after"), String(secondsToNextHour(clock.now())), "the next whole hour");
    assert.equal(bff.sandbox.throughline.stats.refusedForQuota, 1, "one 429, then no call until Retry-After");
    assert.equal((await bff.get(`${HELPLINES}?country=US`)).status, 200, "cached answers are still served");
    clock.advance(3_600_000);
    bff.sandbox.throughline.settings.dailyQuota = 1_000;
    assert.equal((await bff.get(`${HELPLINES}?country=NZ`)).status, 200);
  });

  it("asks ThroughLine once per country, topic and mode, the topic by name or code: enumerating every combination stays bounded", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "100000" });
    const { countries } = await ok(await bff.get("/v1/throughline/countries"), CountriesResponse);
    const { topics } = await ok(await bff.get("/v1/throughline/topics"), TopicsResponse);
    let combinations = 0;
    for (const country of countries)
      for (const topic of ["", ...topics.flatMap((t) => [`&topic=${t.code}`, `&topic=${encodeURIComponent(t.name.toUpperCase())}`])])
        for (const priority of ["", "&priority=true"])
          for (const limit of ["", "&limit=1", "&limit=50"]) {
            const body = await ok(await bff.get(`${HELPLINES}?country=${country.code}${topic}${priority}${limit}`), HelplinesResponse);
            if (body.topic) for (const helpline of body.helplines) assert.ok(helpline.topics.includes(body.topic.name), helpline.name);
            combinations++;
          }
    assert.ok(combinations > 10 * countries.length * topics.length, `${combinations}`);
    assert.equal(
      bff.sandbox.throughline.stats.apiCalls,
      2 + countries.length * (topics.length + 1) * 2,
      "countries, topics, and one list per country, topic (or none) and mode",
    );
  });

  it("sends the topic to ThroughLine with the mode, and never a made-up one", async () => {
    const sent: URLSearchParams[] = [];
    const bff = configuredBff({}, {}, (request, response) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith("/helplines")) sent.push(url.searchParams);
      return response;
    });
    await ok(await bff.get(`${HELPLINES}?country=NZ&topic=suicidal-thoughts&priority=true`), HelplinesResponse);
    await ok(await bff.get(`${HELPLINES}?country=US&topic=GRIEF%20%26%20LOSS`), HelplinesResponse);
    await ok(await bff.get(`${HELPLINES}?country=US&topic=astrology`), HelplinesResponse);
    assert.deepEqual(
      sent.map((q) => [q.get("country_code"), q.get("topic"), q.get("priority_only"), q.get("limit")]),
      [
        ["nz", "Suicidal thoughts", "true", "100"],
        ["us", "Grief & loss", "false", "100"],
        ["us", null, "false", "100"],
      ],
      "every helpline of the country, topic and mode asked for: the visitor's limit is applied here",
    );
  });

  it("sends a JSON body with its content type to ThroughLine's events, and look-ups with neither, each asking for JSON", async () => {
    const sent: [string, string | null, string][] = [];
    const accepts = new Set<string | null>();
    const bff = configuredBff({}, {}, async (request, response) => {
      sent.push([`${request.method} ${new URL(request.url).pathname}`, request.headers.get("content-type"), await request.text()]);
      if (!request.url.endsWith("/oauth/token")) accepts.add(request.headers.get("accept"));
      return response;
    });
    const { helplines } = await ok(await bff.get(`${HELPLINES}?country=NZ`), HelplinesResponse);
    const posted = await bff.app.request("https://bff.example/v1/throughline/events", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "display", helplineId: helplines[0]?.id, sessionId: "s1" }),
    });
    assert.deepEqual(await posted.json(), { reported: true });
    const event = sent.find(([call]) => call.startsWith("POST /throughline/v1/events/"));
    assert.equal(event?.[1], "application/json");
    assert.equal(JSON.parse(event?.[2] ?? "null").helpline_id, helplines[0]?.id);
    assert.deepEqual(
      sent.filter(([call]) => call.startsWith("GET")).map(([call, type, body]) => [call, type, body]),
      [
        ["GET /throughline/v2/countries", null, ""],
        ["GET /throughline/v2/helplines", null, ""],
      ],
    );
    assert.deepEqual([...accepts], ["application/json"]);
  });

  it("answers 502 when ThroughLine's answer is not the shape it documents, rather than showing a broken list", async () => {
    const bff = configuredBff({}, {}, (request, response) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith("/v2/topics"))
        return new Response("<html>maintenance</html>", { headers: { "content-type": "text/html" } });
      if (!url.pathname.endsWith("/v2/helplines")) return response;
      return url.searchParams.get("country_code") === "us" ? new Response(null, { status: 204 }) : Response.json({ helplines: "none" });
    });
    for (const path of ["/v1/throughline/topics", `${HELPLINES}?country=US`, `${HELPLINES}?country=NZ`]) {
      const response = await bff.get(path);
      assert.equal(response.status, 502, path);
      const problem = Problem.parse(await response.json());
      assert.deepEqual(
        [problem.title, problem.detail],
        ["ThroughLine answered with an error", "ThroughLine answered an unexpected shape."],
      );
    }
  });

  it("keeps its answers however many THRON searches fill the in-memory cache", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "100000" }, { memoryCacheEntries: 20 });
    await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    const calls = bff.sandbox.throughline.stats.apiCalls;
    for (let i = 0; i < 30; i++) assert.equal((await bff.get(`/v1/thron/galleries/default/assets?q=x${i}`)).status, 200);
    await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    assert.equal(bff.sandbox.throughline.stats.apiCalls, calls, "answered from ThroughLine's own cache");
  });

  it("keeps the quota untouched by a flood of distinct topics, countries and fake events", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "100000" }); // one client, many addresses: the flood reaches the routes
    await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    const before = bff.sandbox.throughline.stats.apiCalls;
    const post = (body: unknown) =>
      bff.get("/v1/throughline/events", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    for (let i = 0; i < 300; i++) {
      const answers = await Promise.all([
        bff.get(`${HELPLINES}?country=US&topic=flood-${i}`),
        bff.get(`${HELPLINES}?country=${String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26))}&topic=anxiety`),
        post({ type: "display", helplineId: `fake-${i}`, sessionId: `s${i}` }),
      ]);
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 202],
      );
    }
    // The topics list (once) and the priority-free US list are all the flood cost.
    assert.ok(bff.sandbox.throughline.stats.apiCalls - before <= 1, `${bff.sandbox.throughline.stats.apiCalls - before} calls`);
    assert.equal(bff.sandbox.throughline.stats.events.length, 0);
  });

  // URLs are covered by the sandbox itself: its token endpoint refuses credentials in a query string.
  it("never puts the client secret or an access token in a response or log line", async () => {
    const bff = sandboxBff();
    const seen: string[] = [];
    for (const path of [
      "/v1/throughline/countries",
      "/v1/throughline/topics",
      `${HELPLINES}?country=US`,
      "/health",
      `${HELPLINES}?country=X`,
    ])
      seen.push(await (await bff.get(path)).text());
    const haystack = [...seen, ...bff.logs].join("\n");
    for (const secret of [THROUGHLINE_SANDBOX.clientSecret, ...bff.sandbox.throughline.issuedTokens()])
      assert.ok(!haystack.includes(secret), `leaked ${secret.slice(0, 6)}…`);
  });
});

describe("ThroughLine's answer written other ways, as a visitor sees it", () => {
  const phone = (openingHours: unknown[], contactMethodType = "phone") => ({
    contactMethodType,
    value: "988",
    alwaysOpen: false,
    openingHours,
  });
  const period = (localDayOfWeek: string, open: string, close: string) => ({ localDayOfWeek, open, close });

  it("shows a helpline without topics as having none, and a description's lone carriage returns as line breaks", async () => {
    const lifeline = await firstReshaped(({ topics: _topics, ...h }) => ({ ...h, description: "Call.\rText.\r\nChat." }));
    assert.deepEqual(lifeline?.topics, []);
    assert.equal(lifeline?.description, "Call.\nText.\nChat.");
  });

  it("shows contacts as written without stray spaces, and leaves out links and numbers that are not what their type says", async () => {
    const method = (contactMethodType: string, value: string) => ({ contactMethodType, value, alwaysOpen: true });
    const lifeline = await firstReshaped((h) => ({
      ...h,
      website: undefined,
      contactMethods: [
        method("phone", " 988 "),
        method("onlinechat", "\u00a0https://chat.example/x\u00a0"),
        method("onlinechat", "ftp://files.example/x"),
        method("messenger", "ws://socket.example/x"),
        method("viber", "+1 555 010 0000"),
        method("whatsapp", "  +1 555 010 0001 "),
        method("whatsapp", "Text 988 or 741741"),
        method("whatsapp", "12345"),
        method("whatsapp", "123 456"),
        method("whatsapp", "0800 376 633"),
      ],
    }));
    assert.deepEqual(
      lifeline?.contacts.map((c) => [c.type, c.label, c.href]),
      [
        ["phone", "988", "tel:988"],
        ["webchat", "chat.example", "https://chat.example/x"],
        ["whatsapp", "+1 555 010 0001", "https://wa.me/15550100001"],
        ["whatsapp", "123 456", "tel:123456"],
        ["whatsapp", "0800 376 633", "tel:0800376633"],
      ],
      "no ftp: or ws: link made https, no Viber number made WhatsApp, no text or five digits taken for a number, no national 0800 number sent to wa.me",
    );
  });

  it("reads opening hours in every ISO form ThroughLine may write, and leaves out a period it cannot read rather than guess", async () => {
    const lifeline = await firstReshaped((h) => ({
      ...h,
      contactMethods: [
        phone([
          period("monday", "2026-04-20T08:00-04:00", "2026-04-20T09:00-04:00"),
          period("tuesday", "2026-04-21T08:00:00.250-04:00", "2026-04-21T09:00:00.250-04:00"),
          period("wednesday", "2026-04-22T08:00:00-0400", "2026-04-22T09:00:00-0400"),
          period("thursday", " 2026-04-23T08:00:00-04:00 ", " 2026-04-23T09:00:00-04:00 "),
          period("friday", "2026-04-24T09:00:00-04:00", "2026-04-24T23:59:00-04:00"),
          period("saturday", "2026-04-25T08:00:00", "2026-04-25T09:00:00"),
          period("monday", "x2026-04-20T10:00:00", "x2026-04-20T11:00:00"),
          period("monday", "2026-04-20T12:00:00x", "2026-04-20T13:00:00x"),
          period("monday", "2026-04-20T22:00:00", "2026-04-20T24:00:00"),
          period("tuesday", "2026-04-21T10:00:00", "2026-04-21T10:60:00"),
          period("saturday", "2026-13-01T08:00:00-04:00", "2026-13-01T09:00:00-04:00"),
        ]),
      ],
    }));
    assert.deepEqual(lifeline?.contacts[0]?.hours, [
      { day: "monday", open: "08:00", close: "09:00" },
      { day: "tuesday", open: "08:00", close: "09:00" },
      { day: "wednesday", open: "08:00", close: "09:00" },
      { day: "thursday", open: "08:00", close: "09:00" },
      { day: "friday", open: "09:00", close: "23:59" },
      { day: "saturday", open: "08:00", close: "09:00" },
    ]);
  });

  it("shows no hours for a contact ThroughLine gives none, nor for one it says is open around the clock", async () => {
    const lifeline = await firstReshaped((h) => ({
      ...h,
      website: undefined,
      contactMethods: [
        { contactMethodType: "phone", value: "988", alwaysOpen: false },
        { ...phone([period("monday", "2026-04-20T09:00:00-04:00", "2026-04-20T17:00:00-04:00")], "sms"), alwaysOpen: true },
      ],
    }));
    assert.deepEqual(
      lifeline?.contacts.map((c) => [c.type, c.alwaysOpen, c.hours]),
      [
        ["phone", false, []],
        ["sms", true, []],
      ],
    );
  });

  it("never shows a period that closes when or before it opens as open, and a whole day as one entry", async () => {
    const lifeline = await firstReshaped((h) => ({
      ...h,
      contactMethods: [
        phone([
          period("sunday", "2026-04-26T10:00:00-04:00", "2026-04-26T10:00:00-04:00"),
          period("sunday", "2026-04-26T12:00:00-04:00", "2026-04-26T11:00:00-04:00"),
          period("monday", "2026-04-20T09:00:00-04:00", "2026-04-21T09:00:00-04:00"),
        ]),
      ],
    }));
    assert.deepEqual(
      lifeline?.contacts[0]?.hours,
      [{ day: "monday", open: "09:00", close: "09:00" }],
      "a zero-length or backwards period is no whole day open; twenty-four hours from 09:00 stay one entry",
    );
  });

  it("shows a period of more than a week, even one with no real end, as its first eight days, at once", async () => {
    const lifeline = await firstReshaped((h) => ({
      ...h,
      website: undefined,
      contactMethods: [
        phone([period("friday", "2026-04-24T18:00:00-04:00", "9999-12-31T17:00:00-05:00")]),
        phone([period("friday", "2026-04-24T18:00:00-04:00", "2026-05-02T17:00:00-04:00")], "sms"),
      ],
    }));
    const firstEightDays = [
      { day: "friday", open: "18:00", close: "00:00" },
      ...["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"].map((day) => ({
        day,
        open: "00:00",
        close: "00:00",
      })),
    ];
    assert.deepEqual(
      lifeline?.contacts.map((c) => c.hours),
      [firstEightDays, firstEightDays],
      "the ninth day, a Saturday to 17:00, is not shown",
    );
  });
});

describe("ThroughLine's events as ThroughLine receives them", () => {
  const post = (app: { request: (url: string, init: RequestInit) => Response | Promise<Response> }, body: unknown) =>
    app.request("https://bff.example/v1/throughline/events", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("sends events to ThroughLine's documented /v1/events path when THROUGHLINE_EVENTS_URL is left unset", async () => {
    const sandbox = createSandbox({ baseUrl: "https://throughline.simulated" });
    const asked: string[] = [];
    // Blank reads as unset: ThroughLine's real hosts, answered by the simulator at the same paths.
    const { app } = configuredBff(
      { THROUGHLINE_TOKEN_URL: "", THROUGHLINE_API_URL: "", THROUGHLINE_EVENTS_URL: "" },
      {
        sandbox,
        fetch: async (input, init) => {
          const request = new Request(input, init);
          asked.push(`${request.method} ${request.url}`);
          const { pathname, search } = new URL(request.url);
          return sandbox.app.fetch(new Request(`https://throughline.simulated/throughline${pathname}${search}`, request));
        },
      },
    );
    const { helplines } = await ok(await app.request(`https://bff.example${HELPLINES}?country=US`), HelplinesResponse);
    const answer = await post(app, { type: "display", helplineId: helplines[0]?.id, sessionId: "s1" });
    assert.deepEqual(await answer.json(), { reported: true });
    assert.ok(asked.includes("POST https://api.throughlinecare.com/v1/events/helpline_display"), asked.join("\n"));
    assert.equal(sandbox.throughline.stats.events.length, 1);
  });

  it("names each kind of contact clicked as ThroughLine does", async () => {
    const bff = sandboxBff();
    const id = (await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse)).helplines[0]?.id;
    for (const contactMethod of ["phone", "sms", "webchat", "whatsapp", "website"])
      assert.deepEqual(await (await post(bff.app, { type: "click", helplineId: id, sessionId: "s1", contactMethod })).json(), {
        reported: true,
      });
    assert.deepEqual(
      bff.sandbox.throughline.stats.events.map((e) => e.contact_method),
      ["phone", "sms", "onlinechat", "whatsapp", "website"],
    );
  });

  it("tells the operator once, on /health and in the log, that events fail, naming the setting to check, until one goes through", async () => {
    const clock = manualClock(Date.now());
    const logs: string[] = [];
    let eventsPathServed = false; // as a THROUGHLINE_EVENTS_URL that points elsewhere
    const bff = configuredBff({}, { now: clock.now, logSink: (line) => logs.push(line) }, (request, response) =>
      eventsPathServed || !new URL(request.url).pathname.includes("/v1/events") ? response : new Response("Not Found", { status: 404 }),
    );
    const id = (await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse)).helplines[0]?.id;
    const health = async () => (await (await bff.get("/health")).json()) as { status: string; problems?: string[] };
    const warnings = () => logs.flatMap((line) => line.split("\n")).filter((line) => line.includes("helpline events are not reported"));
    const display = (sessionId: string) => post(bff.app, { type: "display", helplineId: id, sessionId });
    for (const session of ["s1", "s2"]) await display(session);
    assert.equal((await health()).problems, undefined, "two failures may be chance");
    for (const session of ["s3", "s4", "s5"]) await display(session);
    const { status, problems = [] } = await health();
    assert.equal(status, "degraded");
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? "", /^ThroughLine: helpline events are not reported \(3 failed in a row; the last: /);
    assert.match(problems[0] ?? "", /check that THROUGHLINE_EVENTS_URL points at ThroughLine's API/);
    assert.match(
      problems[0] ?? "",
      /\(retired versions answer 410\)\)\. The BFF sends none for 5 minutes after each such run, until one goes through\.$/,
    );
    assert.equal(warnings().length, 1, "announced once");
    assert.equal(JSON.parse(warnings()[0] ?? "{}").level, "warn");
    clock.advance(5 * 60_000);
    // Three more failures (after two, ThroughLine's breaker lets one call through every 30 s).
    for (const session of ["s6", "s7", "s8"]) {
      await display(session);
      clock.advance(30_000);
    }
    assert.equal(warnings().length, 1, "the same reason is not announced again");
    assert.equal((await health()).problems?.length, 1);
    clock.advance(5 * 60_000);
    eventsPathServed = true;
    assert.deepEqual(await (await display("s9")).json(), { reported: true });
    assert.equal((await health()).problems, undefined, "an event went through");
  });
});

/**
 * What the events remember (clients' budgets, helplines served) is bounded: when full, the one
 * seen longest ago is forgotten first. Here with room for two, where the BFF keeps thousands.
 */
describe("ThroughLine events' bounded memory", () => {
  it("forgets the client seen longest ago, never one still spending, and holds as many as its bound", () => {
    const budget = new ClientBudget(1, 3_600_000, manualClock().now, 2);
    assert.deepEqual([budget.take("a"), budget.take("b")], [true, true]);
    assert.equal(budget.take("a"), false, "two clients fit: a's spent budget is remembered");
    assert.equal(budget.take("c"), true);
    assert.equal(budget.take("a"), false, "a was seen after b: b is the one forgotten");
    assert.equal(budget.take("b"), true, "b, forgotten, starts a new budget");
  });

  it("forgets the helpline served longest ago, counting one served again as just served", () => {
    const served = new RecentlyServed(manualClock().now, 86_400_000, 2);
    served.add(["a", "b"]);
    assert.deepEqual([served.has("a"), served.has("b")], [true, true], "two fit");
    served.add(["a"]);
    served.add(["c"]);
    assert.deepEqual([served.has("a"), served.has("b"), served.has("c")], [true, false, true]);
  });
});

describe("ThroughLine's failed look-ups, remembered within bounds", () => {
  it("forgets the look-up that failed longest ago, counting one failed again as just failed", async () => {
    const clock = manualClock();
    const failures = new FailureMemory(30_000, clock.now, 2);
    const asked: string[] = [];
    const fail = (key: string) =>
      failures
        .guard(key, async () => {
          asked.push(key);
          throw new ProblemError(503, "upstream-unavailable", "ThroughLine is unavailable");
        })
        .catch(() => {});
    await fail("a");
    clock.advance(30_000); // a is forgotten: asked again, it fails again
    await fail("b");
    await fail("a");
    await fail("c"); // three do not fit: b, which failed before a's second failure, goes
    asked.length = 0;
    for (const key of ["a", "b", "c"]) await fail(key);
    assert.deepEqual(asked, ["b"], "a and c are answered from memory, b is asked again");
  });
});

describe("ThroughLine mapping (API v2)", () => {
  const base = { id: "x", name: "X", country: { name: "US", code: "us" }, topics: [] };
  const method = (contactMethodType: string, value: string) => ({ contactMethodType, value, alwaysOpen: true, openingHours: [] });
  it("turns only safe URLs into links, and http into https", () => {
    const helpline = toHelpline({
      ...base,
      website: "javascript:alert(1)",
      contactMethods: [
        method("onlinechat", "https://chat.example/x"),
        method("whatsapp", "data:text/html,x"),
        method("messenger", "http://m.example/x"),
        method("fax", "vbscript:x"),
        method("phone", "call us"),
        { contactMethodType: "phone" },
      ],
    });
    assert.deepEqual(
      helpline.contacts.map((c) => [c.type, c.href]),
      [
        ["webchat", "https://chat.example/x"],
        ["website", "https://m.example/x"],
      ],
    );
  });
  it("makes a wa.me link only of a WhatsApp number in international form, and a national one a tel: link shown as written", () => {
    const helpline = toHelpline({
      ...base,
      contactMethods: [
        method("whatsapp", "+64 21 000 0000"),
        method("whatsapp", "0064 (21) 000-0001"),
        method("whatsapp", "021 000 0002"),
        method("whatsapp", "Search for us on WhatsApp"),
      ],
    });
    assert.deepEqual(
      helpline.contacts.map((c) => [c.label, c.href]),
      [
        ["+64 21 000 0000", "https://wa.me/64210000000"],
        ["0064 (21) 000-0001", "https://wa.me/64210000001"],
        ["021 000 0002", "tel:0210000002"],
      ],
    );
  });
  it("never calls a contact with opening hours but no alwaysOpen open around the clock", () => {
    const { contacts } = toHelpline({
      ...base,
      timezone: "Pacific/Auckland",
      contactMethods: [
        {
          contactMethodType: "phone",
          value: "0800 000 000",
          openingHours: [{ localDayOfWeek: "monday", open: "2026-11-23T09:00:00+13:00", close: "2026-11-23T17:00:00+13:00" }],
        },
      ],
    });
    assert.deepEqual(
      contacts.map((c) => [c.alwaysOpen, c.hours]),
      [[false, [{ day: "monday", open: "09:00", close: "17:00" }]]],
    );
  });
  it("keeps local wall-clock hours, one entry past midnight, and cuts periods longer than a day at midnight", () => {
    assert.deepEqual(
      toHours([
        { localDayOfWeek: "Monday", open: "2026-04-20T17:00:00+02:00", close: "2026-04-21T05:00:00+02:00" },
        { localDayOfWeek: "friday", open: "2026-04-24T18:00:00+02:00", close: "2026-04-27T08:00:00+02:00" },
        { localDayOfWeek: "noday", open: "2026-04-24T18:00:00+02:00", close: "2026-04-25T08:00:00+02:00" },
        { localDayOfWeek: "tuesday", open: "garbage", close: "2026-04-25T08:00:00+02:00" },
      ]),
      [
        { day: "monday", open: "17:00", close: "05:00" },
        { day: "friday", open: "18:00", close: "00:00" },
        { day: "saturday", open: "00:00", close: "00:00" },
        { day: "sunday", open: "00:00", close: "00:00" },
        { day: "monday", open: "00:00", close: "08:00" },
      ],
    );
  });
  it("reads each period in the helpline's time zone whatever offset it is written with, and keeps a repeated week once", () => {
    assert.deepEqual(
      toHours(
        [
          { localDayOfWeek: "monday", open: "2026-11-22T20:00:00Z", close: "2026-11-23T04:00:00Z" },
          { localDayOfWeek: "monday", open: "2026-11-23T09:00:00+13:00", close: "2026-11-23T17:00:00+13:00" },
          { localDayOfWeek: "monday", open: "2026-11-30T09:00:00+13:00", close: "2026-11-30T17:00:00+13:00" },
          { localDayOfWeek: "sunday", open: "2026-11-22T09:00:00-02:00", close: "2026-11-22T10:00:00-02:00" },
        ],
        "Pacific/Auckland",
      ),
      [
        { day: "monday", open: "09:00", close: "17:00" },
        { day: "monday", open: "00:00", close: "01:00" },
      ],
    );
  });
  it("drops a time zone the browser could not use", () => {
    assert.equal(toHelpline({ ...base, timezone: "Mars/Olympus" }).timezone, undefined);
  });
  it("takes a priority answer of exactly two as a pair the limit never cuts, and any other answer up to the limit", () => {
    const [a, b, c] = ["a", "b", "c"].map((id) => toHelpline({ ...base, id }));
    const ids = ({ helplines, pair }: { helplines: { id: string }[]; pair: boolean }) => [helplines.map((h) => h.id).join(), pair];
    assert.deepEqual(ids(applyLimit([a, b] as never, 1, true)), ["a,b", true]);
    assert.deepEqual(ids(applyLimit([a, b] as never, 1, false)), ["a", false]);
    assert.deepEqual(ids(applyLimit([a, b, c] as never, 1, true)), ["a", false]);
    assert.deepEqual(ids(applyLimit([a, b, c] as never, 2, true)), ["a,b", false]);
  });
});
