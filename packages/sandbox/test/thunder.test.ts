import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSandbox, THUNDER_SANDBOX, verifyLaunchUrl } from "../src/index.ts";

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

describe("Thunder sandbox: answer formats, Hub Pro and the launch URL verifier", () => {
  const PLAY = "0f8fad5b-d9cb-469f-a165-70867728950e";

  it("answers in WCF XML or plain text when told to", async () => {
    const { sandbox, call } = thunder();
    sandbox.thunder.settings.answerFormat = "xml";
    const xml = await (await call("GenerateTokenWithDuration", { productId: THUNDER_SANDBOX.vendorGuid, durationInMins: 5 })).text();
    assert.match(xml, /^<string xmlns="http:\/\/schemas\.microsoft\.com\/2003\/10\/Serialization\/">[0-9A-F]{32}<\/string>$/);
    sandbox.thunder.settings.answerFormat = "text";
    assert.match(await (await call("GenerateToken", { productId: THUNDER_SANDBOX.vendorGuid })).text(), /^[0-9A-F]{32}$/);
  });

  it("saves a launch URL by GUID for Hub Pro, refuses anything else, and its lookup hands the URL on", async () => {
    const { sandbox, call } = thunder();
    const url = `thundercloud://XOS/launchplayer?plays=<root><authentication token='T' vendor='V'/><payload>1</payload></root>`;
    const saved = (await (await call("SaveUserUrlByGuid", { url })).json()) as { SaveUserUrlByGuidResult: string };
    assert.equal(sandbox.thunder.savedUrl(saved.SaveUserUrlByGuidResult), url);
    const lookup = await sandbox.app.request(`/thunder/hub/${saved.SaveUserUrlByGuidResult}`);
    assert.deepEqual([lookup.status, lookup.headers.get("location")], [302, url]);
    assert.equal((await call("SaveUserUrlByGuid", { url: "javascript:alert(1)" })).status, 400);
    assert.equal((await call("SaveUserUrlByGuid", { url }, `API ${btoa("someone:wrong")}`)).status, 500);
    assert.equal(sandbox.thunder.stats.savedUrls, 1);
  });

  it("refuses launch URLs whose ids, league, angles or content type Thunder would not take", async () => {
    const { sandbox } = thunder();
    const auth = `<authentication token='T' vendor='${THUNDER_SANDBOX.vendorGuid}'/>`;
    const angles = "<Angles Sideline='True' Endzone='True' Scoreboard='True' TVBroadcast='False' NoMedia='False'/>";
    const message = (path: string, type: string, league: string, plays: string, a = angles) =>
      `thundercloud://XOS/${path}?<root>${auth}<payload><ContentType value='${type}'><League value='${league}'><Plays>${plays}</Plays></League>${a}</ContentType></payload></root>`;
    const good = verifyLaunchUrl(message("XOSMessageXMLGet", "XOS Plays", "NFL", `<Play PlayId='${PLAY}'/>`), sandbox.thunder);
    assert.deepEqual(
      [good.method, good.payload, good.league, good.angles],
      ["xos-message", PLAY, "NFL", ["Sideline", "Endzone", "Scoreboard"]],
    );
    const bad = [
      message("XOSMessageXMLGet", "GSIS Plays", "NFL", `<Play PlayId='${PLAY}'/>`),
      message("XOSMessageXMLGet", "XOS Plays", "MLS", `<Play PlayId='${PLAY}'/>`),
      message("XOSMessageXMLGet", "XOS Plays", "NFL", "<Play PlayId='1'/>"),
      message("MessageXMLGet", "GSIS Plays", "NFL", "<Play Gamekey='1' PlayId='x'/>"),
      message("PFFMessageXMLGet", "PFF Plays", "NFL", "<Play Gamekey='1' PlayId='2' ScoutedTeam='MIAMI'/>"),
      message("XOSMessageXMLGet", "XOS Plays", "NFL", `<Play PlayId='${PLAY}'/>`, "<Angles Sideline='Yes'/>"),
      `thundercloud://XOS/launchplayer?plays=<root>${auth}<payload>1,x</payload></root>`,
      `thundercloud://XOS/launchplayerbyplays?plays=<root>${auth}<payload>${PLAY}<evil/></payload></root>`,
    ];
    for (const url of bad) assert.throws(() => verifyLaunchUrl(url, sandbox.thunder), Error, url);
  });
});
