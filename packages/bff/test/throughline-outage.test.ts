/**
 * ThroughLine's limits as its "Limits policy" states them, and no quota burnt while it fails: a
 * failing call still counts against the 1,000 a day.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HelplinesResponse, Problem } from "@embedkit/contracts";
import { createSandbox, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { MemoryStore } from "../src/upstream/cache.ts";
import { type CounterStore, MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { sandboxBff } from "./helpers.ts";

const HELPLINES = "/v1/throughline/helplines";
const HOUR = 3_600_000;

/** Deterministic pick from a list (the same hostile mix on every run). */
function picker(seed: number) {
  let state = seed;
  return <T>(list: readonly T[]): T => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return list[state % list.length] as T;
  };
}

const used = async (bff: { get: (path: string) => Response | Promise<Response> }) =>
  ((await (await bff.get("/health")).json()) as { quota: { throughline: { used: number } } }).quota.throughline.used;

describe("ThroughLine failing", () => {
  it("spends a few dozen calls at most on 6,000 hostile look-ups while every call fails, serving stale answers and the emergency number", async () => {
    const clock = manualClock(Date.now());
    const bff = sandboxBff(
      { RATE_LIMIT_PER_MINUTE: "100000000" },
      { now: clock.now, sleep: async (ms) => clock.advance(ms), ttl: { throughline: { freshMs: 60_000, staleMs: 7 * 24 * HOUR } } },
    );
    const warm = await bff.get(`${HELPLINES}?country=US&topic=anxiety`);
    const cached = HelplinesResponse.parse(await warm.json());
    clock.advance(2 * 60_000); // the cached answers are stale now: each look-up would revalidate them
    const before = await used(bff);
    bff.sandbox.throughline.faults.errorRate = 1;
    const pick = picker(22);
    const countries = ["US", "NZ", "us", "nz", "ZZ", "FR", "XX"];
    const topics = [
      "",
      "anxiety",
      "Suicidal%20thoughts",
      "domestic-violence",
      "grief-and-loss",
      "made-up",
      "%3Cscript%3E",
      "a".repeat(100),
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 6_000; i++) {
      clock.advance(100); // ten minutes in all
      const country = pick(countries);
      const topic = pick(topics);
      // Made-up topics are new each time: a stranger's distinct look-ups.
      const topicParam = topic && `&topic=${topic === "made-up" || topic.startsWith("aaa") ? `${topic.slice(0, 90)}-${i}` : topic}`;
      const query = `country=${country}${topicParam}&priority=${pick(["true", "false"])}&limit=${pick([1, 2, 50])}`;
      const response = await bff.get(`${HELPLINES}?${query}`);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      assert.ok([200, 502, 503, 504].includes(response.status), `${response.status} for ${query}`);
      if (response.status !== 200 && /^(us|nz)$/i.test(country)) {
        const problem = Problem.parse(await response.json());
        assert.equal(problem.emergencyNumber, /us/i.test(country) ? "911" : "111", "the emergency number of a country it knows");
      }
    }
    const spent = (await used(bff)) - before;
    // The breaker's probes (one per 30 s) and the few failures that opened it.
    assert.ok(spent <= 36, `${spent} calls spent (${[...statuses].map(([s, n]) => `${n}×${s}`).join(", ")})`);
    const stale = HelplinesResponse.parse(await (await bff.get(`${HELPLINES}?country=US&topic=anxiety`)).json());
    assert.deepEqual([stale.stale, stale.helplines], [true, cached.helplines], "the last good answer, marked stale");
    // ThroughLine recovers: a probe finds it, and answers are fresh again.
    bff.sandbox.throughline.faults.errorRate = 0;
    clock.advance(60_000);
    await bff.get(`${HELPLINES}?country=NZ`);
    await bff.get(`${HELPLINES}?country=NZ`);
    const fresh = HelplinesResponse.parse(await (await bff.get(`${HELPLINES}?country=NZ`)).json());
    assert.equal(fresh.stale, false);
    assert.ok(fresh.helplines.length > 0);
  });

  it("remembers a failed look-up for half a minute: asked again meanwhile, it costs no call", async () => {
    const clock = manualClock(Date.now());
    const bff = sandboxBff({}, { now: clock.now });
    await bff.get("/v1/throughline/countries");
    bff.sandbox.throughline.faults.errorRate = 1;
    const before = await used(bff);
    for (let i = 0; i < 4; i++) {
      assert.equal((await bff.get(`${HELPLINES}?country=NZ&topic=anxiety`)).status, 503);
      clock.advance(5_000);
    }
    assert.equal((await used(bff)) - before, 1, "one call for four look-ups");
    clock.advance(30_000);
    await bff.get(`${HELPLINES}?country=NZ&topic=anxiety`);
    assert.equal((await used(bff)) - before, 2, "asked again once the half minute is over");
  });

  it("keeps the emergency number of a known country when it is the topics list that cannot be had", async () => {
    const bff = sandboxBff();
    await bff.get("/v1/throughline/countries");
    bff.sandbox.throughline.faults.errorRate = 1;
    const response = await bff.get(`${HELPLINES}?country=NZ&topic=anxiety`);
    assert.equal(response.status, 503);
    assert.equal(Problem.parse(await response.json()).emergencyNumber, "111");
  });

  it("after five failures in a row says at once that ThroughLine is failing, and lets one probe through each half minute", async () => {
    const clock = manualClock(Date.now());
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "100000" }, { now: clock.now, throughlineFailureMemoryMs: 0 });
    assert.equal((await bff.get("/v1/throughline/countries")).status, 200);
    bff.sandbox.throughline.faults.errorRate = 1;
    const before = await used(bff);
    for (let i = 0; i < 5; i++) {
      const failed = Problem.parse(await (await bff.get("/v1/throughline/topics")).json());
      assert.deepEqual([failed.title, failed.detail], ["ThroughLine is unavailable", "ThroughLine answered status 500."]);
    }
    const refused = await bff.get("/v1/throughline/topics");
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get("retry-after"), "30");
    const problem = Problem.parse(await refused.json());
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      [
        "https://embedkit.dev/problems/throughline-unavailable",
        "ThroughLine is failing; the BFF asks it again shortly",
        "Several calls to ThroughLine failed in a row; the BFF answers from its cache and probes ThroughLine now and then until it answers.",
      ],
    );
    clock.advance(10_500);
    assert.equal((await bff.get("/v1/throughline/topics")).headers.get("retry-after"), "20");
    assert.equal((await used(bff)) - before, 5, "the sixth and seventh look-ups cost no call");
    clock.advance(19_500); // half a minute since the fifth failure: time for one probe
    const lookUps = [
      "/v1/throughline/topics",
      ...["US", "NZ", "US&priority=true", "NZ&priority=true"].map((q) => `${HELPLINES}?country=${q}`),
    ];
    const statuses = await Promise.all(lookUps.map(async (path) => (await bff.get(path)).status));
    assert.deepEqual(statuses, [503, 503, 503, 503, 503]);
    assert.equal((await used(bff)) - before, 6, "one probe among five look-ups at once");
    bff.sandbox.throughline.faults.errorRate = 0;
    clock.advance(29_999);
    assert.equal(
      (await bff.get("/v1/throughline/topics")).headers.get("retry-after"),
      "1",
      "the failed probe put the next one half a minute away",
    );
    clock.advance(1);
    assert.equal((await bff.get("/v1/throughline/topics")).status, 200, "the next probe finds ThroughLine back");
    assert.equal((await bff.get(`${HELPLINES}?country=US`)).status, 200, "and every look-up goes through again");
  });

  it("answers at once from a copy up to a week past its twelve fresh hours, marked stale, while it asks again; an older copy waits", async () => {
    // The sandbox's opening hours follow the helpline's local day. Starting at midnight in New
    // Zealand (Monday, NZDT) and early morning in the US, the week and a half below ends on the same
    // weekday in both, so the refreshed answer equals the first whatever the hour of the run.
    const clock = manualClock(Date.parse("2026-12-06T11:00:00Z"));
    const bff = sandboxBff({}, { now: clock.now });
    const look = async (country: string) => HelplinesResponse.parse(await (await bff.get(`${HELPLINES}?country=${country}`)).json());
    const [nz, us] = [await look("NZ"), await look("US")];
    clock.advance(12 * HOUR + 7 * 24 * HOUR - 60_000);
    assert.deepEqual(await look("NZ"), { ...nz, stale: true });
    clock.advance(2 * 60_000);
    assert.deepEqual(await look("US"), { ...us, stale: false }, "ThroughLine's answer, waited for");
    assert.deepEqual(await look("NZ"), { ...nz, stale: false }, "refreshed meanwhile");
  });

  it("asks a failed call only once: a retry would spend the daily quota twice", async () => {
    const bff = sandboxBff();
    bff.sandbox.throughline.faults.burst5xx = 1; // the next call fails, the one after would answer
    const response = await bff.get("/v1/throughline/countries");
    assert.equal(response.status, 503);
    assert.equal(Problem.parse(await response.json()).title, "ThroughLine is unavailable");
    assert.equal(await used(bff), 1);
  });

  it("spends a handful of calls when ThroughLine fails from the start, with nothing cached", async () => {
    const clock = manualClock(Date.now());
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "100000000" }, { now: clock.now, sleep: async (ms) => clock.advance(ms) });
    bff.sandbox.throughline.faults.errorRate = 1;
    for (let i = 0; i < 1_000; i++) {
      clock.advance(10);
      const response = await bff.get(`${HELPLINES}?country=${i % 2 ? "US" : `Q${String.fromCharCode(65 + (i % 26))}`}&topic=t${i}`);
      assert.equal(response.status, 503);
    }
    assert.ok((await used(bff)) <= 6, `${await used(bff)} calls`);
  });
});

