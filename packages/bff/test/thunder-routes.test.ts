import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LaunchResponse, Problem } from "@embedkit/contracts";
import { createSandbox, THUNDER_SANDBOX, verifyLaunchUrl } from "@embedkit/sandbox";
import { sign } from "hono/jwt";
import { type AppDeps, createApp } from "../src/app.ts";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { type CacheStore, MemoryStore } from "../src/upstream/cache.ts";
import { type CounterStore, MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { PUBLIC_URL, problemsOf, sandboxBff } from "./helpers.ts";
import { issueTicket } from "./tickets.ts";

const PLAY = "0f8fad5b-d9cb-469f-a165-70867728950e";
const OTHER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const SECRET = "host-ticket-secret-0123456789abcdef";
const HOST = "https://www.club.example";

function thunderBff(env: Record<string, string> = {}, deps: Parameters<typeof sandboxBff>[1] = {}) {
  const bff = sandboxBff({ ALLOWED_ORIGINS: HOST, ...env }, deps);
  const launch = (body: unknown, origin: string | null = HOST) =>
    bff.get("/v1/thunder/launch", {
      method: "POST",
      headers: { "content-type": "application/json", ...(origin && { origin }) },
      body: JSON.stringify(body),
    });
  const launched = async (body: unknown) => {
    const response = await launch(body);
    assert.equal(response.status, 200, await response.clone().text());
    return LaunchResponse.parse(await response.json());
  };
  return { ...bff, launch, launched, thunder: bff.sandbox.thunder };
}

const ticket = (claims: Record<string, unknown>, secret = SECRET) =>
  sign({ sub: "user-42", jti: crypto.randomUUID(), ...claims }, secret, "HS256");
const inMinutes = (m: number) => Math.floor(Date.now() / 1000) + m * 60;
const minutesUntil = (iso: string) => (Date.parse(iso) - Date.now()) / 60_000;

describe("POST /v1/thunder/launch", () => {
  it("answers a launch URL Thunder accepts (token live, vendor right) and its expiry", async () => {
    const bff = thunderBff();
    const response = await bff.launch({ method: "plays", ids: [PLAY, OTHER] });
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.equal(response.headers.get("access-control-allow-origin"), HOST);
    const body = LaunchResponse.parse(await response.json());
    const verified = verifyLaunchUrl(body.url, bff.thunder);
    assert.deepEqual([verified.target, verified.method, verified.payload], ["cloud", "plays", `${PLAY},${OTHER}`]);
    assert.equal(verified.vendor, THUNDER_SANDBOX.vendorGuid);
    assert.equal(verified.tokenState, "ok");
  });

  it("gives each launch its own short token (GenerateTokenWithDuration, 5 minutes unless configured)", async () => {
    const bff = thunderBff();
    const first = await bff.launched({ method: "stats", ids: ["1"] });
    const second = await bff.launched({ method: "stats", ids: ["1"] });
    assert.notEqual(verifyLaunchUrl(first.url, bff.thunder).token, verifyLaunchUrl(second.url, bff.thunder).token);
    assert.deepEqual(bff.thunder.stats.durations, [5, 5]);
    const left = minutesUntil(first.expiresAt);
    assert.ok(left > 4.9 && left <= 5, `about 5 minutes: ${left}`);
    const configured = thunderBff({ THUNDER_TOKEN_MINUTES: "2" });
    const body = await configured.launched({ method: "stats", ids: ["7"] });
    assert.deepEqual(configured.thunder.stats.durations, [2]);
    assert.ok(Math.abs(minutesUntil(body.expiresAt) - 2) < 0.1);
  });

  it("builds URLs for the configured target", async () => {
    const bff = thunderBff({ THUNDER_TARGET: "local-https" });
    const body = await bff.launched({ method: "gsis", ids: ["55514|944", "55526|1583"] });
    const verified = verifyLaunchUrl(body.url, bff.thunder);
    assert.deepEqual([verified.target, verified.payload], ["local-https", "^55514|944^55526|1583"]);
  });

  it("launches the MessageXML family with a league and angles, which Thunder reads back", async () => {
    const bff = thunderBff();
    const xos = verifyLaunchUrl((await bff.launched({ method: "xos-message", ids: [PLAY, OTHER] })).url, bff.thunder);
    assert.deepEqual(
      [xos.method, xos.payload, xos.league, xos.angles, xos.tokenState],
      ["xos-message", `${PLAY},${OTHER}`, "NFL", ["Sideline", "Endzone", "Scoreboard"], "ok"],
    );
    const body = { method: "gsis-message", ids: ["57511|763:mia", "57512|1"], league: "NCAA", angles: ["endzone", "tv-broadcast"] };
    const gsis = verifyLaunchUrl((await bff.launched(body)).url, bff.thunder);
    assert.deepEqual(
      [gsis.method, gsis.payload, gsis.league, gsis.angles],
      ["gsis-message", "57511|763:MIA,57512|1", "NCAA", ["Endzone", "TVBroadcast"]],
    );
    const pff = verifyLaunchUrl((await bff.launched({ method: "pff-message", ids: ["9|8"], league: "XFL" })).url, bff.thunder);
    assert.deepEqual([pff.method, pff.payload, pff.league], ["pff-message", "9|8", "XFL"]);
  });

  it("refuses bad methods, ids, leagues and angles with 400 problems naming the field", async () => {
    const bff = thunderBff();
    const cases: [unknown, string[]][] = [
      [{ method: "teleport", ids: ["1"] }, ["method"]],
      [{ method: "plays", ids: [] }, ["ids"]],
      [{ method: "plays", ids: [PLAY, "x'/><payload>1</payload>"] }, ["ids[1]"]],
      [{ method: "gsis", ids: ["55514|944:MIAMI"] }, ["ids[0]"]],
      [{ method: "xos-message", ids: ["55514|944"] }, ["ids[0]"]],
      [{ method: "gsis-message", ids: ["1|2"], league: "MLS" }, ["league"]],
      [{ method: "pff-message", ids: ["1|2"], angles: ["sideline", "drone"] }, ["angles[1]"]],
      [{ method: "plays", ids: [PLAY], league: "NFL" }, ["league"]],
      [{ method: "stats", ids: ["1"], angles: ["sideline"] }, ["angles"]],
      [{ method: "gsis", ids: ["x"], league: "NFL", angles: ["endzone"] }, ["ids[0]", "league", "angles"]],
    ];
    for (const [body, fields] of cases) {
      const response = await bff.launch(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.deepEqual(
        Problem.parse(await response.json()).errors?.map((e) => e.field),
        fields,
        JSON.stringify(body),
      );
    }
    const misplaced = Problem.parse(await (await bff.launch({ method: "edits", ids: [PLAY], angles: ["endzone"] })).json());
    assert.equal(misplaced.detail, "angles: is taken only by xos-message, gsis-message and pff-message");
    const named = Problem.parse(await (await bff.launch({ method: "gsis", ids: ["55514|944", "x"], league: "NFL" })).json());
    assert.deepEqual(named.errors, [
      { field: "ids[1]", message: "must be GAMEKEY|PLAYID or GAMEKEY|PLAYID:TEAM (digits, team 2–4 letters)" },
      { field: "league", message: "is taken only by xos-message, gsis-message and pff-message" },
    ]);
    const xos = Problem.parse(await (await bff.launch({ method: "xos-message", ids: ["55514|944"] })).json());
    assert.deepEqual(xos.errors, [{ field: "ids[0]", message: "must be an XOS play GUID" }]);
    assert.equal(bff.thunder.stats.tokenRequests, 0, "no token is minted for a refused request");
  });

  it("refuses a page from an origin not allowed, and (without tickets) a caller with no Origin at all", async () => {
    const bff = thunderBff();
    const foreign = await bff.launch({ method: "stats", ids: ["1"] }, "https://evil.example");
    assert.equal(foreign.status, 403);
    const refused = Problem.parse(await foreign.json());
    assert.deepEqual(
      [refused.type, refused.title, refused.detail],
      ["https://embedkit.dev/problems/origin-not-allowed", "This site may not launch Thunder", "Add its origin to ALLOWED_ORIGINS."],
    );
    const bare = await bff.launch({ method: "stats", ids: ["1"] }, null);
    assert.equal(bare.status, 403);
    const required = Problem.parse(await bare.json());
    assert.deepEqual(
      [required.type, required.title],
      ["https://embedkit.dev/problems/origin-required", "This site may not launch Thunder"],
    );
    assert.match(required.detail ?? "", /only from a browser page on an allowed origin/);
    assert.equal(bff.thunder.stats.tokenRequests, 0);
  });

  it("lets the BFF's own demo page launch whatever ALLOWED_ORIGINS lists, its origin taken from PUBLIC_URL, not Host", async () => {
    const bff = thunderBff();
    const response = await bff.launch({ method: "stats", ids: ["1"] }, new URL(PUBLIC_URL).origin);
    assert.equal(response.status, 200);
    const underAnotherName = (app: { request: typeof bff.app.request }) =>
      app.request("http://127.0.0.1:8787/v1/thunder/launch", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://127.0.0.1:8787" },
        body: JSON.stringify({ method: "stats", ids: ["1"] }),
      });
    // PUBLIC_URL set: a Host and Origin the caller chose are not the BFF's own.
    assert.equal((await underAnotherName(bff.app)).status, 403);
    // Sandbox mode without PUBLIC_URL (reached as localhost or 127.0.0.1): the demo page is same-origin.
    const guessed = thunderBff({}, { publicUrlGuessed: true });
    assert.equal((await underAnotherName(guessed.app)).status, 200);
  });

  it("trusts the BFF's own origin only from PUBLIC_URL or, in sandbox mode, a guessed one; a public URL that is no URL names none", async () => {
    // Sandbox mode without PUBLIC_URL: the demo page's origin (the guessed URL) may launch, whichever host the request came to.
    const guessed = thunderBff({}, { publicUrlGuessed: true });
    const fromDemo = await guessed.app.request("http://127.0.0.1:8787/v1/thunder/launch", {
      method: "POST",
      headers: { "content-type": "application/json", origin: new URL(PUBLIC_URL).origin },
      body: JSON.stringify({ method: "stats", ids: ["1"] }),
    });
    assert.equal(fromDemo.status, 200, await fromDemo.clone().text());
    const foreign = await guessed.app.request("http://127.0.0.1:8787/v1/thunder/launch", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ method: "stats", ids: ["1"] }),
    });
    assert.equal(foreign.status, 403, "another site's page, whichever host the request came to");
    // An app built in code with a public URL that is no URL: ALLOWED_ORIGINS alone decide.
    const unnamed = liveBff({ THUNDER_PUBLIC_LAUNCH: "1" }, undefined, { publicUrl: "" });
    assert.equal((await unnamed.launch({ method: "stats", ids: ["1"] })).status, 200);
    assert.equal((await unnamed.launch({ method: "stats", ids: ["1"] }, "https://bff.example")).status, 403);
  });

  it("rate limits launches per client", async () => {
    const bff = thunderBff({ THUNDER_LAUNCHES_PER_MINUTE: "2" });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await bff.launch({ method: "stats", ids: ["1"] })).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });

  it("reads the token when Thunder answers WCF XML or plain text", async () => {
    for (const format of ["xml", "text"] as const) {
      const bff = thunderBff();
      bff.thunder.settings.answerFormat = format;
      assert.equal(verifyLaunchUrl((await bff.launched({ method: "stats", ids: ["3"] })).url, bff.thunder).tokenState, "ok", format);
    }
  });

  it("reports a passing outage as Thunder unavailable (503), retrying once, never as refused credentials", async () => {
    const bff = thunderBff();
    bff.thunder.faults.burst5xx = 1;
    assert.equal((await bff.launch({ method: "stats", ids: ["1"] })).status, 200, "one 503 is retried");
    bff.thunder.faults.burst5xx = 2;
    const response = await bff.launch({ method: "stats", ids: ["1"] });
    assert.equal(response.status, 503);
    const problem = Problem.parse(await response.json());
    assert.equal(problem.title, "Thunder is unavailable");
    assert.doesNotMatch(JSON.stringify(problem), /credential|PASSWORD/i);
  });
});

