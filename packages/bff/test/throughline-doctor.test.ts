/**
 * `pnpm doctor`, ThroughLine: the client-credentials token, the country list and one helpline
 * look-up, against the simulated ThroughLine reached as the real one is (by its URLs). Each
 * failure names its likely cause and fix; no line ever holds the client secret or a token.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSandbox, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { secretsOf } from "../src/config.ts";
import { runDoctor } from "../src/doctor/run.ts";
import { loadConfig } from "../src/sandbox-mode.ts";

const SIMULATOR = "https://sim.test";
const QUOTA_NOTE = "1 call of ThroughLine's daily quota spent";

type Operation = "token" | "countries" | "helplines";
type Simulator = ReturnType<typeof createSandbox>;

/**
 * `pnpm doctor` with only ThroughLine configured, at the simulator; an operation's answer is
 * replaced where `answers` names it. Returns ThroughLine's steps, the calls it made (method,
 * path and query) and what the upstream answered each operation.
 */
async function throughlineDoctor(
  env: Record<string, string> = {},
  answers: Partial<Record<Operation, () => Response | Promise<Response>>> = {},
  plant: (simulator: Simulator) => void = () => {},
) {
  const simulator = createSandbox({ baseUrl: SIMULATOR });
  plant(simulator);
  const config = loadConfig({
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    THROUGHLINE_TOKEN_URL: simulator.urls.throughlineToken,
    THROUGHLINE_API_URL: simulator.urls.throughlineApi,
    ...env,
  });
  const calls: string[] = [];
  const answered = new Map<string, unknown>();
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    calls.push(`${request.method} ${url.pathname}${url.search}`);
    const operation = url.pathname.split("/").at(-1) as Operation;
    const response = await (answers[operation]?.() ?? simulator.app.fetch(request));
    answered.set(
      operation,
      await response
        .clone()
        .json()
        .catch(() => null),
    );
    return response;
  };
  const output: string[] = [];
  const { ok, steps } = await runDoctor(config, { fetch, write: (line) => output.push(line), secrets: secretsOf(config) });
  const text = output.join("\n");
  for (const secret of [config.throughline?.clientSecret ?? "", THROUGHLINE_SANDBOX.clientSecret, ...simulator.throughline.issuedTokens()])
    assert.ok(secret.length > 0 && !text.includes(secret), `the report leaked ${secret.slice(0, 6)}…`);
  const throughline = steps.filter((s) => s.provider === "ThroughLine").map(({ provider, ...step }) => step);
  return { ok, steps: throughline, output: text, calls, answered, simulator };
}

const TOKEN_OK = { name: "token", status: "ok", detail: "client-credentials token" };
const TOKEN_CALL = "POST /throughline/oauth/token";
const COUNTRIES_CALL = "GET /throughline/v2/countries";
const json =
  (body: unknown, status = 200) =>
  () =>
    Response.json(body, { status });

