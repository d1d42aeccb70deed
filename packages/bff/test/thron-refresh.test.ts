/**
 * A refresh THRON refuses, in whichever words (`invalid_grant`, `invalid_client`, a bare 401):
 * the refresh token is dead, so the BFF logs in again and the visitor still gets the gallery.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage } from "@embedkit/contracts";
import { createSandbox } from "@embedkit/sandbox";
import { SIMULATED_THRON, simulatedThronBff } from "./thron-simulated.ts";

const MINUTE = 60_000;
const IMPERSONATION = "urn:thron:oauth:user-impersonation";

/** A BFF for a real tenant on the simulator; THRON's answer to a refresh grant is `refusal`. */
function bffRefusingRefreshes(refusal: () => Response) {
  const clock = { now: Date.UTC(2026, 0, 5, 22) };
  const sandbox = createSandbox({ baseUrl: SIMULATED_THRON, now: () => clock.now });
  sandbox.thron.settings.tokenLifetimeSeconds = 600;
  const refreshes: number[] = [];
  /** Every grant sent to the token endpoint, answered or not; while `down`, it answers 503 to all. */
  const tokenEndpoint = { down: false, grantsSent: [] as string[] };
  const bff = simulatedThronBff({
    sandbox,
    deps: { now: () => clock.now },
    answer: async (request) => {
      if (!request.url.includes("/oauth2/token")) return undefined;
      const grant = new URLSearchParams(await request.clone().text()).get("grant_type") ?? "";
      tokenEndpoint.grantsSent.push(grant);
      if (tokenEndpoint.down) return new Response("Service Unavailable", { status: 503 });
      if (grant !== "refresh_token") return undefined;
      refreshes.push(clock.now);
      return refusal();
    },
  });
  const logins = () => sandbox.thron.stats.tokenRequestsByGrant[IMPERSONATION] ?? 0;
  return { get: bff.get, clock, refreshes, logins, tokenEndpoint };
}

const REFUSALS: [string, () => Response][] = [
  ["invalid_grant", () => Response.json({ error: "invalid_grant" }, { status: 400 })],
  ["invalid_client", () => Response.json({ error: "invalid_client" }, { status: 401 })],
  ["a bare 401", () => new Response(null, { status: 401 })],
];

describe("a refresh THRON cannot answer", () => {
  it("an outage (503) is not a refusal: one refresh and one retry, then a 503; no extra login on top", async () => {
    const bff = bffRefusingRefreshes(() => Response.json({ error: "invalid_grant" }, { status: 400 }));
    assert.equal((await bff.get("/v1/thron/galleries/default/assets?limit=2")).status, 200);
    bff.clock.now += 11 * MINUTE; // the JWT has expired, and THRON's token endpoint is down
    bff.tokenEndpoint.down = true;
    bff.tokenEndpoint.grantsSent.length = 0;
    const response = await bff.get("/v1/thron/galleries/default/assets?limit=3");
    assert.equal(response.status, 503, await response.clone().text());
    // The retry logs in, since the refresh token the outage swallowed may be spent.
    assert.deepEqual(bff.tokenEndpoint.grantsSent, ["refresh_token", IMPERSONATION]);
  });
});

describe("a refresh THRON refuses", () => {
  for (const [name, refusal] of REFUSALS) {
    it(`with ${name}: logs in again and answers the gallery`, async () => {
      const bff = bffRefusingRefreshes(refusal);
      assert.equal((await bff.get("/v1/thron/galleries/default/assets?limit=2")).status, 200);
      assert.equal(bff.logins(), 1);
      bff.clock.now += 11 * MINUTE; // the 10-minute JWT has expired: the BFF must renew before it searches
      const response = await bff.get("/v1/thron/galleries/default/assets?limit=3");
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(AssetPage.parse(await response.json()).items.length, 3);
      assert.equal(bff.refreshes.length, 1, "the refresh was tried once");
      assert.equal(bff.logins(), 2, "then a login");
    });
  }
});
