/** THRON sessions as THRON's server ends them: bare 403s, a legacy session with its own life, refused refreshes, roles. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage, Gallery, Health, Problem } from "@embedkit/contracts";
import { THRON_SANDBOX } from "@embedkit/sandbox";
import { ASSETS, sandboxBff } from "./helpers.ts";

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
    clock.now += 61_000;
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
    assert.ok(health.problems?.[0]?.includes(role), health.problems?.[0]);
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