describe("ThroughLine's limits", () => {
  it("after a 429 for the daily quota without Retry-After, asks nothing until the next whole hour", async () => {
    const clock = manualClock(Date.UTC(2026, 10, 18, 17, 50));
    const sandbox = createSandbox({ baseUrl: "https://throughline.simulated" });
    const bff = throughlineBff(sandbox, clock.now, (response) => {
      // ThroughLine documents no Retry-After for its quota.
      if (response.status !== 429) return response;
      const headers = new Headers(response.headers);
      headers.delete("retry-after");
      return new Response(response.body, { status: 429, headers });
    });
    assert.equal((await bff.get(`${HELPLINES}?country=US`)).status, 200);
    sandbox.throughline.settings.dailyQuota = 0;
    const refused = await bff.get(`${HELPLINES}?country=NZ`);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get("retry-after"), "600", "ten minutes: 6pm");
    clock.advance(9 * 60_000);
    assert.equal((await bff.get(`${HELPLINES}?country=NZ&priority=true`)).status, 503);
    assert.equal(sandbox.throughline.stats.refusedForQuota, 1, "nothing asked before 6pm");
    sandbox.throughline.settings.dailyQuota = 1_000;
    clock.advance(60_000);
    assert.equal((await bff.get(`${HELPLINES}?country=NZ`)).status, 200);
  });

  it("reads a 429's Retry-After of at most five seconds as the per-second limit, and any other as the daily quota's, until the hour at least", async () => {
    const at = Date.UTC(2026, 10, 18, 17, 50); // ten minutes to the next whole hour
    for (const [retryAfter, expected] of [
      ["5", "5"],
      ["\u00a05", "5"], // a non-breaking space around it, which fetch's Headers leaves in place
      ["6", "600"],
      ["60", "600"],
      ["Wed, 18 Nov 2026 18:30:00 GMT", "2400"],
      ["18 Nov 2026 18:30:00 +0000", "2400"], // a date without its weekday, starting and ending with digits
      ["Thu, 19 Nov 2026 23:00:00 GMT", "86400"], // never longer than a day
    ]) {
      const sandbox = createSandbox({ baseUrl: "https://throughline.simulated" });
      sandbox.throughline.settings.perSecond = 0; // ThroughLine refuses every call with 429
      const bff = throughlineBff(
        sandbox,
        () => at,
        (response) => {
          if (response.status !== 429) return response;
          return new Response(response.body, { status: 429, headers: { "retry-after": retryAfter as string } });
        },
      );
      const refused = await bff.get("/v1/throughline/countries");
      assert.equal(refused.status, 503);
      const problem = Problem.parse(await refused.json());
      assert.deepEqual(
        [problem.type, problem.title, problem.detail],
        [
          "https://embedkit.dev/problems/throughline-rate-limited",
          "ThroughLine asked the BFF to slow down",
          "ThroughLine answered 429; the BFF answers from its cache and asks ThroughLine nothing until Retry-After.",
        ],
      );
      assert.equal(refused.headers.get("retry-after"), expected, `Retry-After: ${retryAfter}`);
    }
  });

  it("tells the instances sharing its counters of a 429, so that none asks ThroughLine while it runs", async () => {
    const clock = manualClock(Date.UTC(2026, 10, 18, 17, 50));
    const sandbox = createSandbox({ baseUrl: "https://throughline.simulated", now: clock.now });
    const shared = new MemoryCounterStore(clock.now);
    const sleep = async (ms: number) => clock.advance(ms);
    const [a, b] = [0, 1].map(() => throughlineBff(sandbox, clock.now, (r) => r, { counters: shared, perSecond: 30, sleep }));
    assert.equal((await a!.get("/v1/throughline/countries")).status, 200);
    sandbox.throughline.settings.dailyQuota = 0; // ThroughLine refuses now, until 6pm
    assert.equal((await a!.get("/v1/throughline/topics")).headers.get("retry-after"), "600");
    clock.advance(60_000);
    const refused = await b!.get("/v1/throughline/countries");
    assert.equal(refused.status, 503);
    assert.equal(Problem.parse(await refused.json()).title, "ThroughLine asked the BFF to slow down");
    assert.equal(refused.headers.get("retry-after"), "60", "the other instance's exact time is not shared: a minute");
    assert.equal(sandbox.throughline.stats.refusedForQuota, 1, "B asked nothing");
    sandbox.throughline.settings.dailyQuota = 1_000;
    clock.advance(9 * 60_000);
    assert.equal((await b!.get("/v1/throughline/countries")).status, 200, "at 6pm, B asks again");
  });

  it("keeps two instances behind one egress address within 30 a second between them, through the shared counters", async () => {
    const clock = manualClock(Date.now());
    const sandbox = createSandbox({ baseUrl: "https://throughline.simulated", now: clock.now });
    sandbox.throughline.settings.perSecond = 4;
    const shared = new MemoryCounterStore(clock.now);
    const sleep = async (ms: number) => {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(ms);
    };
    const instances = [0, 1].map(() => throughlineBff(sandbox, clock.now, (r) => r, { counters: shared, perSecond: 4, sleep }));
    const topics = ["", "anxiety", "suicidal-thoughts", "domestic-violence"];
    const statuses = await Promise.all(
      instances.flatMap((bff, i) =>
        topics.map(async (topic) => (await bff.get(`${HELPLINES}?country=${i ? "NZ" : "US"}${topic && `&topic=${topic}`}`)).status),
      ),
    );
    assert.deepEqual(new Set(statuses), new Set([200]));
    assert.equal(sandbox.throughline.stats.refusedForQuota, 0, "ThroughLine never saw more than 4 in a second");
    assert.equal(sandbox.throughline.stats.apiCalls, 12);
  });

  it("counts each ThroughLine application's daily share apart on a store they share", async () => {
    const clock = manualClock(Date.now());
    const sandbox = createSandbox({ baseUrl: "https://throughline.simulated", now: clock.now });
    sandbox.throughline.settings.applications.set("second-app", "second-app-secret");
    const shared = { counters: new MemoryCounterStore(clock.now), perSecond: 30, sleep: async (ms: number) => clock.advance(ms) };
    const [first, second] = [
      { THROUGHLINE_DAILY_QUOTA: "2" } as Record<string, string>,
      { THROUGHLINE_DAILY_QUOTA: "2", THROUGHLINE_CLIENT_ID: "second-app", THROUGHLINE_CLIENT_SECRET: "second-app-secret" },
    ].map((application) => throughlineBff(sandbox, clock.now, (r) => r, shared, application));
    assert.equal((await first!.get(`${HELPLINES}?country=US`)).status, 200, "the countries and the US: the first app's two calls");
    assert.equal((await first!.get(`${HELPLINES}?country=NZ`)).status, 503);
    assert.equal((await second!.get(`${HELPLINES}?country=NZ`)).status, 200, "the second app's own two calls");
    assert.deepEqual([await used(first!), await used(second!)], [2, 2]);
  });

  it("counts the 30 a second with every deployment on the store, whatever ThroughLine application each one is", async () => {
    const clock = manualClock(Date.now());
    const sandbox = createSandbox({ baseUrl: "https://throughline.simulated", now: clock.now });
    sandbox.throughline.settings.perSecond = 4;
    sandbox.throughline.settings.applications.set("second-app", "second-app-secret");
    const shared = new MemoryCounterStore(clock.now);
    const sleep = async (ms: number) => {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(ms);
    };
    const applications: Record<string, string>[] = [
      {},
      { THROUGHLINE_CLIENT_ID: "second-app", THROUGHLINE_CLIENT_SECRET: "second-app-secret" },
    ];
    const deployments = applications.map((app) =>
      throughlineBff(sandbox, clock.now, (r) => r, { counters: shared, perSecond: 4, sleep }, app),
    );
    const topics = ["", "anxiety", "suicidal-thoughts", "domestic-violence"];
    const statuses = await Promise.all(
      deployments.flatMap((bff) =>
        topics.map(async (topic) => (await bff.get(`${HELPLINES}?country=NZ${topic && `&topic=${topic}`}`)).status),
      ),
    );
    assert.deepEqual(new Set(statuses), new Set([200]));
    assert.equal(sandbox.throughline.stats.refusedForQuota, 0, "one egress address: never more than 4 in a second between them");
  });
});

