/** THRON sessions as THRON's server ends them: bare 403s, a legacy session with its own life, refused refreshes, roles. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage, Gallery, Health, Problem } from "@embedkit/contracts";
import { createSandbox, THRON_SANDBOX } from "@embedkit/sandbox";
import { sharedStoresInMemory } from "./fleet-stores.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";
import { SIMULATED_THRON, type SimulatedThronOptions, simulatedThronBff } from "./thron-simulated.ts";

const MINUTE = 60_000;
const IMPERSONATION = "urn:thron:oauth:user-impersonation";

async function page(response: Response) {
  assert.equal(response.status, 200, await response.clone().text());
  return AssetPage.parse(await response.json());
}

/** A BFF whose clock and whose sandbox's clock the test moves. */
function clockedBff(env: Record<string, string> = {}) {
  const clock = { now: Date.UTC(2026, 0, 5, 22) };
  const bff = sandboxBff(env, { now: () => clock.now });
  const counts = () => ({
    searches: bff.thron.stats.searches,
    legacy: bff.thron.stats.legacyTokenRequests,
    tokens: bff.thron.stats.tokenRequests,
    refresh: bff.thron.stats.tokenRequestsByGrant.refresh_token ?? 0,
    logins: bff.thron.stats.tokenRequestsByGrant[IMPERSONATION] ?? 0,
  });
  const since = (before: ReturnType<typeof counts>) => {
    const after = counts();
    return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof typeof before]]));
  };
  return { bff, clock, counts, since };
}