/** The warnings a BFF logged, message and detail. */
const warnings = (logs: string[]) =>
  logs
    .map((line) => JSON.parse(line) as { level: string; message: string; detail?: string })
    .filter((entry) => entry.level === "warn")
    .map(({ message, detail }) => ({ message, detail }));

/** A BFF outside sandbox mode whose Thunder is the simulator, reached through an injected fetch. */
function liveBff(env: Record<string, string>, stores?: { cache: CacheStore; counters: CounterStore }, deps: Partial<AppDeps> = {}) {
  const simulator = createSandbox({ baseUrl: "https://thunder.simulated" });
  const config = loadConfig({
    THUNDER_USERNAME: THUNDER_SANDBOX.username,
    THUNDER_PASSWORD: THUNDER_SANDBOX.password,
    THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
    THUNDER_SSO_URL: "https://thunder.simulated/thunder/sso/RESTSSOServices.svc",
    ALLOWED_ORIGINS: HOST,
    ...env,
  });
  const logs: string[] = [];
  const { app } = createApp(config, {
    publicUrl: "https://bff.example",
    logSink: (l) => logs.push(l),
    fetch: async (i, init) => simulator.app.fetch(new Request(i, init)),
    ...(stores && { stores }),
    ...deps,
  });
  const get = (path: string, init?: RequestInit) => app.request(`https://bff.example${path}`, init);
  const launch = (body: unknown, origin: string | null = HOST) =>
    get("/v1/thunder/launch", {
      method: "POST",
      headers: { "content-type": "application/json", ...(origin && { origin }) },
      body: JSON.stringify(body),
    });
  return { app, get, launch, logs, thunder: simulator.thunder };
}

