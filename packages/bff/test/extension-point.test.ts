/**
 * A provider is one module: registered from test/ alone (fixtures/echo-provider.ts), it is
 * configured, documented, wired, reported on /health, described in /openapi.json, walked by
 * the doctor, simulated in sandbox mode and failed by the sandbox's fault switch, with no file of
 * src/ changed for it.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createApp } from "../src/app.ts";
import { ownConfig, secretsOf } from "../src/config.ts";
import { configurationMarkdown } from "../src/config-reference.ts";
import { runDoctor } from "../src/doctor/run.ts";
import { PROVIDERS } from "../src/provider.ts";
import type { ProviderModule } from "../src/providers/contract.ts";
import { loadConfig, loadSimulators } from "../src/sandbox-mode.ts";
import { echo, echoSimulator } from "./fixtures/echo-provider.ts";
import { PUBLIC_URL } from "./helpers.ts";

const providers = [...PROVIDERS, echo];
const TOKEN = "echo-token-0123456789";
const ENV = { ECHO_TOKEN: TOKEN, ECHO_GREETING: "hello", ALLOWED_ORIGINS: "https://www.acme.com" };

/** A BFF knowing `modules`; outside sandbox mode the echo service is its simulator, reached as a vendor at ECHO_URL. */
function echoBff(env: Record<string, string>, modules: readonly ProviderModule[] = providers) {
  const config = loadConfig(env, { publicUrl: PUBLIC_URL, providers: modules });
  const logs: string[] = [];
  const vendor = echoSimulator.create({ root: "https://echo.example" });
  const fetch = async (input: Request | string | URL, init?: RequestInit) => vendor.app.fetch(new Request(input, init));
  const { app, sandbox } = createApp(config, { publicUrl: PUBLIC_URL, logSink: (line) => logs.push(line), fetch });
  const get = (path: string, init?: RequestInit) => app.request(`${PUBLIC_URL}${path}`, init);
  return { config, logs, sandbox, vendor, get };
}

/** Every built-in provider in one state, as /health lists them. */
const builtIn = (state: string) => Object.fromEntries(PROVIDERS.map((module) => [module.id, state]));

before(() => loadSimulators(providers));

