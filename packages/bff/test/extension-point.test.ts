/**
 * A provider is one module: registered from test/ alone (fixtures/echo-provider.ts), it is
 * configured, documented, wired, reported on /health, described in /openapi.json and walked by
 * the doctor, with no file of src/ changed for it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createApp } from "../src/app.ts";
import { ownConfig, secretsOf } from "../src/config.ts";
import { configurationMarkdown } from "../src/config-reference.ts";
import { runDoctor } from "../src/doctor/run.ts";
import { PROVIDERS } from "../src/provider.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { echo } from "./fixtures/echo-provider.ts";
import { PUBLIC_URL } from "./helpers.ts";

const providers = [...PROVIDERS, echo];
const TOKEN = "echo-token-0123456789";
const ENV = { ECHO_TOKEN: TOKEN, ECHO_GREETING: "hello", ALLOWED_ORIGINS: "https://www.acme.com" };

function echoBff(env: Record<string, string>) {
  const config = loadConfig(env, { publicUrl: PUBLIC_URL, providers });
  const logs: string[] = [];
  const { app } = createApp(config, { publicUrl: PUBLIC_URL, logSink: (line) => logs.push(line) });
  return { config, logs, get: (path: string) => app.request(`${PUBLIC_URL}${path}`) };
}

describe("a provider registered from a test", () => {
  it("is configured from its variables, alone turning the real configuration on, its secret kept", () => {
    const { config } = echoBff(ENV);
    assert.equal(config.sandbox, false, "a configured provider is a real configuration");
    assert.deepEqual(ownConfig(config, echo), { token: TOKEN, greeting: "hello" });
    assert.ok(secretsOf(config).includes(TOKEN));
  });

  it("serves its routes, and /health reports it", async () => {
    const { get } = echoBff(ENV);
    assert.deepEqual(await (await get("/v1/echo/ping")).json(), { echo: "hello" });
    const health = await (await get("/health")).json();
    assert.equal(health.providers.echo, "ready");
    assert.equal(health.providers.thron, "unconfigured");
  });

  it("is described in /openapi.json: its route, and its key in Health", async () => {
    const { get } = echoBff(ENV);
    const spec = await (await get("/openapi.json")).json();
    assert.ok(spec.paths["/v1/echo/ping"], "its route");
    assert.deepEqual(Object.keys(spec.components.schemas.Health.properties.providers.properties), [
      "thron",
      "thunder",
      "throughline",
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

  it("needs no simulator: in sandbox mode it is off until configured", async () => {
    const { config, get } = echoBff({});
    assert.equal(config.sandbox, true);
    assert.equal(ownConfig(config, echo), null);
    const health = await (await get("/health")).json();
    assert.deepEqual(health.providers, { thron: "ready", thunder: "ready", throughline: "ready", echo: "unconfigured" });
    assert.equal((await get("/v1/echo/ping")).status, 404);
  });
});