describe("Thunder outside sandbox mode", () => {
  it("tells the operator when Thunder refuses the credentials (its 500), asking once, without echoing them", async () => {
    const bff = liveBff({ THUNDER_PASSWORD: "not-the-password", THUNDER_TICKET_SECRET: SECRET });
    const response = await bff.launch({ method: "stats", ids: ["1"], ticket: await ticket({ exp: inMinutes(5) }) });
    assert.equal(response.status, 502);
    const text = await response.text();
    assert.equal(Problem.parse(JSON.parse(text)).title, "Thunder refused the credentials or failed");
    assert.equal(bff.thunder.stats.tokenRequests, 1, "a refusal is not asked again");
    assert.doesNotMatch(text + bff.logs.join("\n"), /not-the-password|analyst@/);
    const health = (await (await bff.get("/health")).json()) as { providers: { thunder: string } };
    assert.equal(health.providers.thunder, "degraded");
  });

  it("names a lasting Thunder server exception (500 and its Message) as refused credentials or a failure", async () => {
    const bff = liveBff({ THUNDER_PUBLIC_LAUNCH: "1" });
    bff.thunder.faults.errorRate = 1;
    const response = await bff.launch({ method: "stats", ids: ["1"] });
    assert.equal(response.status, 502);
    const problem = Problem.parse(await response.json());
    assert.equal(problem.title, "Thunder refused the credentials or failed");
    assert.match(problem.detail ?? "", /Thunder itself is failing/);
  });

  it("needs THUNDER_TICKET_SECRET once Thunder is configured, unless THUNDER_PUBLIC_LAUNCH=1", () => {
    const base = { THUNDER_USERNAME: "u", THUNDER_PASSWORD: "p", THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid };
    assert.throws(() => loadConfig(base), /THUNDER_TICKET_SECRET is not: set it .* or THUNDER_PUBLIC_LAUNCH=1/);
    assert.equal(loadConfig({ ...base, THUNDER_PUBLIC_LAUNCH: "1" }).thunder?.publicLaunch, true);
    assert.throws(() => loadConfig({ ...base, THUNDER_PUBLIC_LAUNCH: "1", THUNDER_TICKET_SECRET: SECRET }), /not both/);
    assert.throws(() => loadConfig({ ...base, THUNDER_PUBLIC_LAUNCH: "yes" }), /THUNDER_PUBLIC_LAUNCH must be 0 or 1/);
  });

  it("with THUNDER_PUBLIC_LAUNCH=1 warns at start and refuses a request with no Origin", async () => {
    const bff = liveBff({ THUNDER_PUBLIC_LAUNCH: "1" });
    assert.equal(bff.logs.filter((l) => /"level":"warn".*THUNDER_PUBLIC_LAUNCH=1/.test(l)).length, 1, bff.logs.join("\n"));
    assert.deepEqual(warnings(bff.logs), [
      {
        message: "THUNDER_PUBLIC_LAUNCH=1: Thunder launches are protected by the Origin header only",
        detail: "Any program can send an allowed Origin; set THUNDER_TICKET_SECRET so the host site vouches for each launch.",
      },
    ]);
    assert.deepEqual(warnings(thunderBff({ THUNDER_PUBLIC_LAUNCH: "1" }).logs), [], "the sandbox's own launches are origin-only anyway");
    assert.equal((await bff.launch({ method: "stats", ids: ["1"] }, null)).status, 403);
    assert.equal((await bff.launch({ method: "stats", ids: ["1"] })).status, 200);
    assert.equal(bff.thunder.stats.tokenRequests, 1);
  });

  it("with THUNDER_PUBLIC_LAUNCH=1 takes no Host header for the BFF's own origin (DNS rebinding, forged Host)", async () => {
    for (const publicUrlGuessed of [false, true]) {
      const bff = liveBff({ THUNDER_PUBLIC_LAUNCH: "1" }, undefined, { publicUrlGuessed });
      const response = await bff.app.request("http://attacker.example:8787/v1/thunder/launch", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://attacker.example:8787" },
        body: JSON.stringify({ method: "stats", ids: ["1"] }),
      });
      assert.equal(response.status, 403, `publicUrlGuessed ${publicUrlGuessed}`);
      assert.equal(bff.thunder.stats.tokenRequests, 0);
    }
  });

  it("on Workers without PUBLIC_URL, the first caller's Host is not taken for the BFF's own origin", async () => {
    const { default: worker } = await import("../src/runtime/worker.ts");
    const env = {
      THUNDER_USERNAME: THUNDER_SANDBOX.username,
      THUNDER_PASSWORD: THUNDER_SANDBOX.password,
      THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
      THUNDER_SSO_URL: "https://thunder.invalid/sso/RESTSSOServices.svc",
      THUNDER_PUBLIC_LAUNCH: "1",
      ALLOWED_ORIGINS: HOST,
    };
    const request = new Request("https://attacker.example/v1/thunder/launch", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://attacker.example" },
      body: JSON.stringify({ method: "stats", ids: ["1"] }),
    });
    const response = await worker.fetch(request, env, {});
    assert.equal(response.status, 403, await response.clone().text());
  });

  it("in hub-pro mode saves the launch URL with SaveUserUrlByGuid and answers the lookup URL, never the token", async () => {
    const bff = liveBff({
      THUNDER_PUBLIC_LAUNCH: "1",
      THUNDER_LAUNCH_MODE: "hub-pro",
      THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.thunder.example/launch/{guid}?src=embedkit",
    });
    const response = await bff.launch({ method: "plays", ids: [PLAY] });
    assert.equal(response.status, 200);
    const text = await response.text();
    const { url } = LaunchResponse.parse(JSON.parse(text));
    const guid = /^https:\/\/hub\.thunder\.example\/launch\/([0-9a-f-]{36})\?src=embedkit$/.exec(url)?.[1] ?? "";
    const saved = bff.thunder.savedUrl(guid);
    assert.ok(saved, `a saved URL behind ${url}`);
    const verified = verifyLaunchUrl(saved, bff.thunder);
    assert.deepEqual([verified.method, verified.payload, verified.tokenState], ["plays", PLAY, "ok"]);
    assert.ok(!text.includes(verified.token), "the Thunder token never reaches the browser");
    assert.equal(bff.thunder.stats.savedUrls, 1);
  });

  it("validates the Hub Pro settings", () => {
    const base = {
      THUNDER_USERNAME: "u",
      THUNDER_PASSWORD: "p",
      THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
      THUNDER_PUBLIC_LAUNCH: "1",
    };
    assert.throws(() => loadConfig({ ...base, THUNDER_LAUNCH_MODE: "hub" }), /THUNDER_LAUNCH_MODE must be direct or hub-pro/);
    assert.throws(() => loadConfig({ ...base, THUNDER_LAUNCH_MODE: "hub-pro" }), /needs THUNDER_HUB_PRO_LOOKUP_URL/);
    assert.throws(
      () => loadConfig({ ...base, THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.example/launch" }),
      /containing \{guid\}/,
    );
    assert.throws(
      () => loadConfig({ ...base, THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.example/{guid}" }),
      /only with THUNDER_LAUNCH_MODE=hub-pro/,
    );
    const hubPro = (url: string) => () => loadConfig({ ...base, THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: url });
    const refused =
      /THUNDER_HUB_PRO_LOOKUP_URL must be a URL containing \{guid\} that starts with thundercloud:\/\/, https:\/\/ or http:\/\/localhost:8080\//;
    assert.throws(hubPro("https://[hub/{guid}"), refused);
    assert.throws(hubPro("http://hub.example/launch/{guid}"), refused, "plain http outside sandbox mode, but for local Thunder");
    assert.throws(hubPro("http://localhost:8080@hub.example/{guid}"), refused, "not local Thunder");
    assert.throws(hubPro("javascript:alert(1)//{guid}"), refused);
    assert.throws(hubPro("https://hub.example/launch/{guid} now"), refused, "no whitespace, which a URL would quietly encode");
    assert.throws(hubPro("http://localhost:8080{guid}/"), refused, "a GUID in the port makes no URL");
    assert.equal(
      loadConfig({ ...base, THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: "HTTPS://Hub.example/{guid}" }).thunder?.launchMode,
      "hub-pro",
    );
    const sandbox = loadConfig({
      BFF_SANDBOX: "1",
      THUNDER_LAUNCH_MODE: "hub-pro",
      THUNDER_HUB_PRO_LOOKUP_URL: "http://127.0.0.1:9/{guid}",
    });
    assert.equal(sandbox.thunder?.hubProLookupUrl, "http://127.0.0.1:9/{guid}", "http is fine in sandbox mode");
    const sandboxRefused = problemsOf({ BFF_SANDBOX: "1", THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: "ftp://hub/{guid}" });
    assert.deepEqual(sandboxRefused, [
      "THUNDER_HUB_PRO_LOOKUP_URL must be a URL containing {guid} that starts with thundercloud://, https://, http:// or http://localhost:8080/, such as https://hub.example/launch/{guid}",
    ]);
  });

  it("one ticket launches once, across instances sharing a store (BFF_CACHE_URL)", async () => {
    const shared = { cache: new MemoryStore(), counters: new MemoryCounterStore() };
    const a = liveBff({ THUNDER_TICKET_SECRET: SECRET }, shared);
    const b = liveBff({ THUNDER_TICKET_SECRET: SECRET }, shared);
    const once = await ticket({ exp: inMinutes(5) });
    assert.equal(
      (await a.launch({ method: "stats", ids: ["1"], ticket: once }, null)).status,
      200,
      "a host backend may call without Origin",
    );
    const replayed = await b.launch({ method: "stats", ids: ["1"], ticket: once });
    assert.equal(replayed.status, 401);
    assert.match(Problem.parse(await replayed.json()).detail ?? "", /already used/);
    assert.equal(b.thunder.stats.tokenRequests, 0);
  });
  it("keeps launch budgets and used tickets per Thunder account in a store shared with other deployments", async () => {
    const counters = new MemoryCounterStore();
    const keys = new Set<string>();
    const recording: CounterStore = {
      increment: (key, ttlMs, by) => {
        keys.add(key);
        return counters.increment(key, ttlMs, by);
      },
      read: (list) => counters.read(list),
    };
    const shared = { cache: new MemoryStore(), counters: recording };
    const env = { THUNDER_TICKET_SECRET: SECRET, THUNDER_LAUNCHES_PER_MINUTE: "1" };
    const ours = liveBff(env, shared);
    const theirs = liveBff({ ...env, THUNDER_USERNAME: "coach@other.example" }, shared);
    const once = await ticket({ exp: inMinutes(5) });
    assert.equal((await ours.launch({ method: "stats", ids: ["1"], ticket: once })).status, 200);
    const elsewhere = await theirs.launch({ method: "stats", ids: ["1"], ticket: once });
    assert.notEqual(elsewhere.status, 429, "another account's launch budget is its own");
    assert.notEqual(elsewhere.status, 401, "and so is its list of used tickets");
    const ownKeys = [...keys].filter((key) => key.includes("thunder:ticket:") || key.includes("launch"));
    assert.ok(ownKeys.length >= 2, [...keys].join("\n"));
    const prefixes = [`thunder:${encodeURIComponent(THUNDER_SANDBOX.username)}|`, `thunder:${encodeURIComponent("coach@other.example")}|`];
    for (const key of ownKeys)
      assert.ok(
        prefixes.some((prefix) => key.startsWith(prefix)),
        key,
      );
    for (const prefix of prefixes)
      assert.ok(
        ownKeys.some((key) => key.startsWith(`${prefix}rate:launch:`)),
        `a launch budget under ${prefix}: ${ownKeys.join(", ")}`,
      );
  });

  it("warns at start that without BFF_CACHE_URL each instance has its own list of used tickets", () => {
    const warned = (logs: string[]) => logs.filter((l) => /"level":"warn".*without BFF_CACHE_URL/.test(l)).length;
    assert.equal(warned(liveBff({ THUNDER_TICKET_SECRET: SECRET }).logs), 1);
    assert.equal(warned(liveBff({ THUNDER_TICKET_SECRET: SECRET, BFF_CACHE_URL: "redis://cache.internal:6379" }).logs), 0);
    assert.equal(warned(liveBff({ THUNDER_PUBLIC_LAUNCH: "1" }).logs), 0);
    assert.deepEqual(warnings(liveBff({ THUNDER_TICKET_SECRET: SECRET }).logs), [
      {
        message: "THUNDER_TICKET_SECRET without BFF_CACHE_URL: each instance keeps its own list of used tickets",
        detail: "With several instances a ticket can launch once per instance; set BFF_CACHE_URL so they share one list.",
      },
    ]);
    assert.deepEqual(warnings(thunderBff({ THUNDER_TICKET_SECRET: SECRET }).logs), [], "sandbox mode runs one instance");
  });

  it("launches once when one ticket arrives several times at once", async () => {
    const bff = liveBff({ THUNDER_TICKET_SECRET: SECRET });
    const once = await ticket({ exp: inMinutes(5) });
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(async () => (await bff.launch({ method: "stats", ids: ["1"], ticket: once })).status),
    );
    assert.deepEqual(statuses.sort(), [200, 401, 401, 401]);
    assert.equal(bff.thunder.stats.tokenRequests, 1);
  });

  it("gives the ticket back when Thunder fails, so the same ticket launches once Thunder is back", async () => {
    const bff = liveBff({ THUNDER_TICKET_SECRET: SECRET });
    const once = await ticket({ exp: inMinutes(5) });
    bff.thunder.faults.burst5xx = 2;
    assert.equal((await bff.launch({ method: "stats", ids: ["1"], ticket: once })).status, 503);
    assert.equal((await bff.launch({ method: "stats", ids: ["1"], ticket: once })).status, 200, "the retry after the outage");
    const replayed = await bff.launch({ method: "stats", ids: ["1"], ticket: once });
    assert.equal(replayed.status, 401, "and then it is used");
  });

  it("keeps a ticket used when the store cannot take it back, and still answers Thunder's outage (503)", async () => {
    const counts = new MemoryCounterStore();
    const givesNothingBack: CounterStore = {
      increment: async (key, ttlMs, by) => {
        if (by === -1) throw new Error("shared store unreachable");
        return counts.increment(key, ttlMs, by);
      },
      read: (keys) => counts.read(keys),
    };
    const bff = liveBff({ THUNDER_TICKET_SECRET: SECRET }, { cache: new MemoryStore(), counters: givesNothingBack });
    const once = await ticket({ exp: inMinutes(5) });
    bff.thunder.faults.burst5xx = 2;
    const failed = await bff.launch({ method: "stats", ids: ["1"], ticket: once });
    assert.equal(failed.status, 503);
    assert.equal(Problem.parse(await failed.json()).title, "Thunder is unavailable");
    const again = await bff.launch({ method: "stats", ids: ["1"], ticket: once });
    assert.equal(again.status, 401, "best effort: the ticket was not given back");
  });

  it("launches nothing when the ticket store cannot say whether a ticket was used (503)", async () => {
    const unreachable = {
      increment: async () => {
        throw new Error("shared store unreachable");
      },
      read: async (keys: string[]) => keys.map(() => 0),
    };
    const bff = liveBff({ THUNDER_TICKET_SECRET: SECRET }, { cache: new MemoryStore(), counters: unreachable });
    const response = await bff.launch({ method: "stats", ids: ["1"], ticket: await ticket({ exp: inMinutes(5) }) });
    assert.equal(response.status, 503);
    const problem = Problem.parse(await response.json());
    assert.equal(problem.title, "The launch ticket store is unavailable");
    assert.match(problem.detail ?? "", /cannot be checked for reuse/);
    assert.equal(bff.thunder.stats.tokenRequests, 0);
  });
});

describe("launch tickets (THUNDER_TICKET_SECRET)", () => {
  const withTickets = () => thunderBff({ THUNDER_TICKET_SECRET: SECRET });
  const titleOf = async (response: Response) => Problem.parse(await response.json());

  it("launches with a valid ticket, and with one whose ids claim covers the ids", async () => {
    const bff = withTickets();
    assert.equal((await bff.launch({ method: "plays", ids: [PLAY], ticket: await ticket({ exp: inMinutes(5) }) })).status, 200);
    const scoped = await ticket({ exp: inMinutes(5), ids: [PLAY, OTHER] });
    assert.equal((await bff.launch({ method: "plays", ids: [OTHER, PLAY], ticket: scoped })).status, 200);
    const mixed = await ticket({ exp: inMinutes(5), ids: [{ toString: 1 }, PLAY] });
    assert.equal((await bff.launch({ method: "plays", ids: [PLAY], ticket: mixed })).status, 200, "string entries still count");
  });

  it("refuses a missing, expired, forged, too long-lived, jti-less or replayed ticket with 401, and ids outside it with 403", async () => {
    const bff = withTickets();
    const used = await ticket({ exp: inMinutes(5) });
    assert.equal((await bff.launch({ method: "plays", ids: [PLAY], ticket: used })).status, 200);
    const tokensBefore = bff.thunder.stats.tokenRequests;
    const cases: [string | undefined, number, RegExp][] = [
      [undefined, 401, /none was sent/],
      [await ticket({ exp: inMinutes(-1) }), 401, /expired/],
      [await ticket({ exp: inMinutes(5) }, "another-secret-of-sufficient-length!"), 401, /not a JWT signed/],
      ["not.a.jwt", 401, /not a JWT signed/],
      [await ticket({}), 401, /no expiry/],
      [await ticket({ exp: inMinutes(60) }), 401, /10 minutes at most/],
      [await ticket({ exp: inMinutes(5), jti: undefined }), 401, /no jti/],
      [await ticket({ exp: inMinutes(5), jti: "x" }), 401, /no jti/],
      [used, 401, /already used/],
      [await ticket({ exp: inMinutes(5), ids: [OTHER] }), 403, /Ask the host site/],
      [await ticket({ exp: inMinutes(5), ids: [{ toString: 1 }, { id: PLAY }, 1] }), 403, /Ask the host site/],
      [await ticket({ exp: inMinutes(5), ids: { [PLAY]: true } }), 403, /Ask the host site/],
    ];
    for (const [value, status, detail] of cases) {
      const response = await bff.launch({ method: "plays", ids: [PLAY], ...(value && { ticket: value }) });
      assert.equal(response.status, status, String(value));
      const problem = await titleOf(response);
      assert.match(problem.detail ?? "", detail);
      if (status === 401) {
        assert.equal(problem.title, "A valid launch ticket is required", String(value));
        assert.equal(problem.type, "https://embedkit.dev/problems/thunder-ticket", String(value));
      }
    }
    assert.equal(bff.thunder.stats.tokenRequests, tokensBefore, "no Thunder token minted for a refused ticket");
  });

  it("measures a ticket's times on the app's clock: valid from nbf until exp, however far that clock is from the wall's", async () => {
    const clock = manualClock(Date.UTC(2031, 5, 1, 9));
    const bff = thunderBff({ THUNDER_TICKET_SECRET: SECRET }, { now: clock.now });
    const inAppMinutes = (m: number) => Math.floor(clock.now() / 1000) + m * 60;
    const issued = await issueTicket(SECRET, { sub: "user-42" }, clock.now);
    assert.equal((await bff.launch({ method: "plays", ids: [PLAY], ticket: issued })).status, 200, "issued now on that clock");
    const early = await ticket({ nbf: inAppMinutes(2), exp: inAppMinutes(5) });
    const refused = await bff.launch({ method: "plays", ids: [PLAY], ticket: early });
    assert.equal(refused.status, 401);
    assert.match((await titleOf(refused)).detail ?? "", /not valid yet/);
    clock.advance(3 * 60_000);
    assert.equal((await bff.launch({ method: "plays", ids: [PLAY], ticket: early })).status, 200, "valid once its nbf has passed");
    const later = await issueTicket(SECRET, { sub: "user-42", ttlSeconds: 120 }, clock.now);
    clock.advance(3 * 60_000);
    const expired = await bff.launch({ method: "plays", ids: [PLAY], ticket: later });
    assert.equal(expired.status, 401);
    assert.match((await titleOf(expired)).detail ?? "", /expired/);
  });
});

describe("Thunder secrets", () => {
  it("never put the username, password or auth header in a response, a log line or the launch URL", async () => {
    const bff = thunderBff({ THUNDER_TICKET_SECRET: SECRET });
    const seen: string[] = [];
    const record = async (response: Response) => seen.push(`${[...response.headers].join("\n")}\n${await response.text()}`);
    await record(await bff.launch({ method: "plays", ids: [PLAY], ticket: await ticket({ exp: inMinutes(5) }) }));
    await record(await bff.launch({ method: "plays", ids: [PLAY] }));
    await record(await bff.launch({ method: "plays", ids: ["bad"] }));
    await record(await bff.get("/health"));
    await record(await bff.get("/openapi.json"));
    const haystack = [...seen, ...bff.logs].join("\n");
    const basic = btoa(`${THUNDER_SANDBOX.username}:${THUNDER_SANDBOX.password}`);
    for (const secret of [THUNDER_SANDBOX.password, THUNDER_SANDBOX.username, basic, SECRET])
      assert.ok(!haystack.includes(secret), `leaked ${secret.slice(0, 6)}…`);
    const tokens = bff.thunder.issuedTokens();
    assert.equal(tokens.length, 1);
    assert.ok(!bff.logs.join("\n").includes(tokens[0] as string), "the Thunder token is never logged");
  });
});

describe("Thunder Hub Pro as Thunder's SaveUserUrlByGuid article says", () => {
  const hubPro = (lookup: string, env: Record<string, string> = {}) =>
    liveBff({ THUNDER_PUBLIC_LAUNCH: "1", THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: lookup, ...env });

  for (const prefix of ["thundercloud://", "https://localhost:8081/", "http://localhost:8080/"]) {
    it(`starts and answers a lookup URL from a template starting with ${prefix}`, async () => {
      const bff = hubPro(`${prefix}XOS/hub?guid={guid}`);
      const response = await bff.launch({ method: "plays", ids: [PLAY] });
      assert.equal(response.status, 200, await response.clone().text());
      const { url } = LaunchResponse.parse(await response.json());
      assert.ok(url.startsWith(`${prefix}XOS/hub?guid=`), url);
      const saved = bff.thunder.savedUrl(url.slice(url.indexOf("guid=") + 5));
      assert.equal(verifyLaunchUrl(saved ?? "", bff.thunder).tokenState, "ok", `the lookup finds the saved launch URL: ${url}`);
    });
  }

  it("mints a token that outlives the wait for the lookup: Thunder's own 15 minutes unless THUNDER_TOKEN_MINUTES says", async () => {
    const bff = hubPro("https://hub.thunder.example/launch/{guid}");
    const body = LaunchResponse.parse(await (await bff.launch({ method: "plays", ids: [PLAY] })).json());
    assert.deepEqual(bff.thunder.stats.durations, [15], "GenerateTokenWithDuration asked for 15 minutes");
    assert.ok(Math.abs(minutesUntil(body.expiresAt) - 15) < 0.1, body.expiresAt);
    const configured = hubPro("https://hub.thunder.example/launch/{guid}", { THUNDER_TOKEN_MINUTES: "45" });
    await configured.launch({ method: "plays", ids: [PLAY] });
    assert.deepEqual(configured.thunder.stats.durations, [45]);
    const direct = liveBff({ THUNDER_PUBLIC_LAUNCH: "1" });
    await direct.launch({ method: "plays", ids: [PLAY] });
    assert.deepEqual(direct.thunder.stats.durations, [5], "direct launches keep their short token");
  });
});

describe("a launch ticket's ids", () => {
  it("launches only ids the ticket lists, every one of them: a ticket for [A] does not launch [A, B]", async () => {
    const bff = thunderBff({ THUNDER_TICKET_SECRET: SECRET });
    const forA = await issueTicket(SECRET, { sub: "user-42", ids: [PLAY] });
    const widened = await bff.launch({ method: "plays", ids: [PLAY, OTHER], ticket: forA });
    assert.equal(widened.status, 403, await widened.clone().text());
    const scope = Problem.parse(await widened.json());
    assert.equal(scope.title, "The ticket does not cover these ids");
    assert.equal(scope.type, "https://embedkit.dev/problems/thunder-ticket-scope");
    assert.equal(bff.thunder.stats.tokenRequests, 0, "no token was minted for it");
    const reordered = await bff.launch({
      method: "plays",
      ids: [OTHER, PLAY],
      ticket: await issueTicket(SECRET, { sub: "user-42", ids: [PLAY] }),
    });
    assert.equal(reordered.status, 403, "whichever comes first");
    const exact = await bff.launch({ method: "plays", ids: [PLAY], ticket: forA });
    assert.equal(exact.status, 200, "the refused attempt did not use the ticket up");
  });
});

describe("Thunder's answers the BFF must not take at their word", () => {
  /** The simulator behind a fetch that rewrites one operation's answer, as a gateway or a failing service would. */
  const answering = (operation: string, rewrite: (answer: Response) => Response) => {
    const simulator = createSandbox({ baseUrl: "https://thunder.simulated" });
    const calls: string[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      calls.push(new URL(request.url).pathname.split("/").at(-1) ?? "");
      const answer = await simulator.app.fetch(request);
      return request.url.endsWith(`/${operation}`) ? rewrite(answer) : answer;
    };
    return { simulator, calls, fetch };
  };

  for (const [shape, body] of [
    ["plain text", "Error"],
    ["WCF XML", '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">Error</string>'],
  ] as const) {
    it(`never takes an "Error" answered as ${shape} for a token`, async () => {
      const { fetch, simulator } = answering("GenerateTokenWithDuration", () => new Response(body, { status: 200 }));
      const bff = liveBff({ THUNDER_PUBLIC_LAUNCH: "1" }, undefined, { fetch });
      const response = await bff.launch({ method: "plays", ids: [PLAY] });
      const text = await response.text();
      assert.equal(response.status, 502, text);
      const problem = Problem.parse(JSON.parse(text));
      assert.equal(problem.title, "Thunder answered with an error");
      assert.equal(problem.detail, "Thunder's GenerateTokenWithDuration answered no value.");
      assert.doesNotMatch(text, /token=|thundercloud:/);
      assert.equal(simulator.thunder.stats.tokenRequests, 1);
    });
  }

  it("sends Hub Pro's SaveUserUrlByGuid once, even when its answer is lost to an outage (it is not idempotent)", async () => {
    // Thunder saved the URL, but a gateway turned its answer into a 502: a retry would save it twice.
    const { fetch, simulator, calls } = answering("SaveUserUrlByGuid", () => new Response("Bad Gateway", { status: 502 }));
    const bff = liveBff(
      { THUNDER_PUBLIC_LAUNCH: "1", THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.thunder.example/{guid}" },
      undefined,
      { fetch },
    );
    const response = await bff.launch({ method: "plays", ids: [PLAY] });
    assert.equal(response.status, 503, await response.clone().text());
    assert.equal(Problem.parse(await response.json()).title, "Thunder is unavailable");
    assert.deepEqual(calls, ["GenerateTokenWithDuration", "SaveUserUrlByGuid"]);
    assert.equal(simulator.thunder.stats.savedUrls, 1, "saved once");
  });

  it("answers no lookup URL when SaveUserUrlByGuid answers something other than a GUID (502)", async () => {
    const hubPro = {
      THUNDER_PUBLIC_LAUNCH: "1",
      THUNDER_LAUNCH_MODE: "hub-pro",
      THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.thunder.example/{guid}",
    };
    const saving = (result: string) => {
      const { fetch } = answering("SaveUserUrlByGuid", () => Response.json({ SaveUserUrlByGuidResult: result }));
      return liveBff(hubPro, undefined, { fetch }).launch({ method: "plays", ids: [PLAY] });
    };
    for (const result of ["../../admin/launch", "abc-123/../../admin", "a".repeat(65)]) {
      const response = await saving(result);
      const text = await response.text();
      assert.equal(response.status, 502, `${result}: ${text}`);
      const problem = Problem.parse(JSON.parse(text));
      assert.equal(problem.title, "Thunder answered with an error");
      assert.equal(problem.detail, "Thunder's SaveUserUrlByGuid answered something other than a GUID.");
    }
    for (const result of ["a".repeat(64), "x", "Saved_Launch-1"]) {
      const response = await saving(result);
      assert.equal(response.status, 200, result);
      assert.equal(LaunchResponse.parse(await response.json()).url, `https://hub.thunder.example/${result}`);
    }
  });

  it("sends SaveUserUrlByGuid once when Thunder does not answer at all", async () => {
    const simulator = createSandbox({ baseUrl: "https://thunder.simulated" });
    let saves = 0;
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (!request.url.endsWith("/SaveUserUrlByGuid")) return simulator.app.fetch(request);
      saves++;
      throw new TypeError("fetch failed"); // the connection dropped: whether Thunder saved it is unknown
    };
    const bff = liveBff(
      { THUNDER_PUBLIC_LAUNCH: "1", THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.thunder.example/{guid}" },
      undefined,
      { fetch },
    );
    const response = await bff.launch({ method: "plays", ids: [PLAY] });
    assert.ok(response.status === 502 || response.status === 503, `${response.status}`);
    assert.equal(saves, 1);
  });
});

describe("how the BFF reads Thunder's SSO answers", () => {
  /** A BFF (public launch) whose Thunder answers GenerateTokenWithDuration as `tokenAnswer` says, each call counted. */
  const tokenAnswering = (tokenAnswer: (call: number, real: () => Promise<Response>, request: Request) => Promise<Response>, env = {}) => {
    const simulator = createSandbox({ baseUrl: "https://thunder.simulated" });
    const calls: string[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const operation = new URL(request.url).pathname.split("/").at(-1) ?? "";
      calls.push(operation);
      const real = async () => simulator.app.fetch(request);
      return operation === "GenerateTokenWithDuration" ? tokenAnswer(calls.length, real, request.clone()) : real();
    };
    const bff = liveBff({ THUNDER_PUBLIC_LAUNCH: "1", ...env }, undefined, { fetch });
    const launch = async () => {
      const response = await bff.launch({ method: "plays", ids: [PLAY] });
      const text = await response.text();
      return { status: response.status, text, problem: response.status === 200 ? undefined : Problem.parse(JSON.parse(text)) };
    };
    return { bff, calls, launch, simulator };
  };

  it("asks GenerateTokenWithDuration as Thunder's SSO service takes it: a JSON POST with its own Authorization scheme", async () => {
    const sent: Request[] = [];
    const { launch } = tokenAnswering(
      async (_call, real, request) => {
        sent.push(request);
        return real();
      },
      { THUNDER_TOKEN_MINUTES: "7" },
    );
    assert.equal((await launch()).status, 200);
    const [request] = sent;
    assert.ok(request);
    assert.equal(request.method, "POST");
    assert.equal(request.url, "https://thunder.simulated/thunder/sso/RESTSSOServices.svc/GenerateTokenWithDuration");
    assert.equal(request.headers.get("content-type"), "application/json");
    assert.equal(request.headers.get("accept"), "application/json");
    assert.equal(request.headers.get("authorization"), `API ${btoa(`${THUNDER_SANDBOX.username}:${THUNDER_SANDBOX.password}`)}`);
    assert.deepEqual(await request.json(), { productId: THUNDER_SANDBOX.vendorGuid, durationInMins: 7 });
  });

  it("asks for the token once more when the connection dropped, and launches", async () => {
    const { launch, calls } = tokenAnswering(async (call, real) => {
      if (call === 1) throw new TypeError("fetch failed");
      return real();
    });
    const { status, text } = await launch();
    assert.equal(status, 200, text);
    assert.deepEqual(calls, ["GenerateTokenWithDuration", "GenerateTokenWithDuration"]);
  });

  for (const status of [401, 403]) {
    it(`names a ${status} from Thunder as refused credentials, asked once`, async () => {
      const { launch, calls } = tokenAnswering(async () => new Response("Unauthorized", { status }));
      const answer = await launch();
      assert.equal(answer.status, 502, answer.text);
      assert.equal(answer.problem?.title, "Thunder refused the credentials or failed");
      assert.equal(answer.problem?.type, "https://embedkit.dev/problems/thunder-credentials");
      assert.equal(calls.length, 1);
    });
  }

  it("takes a gateway's 5xx for an outage, not for refused credentials, whatever its body", async () => {
    const answers = [
      new Response('{"Message":"The service is unavailable."}', { status: 503, headers: { "content-type": "application/json" } }),
      new Response("<html><body>Internal Server Error</body></html>", { status: 500 }),
      new Response('{"error":"boom"}', { status: 500 }),
      new Response('{"Message":42}', { status: 500 }),
    ];
    for (const answer of answers) {
      const { launch, calls } = tokenAnswering(async () => answer.clone());
      const result = await launch();
      assert.equal(result.status, 503, `${answer.status} ${await answer.clone().text()}: ${result.text}`);
      assert.equal(result.problem?.title, "Thunder is unavailable");
      assert.match(result.problem?.detail ?? "", new RegExp(`answered status ${answer.status}; try again shortly`));
      assert.equal(calls.length, 2, "an outage is asked once more");
    }
  });

  it("answers 502 naming the operation and status when Thunder answers some other error (a 404: THUNDER_SSO_URL wrong)", async () => {
    const { launch, calls } = tokenAnswering(async () => new Response("Not Found", { status: 404 }));
    const answer = await launch();
    assert.equal(answer.status, 502, answer.text);
    assert.equal(answer.problem?.title, "Thunder answered with an error");
    assert.equal(answer.problem?.detail, "Thunder's GenerateTokenWithDuration answered status 404.");
    assert.equal(calls.length, 1);
  });
});

/** A ticket whose payload is `json` exactly as written (values JSON.stringify cannot write, such as -1e999), signed with SECRET. */
async function rawTicket(json: string) {
  const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
  const unsigned = `${encode(new TextEncoder().encode('{"alg":"HS256","typ":"JWT"}'))}.${encode(new TextEncoder().encode(json))}`;
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(SECRET), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return `${unsigned}.${encode(new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(unsigned))))}`;
}

describe("a launch ticket's times, to the second, on the app's clock", () => {
  /** A BFF with tickets whose clock stands at a whole second in the past (times are never the wall clock's). */
  const atWholeSecond = () => {
    const clock = manualClock(Date.UTC(2021, 2, 1, 9));
    const bff = thunderBff({ THUNDER_TICKET_SECRET: SECRET }, { now: clock.now });
    const at = (seconds: number) => clock.now() / 1000 + seconds;
    const launchWith = async (value: string) => {
      const response = await bff.launch({ method: "plays", ids: [PLAY], ticket: value });
      return `${response.status} ${response.status === 200 ? "" : Problem.parse(await response.json()).detail}`;
    };
    return { clock, at, launchWith };
  };

  it("is valid from nbf (inclusive) until exp (exclusive), for 10 minutes and 30 seconds' skew at most", async () => {
    const { at, launchWith } = atWholeSecond();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ nbf: at(0), exp: at(60) }, /^200/],
      [{ nbf: at(1), exp: at(60) }, /^401 .*not valid yet/],
      [{ exp: at(1) }, /^200/],
      [{ exp: at(0) }, /^401 .*expired/],
      [{ exp: at(630) }, /^200/],
      [{ exp: at(631) }, /^401 .*10 minutes at most/],
      [{ iat: at(-30), exp: at(600) }, /^200/],
      [{ iat: at(-31), exp: at(600) }, /^401 .*10 minutes at most/],
      [{ iat: "0", exp: at(60) }, /^200/],
    ];
    for (const [claims, expected] of cases) assert.match(await launchWith(await ticket(claims)), expected, JSON.stringify(claims));
    const endless = `{"sub":"user-42","jti":"${crypto.randomUUID()}","exp":${at(60)},"nbf":-1e999}`;
    assert.match(await launchWith(await rawTicket(endless)), /^401 .*not valid yet/, "an nbf that is no time");
  });

  it("stays used until it expires: a replay in its last seconds is refused", async () => {
    const { clock, at, launchWith } = atWholeSecond();
    const once = await ticket({ exp: at(300) });
    assert.match(await launchWith(once), /^200/);
    clock.advance(295_000);
    assert.match(await launchWith(once), /^401 .*already used/);
  });

  it("issueTicket() issues 5-minute tickets unless told, and never longer than 10 minutes", async () => {
    const { clock, launchWith } = atWholeSecond();
    /** Two tickets issued now: one still launches a second before `seconds` have passed, the other has expired when they have. */
    const livesFor = async (seconds: number, ttlSeconds?: number) => {
      const issue = () => issueTicket(SECRET, { sub: "user-42", ...(ttlSeconds && { ttlSeconds }) }, clock.now);
      const [early, late] = [await issue(), await issue()];
      clock.advance((seconds - 1) * 1000);
      assert.match(await launchWith(early), /^200/, `${ttlSeconds}: alive at ${seconds - 1} s`);
      clock.advance(1000);
      assert.match(await launchWith(late), /^401 .*expired/, `${ttlSeconds}: expired at ${seconds} s`);
    };
    await livesFor(300);
    await livesFor(600, 3600);
    await livesFor(90, 90);
  });

  it("takes a jti of 8 to 128 letters, digits, . : _ - and nothing else", async () => {
    const { at, launchWith } = atWholeSecond();
    for (const jti of ["ab.cd:e_", `-${"a".repeat(127)}`]) assert.match(await launchWith(await ticket({ exp: at(60), jti })), /^200/, jti);
    for (const jti of ["abc-def", "a".repeat(129), " x1234567", "x1234567 ", "user/../../12345"])
      assert.match(await launchWith(await ticket({ exp: at(60), jti })), /^401 .*no jti/, jti);
  });
});