describe("a provider registered from a test", () => {
  it("is configured from its variables, alone turning the real configuration on, its secret kept", () => {
    const { config } = echoBff(ENV);
    assert.equal(config.sandbox, false, "a configured provider is a real configuration");
    assert.deepEqual(ownConfig(config, echo), { token: TOKEN, greeting: "hello", url: "https://echo.example" });
    assert.ok(secretsOf(config).includes(TOKEN));
  });

  it("serves its routes, and /health reports it", async () => {
    const { get, vendor } = echoBff(ENV);
    assert.deepEqual(await (await get("/v1/echo/ping")).json(), { echo: "hello" });
    assert.deepEqual(vendor.stats, { pings: 1 }, "asked its upstream at ECHO_URL");
    const health = await (await get("/health")).json();
    assert.equal(health.providers.echo, "ready");
    assert.equal(health.providers.thron, "unconfigured");
  });

  it("is described in /openapi.json: its route, and its key in Health", async () => {
    const { get } = echoBff(ENV);
    const spec = await (await get("/openapi.json")).json();
    assert.ok(spec.paths["/v1/echo/ping"], "its route");
    assert.deepEqual(Object.keys(spec.components.schemas.Health.properties.providers.properties), [
      ...PROVIDERS.map((module) => module.id),
      "echo",
    ]);
  });

  it("is in the generated configuration reference, under its name", () => {
    const markdown = configurationMarkdown(providers);
    const section = markdown.slice(markdown.indexOf("## Echo"));
    assert.match(section, /^## Echo\n/);
    assert.match(section, /\| `ECHO_TOKEN` \(secret\) \| The echo service's token\. \|/);
    assert.match(section, /\| `ECHO_GREETING` \| What the echo answers\. \| pong \|/);
  });

  it("is walked by the doctor, its secret blanked", async () => {
    const { config } = echoBff(ENV);
    const output: string[] = [];
    const { ok } = await runDoctor(config, { fetch, write: (line) => output.push(line), secrets: [...secretsOf(config)] });
    assert.equal(ok, true);
    assert.match(output.join("\n"), /ok {3}Echo {8}greeting: answers "hello"/);
    assert.doesNotMatch(output.join("\n"), new RegExp(TOKEN));
  });

  it("is reported by the doctor as having no checks when it brings none", async () => {
    const { doctor: _doctor, ...withoutDoctor } = echo;
    const modules = [...PROVIDERS, withoutDoctor];
    const config = loadConfig(ENV, { publicUrl: PUBLIC_URL, providers: modules });
    const output: string[] = [];
    const { ok, steps } = await runDoctor(config, { fetch, write: (line) => output.push(line), secrets: [] });
    assert.equal(ok, true);
    assert.deepEqual(
      steps.filter((step) => step.provider === "Echo"),
      [{ provider: "Echo", name: "checks", status: "skip", detail: "this provider has none" }],
    );
    assert.ok(output.includes("skip Echo        checks: this provider has none"), output.join("\n"));
  });

  it("has every secret of six characters or more blanked in the doctor's lines; a shorter one, which words would match, is not", async () => {
    const said = async (greeting: string, secret: string) => {
      const { config } = echoBff({ ...ENV, ECHO_GREETING: greeting });
      const output: string[] = [];
      await runDoctor(config, { fetch, write: (line) => output.push(line), secrets: [secret] });
      return output.find((line) => line.includes("greeting:"));
    };
    assert.equal(await said("s3cret and more", "s3cret"), 'ok   Echo        greeting: answers "[redacted] and more"');
    assert.equal(await said("hello", "hello"), 'ok   Echo        greeting: answers "hello"');
  });

  it("has its simulator run in sandbox mode: on with the simulator's values, its upstream under /_sandbox/echo", async () => {
    const { config, get, sandbox, vendor } = echoBff({ ECHO_GREETING: "hello" });
    assert.equal(config.sandbox, true);
    assert.deepEqual(ownConfig(config, echo), { token: "echo-sandbox-token", greeting: "hello", url: `${PUBLIC_URL}/_sandbox/echo` });
    assert.deepEqual(await (await get("/v1/echo/ping")).json(), { echo: "hello" });
    assert.deepEqual(sandbox?.upstreams.get("echo")?.stats, { pings: 1 }, "answered by the simulator in process");
    assert.deepEqual(vendor.stats, { pings: 0 }, "not by the vendor outside");
    const health = await (await get("/health")).json();
    assert.deepEqual(health.providers, { ...builtIn("ready"), echo: "ready" });
  });

  it("has a fault switch in the sandbox that makes its calls fail and /health say it is degraded", async () => {
    const { get } = echoBff({});
    const state = await (await get("/_sandbox/_admin/state")).json();
    assert.deepEqual(Object.keys(state), [...PROVIDERS.map((module) => module.id), "echo"]);
    const switched = await get("/_sandbox/_admin/faults/echo", {
      method: "POST",
      headers: { "content-type": "application/json", origin: PUBLIC_URL },
      body: JSON.stringify({ errorRate: 1 }),
    });
    assert.equal(switched.status, 200);
    assert.equal((await switched.json()).echo.faults.errorRate, 1);
    const failed = await get("/v1/echo/ping");
    assert.equal(failed.status, 503);
    assert.match((await failed.json()).title, /Echo is unavailable/);
    const health = await (await get("/health")).json();
    assert.equal(health.status, "degraded");
    assert.deepEqual(health.providers, { ...builtIn("ready"), echo: "degraded" });
  });

  it("needs no simulator: without one, in sandbox mode it is off until configured", async () => {
    const { simulator: _simulator, ...withoutSimulator } = echo;
    const { config, get } = echoBff({}, [...PROVIDERS, withoutSimulator]);
    assert.equal(config.sandbox, true);
    assert.equal(ownConfig(config, withoutSimulator), null);
    const health = await (await get("/health")).json();
    assert.deepEqual(health.providers, { ...builtIn("ready"), echo: "unconfigured" });
    assert.equal((await get("/v1/echo/ping")).status, 404);
  });
});