/** A BFF with ThroughLine configured against `sandbox`, its answers passed through `shape`. */
function throughlineBff(
  sandbox: ReturnType<typeof createSandbox>,
  now: () => number,
  shape: (response: Response) => Response,
  shared?: { counters: CounterStore; perSecond: number; sleep: (ms: number) => Promise<void> },
  application: Record<string, string> = {},
) {
  const host = "https://throughline.simulated/throughline";
  const config = loadConfig({
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    THROUGHLINE_TOKEN_URL: `${host}/oauth/token`,
    THROUGHLINE_API_URL: `${host}/v2`,
    THROUGHLINE_EVENTS_URL: `${host}/v1/events`,
    ALLOWED_ORIGINS: "https://www.host.example",
    RATE_LIMIT_PER_MINUTE: "100000",
    ...application,
  });
  const { app } = createApp(config, {
    publicUrl: "https://bff.example",
    logSink: () => {},
    now,
    fetch: async (input, init) => shape(await sandbox.app.fetch(new Request(input, init))),
    ...(shared && {
      stores: { cache: new MemoryStore(), counters: shared.counters },
      throughlinePerSecond: shared.perSecond,
      sleep: shared.sleep,
    }),
  });
  return { get: (path: string) => app.request(`https://bff.example${path}`) };
}