describe("what an operator's /metrics shows of Thunder", () => {
  it("counts each launch's new token and the SSO calls by operation (token, and save-url in hub-pro mode), and shows Thunder up", async () => {
    const TOKEN = "metrics-token-for-thunder-tests-0123";
    const bff = liveBff(
      {
        THUNDER_PUBLIC_LAUNCH: "1",
        THUNDER_LAUNCH_MODE: "hub-pro",
        THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.thunder.example/{guid}",
        METRICS_TOKEN: TOKEN,
      },
      undefined,
      { metrics: createPrometheusMetrics },
    );
    for (let i = 0; i < 2; i++) assert.equal((await bff.launch({ method: "plays", ids: [PLAY] })).status, 200);
    const text = await (await bff.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    const lines = text
      .split("\n")
      .filter((line) => /^embedkit_(token_requests_total|upstream_calls_total|provider_up)\{.*Thunder/.test(line));
    assert.deepEqual(lines.sort(), [
      'embedkit_provider_up{provider="Thunder"} 1',
      'embedkit_token_requests_total{provider="Thunder",kind="new"} 2',
      'embedkit_upstream_calls_total{provider="Thunder",operation="save-url",outcome="ok"} 2',
      'embedkit_upstream_calls_total{provider="Thunder",operation="token",outcome="ok"} 2',
    ]);
  });
});

describe("Thunder's settings, as an operator writes them", () => {
  const base = {
    THUNDER_USERNAME: "u",
    THUNDER_PASSWORD: "p",
    THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
    THUNDER_PUBLIC_LAUNCH: "1",
  };

  it("takes only a GUID for THUNDER_VENDOR_GUID, in either case", () => {
    const guid = THUNDER_SANDBOX.vendorGuid;
    for (const value of [
      `x${guid}`,
      `${guid}0`,
      `0${guid}`,
      `${guid.slice(0, 9)}0${guid.slice(9)}`,
      guid.replaceAll("-", ""),
      guid.slice(1),
      `${guid.slice(0, -1)}g`,
      `{${guid}}`,
    ])
      assert.deepEqual(
        problemsOf({ ...base, THUNDER_VENDOR_GUID: value }),
        ["THUNDER_VENDOR_GUID must be a GUID (the one assigned to your integration)"],
        value,
      );
    assert.equal(loadConfig({ ...base, THUNDER_VENDOR_GUID: guid.toUpperCase() }).thunder?.vendorGuid, guid.toUpperCase());
  });

  it("names a THUNDER_SSO_URL that is no http(s) URL", () => {
    for (const value of ["ftp://sso.example/RESTSSOServices.svc", "tcssoservices.xosdigital.com"])
      assert.deepEqual(problemsOf({ ...base, THUNDER_SSO_URL: value }), ["THUNDER_SSO_URL must be an http(s) URL"], value);
  });

  it("takes a ticket secret of 32 characters or more", () => {
    const tickets = { ...base, THUNDER_PUBLIC_LAUNCH: "0" };
    assert.deepEqual(problemsOf({ ...tickets, THUNDER_TICKET_SECRET: "s".repeat(31) }), [
      "THUNDER_TICKET_SECRET must be at least 32 characters",
    ]);
    assert.equal(loadConfig({ ...tickets, THUNDER_TICKET_SECRET: "s".repeat(32) }).thunder?.ticketSecret, "s".repeat(32));
  });

  it("takes cloud, local-https, local-http or a base URL (given its trailing slash) for THUNDER_TARGET, and names anything else", () => {
    const target = (value: string) => loadConfig({ ...base, THUNDER_TARGET: value }).thunder?.target;
    assert.deepEqual(["cloud", "local-https", "local-http"].map(target), ["cloud", "local-https", "local-http"]);
    assert.deepEqual(target("https://thunder.club.example"), { base: "https://thunder.club.example/" });
    assert.deepEqual(target("http://thunder.club.example:8080/xos/"), { base: "http://thunder.club.example:8080/xos/" });
    assert.deepEqual(target("https://t"), { base: "https://t/" });
    for (const value of [
      "Cloud",
      "thundercloud://",
      "xhttps://thunder.club.example",
      "https://thunder.club.example/a b",
      "https://t.example/'",
      "https://",
    ])
      assert.deepEqual(
        problemsOf({ ...base, THUNDER_TARGET: value }),
        ["THUNDER_TARGET must be cloud, local-https, local-http or a base URL"],
        value,
      );
  });

  it("asks GenerateTokenWithDuration for 1 to 1440 minutes, and names anything else", () => {
    for (const value of ["0", "1441", "5.5", "five"])
      assert.deepEqual(
        problemsOf({ ...base, THUNDER_TOKEN_MINUTES: value }),
        ["THUNDER_TOKEN_MINUTES must be a whole number from 1 to 1440"],
        value,
      );
    assert.deepEqual(
      ["1", "1440"].map((value) => loadConfig({ ...base, THUNDER_TOKEN_MINUTES: value }).thunder?.tokenMinutes),
      [1, 1440],
    );
  });
});

describe("POST /v1/thunder/launch as /openapi.json documents it", () => {
  it("names what it does, the JSON body it takes, and every answer an integrator may get", async () => {
    const bff = thunderBff();
    const spec = (await (await bff.get("/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { summary: string; requestBody: { required: boolean }; responses: Record<string, { description: string }> }>
      >;
    };
    const launch = spec.paths["/v1/thunder/launch"]?.post;
    assert.ok(launch, "POST /v1/thunder/launch is documented");
    assert.equal(launch.summary, "A Thunder launch URL for plays, edits, GSIS, STATS or MessageXML ids");
    assert.equal(launch.requestBody.required, true);
    assert.deepEqual(Object.fromEntries(Object.entries(launch.responses).map(([status, { description }]) => [status, description])), {
      200: "The URL to open",
      400: "Invalid method, ids, league or angles",
      401: "Missing, expired, forged or already used ticket",
      403: "Origin missing or not allowed, or ids outside the ticket",
      429: "Too many launches",
      502: "Thunder refused the credentials or failed",
      503: "Thunder unavailable",
      504: "Thunder timed out",
    });
  });
});
