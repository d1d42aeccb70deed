/**
 * ThroughLine's token renewal through the BFF configured for real credentials, against the
 * simulator: a 401 gets one fresh token and one retry, and only one.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Health, Problem } from "@embedkit/contracts";
import { createSandbox, THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";

const HOST = "https://throughline.simulated";

function bffWith(fetchUpstream: (request: Request, sandbox: ReturnType<typeof createSandbox>) => Promise<Response>) {
  const sandbox = createSandbox({ baseUrl: HOST });
  const config = loadConfig({
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    THROUGHLINE_TOKEN_URL: `${HOST}/throughline/oauth/token`,
    THROUGHLINE_API_URL: `${HOST}/throughline/v1`,
    ALLOWED_ORIGINS: "https://www.host.example",
  });
  return createApp(config, {
    publicUrl: "https://bff.example",
    logSink: () => {},
    fetch: (input, init) => fetchUpstream(new Request(input, init), sandbox),
  }).app;
}

describe("ThroughLine's token endpoint", () => {
  it("an outage (5xx) is 'unavailable', a refusal names the credentials; neither spends API quota", async () => {
    let tokenStatus = 503;
    let apiCalls = 0;
    const app = bffWith(async (request, sandbox) => {
      if (request.url.endsWith("/oauth/token")) return Response.json({ error: "invalid_client" }, { status: tokenStatus });
      apiCalls++;
      return sandbox.app.fetch(request);
    });
    const outage = await app.request("https://bff.example/v1/throughline/countries");
    assert.equal(outage.status, 503);
    assert.equal(Problem.parse(await outage.json()).title, "ThroughLine is unavailable");
    tokenStatus = 401;
    const refused = await app.request("https://bff.example/v1/throughline/topics");
    assert.equal(refused.status, 502);
    assert.equal(Problem.parse(await refused.json()).title, "ThroughLine refused the BFF's credentials");
    assert.equal(apiCalls, 0);
  });
});

describe("ThroughLine token renewal", () => {
  it("asks for one fresh token and retries once when the API keeps refusing the token, then answers 502", async () => {
    const calls = { token: 0, api: 0 };
    const app = bffWith(async (request, sandbox) => {
      if (request.url.endsWith("/oauth/token")) {
        calls.token++;
        return sandbox.app.fetch(request);
      }
      calls.api++;
      // The token was revoked on ThroughLine's side: every API call is refused.
      return Response.json({ error: "invalid_token" }, { status: 401 });
    });
    const response = await app.request("https://bff.example/v1/throughline/countries");
    assert.equal(response.status, 502);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    assert.deepEqual(calls, { token: 2, api: 2 }, "one fresh token, one retry");
    const helplines = await app.request("https://bff.example/v1/throughline/helplines?country=US");
    assert.equal(helplines.status, 502, "a 502 problem, never a 500");
    const problem = Problem.parse(await helplines.json());
    assert.equal(problem.detail, "ThroughLine refused a fresh token too.");
    // Whether ThroughLine counts a refused (401) call is undocumented: the BFF counts it, to fail closed.
    // The look-up needed the countries again, whose failure is remembered for a while: no call spent twice.
    const health = Health.parse(await (await app.request("https://bff.example/health")).json());
    assert.equal(health.quota?.throughline?.used, 2);
    assert.deepEqual(calls, { token: 2, api: 2 });
  });
});