describe("THRON sessions", () => {
  it("renews a legacy session that lapsed overnight while the JWT is still good: one new legacy token, one retry, no login", async () => {
    const { bff, clock, counts, since } = clockedBff();
    await page(await bff.get(`${ASSETS}?limit=2`));
    clock.now += 59 * MINUTE;
    let before = counts();
    await page(await bff.get(`${ASSETS}?limit=3`));
    clock.now += 59 * MINUTE;
    await page(await bff.get(`${ASSETS}?limit=4`));
    assert.deepEqual(since(before), { searches: 2, legacy: 0, tokens: 0, refresh: 0, logins: 0 }, "each use extends the session");

    clock.now += 61 * MINUTE; // an idle hour: THRON answers a bare 403 "Session Expired"
    before = counts();
    await page(await bff.get(`${ASSETS}?limit=5`));
    assert.deepEqual(since(before), { searches: 2, legacy: 1, tokens: 0, refresh: 0, logins: 0 });
    before = counts();
    await page(await bff.get(`${ASSETS}?limit=6`));
    assert.deepEqual(since(before), { searches: 1, legacy: 0, tokens: 0, refresh: 0, logins: 0 }, "the renewed session is kept");
  });

  it("renews the JWT too when the legacy token endpoint refuses it, and reads THRON's envelope form as well", async () => {
    for (const asEnvelope of [false, true]) {
      const { bff, counts, since } = clockedBff();
      await page(await bff.get(`${ASSETS}?limit=2`));
      bff.thron.settings.sessionErrorsAsEnvelope = asEnvelope; // 418 with ssoCode SESSION_EXPIRED instead of a bare 403
      bff.thron.expireSessions();
      const before = counts();
      await page(await bff.get(`${ASSETS}?limit=3`));
      assert.deepEqual(since(before), { searches: 2, legacy: 2, tokens: 1, refresh: 1, logins: 0 }, `envelope: ${asEnvelope}`);
    }
  });

  it("refreshes the JWT ahead of its expiry and derives a new legacy token from it", async () => {
    const { bff, clock, counts, since } = clockedBff();
    bff.thron.settings.tokenLifetimeSeconds = 8 * 3600;
    await page(await bff.get(`${ASSETS}?limit=2`));
    clock.now += 8 * 60 * MINUTE - 4 * MINUTE; // inside the 5-minute headroom
    await page(await bff.get(`${ASSETS}?limit=3`)); // served with the current session, refreshing behind it
    await new Promise((resolve) => setImmediate(resolve));
    const before = counts();
    await page(await bff.get(`${ASSETS}?limit=4`));
    assert.deepEqual(since(before), { searches: 1, legacy: 1, tokens: 0, refresh: 0, logins: 0 });
    assert.equal(bff.thron.stats.tokenRequestsByGrant.refresh_token, 1);
  });

  it("drops a refused refresh token and logs in again; never sends a dead refresh token twice", async () => {
    const { bff, clock, counts, since } = clockedBff();
    bff.thron.settings.tokenLifetimeSeconds = 600;
    await page(await bff.get(`${ASSETS}?limit=2`));
    bff.thron.revokeRefreshTokens(); // rotated elsewhere: ours is dead
    bff.thron.faults.rejectClientSecret = true; // and the login fails too, for now
    clock.now += 11 * MINUTE;
    let before = counts();
    const refused = await bff.get(`${ASSETS}?limit=3`);
    assert.equal(refused.status, 502);
    assert.equal(Problem.parse(await refused.json()).title, "THRON rejected the BFF's credentials");
    assert.deepEqual(since(before), { searches: 0, legacy: 0, tokens: 2, refresh: 1, logins: 1 });

    bff.thron.faults.rejectClientSecret = false;
    before = counts();
    await page(await bff.get(`${ASSETS}?limit=4`));
    assert.deepEqual(since(before), { searches: 1, legacy: 1, tokens: 1, refresh: 0, logins: 1 }, "a login, not the dead refresh token");
  });

  it("calls a 403 that survives the renewal access denied, after exactly one retry", async () => {
    const { bff, counts, since } = clockedBff();
    await page(await bff.get(`${ASSETS}?limit=2`));
    const before = counts();
    const denied = await bff.get("/v1/thron/galleries/restricted/assets");
    assert.equal(denied.status, 502);
    assert.equal(Problem.parse(await denied.json()).title, "THRON denied access to this gallery's folder");
    assert.deepEqual(since(before), { searches: 2, legacy: 1, tokens: 0, refresh: 0, logins: 0 });
  });

  it("remembers a denial for a minute: repeated requests to a denied gallery cost THRON nothing meanwhile", async () => {
    const { bff, clock, counts, since } = clockedBff();
    await page(await bff.get(`${ASSETS}?limit=2`));
    assert.equal((await bff.get("/v1/thron/galleries/restricted/assets")).status, 502);
    const before = counts();
    for (let i = 0; i < 5; i++) {
      const denied = await bff.get(`/v1/thron/galleries/restricted/assets?limit=${i + 1}`);
      assert.equal(denied.status, 502);
      assert.equal(Problem.parse(await denied.json()).title, "THRON denied access to this gallery's folder");
    }
    await page(await bff.get(`${ASSETS}?limit=3`)); // other galleries are asked as usual
    assert.deepEqual(since(before), { searches: 1, legacy: 0, tokens: 0, refresh: 0, logins: 0 });
    clock.now += 60_000 - 1;
    assert.equal((await bff.get("/v1/thron/galleries/restricted/assets?limit=8")).status, 502);
    assert.equal(since(before).searches, 1, "still remembered a moment before the minute is up");
    clock.now += 1;
    assert.equal((await bff.get("/v1/thron/galleries/restricted/assets?limit=9")).status, 502);
    assert.equal(since(before).searches, 3, "a minute later THRON is asked again (a call and its retry)");
  });

  it("says so when the user lost its folder rights (planted with the fault switch)", async () => {
    const { bff } = clockedBff();
    bff.thron.faults.revokeFolderRights = true;
    const denied = await bff.get(`${ASSETS}?limit=2`);
    assert.equal(denied.status, 502);
    assert.match(Problem.parse(await denied.json()).detail ?? "", /read rights/);
  });
});

