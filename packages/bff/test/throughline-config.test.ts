/**
 * ThroughLine's configuration as an operator meets it: the variables, what unset means, the
 * secret kept out of logs, the message that names a bad value; then what it sets up in a running
 * BFF: a week of stale answers, its quota counted under its own app, its name in the metrics.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { createSandbox, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { createApp } from "../src/app.ts";
import { secretsOf } from "../src/config.ts";
import { CONFIG_REFERENCE } from "../src/config-reference.ts";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { MemoryStore } from "../src/upstream/cache.ts";
import { type CounterStore, MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { problemsOf, sandboxBff } from "./helpers.ts";
import { upstreamEnv } from "./standalone-sandbox.ts";

/** ThroughLine configured with its app's credentials, nothing else. */
const APP = { THROUGHLINE_CLIENT_ID: "acme-helplines", THROUGHLINE_CLIENT_SECRET: "acme-throughline-secret-value" };
const ENDPOINTS = ["THROUGHLINE_TOKEN_URL", "THROUGHLINE_API_URL", "THROUGHLINE_EVENTS_URL"];
const referenceOf = (name: string) => {
  const variable = CONFIG_REFERENCE.find((v) => v.name === name);
  assert.ok(variable, `${name} is in the configuration reference`);
  return variable;
};