describe("pnpm doctor, ThroughLine", () => {
  it("gets a token, lists the countries and looks one helpline up, each API call's line saying it cost quota", async () => {
    const { ok, steps, calls, answered, simulator, output } = await throughlineDoctor();
    assert.equal(ok, true);
    const countries = (answered.get("countries") as { countries: unknown[] }).countries.length;
    assert.ok(countries >= 2, "the simulator lists several countries");
    assert.deepEqual(steps, [
      TOKEN_OK,
      { name: "countries", status: "ok", detail: `${countries} countries (${QUOTA_NOTE})` },
      { name: "helpline look-up (US)", status: "ok", detail: `1 helpline (${QUOTA_NOTE})` },
    ]);
    // The first country ThroughLine lists, in lower case as its API takes it; one helpline is enough.
    assert.deepEqual(calls, [TOKEN_CALL, COUNTRIES_CALL, "GET /throughline/v2/helplines?country_code=us&limit=1"]);
    assert.equal(simulator.throughline.stats.apiCalls, 2, "two calls counted against the quota, as the lines say");
    assert.match(output, /^ok {3}ThroughLine token: client-credentials token$/m);
  });

  it("counts the helplines found in words: none, one, several", async () => {
    const details = [];
    for (const helplines of [[], [{ id: "a" }, { id: "b" }]]) {
      const { steps } = await throughlineDoctor({}, { helplines: json({ helplines }) });
      details.push(steps[2]?.detail);
    }
    assert.deepEqual(details, [`0 helplines (${QUOTA_NOTE})`, `2 helplines (${QUOTA_NOTE})`]);
  });

  it("looks up the first country that has a code, or the US when none has", async () => {
    const nz = await throughlineDoctor({}, { countries: json({ countries: [{ name: "Nowhere" }, { name: "New Zealand", code: "NZ" }] }) });
    assert.equal(nz.steps[2]?.name, "helpline look-up (NZ)");
    assert.equal(nz.calls.at(-1), "GET /throughline/v2/helplines?country_code=nz&limit=1");
    const none = await throughlineDoctor({}, { countries: json({ countries: [{ name: "Nowhere" }, { name: "Elsewhere" }] }) });
    assert.deepEqual(none.steps.slice(1), [
      { name: "countries", status: "ok", detail: `2 countries (${QUOTA_NOTE})` },
      { name: "helpline look-up (US)", status: "ok", detail: `1 helpline (${QUOTA_NOTE})` },
    ]);
    assert.equal(none.calls.at(-1), "GET /throughline/v2/helplines?country_code=us&limit=1");
  });

  it("names refused credentials, a token answer without a token, and a token endpoint it cannot use; nothing is called after", async () => {
    const refused = {
      cause: "ThroughLine refused THROUGHLINE_CLIENT_ID / THROUGHLINE_CLIENT_SECRET (wrong, or revoked by ThroughLine).",
      fix: "Copy both again from your ThroughLine developer account; if they were revoked, ask ThroughLine for new ones.",
    };
    const cases: [Record<string, string>, (() => Response | Promise<Response>) | undefined, Record<string, string>][] = [
      [{ THROUGHLINE_CLIENT_SECRET: "wrong-throughline-secret" }, undefined, { detail: "refused (status 401)", ...refused }],
      [{}, json({ token_type: "Bearer", expires_in: 7200 }), { detail: "refused (status 200)", ...refused }],
      [{}, json({ access_token: 12345 }), { detail: "refused (status 200)", ...refused }],
      [
        {},
        () => new Response("Service Unavailable", { status: 503 }),
        {
          detail: "status 503",
          cause: "ThroughLine's token endpoint is failing or unavailable (status 503)",
          fix: "Try again in a few minutes; if it lasts, ask the vendor.",
        },
      ],
      [
        {},
        () => Promise.reject(new TypeError("fetch failed")),
        {
          detail: "could not connect",
          cause: "ThroughLine's token endpoint could not be reached (could not connect)",
          fix: "Check THROUGHLINE_TOKEN_URL and that this machine may reach it (DNS, firewall, proxy).",
        },
      ],
    ];
    for (const [env, token, expected] of cases) {
      const { ok, steps, calls, output } = await throughlineDoctor(env, token ? { token } : {});
      assert.equal(ok, false);
      assert.deepEqual(steps, [{ name: "token", status: "fail", ...expected }]);
      assert.deepEqual(calls, [TOKEN_CALL], "no API call without a token");
      assert.ok(!output.includes("wrong-throughline-secret"));
    }
  });

  it("names an API URL at a retired version or a wrong path, an API refused, and anything else refused", async () => {
    const wrongPath = (apiUrl: string) => ({
      detail: "",
      cause: `THROUGHLINE_API_URL (${apiUrl}) points at a retired API version or a wrong path.`,
      fix: "Use ThroughLine's current API, v2: unset THROUGHLINE_API_URL, or set it to https://api.throughlinecare.com/v2.",
    });
    const tokenRefused = {
      cause: "ThroughLine gave a token but refuses the API with it.",
      fix: "Ask ThroughLine to enable the helplines API for your application.",
    };
    const retired = `${SIMULATOR}/throughline/v1`;
    const unknown = `${SIMULATOR}/throughline/v9`;
    const cases: [Record<string, string>, (() => Response) | undefined, Record<string, string>][] = [
      [{ THROUGHLINE_API_URL: retired }, undefined, { ...wrongPath(retired), detail: `status 410 (${QUOTA_NOTE})` }],
      [{ THROUGHLINE_API_URL: unknown }, undefined, { ...wrongPath(unknown), detail: `status 404 (${QUOTA_NOTE})` }],
      [{}, json({ error: "invalid_token" }, 401), { detail: "status 401", ...tokenRefused }],
      [{}, json({ error: "forbidden" }, 403), { detail: "status 403", ...tokenRefused }],
      [
        {},
        json({ error: "invalid_request" }, 400),
        { detail: "status 400", cause: "ThroughLine refused the request.", fix: "Check THROUGHLINE_API_URL." },
      ],
    ];
    for (const [env, countries, expected] of cases) {
      const { ok, steps, calls } = await throughlineDoctor(env, countries ? { countries } : {});
      assert.equal(ok, false);
      assert.deepEqual(steps, [TOKEN_OK, { name: "countries", status: "fail", ...expected }]);
      assert.equal(calls.length, 2, `no look-up after the countries failed: ${calls.join(", ")}`);
    }
  });

  it("tells a spent daily quota, a failing API and one it cannot reach apart", async () => {
    const cases: [(simulator: Simulator) => void, (() => Promise<Response>) | undefined, Record<string, string>][] = [
      [
        (simulator) => simulator.throughline.switches.apply({ dailyQuota: 0 }),
        undefined,
        {
          detail: "status 429",
          cause: "ThroughLine's daily quota is spent.",
          fix: "Wait for the rolling day to free calls, or ask ThroughLine for a higher limit.",
        },
      ],
      [
        (simulator) => Object.assign(simulator.throughline.faults, { burst5xx: 1 }),
        undefined,
        {
          detail: "status 503",
          cause: "ThroughLine's API is failing or unavailable (status 503)",
          fix: "Try again in a few minutes; if it lasts, ask the vendor.",
        },
      ],
      [
        () => {},
        () => Promise.reject(new TypeError("fetch failed")),
        {
          detail: "could not connect",
          cause: "ThroughLine's API could not be reached (could not connect)",
          fix: "Check THROUGHLINE_API_URL and that this machine may reach it (DNS, firewall, proxy).",
        },
      ],
    ];
    for (const [plant, countries, expected] of cases) {
      const { ok, steps, calls } = await throughlineDoctor({}, countries ? { countries } : {}, plant);
      assert.equal(ok, false);
      assert.deepEqual(steps, [TOKEN_OK, { name: "countries", status: "fail", ...expected }]);
      assert.deepEqual(calls, [TOKEN_CALL, COUNTRIES_CALL]);
    }
  });

  it("names an application that sees no country, and looks nothing up", async () => {
    for (const body of [{ countries: [] }, {}]) {
      const { ok, steps, calls } = await throughlineDoctor({}, { countries: json(body) });
      assert.equal(ok, false);
      assert.deepEqual(steps, [
        TOKEN_OK,
        {
          name: "countries",
          status: "fail",
          detail: `no countries (${QUOTA_NOTE})`,
          cause: "The application sees no country.",
          fix: "Ask ThroughLine which countries your application may use.",
        },
      ]);
      assert.deepEqual(calls, [TOKEN_CALL, COUNTRIES_CALL]);
    }
  });

  it("reports a failed helpline look-up once, and a look-up answer that holds no helplines", async () => {
    const spent = await throughlineDoctor({}, { helplines: json({ error: "Too Many Requests" }, 429) });
    assert.deepEqual(spent.steps.slice(1), [
      {
        name: "countries",
        status: "ok",
        detail: `${(spent.answered.get("countries") as { countries: [] }).countries.length} countries (${QUOTA_NOTE})`,
      },
      {
        name: "helpline look-up (US)",
        status: "fail",
        detail: "status 429",
        cause: "ThroughLine's daily quota is spent.",
        fix: "Wait for the rolling day to free calls, or ask ThroughLine for a higher limit.",
      },
    ]);
    const other = await throughlineDoctor({}, { helplines: json({ helpline: { id: "a" } }) });
    assert.equal(other.ok, false);
    assert.deepEqual(other.steps[2], {
      name: "helpline look-up (US)",
      status: "fail",
      detail: `unexpected answer (${QUOTA_NOTE})`,
      cause: "THROUGHLINE_API_URL answers, but not with ThroughLine's helplines.",
      fix: "Unset THROUGHLINE_API_URL to use ThroughLine's current API.",
    });
    assert.equal(other.steps.length, 3);
  });
});