describe("THRON without the classification viewer role", () => {
  const role = `THRON_CLASS_${THRON_SANDBOX.classificationId}_VIEWER`;

  it("still answers the gallery (player, assets) with empty filters; /health and one warning line name the role (only the log names the user)", async () => {
    const bff = sandboxBff({}, { ttl: { definitions: { freshMs: 0, staleMs: 0 } } });
    bff.thron.faults.revokeViewerRole = true;
    for (let i = 0; i < 3; i++) {
      const response = await bff.get("/v1/thron/galleries/default?locale=it");
      assert.equal(response.status, 200, await response.clone().text());
      const gallery = Gallery.parse(await response.json());
      assert.deepEqual(gallery.filters, []);
      assert.equal(gallery.player.sessId, THRON_SANDBOX.pkey);
    }
    await page(await bff.get(`${ASSETS}?limit=3`));

    const health = Health.parse(await (await bff.get("/health")).json());
    assert.equal(health.providers.thron, "degraded");
    assert.equal(health.problems?.length, 1);
    assert.ok(health.problems?.[0]?.endsWith(`ask the THRON Content Manager to grant ${role} to that user.`), health.problems?.[0]);
    assert.ok(!JSON.stringify(health).includes(THRON_SANDBOX.username), "anyone can read /health: no account name there");
    const warnings = bff.logs.filter((line) => line.includes(role));
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.ok(warnings[0]?.includes(THRON_SANDBOX.username), "the operator's log names the user");
    assert.equal(JSON.parse(warnings[0] ?? "{}").level, "warn");

    bff.thron.faults.revokeViewerRole = false; // the Content Manager granted it
    const granted = Gallery.parse(await (await bff.get("/v1/thron/galleries/default")).json());
    assert.deepEqual(
      granted.filters.map((f) => f.key),
      ["season", "topic"],
    );
    const healed = Health.parse(await (await bff.get("/health")).json());
    assert.equal(healed.problems, undefined);
    assert.equal(healed.providers.thron, "ready");
  });
});

const TYPE_ENDS = (slug: string) => new RegExp(`/${slug}$`);

/**
 * A BFF with a real THRON configuration on `sandbox` (the simulator), metrics on. `legacyAnswer`
 * may answer the n-th call to THRON's legacy-token endpoint itself (undefined: the simulator answers).
 */
function simulatedBff({
  legacyAnswer,
  ...options
}: SimulatedThronOptions & { legacyAnswer?: (call: number) => Response | undefined } = {}) {
  const legacyCalls = { count: 0 };
  const bff = simulatedThronBff({
    ...options,
    answer: (request) => {
      if (!request.url.includes("/authentication/token/legacy")) return undefined;
      legacyCalls.count++;
      return legacyAnswer?.(legacyCalls.count);
    },
  });
  return { ...bff, legacyCalls };
}

async function problemOf(response: Response, status: number) {
  assert.equal(response.status, status, await response.clone().text());
  return Problem.parse(await response.json());
}

describe("THRON login failures an operator fixes in the configuration", () => {
  it("credentials THRON rejects: a 502 that names THRON_CLIENT_ID and THRON_CLIENT_SECRET", async () => {
    const bff = simulatedBff();
    bff.sandbox.thron.faults.rejectClientSecret = true;
    const problem = await problemOf(await bff.get(`${ASSETS}?limit=2`), 502);
    assert.match(problem.type, TYPE_ENDS("thron-credentials"));
    assert.match(problem.detail ?? "", /THRON_CLIENT_ID and THRON_CLIENT_SECRET/);
  });

  it("a user THRON will not impersonate: a 502 that names THRON_USERNAME and THRON's error code", async () => {
    const bff = simulatedBff({ env: { THRON_USERNAME: "nobody-at-all" } });
    const problem = await problemOf(await bff.get(`${ASSETS}?limit=2`), 502);
    assert.match(problem.type, TYPE_ENDS("thron-user"));
    assert.equal(problem.title, "THRON refused to impersonate the configured user");
    assert.equal(problem.detail, "Check THRON_USERNAME (invalid_grant).");
  });
});

