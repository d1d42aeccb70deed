import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decode } from "hono/jwt";
import { THRON_SANDBOX } from "../src/index.ts";
import { inDemoFolder, newSandbox } from "./thron-client.ts";

describe("THRON sandbox: OAuth", () => {
  it("impersonates a user with a signed JWT carrying sub and exp, lifetime 28800 s by default", async () => {
    const { impersonate } = newSandbox();
    const response = await impersonate();
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.expires_in, 28_800);
    assert.equal(typeof body.refresh_token, "string");
    const { header, payload } = decode(body.access_token as string);
    assert.equal(header.alg, "HS256");
    assert.equal(payload.sub, THRON_SANDBOX.username);
    assert.ok(Math.abs((payload.exp as number) - (Date.now() / 1000 + 28_800)) < 5);
  });

  it("refuses a form that is not form-encoded, an unknown client, a wrong secret and an unknown subject", async () => {
    const { request, token, impersonate } = newSandbox();
    const json = await request("/api/v1/authentication/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    assert.equal(json.status, 400);
    const unknownClient = await token({ grant_type: "client_credentials", client_id: "nope", client_secret: "x" });
    assert.equal(unknownClient.status, 401);
    assert.deepEqual(await unknownClient.json(), { error: "invalid_client", error_description: "Client authentication failed" });
    const wrongSecret = await token({ grant_type: "client_credentials", client_id: THRON_SANDBOX.clientId, client_secret: "x" });
    assert.equal(wrongSecret.status, 401);
    const unknownSubject = await impersonate("nobody");
    assert.equal(unknownSubject.status, 400);
    assert.equal(((await unknownSubject.json()) as { error: string }).error, "invalid_grant");
  });

  it("rotates refresh tokens: the new pair works, the previous refresh token is refused", async () => {
    const { impersonate, token, legacy } = newSandbox();
    const first = (await (await impersonate()).json()) as { refresh_token: string; access_token: string };
    const refresh = (refreshToken: string) =>
      token({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: THRON_SANDBOX.clientId });
    const second = await refresh(first.refresh_token);
    assert.equal(second.status, 200);
    const rotated = (await second.json()) as { refresh_token: string; access_token: string };
    assert.notEqual(rotated.refresh_token, first.refresh_token);
    assert.equal((await legacy(rotated.access_token)).status, 200);
    const replay = await refresh(first.refresh_token);
    assert.equal(replay.status, 400);
    assert.equal(((await replay.json()) as { error: string }).error, "invalid_grant");
    assert.equal((await refresh(rotated.refresh_token)).status, 200);
  });

  it("derives one legacy token per session and requires it on legacy APIs", async () => {
    const { impersonate, legacy, search } = newSandbox();
    const { access_token } = (await (await impersonate()).json()) as { access_token: string };
    const a = (await (await legacy(access_token)).json()) as { token: string };
    const b = (await (await legacy(access_token)).json()) as { token: string };
    assert.match(a.token, /^[0-9a-f-]{36}$/);
    assert.equal(a.token, b.token);
    const missing = await search("", { criteria: inDemoFolder });
    assert.equal(missing.status, 403);
    assert.match(missing.headers.get("content-type") ?? "", /^text\/plain/, "a bare status: no envelope to read");
    assert.equal((await legacy("not-a-jwt")).status, 403);
  });

  it("answers 403 Session Expired once the JWT's lifetime is over, on the legacy token too", async () => {
    const { login, legacy, search } = newSandbox({ tokenLifetimeSeconds: 1 });
    const session = await login();
    assert.equal((await search(session.legacyToken, { criteria: inDemoFolder })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await search(session.legacyToken, { criteria: inDemoFolder });
    assert.equal(expired.status, 403);
    assert.match(expired.headers.get("content-type") ?? "", /^text\/plain/);
    assert.equal(await expired.text(), "Session Expired");
    assert.equal((await legacy(session.access_token)).status, 403);
  });

  it("lets an idle legacy session lapse while its JWT is still good; each use extends it", async () => {
    let now = Date.UTC(2026, 0, 1);
    const { login, legacy, search } = newSandbox({ now: () => now });
    const session = await login();
    const minutes = (n: number) => {
      now += n * 60_000;
    };
    minutes(59);
    assert.equal((await search(session.legacyToken, { criteria: inDemoFolder })).status, 200, "used within the hour");
    minutes(59);
    assert.equal((await search(session.legacyToken, { criteria: inDemoFolder })).status, 200, "the use above extended it");
    minutes(61);
    const lapsed = await search(session.legacyToken, { criteria: inDemoFolder });
    assert.equal(lapsed.status, 403, "idle for an hour: gone");
    assert.equal(await lapsed.text(), "Session Expired");
    const renewed = await legacy(session.access_token);
    assert.equal(renewed.status, 200, "the 8-hour JWT still works");
    const { token } = (await renewed.json()) as { token: string };
    assert.notEqual(token, session.legacyToken);
    assert.equal((await search(token, { criteria: inDemoFolder })).status, 200);
  });

  it("can send a dead session as the 418 envelope with its ssoCode, the other form clients must read", async () => {
    const { sandbox, login, search } = newSandbox();
    const session = await login();
    sandbox.thron.settings.sessionErrorsAsEnvelope = true;
    sandbox.thron.expireSessions();
    const expired = await search(session.legacyToken, { criteria: inDemoFolder });
    assert.equal(expired.status, 418);
    assert.equal(((await expired.json()) as { ssoCode: string }).ssoCode, "SESSION_EXPIRED");
    const unknown = await search("not-a-token", { criteria: inDemoFolder });
    assert.equal(((await unknown.json()) as { ssoCode: string }).ssoCode, "AUTHENTICATION_ERROR");
  });

  it("expires every live session on the fault switch, while refresh tokens keep working", async () => {
    const { sandbox, login, search, token } = newSandbox();
    const session = await login();
    sandbox.thron.expireSessions();
    assert.equal((await search(session.legacyToken, { criteria: inDemoFolder })).status, 403);
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: session.refresh_token, client_id: THRON_SANDBOX.clientId });
    assert.equal(refreshed.status, 200);
  });

  it("gives client-credentials tokens no folder access: their searches return no contents", async () => {
    const { token, legacy, search } = newSandbox();
    const cc = (await (
      await token({
        grant_type: "client_credentials",
        scope: "",
        client_id: THRON_SANDBOX.clientId,
        client_secret: THRON_SANDBOX.clientSecret,
      })
    ).json()) as { access_token: string };
    const { token: legacyToken } = (await (await legacy(cc.access_token)).json()) as { token: string };
    const response = await search(legacyToken, { criteria: {} });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { items: unknown[]; estimatedTotalResults: number };
    assert.deepEqual(body.items, []);
    assert.equal(body.estimatedTotalResults, 0);
  });
});