describe("ThroughLine's configuration", () => {
  it("turns on with the app's client id and secret, at ThroughLine's own endpoints with a 1,000-call day, as the reference says", () => {
    const throughline = loadConfig(APP).throughline;
    assert.deepEqual(throughline, {
      clientId: "acme-helplines",
      clientSecret: "acme-throughline-secret-value",
      tokenUrl: "https://api.findahelpline.com/oauth/token",
      apiUrl: "https://api.throughlinecare.com/v2",
      eventsUrl: "https://api.throughlinecare.com/v1/events",
      dailyQuota: 1000,
    });
    // The reference's default column: what unset means; the credentials have none.
    assert.deepEqual(
      ["THROUGHLINE_CLIENT_ID", "THROUGHLINE_CLIENT_SECRET", ...ENDPOINTS, "THROUGHLINE_DAILY_QUOTA"].map(
        (name) => referenceOf(name).default,
      ),
      [undefined, undefined, throughline?.tokenUrl, throughline?.apiUrl, throughline?.eventsUrl, String(throughline?.dailyQuota)],
    );
    assert.deepEqual(problemsOf({ THROUGHLINE_CLIENT_ID: "acme-helplines" }), [
      "throughline is partly configured: set THROUGHLINE_CLIENT_SECRET (or unset THROUGHLINE_CLIENT_ID)",
    ]);
  });

  it("keeps the client secret, and only it, out of every log line, and marks it secret in the reference", () => {
    assert.deepEqual(secretsOf(loadConfig(APP)), ["acme-throughline-secret-value"]);
    assert.deepEqual(
      CONFIG_REFERENCE.filter((v) => v.name.startsWith("THROUGHLINE_") && v.secret).map((v) => v.name),
      ["THROUGHLINE_CLIENT_SECRET"],
    );
  });

  it("takes an endpoint only as an http(s) URL, naming the variable, and drops its trailing slashes", () => {
    for (const name of ENDPOINTS) {
      for (const value of ["see https://api.example/v2", "api.example/v2", "ftp://api.example/v2", "https:///v2"])
        assert.deepEqual(problemsOf({ ...APP, [name]: value }), [`${name} must be an http(s) URL`], value);
      const config = loadConfig({ ...APP, [name]: "http://proxy.example/throughline//" }).throughline;
      assert.ok(config && Object.values(config).includes("http://proxy.example/throughline"), name);
    }
  });

  it("refuses client credentials in an endpoint's query, without echoing them; the same words elsewhere are fine", () => {
    for (const name of ENDPOINTS) {
      for (const query of ["?client_id=acme-helplines", "?grant=1&client_secret=leaked-secret-1", "?CLIENT_SECRET=leaked-secret-1"]) {
        const problems = problemsOf({ ...APP, [name]: `https://proxy.example/throughline${query}` });
        assert.deepEqual(problems, [`${name} must not carry credentials: they go in the request body`], query);
        assert.ok(!problems.join().includes("leaked-secret-1"));
      }
      const path = "https://proxy.example/client_id=shown/v2";
      assert.ok(loadConfig({ ...APP, [name]: path }).throughline, `${path} holds no query`);
    }
  });

  it("names a daily quota that is not a whole number of at least 1, and takes one that is", () => {
    for (const value of ["0", "-5", "2.5", "ten"])
      assert.deepEqual(problemsOf({ ...APP, THROUGHLINE_DAILY_QUOTA: value }), ["THROUGHLINE_DAILY_QUOTA must be a whole number ≥ 1"]);
    assert.equal(loadConfig({ ...APP, THROUGHLINE_DAILY_QUOTA: "250" }).throughline?.dailyQuota, 250);
  });

  it("says in docs/configuration.md what each of its variables is", () => {
    const docs = readFileSync(new URL("../../../docs/configuration.md", import.meta.url), "utf8");
    const meanings: [string, RegExp][] = [
      ["THROUGHLINE_CLIENT_ID", /client id/],
      ["THROUGHLINE_CLIENT_SECRET", /client secret/],
      ["THROUGHLINE_TOKEN_URL", /token endpoint/],
      ["THROUGHLINE_API_URL", /API v2.*v1 was retired/],
      ["THROUGHLINE_EVENTS_URL", /display and click events/],
      ["THROUGHLINE_DAILY_QUOTA", /share of the ThroughLine account's daily quota/],
    ];
    for (const [name, meaning] of meanings) {
      const variable = referenceOf(name);
      assert.match(variable.meaning, meaning, name);
      const row = docs.split("\n").find((line) => line.startsWith(`| \`${name}\``));
      assert.equal(row?.split(" | ")[1], variable.meaning, `docs/configuration.md says what ${name} is (pnpm docs:config)`);
    }
  });
});

const HOUR = 3_600_000;
const COUNTRIES = "/v1/throughline/countries";

describe("ThroughLine in a running BFF", () => {
  it("answers from its cache for 12 hours, then for a week serves the last answer at once, marked stale, while it asks again", async () => {
    const clock = manualClock();
    const bff = sandboxBff({}, { now: clock.now });
    const calls = () => bff.sandbox.throughline.stats.apiCalls;
    const staleness = async () => ((await (await bff.get(COUNTRIES)).json()) as { stale: boolean }).stale;
    assert.equal(await staleness(), false);
    const first = calls();
    clock.advance(12 * HOUR - 60_000);
    assert.deepEqual([await staleness(), calls()], [false, first], "fresh: no call");
    clock.advance(7 * 24 * HOUR);
    assert.equal(await staleness(), true, "on the week's last day: the last answer, while ThroughLine is asked again");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual([await staleness(), calls()], [false, first + 1], "asked again once, behind that answer");
    clock.advance(12 * HOUR + 7 * 24 * HOUR + HOUR);
    assert.deepEqual([await staleness(), calls()], [false, first + 2], "past the week: asked before answering");
  });

  it("counts its daily quota under its own app on a shared store: another app's deployment counts none of it", async () => {
    const base = "http://upstreams.test";
    const simulator = createSandbox({ baseUrl: base });
    const counters = new MemoryCounterStore();
    const counted = new Set<string>();
    // The shared store (Redis in production) as an operator would list its keys.
    const shared: CounterStore = {
      increment: (key, ttlMs, by) => counted.add(key) && counters.increment(key, ttlMs, by),
      read: (keys) => counters.read(keys),
    };
    const stores = { cache: new MemoryStore(), counters: shared };
    const deployment = (env: Record<string, string>) => {
      const publicUrl = "http://bff.test";
      const { app } = createApp(loadConfig({ ...upstreamEnv(base), ...env }, { publicUrl }), {
        publicUrl,
        fetch: async (input, init) => simulator.app.fetch(new Request(input, init)),
        logSink: () => {},
        stores,
      });
      return async (path: string) => app.request(`${publicUrl}${path}`);
    };
    const used = async (get: (path: string) => Promise<Response>) =>
      ((await (await get("/health")).json()) as { quota: { throughline: { used: number } } }).quota.throughline.used;
    const ours = deployment({});
    const theirs = deployment({ THROUGHLINE_CLIENT_ID: "another-throughline-app" });
    assert.equal((await ours("/v1/throughline/helplines?country=NZ")).status, 200);
    assert.equal(await used(ours), simulator.throughline.stats.apiCalls);
    assert.equal(await used(theirs), 0);
    // One count per hour of the rolling day, under the app's namespace: where an operator finds it in Redis.
    const quotaKeys = [...counted].filter((key) => key.includes("quota"));
    assert.equal(quotaKeys.length, 1, quotaKeys.join(", "));
    const hour = Number(quotaKeys[0]?.slice(`throughline:${THROUGHLINE_SANDBOX.clientId}|quota:throughline:`.length));
    assert.ok(quotaKeys[0]?.startsWith(`throughline:${THROUGHLINE_SANDBOX.clientId}|quota:throughline:`), quotaKeys[0]);
    assert.ok(Math.abs(hour - Date.now() / HOUR) < 1, `${hour} is this hour`);
  });

  it("is named ThroughLine in the metrics of its quota", async () => {
    const token = "metrics-token-for-tests-0123456789";
    const bff = sandboxBff({ METRICS_TOKEN: token }, { metrics: createPrometheusMetrics });
    assert.equal((await bff.get("/v1/throughline/helplines?country=NZ")).status, 200);
    const text = await (await bff.get("/metrics", { headers: { authorization: `Bearer ${token}` } })).text();
    const families = parsePrometheusTextFormat(text) as { name: string; metrics: { value: string; labels?: Record<string, string> }[] }[];
    const used = families.find((f) => f.name === "embedkit_quota_used")?.metrics.find((m) => m.labels?.provider === "ThroughLine");
    assert.equal(Number(used?.value), bff.sandbox.throughline.stats.apiCalls);
    assert.ok(bff.sandbox.throughline.stats.apiCalls > 0);
  });
});