describe("THRON's legacy-token endpoint, answering otherwise than the simulator's happy path", () => {
  it("counts the login and the legacy-token call in /metrics, by provider and operation", async () => {
    const bff = simulatedBff();
    await page(await bff.get(`${ASSETS}?limit=2`));
    const text = await bff.metrics();
    assert.match(text, /embedkit_token_requests_total\{provider="THRON",kind="new"\} 1\n/);
    assert.match(text, /embedkit_upstream_calls_total\{provider="THRON",operation="legacy-token",outcome="ok"\} 1\n/);
  });

  it("two 503s in a row from it: the call is retried, then the session is asked for again, and the visitor gets the gallery", async () => {
    const bff = simulatedBff({ legacyAnswer: (n) => (n <= 2 ? new Response("busy", { status: 503 }) : undefined) });
    await page(await bff.get(`${ASSETS}?limit=2`));
    assert.equal(bff.legacyCalls.count, 3);
  });

  const refusals: [string, () => Response][] = [
    ["a bare 401", () => new Response("Unauthorized", { status: 401 })],
    [
      "the envelope with ssoCode AUTHENTICATION_ERROR",
      () =>
        Response.json(
          { resultCode: "AUTHENTICATION_ERROR", errorDescription: "invalid token", ssoCode: "AUTHENTICATION_ERROR" },
          { status: 418 },
        ),
    ],
  ];
  for (const [name, refusal] of refusals)
    it(`refusing the JWT with ${name}: the JWT is renewed (a refresh, no login) and the visitor gets the gallery`, async () => {
      const bff = simulatedBff({ legacyAnswer: (n) => (n === 1 ? refusal() : undefined) });
      await page(await bff.get(`${ASSETS}?limit=2`));
      assert.deepEqual(bff.sandbox.thron.stats.tokenRequestsByGrant, { [IMPERSONATION]: 1, refresh_token: 1 });
      assert.equal(bff.legacyCalls.count, 2, "the refused call and one for the renewed JWT");
    });

  it("refusing a JWT THRON has just issued too: a 502 that says so, after one renewal", async () => {
    const bff = simulatedBff({ legacyAnswer: () => new Response("Forbidden", { status: 403 }) });
    const problem = await problemOf(await bff.get(`${ASSETS}?limit=2`), 502);
    assert.equal(problem.title, "THRON answered with an error");
    assert.equal(problem.detail, "THRON refused a legacy token for a JWT it had just issued.");
  });

  it("an answer without a token is a 502, an outage a 503; both name the legacy token endpoint and its status", async () => {
    const empty = simulatedBff({ legacyAnswer: () => Response.json({}) });
    const odd = await problemOf(await empty.get(`${ASSETS}?limit=2`), 502);
    assert.equal(odd.detail, "The legacy token endpoint answered status 200.");
    const down = simulatedBff({ legacyAnswer: () => new Response("down", { status: 500 }) });
    const outage = await problemOf(await down.get(`${ASSETS}?limit=2`), 503);
    assert.equal(outage.title, "THRON is unavailable");
    assert.equal(outage.detail, "The legacy token endpoint answered status 500.");
  });
});

describe("THRON tokens shared by a fleet", () => {
  it("are shared per THRON client: an instance with credentials THRON rejects never rides on another client's JWT", async () => {
    const sandbox = createSandbox({ baseUrl: SIMULATED_THRON });
    const stores = sharedStoresInMemory();
    const a = simulatedBff({ sandbox, deps: { stores } });
    const b = simulatedBff({ sandbox, deps: { stores }, env: { THRON_CLIENT_ID: "a-client-thron-does-not-know" } });
    await page(await a.get(`${ASSETS}?limit=2&q=a`));
    const refused = await problemOf(await b.get(`${ASSETS}?limit=2&q=b`), 502);
    assert.match(refused.type, TYPE_ENDS("thron-credentials"));
    assert.equal(sandbox.thron.stats.tokenRequests, 2, "B asked THRON for a token of its own");
  });
});
