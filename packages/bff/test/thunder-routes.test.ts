import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LaunchResponse, Problem } from "@embedkit/contracts";
import { createSandbox, THUNDER_SANDBOX, verifyLaunchUrl } from "@embedkit/sandbox";
import { sign } from "hono/jwt";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { sandboxBff } from "./helpers.ts";

const PLAY = "0f8fad5b-d9cb-469f-a165-70867728950e";
const OTHER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const SECRET = "host-ticket-secret-0123456789abcdef";
const HOST = "https://www.club.example";

function thunderBff(env: Record<string, string> = {}) {
  let now = Date.now();
  const bff = sandboxBff({ ALLOWED_ORIGINS: HOST, ...env }, { now: () => now });
  const launch = (body: unknown, origin: string | null = HOST) =>
    bff.get("/v1/thunder/launch", {
      method: "POST",
      headers: { "content-type": "application/json", ...(origin && { origin }) },
      body: JSON.stringify(body),
    });
  return { ...bff, launch, advance: (ms: number) => (now += ms), thunder: bff.sandbox.thunder };
}

const ticket = (claims: Record<string, unknown>, secret = SECRET) => sign({ sub: "user-42", ...claims }, secret, "HS256");
const inMinutes = (m: number) => Math.floor(Date.now() / 1000) + m * 60;

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
    const minutesLeft = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
    assert.ok(minutesLeft > 14 && minutesLeft <= 15, `about 15 minutes: ${minutesLeft}`);
  });

  it("reuses one token across launches and never hands out one that is expiring", async () => {
    const bff = thunderBff();
    const tokenOf = async () =>
      verifyLaunchUrl(LaunchResponse.parse(await (await bff.launch({ method: "stats", ids: ["1"] })).json()).url, bff.thunder).token;
    const first = await tokenOf();
    assert.equal(await tokenOf(), first);
    assert.equal(bff.thunder.stats.tokenRequests, 1);
    bff.advance(14.5 * 60_000); // 30 s left: less than the minute a launch needs
    const second = await tokenOf();
    assert.notEqual(second, first);
    assert.equal(bff.thunder.stats.tokenRequests, 2);
    bff.advance(16 * 60_000); // past the second token's expiry
    assert.notEqual(await tokenOf(), second);
  });

  it("asks for THUNDER_TOKEN_MINUTES through GenerateTokenWithDuration", async () => {
    const bff = thunderBff({ THUNDER_TOKEN_MINUTES: "120" });
    const body = LaunchResponse.parse(await (await bff.launch({ method: "stats", ids: ["7"] })).json());
    assert.ok(Math.abs(Date.parse(body.expiresAt) - Date.now() - 120 * 60_000) < 5_000);
  });

  it("builds URLs for the configured target", async () => {
    const bff = thunderBff({ THUNDER_TARGET: "local-https" });
    const body = LaunchResponse.parse(await (await bff.launch({ method: "gsis", ids: ["55514|944", "55526|1583"] })).json());
    const verified = verifyLaunchUrl(body.url, bff.thunder);
    assert.deepEqual([verified.target, verified.payload], ["local-https", "^55514|944^55526|1583"]);
  });

  it("refuses bad methods and ids with 400 problems naming the field", async () => {
    const bff = thunderBff();
    const cases: [unknown, string[]][] = [
      [{ method: "teleport", ids: ["1"] }, ["method"]],
      [{ method: "plays", ids: [] }, ["ids"]],
      [{ method: "plays", ids: [PLAY, "x'/><payload>1</payload>"] }, ["ids[1]"]],
      [{ method: "gsis", ids: ["55514|944:MIAMI"] }, ["ids[0]"]],
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
    assert.equal(bff.thunder.stats.tokenRequests, 0, "no token is minted for a refused request");
  });

  it("refuses a page from an origin not allowed", async () => {
    const bff = thunderBff();
    const response = await bff.launch({ method: "stats", ids: ["1"] }, "https://evil.example");
    assert.equal(response.status, 403);
    assert.equal(Problem.parse(await response.json()).title, "This site may not launch Thunder");
    assert.equal(bff.thunder.stats.tokenRequests, 0);
  });

  it("rate limits launches per client", async () => {
    const bff = thunderBff({ THUNDER_LAUNCHES_PER_MINUTE: "2" });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await bff.launch({ method: "stats", ids: ["1"] })).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });

  it("tells the operator when Thunder refuses the credentials (its 500), without echoing them", async () => {
    const simulator = createSandbox({ baseUrl: "https://thunder.simulated" });
    const config = loadConfig({
      THUNDER_USERNAME: THUNDER_SANDBOX.username,
      THUNDER_PASSWORD: "not-the-password",
      THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
      THUNDER_SSO_URL: "https://thunder.simulated/thunder/sso/RESTSSOServices.svc",
      ALLOWED_ORIGINS: HOST,
    });
    const logs: string[] = [];
    const { app } = createApp(config, {
      publicUrl: "https://bff.example",
      logSink: (l) => logs.push(l),
      fetch: async (i, init) => simulator.app.fetch(new Request(i, init)),
    });
    const bff = { get: (path: string, init?: RequestInit) => app.request(`https://bff.example${path}`, init) };
    const response = await bff.get("/v1/thunder/launch", {
      method: "POST",
      headers: { "content-type": "application/json", origin: HOST },
      body: JSON.stringify({ method: "stats", ids: ["1"] }),
    });
    assert.equal(response.status, 502);
    const text = await response.text();
    assert.equal(Problem.parse(JSON.parse(text)).title, "Thunder refused the BFF's credentials");
    assert.doesNotMatch(text + logs.join("\n"), /not-the-password|analyst@/);
    const health = (await (await bff.get("/health")).json()) as { providers: { thunder: string } };
    assert.equal(health.providers.thunder, "degraded");
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
  });

  it("refuses a missing, expired, forged or too long-lived ticket with 401, and ids outside it with 403", async () => {
    const bff = withTickets();
    const cases: [string | undefined, number, RegExp][] = [
      [undefined, 401, /none was sent/],
      [await ticket({ exp: inMinutes(-1) }), 401, /expired/],
      [await ticket({ exp: inMinutes(5) }, "another-secret-of-sufficient-length!"), 401, /not a JWT signed/],
      ["not.a.jwt", 401, /not a JWT signed/],
      [await ticket({}), 401, /no expiry/],
      [await ticket({ exp: inMinutes(60) }), 401, /10 minutes at most/],
      [await ticket({ exp: inMinutes(5), ids: [OTHER] }), 403, /Ask the host site/],
    ];
    for (const [value, status, detail] of cases) {
      const response = await bff.launch({ method: "plays", ids: [PLAY], ...(value && { ticket: value }) });
      assert.equal(response.status, status, String(value));
      assert.match((await titleOf(response)).detail ?? "", detail);
    }
    assert.equal(bff.thunder.stats.tokenRequests, 0, "no Thunder token minted for a refused ticket");
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
