/**
 * THRON's session renewal through the BFF configured for a real tenant, against the simulator:
 * a `403 Session Expired` replaces the session and retries the call once, and only once.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSandbox } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { thronSimulatorEnv } from "./helpers.ts";

const HOST = "https://thron.simulated";

/** The BFF on the simulator; `beforeSearch` runs before each search reaches THRON. */
function bffOnSimulator(beforeSearch: () => void) {
  const sandbox = createSandbox({ baseUrl: HOST });
  const base = `${HOST}/thron`;
  const config = loadConfig({
    ...thronSimulatorEnv(base),
    ALLOWED_ORIGINS: "https://www.host.example",
  });
  const { app } = createApp(config, {
    publicUrl: "https://bff.example",
    logSink: () => {},
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (request.url.includes("/content/search/")) beforeSearch();
      return sandbox.app.fetch(request);
    },
  });
  return { thron: sandbox.thron, get: (path: string) => app.request(`https://bff.example${path}`) };
}

describe("THRON session renewal", () => {
  it("renews an expired session once and retries the search once", async () => {
    let expireNext = false;
    const bff = bffOnSimulator(() => {
      if (expireNext) bff.thron.expireSessions();
      expireNext = false;
    });
    assert.equal((await bff.get("/v1/thron/galleries/default/assets?limit=2")).status, 200);
    const before = { searches: bff.thron.stats.searches, tokens: bff.thron.stats.tokenRequests };
    expireNext = true;
    assert.equal((await bff.get("/v1/thron/galleries/default/assets?limit=3")).status, 200);
    assert.deepEqual([bff.thron.stats.searches - before.searches, bff.thron.stats.tokenRequests - before.tokens], [2, 1]);
  });

  // THRON's 403 carries no reason: one that survives a renewal is read as access denied.
  it("answers a 502 after one renewal and one retry when THRON keeps refusing the session", async () => {
    const bff = bffOnSimulator(() => bff.thron.expireSessions());
    const response = await bff.get("/v1/thron/galleries/default/assets?limit=2");
    assert.equal(response.status, 502);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    const problem = (await response.json()) as { title: string; detail: string };
    assert.equal(problem.title, "THRON denied access to this gallery's folder");
    assert.equal(bff.thron.stats.searches, 2, "the search and its single retry");
    assert.equal(bff.thron.stats.tokenRequests, 2, "the first login and one renewal");
  });
});
