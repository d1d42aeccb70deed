/**
 * upstream/oauth.ts against the sandbox's token endpoints (THRON's and ThroughLine's): what each
 * grant sends, and what the answer becomes — tokens with an expiry counted from the request, an
 * OAuthError that keeps only the error code, or a problem for an outage or a strange answer.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSandbox, THRON_SANDBOX, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { impersonationGrantRequest, thronOAuthClient } from "../src/thron/auth.ts";
import { throughlineTokenRequest } from "../src/throughline/auth.ts";
import { UpstreamError } from "../src/upstream/call.ts";
import { OAuthError, processTokenResponse, refreshTokenGrantRequest, requestTokens } from "../src/upstream/oauth.ts";
import { manualClock } from "./clock.ts";

const HOST = "https://vendors.simulated";
const THRON = { ...THRON_SANDBOX, authUrl: `${HOST}/thron` };
const THROUGHLINE = { tokenUrl: `${HOST}/throughline/oauth/token`, ...THROUGHLINE_SANDBOX };

async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected a failure");
}

describe("OAuth token requests (upstream/oauth.ts)", () => {
  it("sends the client's credentials in the form body, never in the URL; a refresh without the secret", async () => {
    const grant = impersonationGrantRequest(THRON);
    assert.equal(grant.url, `${HOST}/thron/api/v1/authentication/oauth2/token`);
    const form = new URLSearchParams(await grant.text());
    assert.equal(form.get("client_secret"), THRON_SANDBOX.clientSecret);
    assert.equal(form.get("subject"), THRON_SANDBOX.username);
    assert.equal(form.get("scope"), "", "THRON's impersonation grant is sent with an empty scope");
    const refresh = new URLSearchParams(
      await refreshTokenGrantRequest({ ...thronOAuthClient(THRON), clientSecret: undefined }, "r1").text(),
    );
    assert.deepEqual(Object.fromEntries(refresh), { grant_type: "refresh_token", refresh_token: "r1", client_id: THRON_SANDBOX.clientId });
    const clientCredentials = throughlineTokenRequest(THROUGHLINE);
    assert.equal(new URL(clientCredentials.url).search, "");
    assert.equal(new URLSearchParams(await clientCredentials.text()).get("grant_type"), "client_credentials");
  });

  it("turns the sandbox's answers into tokens whose expiry counts from the request, in seconds", async () => {
    const sandbox = createSandbox({ baseUrl: HOST });
    const clock = manualClock();
    const upstream = {
      name: "ThroughLine",
      fetch: async (input: Request | string | URL) => sandbox.app.fetch(new Request(input)),
      timeoutMs: 5_000,
    };
    const tokens = await requestTokens(upstream, () => throughlineTokenRequest(THROUGHLINE), clock.now);
    assert.ok(tokens.accessToken);
    assert.equal(tokens.refreshToken, null, "client credentials come without a refresh token");
    assert.equal(tokens.expiresAt, clock.now() + 7_200_000);
    const thron = await processTokenResponse("THRON", await sandbox.app.fetch(impersonationGrantRequest(THRON)), clock.now());
    assert.ok(thron.refreshToken, "THRON's impersonation answers a refresh token");
  });

  it("a refusal is an OAuthError with the error code only; the description is dropped", async () => {
    const sandbox = createSandbox({ baseUrl: HOST });
    const refused = await sandbox.app.fetch(throughlineTokenRequest({ ...THROUGHLINE, clientSecret: "wrong" }));
    const error = await rejected(processTokenResponse("ThroughLine", refused, 0));
    assert.ok(error instanceof OAuthError);
    assert.deepEqual([error.code, error.status], ["invalid_client", 401]);
    assert.doesNotMatch(error.message, /authentication failed/i);
    const bare = await rejected(processTokenResponse("THRON", new Response("nope", { status: 403 }), 0));
    assert.ok(bare instanceof OAuthError);
    assert.equal(bare.code, "status 403");
  });

  it("an outage is 'unavailable' (503), an answer that is not a token a 502; neither carries the upstream body", async () => {
    const outage = await rejected(processTokenResponse("THRON", new Response('{"error":"invalid_client"}', { status: 503 }), 0));
    assert.ok(outage instanceof UpstreamError);
    assert.deepEqual([outage.status, outage.title], [503, "THRON is unavailable"]);
    const odd = await rejected(processTokenResponse("THRON", Response.json({ access_token: "", expires_in: 60, secret: "s3cr3t" }), 0));
    assert.ok(odd instanceof UpstreamError);
    assert.equal(odd.status, 502);
    assert.doesNotMatch(JSON.stringify(odd) + (odd.detail ?? ""), /s3cr3t/);
  });
});

describe("OAuth failures as an operator reads them", () => {
  it("asks for JSON in a form post, and counts the request as a token call in the metrics", async () => {
    const grant = refreshTokenGrantRequest(thronOAuthClient(THRON), "rt");
    assert.equal(grant.headers.get("accept"), "application/json");
    assert.equal(grant.headers.get("content-type"), "application/x-www-form-urlencoded");
    const metrics = createPrometheusMetrics();
    const fetch = async () => Response.json({ access_token: "a", expires_in: 60 });
    await requestTokens({ name: "THRON", fetch, timeoutMs: 1_000, metrics }, () => grant, manualClock().now);
    assert.match((await metrics.render()).body, /embedkit_upstream_calls_total\{provider="THRON",operation="token",outcome="ok"\} 1/);
  });

  it("names the refusal's code in its message, and says what was wrong with an outage or a strange answer", async () => {
    const refused = (await rejected(
      processTokenResponse("THRON", Response.json({ error: "invalid_grant" }, { status: 400 }), 0),
    )) as OAuthError;
    assert.equal(refused.message, "OAuth error invalid_grant");
    const outage = (await rejected(processTokenResponse("THRON", new Response("down", { status: 503 }), 0))) as UpstreamError;
    assert.equal(outage.detail, "The token endpoint answered status 503.");
    const strange = (await rejected(processTokenResponse("THRON", Response.json({ token: "x" }), 0))) as UpstreamError;
    assert.equal(strange.detail, "The token endpoint answered an unexpected shape.");
  });
});
