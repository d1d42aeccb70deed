import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { THRON_SANDBOX } from "@embedkit/sandbox";
import { ASSETS, sandboxBff } from "./helpers.ts";

async function problem(response: Response, status: number) {
  assert.equal(response.status, status, await response.clone().text());
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  const text = await response.text();
  assert.doesNotMatch(text, /\bat \S+ \(|node_modules|\.ts:\d+/, "no stack trace in a problem");
  return Problem.parse(JSON.parse(text));
}

describe("THRON failures through the BFF", () => {
  it("retries a single upstream 5xx once and answers normally", async () => {
    const bff = sandboxBff();
    await bff.get(`${ASSETS}?limit=1`); // session ready
    bff.thron.faults.burst5xx = 1;
    assert.equal((await bff.get(`${ASSETS}?limit=2`)).status, 200);
  });

  it("answers 503 with a clear title when THRON keeps failing, and /health turns degraded", async () => {
    const bff = sandboxBff();
    await bff.get(`${ASSETS}?limit=1`);
    bff.thron.faults.burst5xx = 2;
    const body = await problem(await bff.get(`${ASSETS}?limit=2`), 503);
    assert.equal(body.title, "THRON is unavailable");
    const health = (await (await bff.get("/health")).json()) as { status: string; providers: { thron: string } };
    assert.deepEqual([health.status, health.providers.thron], ["degraded", "degraded"]);
    assert.equal((await bff.get(`${ASSETS}?limit=3`)).status, 200);
    assert.equal(((await (await bff.get("/health")).json()) as { status: string }).status, "ok");
  });

  it("answers 504 when THRON does not answer in time", async () => {
    const bff = sandboxBff({}, { upstreamTimeoutMs: 50 });
    bff.thron.faults.latencyMs = 200;
    const body = await problem(await bff.get(`${ASSETS}?limit=2`), 504);
    assert.equal(body.title, "THRON did not answer in time");
  });

  it("turns THRON's 418 exception into a 502 problem without THRON's body", async () => {
    const bff = sandboxBff();
    await bff.get(`${ASSETS}?limit=1`);
    bff.thron.faults.errorRate = 1;
    const body = await problem(await bff.get(`${ASSETS}?limit=2`), 502);
    assert.equal(body.title, "THRON answered with an error");
    assert.match(body.detail ?? "", /exception/);
  });

  it("serves the last good answer, marked, when THRON fails after it went stale", async () => {
    const bff = sandboxBff({}, { ttl: { assets: { freshMs: 0, staleMs: 0 } } });
    const good = await bff.get(`${ASSETS}?limit=2`);
    assert.equal(good.headers.get("x-cache"), "miss");
    bff.thron.faults.errorRate = 1;
    const stale = await bff.get(`${ASSETS}?limit=2`);
    assert.equal(stale.status, 200);
    assert.equal(stale.headers.get("x-cache"), "stale-on-error");
    assert.deepEqual(await stale.json(), await good.json());
  });

  it("serves stale while revalidating in the background, with one upstream search", async () => {
    const bff = sandboxBff({}, { ttl: { assets: { freshMs: 0, staleMs: 60_000 } } });
    await bff.get(`${ASSETS}?limit=2`);
    const searches = bff.thron.stats.searches;
    const responses = await Promise.all(Array.from({ length: 20 }, () => bff.get(`${ASSETS}?limit=2`)));
    assert.ok(responses.every((r) => r.headers.get("x-cache") === "stale"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(bff.thron.stats.searches - searches, 1);
  });

  it("tells the operator clearly when the impersonated user has no rights on a gallery's folder", async () => {
    const bff = sandboxBff();
    const body = await problem(await bff.get("/v1/thron/galleries/restricted/assets"), 502);
    assert.equal(body.title, "THRON denied access to this gallery's folder");
    assert.match(body.detail ?? "", /read rights/);
  });

  it("an outage of THRON's token endpoint is 'unavailable', never blamed on the credentials", async () => {
    const bff = sandboxBff();
    bff.thron.faults.burst5xx = 2; // the login and its one retry
    const body = await problem(await bff.get(`${ASSETS}?limit=2`), 503);
    assert.equal(body.title, "THRON is unavailable");
    assert.equal((await bff.get(`${ASSETS}?limit=2`)).status, 200, "the next request logs in");
  });

  it("says which credential THRON refused, without echoing it", async () => {
    const bff = sandboxBff();
    bff.config.thron!.clientSecret = "wrong-secret-value";
    const body = await problem(await bff.get(`${ASSETS}?limit=2`), 502);
    assert.equal(body.title, "THRON rejected the BFF's credentials");
    assert.doesNotMatch(JSON.stringify(body), /wrong-secret-value/);
  });
});

describe("secrets never leave the BFF", () => {
  it("no response, header or log line of a whole session carries the client secret or any upstream token", async () => {
    const bff = sandboxBff({}, { refreshAheadMs: 0 });
    const seen: string[] = [];
    const record = async (response: Response) => {
      seen.push(`${response.status} ${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await response.text()}`);
    };
    const paths = [
      "/health",
      `${ASSETS}?limit=5`,
      `${ASSETS}?limit=5&locale=it`,
      `${ASSETS}?limit=0`,
      `${ASSETS}?cursor=forged`,
      "/v1/thron/galleries/restricted/assets",
      "/v1/thron/galleries/nope/assets",
      "/openapi.json",
      "/",
      "/nowhere",
    ];
    for (const path of paths) await record(await bff.get(path));
    bff.thron.expireSessions(); // forces a refresh: rotation puts new tokens in play
    await record(await bff.get(`${ASSETS}?limit=6`));
    bff.thron.faults.errorRate = 1;
    await record(await bff.get(`${ASSETS}?limit=7`));
    bff.thron.faults.errorRate = 0;
    bff.thron.faults.burst5xx = 4;
    await record(await bff.get(`${ASSETS}?limit=8`));
    await record(await bff.get(`${ASSETS}?limit=5`, { headers: { origin: "https://evil.example" } }));
    bff.thron.faults.burst5xx = 0;
    bff.thron.faults.revokeViewerRole = true; // the role warning goes to the log and /health
    await record(await bff.get("/v1/thron/galleries/sport?locale=de"));
    await record(await bff.get("/health"));

    const haystack = [...seen, ...bff.logs].join("\n");
    const secrets = [THRON_SANDBOX.clientSecret, ...bff.thron.issuedTokens];
    assert.ok(bff.thron.issuedTokens.size >= 4, "the session did obtain tokens");
    for (const secret of secrets) assert.ok(!haystack.includes(secret), `leaked: ${secret.slice(0, 12)}…`);
    assert.doesNotMatch(haystack, /eyJ[\w-]+\.[\w-]+\./, "no JWT of any kind");
    assert.ok(bff.logs.length >= paths.length, "every request was logged");
  });
});
