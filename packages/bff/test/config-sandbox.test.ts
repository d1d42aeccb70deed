/**
 * Sandbox mode's wiring of the simulated vendors: which upstream calls the simulators answer
 * in-process and which go out to a real vendor, and what a developer is told when a provider's
 * simulator was not loaded.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createApp } from "../src/app.ts";
import { PROVIDERS } from "../src/provider.ts";
import { createSandboxMode, loadConfig, loadSimulators } from "../src/sandbox-mode.ts";
import { echo, echoSimulator } from "./fixtures/echo-provider.ts";
import { ASSETS, PUBLIC_URL } from "./helpers.ts";

/** A fetch to the world outside the BFF, recording what was asked of it and answering as `vendor` (or refusing). */
function outside(vendor?: { app: { fetch: (request: Request) => Response | Promise<Response> } }) {
  const asked: string[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    asked.push(request.url);
    if (!vendor) throw new TypeError("fetch failed: no network in this test");
    return vendor.app.fetch(request);
  };
  return { asked, fetch };
}

before(() => loadSimulators(PROVIDERS));

describe("sandbox mode", () => {
  it("answers from the simulated vendors in-process when the BFF's URL is written with a trailing slash", async () => {
    const config = loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: `${PUBLIC_URL}/` });
    const network = outside();
    const { app } = createApp(config, { publicUrl: `${PUBLIC_URL}/`, logSink: () => {}, fetch: network.fetch });
    const response = await app.request(`${PUBLIC_URL}${ASSETS}?limit=2`);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(((await response.json()) as { items: unknown[] }).items.length, 2);
    assert.deepEqual(network.asked, [], "no upstream call left the BFF");
  });

  it("sends a provider that has no simulator to its real upstream, the simulated ones staying in-process", async () => {
    const { simulator: _simulator, ...unsimulated } = echo;
    const providers = [...PROVIDERS, unsimulated];
    const config = loadConfig(
      { BFF_SANDBOX: "1", ECHO_TOKEN: "echo-token-0123456789", ECHO_GREETING: "hello" },
      { publicUrl: PUBLIC_URL, providers },
    );
    const vendor = echoSimulator.create({ root: "https://echo.example" });
    const network = outside(vendor);
    const { app } = createApp(config, { publicUrl: PUBLIC_URL, logSink: () => {}, fetch: network.fetch });
    assert.deepEqual(await (await app.request(`${PUBLIC_URL}/v1/echo/ping`)).json(), { echo: "hello" });
    assert.deepEqual(vendor.stats, { pings: 1 }, "the real echo service was asked");
    assert.equal((await app.request(`${PUBLIC_URL}${ASSETS}?limit=1`)).status, 200);
    assert.deepEqual(network.asked, ["https://echo.example/ping?say=hello"], "THRON's calls stayed in-process");
  });

  it("refuses an upstream call whose signal has already aborted, with its reason, as fetch does", async () => {
    const config = loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL });
    const mode = createSandboxMode(PUBLIC_URL, { fallback: outside().fetch, providers: config.providers });
    const reason = new DOMException("the request's time is up", "TimeoutError");
    const url = `${PUBLIC_URL}/_sandbox/thron/api/xcontents/resources/delivery/getContentDetail`;
    await assert.rejects(mode.fetch(url, { signal: AbortSignal.abort(reason) }), (error) => error === reason);
  });

  it("gives up on a simulated vendor that is slow to answer when the call's signal aborts, with its reason", async () => {
    const config = loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL });
    const mode = createSandboxMode(PUBLIC_URL, { fallback: outside().fetch, providers: config.providers });
    mode.sandbox.thron.faults.latencyMs = 1_000;
    const url = `${PUBLIC_URL}/_sandbox/thron/api/xcontents/resources/delivery/getContentDetail`;
    await assert.rejects(mode.fetch(url, { signal: AbortSignal.timeout(50) }), { name: "TimeoutError" });
  });

  it("names the provider whose simulator was not loaded, and what to do", () => {
    const late = { ...echo, id: "late", name: "Late" };
    assert.throws(() => loadConfig({ BFF_SANDBOX: "1" }, { publicUrl: PUBLIC_URL, providers: [...PROVIDERS, late] }), {
      message: "Late's simulator is not loaded: await loadSimulators(providers) before loading the configuration",
    });
  });
});
