import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSandbox, THUNDER_SANDBOX } from "../src/index.ts";

function thunder() {
  const sandbox = createSandbox({ baseUrl: "http://sandbox.test" });
  const call = (endpoint: string, body: unknown, auth = `API ${btoa(`${THUNDER_SANDBOX.username}:${THUNDER_SANDBOX.password}`)}`) =>
    sandbox.app.request(`/thunder/sso/RESTSSOServices.svc/${endpoint}`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  return { sandbox, call };
}

describe("Thunder sandbox: SSO", () => {
  it("answers GenerateToken in the WCF shape and the token is live for the vendor", async () => {
    const { sandbox, call } = thunder();
    const response = await call("GenerateToken", { productId: THUNDER_SANDBOX.vendorGuid });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { GenerateTokenResult: string };
    assert.match(body.GenerateTokenResult, /^[0-9A-F]{32}$/);
    assert.equal(sandbox.thunder.checkToken(body.GenerateTokenResult, THUNDER_SANDBOX.vendorGuid), "ok");
    assert.equal(sandbox.thunder.checkToken(body.GenerateTokenResult, THUNDER_SANDBOX.teamGuid), "wrong-vendor");
  });

  it("accepts durations from 1 to 1440 minutes and refuses anything else", async () => {
    const { call } = thunder();
    for (const minutes of [1, 30, 1440]) {
      const response = await call("GenerateTokenWithDuration", { productId: THUNDER_SANDBOX.vendorGuid, durationInMins: minutes });
      assert.ok("GenerateTokenWithDurationResult" in ((await response.json()) as object), String(minutes));
    }
    for (const minutes of [0, 1441, 2.5, "30"]) {
      const response = await call("GenerateTokenWithDuration", { productId: THUNDER_SANDBOX.vendorGuid, durationInMins: minutes });
      assert.equal(response.status, 400, String(minutes));
    }
  });

  it("answers bad credentials with HTTP 500 and {Message}, as measured on the live service", async () => {
    const { call } = thunder();
    for (const auth of [`API ${btoa("someone:wrong")}`, `Basic ${btoa(`${THUNDER_SANDBOX.username}:${THUNDER_SANDBOX.password}`)}`, ""]) {
      const response = await call("GenerateToken", { productId: THUNDER_SANDBOX.vendorGuid }, auth);
      assert.equal(response.status, 500, auth);
      assert.deepEqual(await response.json(), { Message: "An error has occurred." });
    }
  });

  it("refuses a vendor GUID not enabled for the user, and a productId that is not a GUID", async () => {
    const { call } = thunder();
    assert.equal((await call("GenerateToken", { productId: THUNDER_SANDBOX.teamGuid })).status, 403);
    assert.equal((await call("GenerateToken", { productId: "team" })).status, 400);
  });

  it("expires tokens after their lifetime", async () => {
    const { sandbox, call } = thunder();
    sandbox.thunder.settings.minuteMs = 50; // a "minute" of 50 ms
    const { GenerateTokenWithDurationResult: token } = (await (
      await call("GenerateTokenWithDuration", { productId: THUNDER_SANDBOX.vendorGuid, durationInMins: 1 })
    ).json()) as { GenerateTokenWithDurationResult: string };
    assert.equal(sandbox.thunder.checkToken(token, THUNDER_SANDBOX.vendorGuid), "ok");
    await new Promise((resolve) => setTimeout(resolve, 70));
    assert.equal(sandbox.thunder.checkToken(token, THUNDER_SANDBOX.vendorGuid), "expired");
  });
});
