/**
 * The defaults an operator relies on, seen in what the BFF does with nothing set: the vendors'
 * own addresses, the limits, the short launch token. docs/configuration.md is generated from the
 * same source, so only a test that pins the behaviour notices when one of them changes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LaunchResponse } from "@embedkit/contracts";
import { createSandbox, THRON_SANDBOX, THROUGHLINE_SANDBOX, THUNDER_SANDBOX } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { THRON_SANDBOX_ENV } from "./helpers.ts";

const HOST = "https://vendors.simulated";
const PAGE = "https://www.club.example";
const MINUTE = 60_000;

/** The vendors' public addresses, as the BFF calls them by default, answered by the simulator. */
const VENDOR_HOSTS: [string, string][] = [
  [`https://${THRON_SANDBOX.tenant}.thron.com`, `${HOST}/thron`],
  [`https://${THRON_SANDBOX.tenant}-view.thron.com`, `${HOST}/thron`],
  ["https://tcssoservices.xosdigital.com/sso/RESTSSOServices.svc", `${HOST}/thunder/sso/RESTSSOServices.svc`],
  ["https://api.findahelpline.com/oauth/token", `${HOST}/throughline/oauth/token`],
  ["https://api.throughlinecare.com/v2", `${HOST}/throughline/v2`],
];

/** Every provider configured with its credentials only: every other variable at its default. */
function bffWithDefaults(extra: Record<string, string> = {}) {
  const sandbox = createSandbox({ baseUrl: HOST });
  const config = loadConfig({
    ...THRON_SANDBOX_ENV,
    THUNDER_USERNAME: THUNDER_SANDBOX.username,
    THUNDER_PASSWORD: THUNDER_SANDBOX.password,
    THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
    THUNDER_PUBLIC_LAUNCH: "1",
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    ALLOWED_ORIGINS: PAGE,
    ...extra,
  });
  const called: string[] = [];
  const logs: string[] = [];
  const { app } = createApp(config, {
    publicUrl: "https://bff.example",
    logSink: (line) => logs.push(line),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      called.push(`${request.method} ${request.url.split("?")[0]}`);
      const vendor = VENDOR_HOSTS.find(([prefix]) => request.url.startsWith(prefix));
      if (!vendor) return new Response("no such host", { status: 502 });
      return sandbox.app.fetch(new Request(vendor[1] + request.url.slice(vendor[0].length), request));
    },
  });
  const get = (path: string, init?: RequestInit) => app.request(`https://bff.example${path}`, init);
  const launch = () =>
    get("/v1/thunder/launch", {
      method: "POST",
      headers: { "content-type": "application/json", origin: PAGE },
      body: JSON.stringify({ method: "stats", ids: ["1"] }),
    });
  return { get, launch, called, logs, sandbox };
}

describe("the defaults, as the BFF applies them", () => {
  it("calls THRON, Thunder and ThroughLine at the vendors' own addresses", async () => {
    const bff = bffWithDefaults();
    assert.equal((await bff.get("/v1/thron/galleries/default/assets?limit=1")).status, 200);
    assert.equal((await bff.launch()).status, 200);
    await bff.get("/v1/throughline/countries");
    const hosts = new Set(bff.called.map((call) => new URL(call.split(" ")[1] ?? "").origin));
    assert.deepEqual(
      [...hosts].sort(),
      [
        "https://acme.thron.com",
        "https://acme-view.thron.com",
        "https://api.findahelpline.com",
        "https://api.throughlinecare.com",
        "https://tcssoservices.xosdigital.com",
      ]
        .map((origin) => origin.replaceAll("acme", THRON_SANDBOX.tenant))
        .sort(),
    );
    assert.ok(bff.called.includes("POST https://tcssoservices.xosdigital.com/sso/RESTSSOServices.svc/GenerateTokenWithDuration"));
  });

  it("launches Thunder Cloud (thundercloud://) with a 5-minute token, 20 launches a minute per client", async () => {
    const bff = bffWithDefaults();
    const first = LaunchResponse.parse(await (await bff.launch()).json());
    assert.ok(first.url.startsWith("thundercloud://"), first.url);
    assert.deepEqual(bff.sandbox.thunder.stats.durations, [5]);
    assert.ok(Math.abs(Date.parse(first.expiresAt) - Date.now() - 5 * MINUTE) < 10_000, first.expiresAt);
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await bff.launch()).status);
    assert.deepEqual(statuses.slice(0, 19), Array(19).fill(200));
    assert.equal(statuses[19], 429, "the 21st launch of the minute");
  });

  it("allows 600 /v1 requests a minute per client, counts 1,000 ThroughLine calls a day, logs at info", async () => {
    const bff = bffWithDefaults();
    const response = await bff.get("/v1/thron/galleries/default/assets?limit=1");
    assert.equal(response.headers.get("ratelimit-limit"), "600");
    const health = (await (await bff.get("/health")).json()) as { quota: { throughline: { limit: number } } };
    assert.equal(health.quota.throughline.limit, 1000);
    assert.ok(
      bff.logs.some((line) => JSON.parse(line).level === "info" && JSON.parse(line).message === "request"),
      "the access log is on",
    );
  });

  it("trusts no X-Forwarded-For and answers no page outside ALLOWED_ORIGINS", async () => {
    const bff = bffWithDefaults({ RATE_LIMIT_PER_MINUTE: "1" });
    const from = (forwarded: string) =>
      bff.get("/v1/thron/galleries/default/assets?limit=1", { headers: { "x-forwarded-for": forwarded } });
    assert.equal((await from("1.1.1.1")).status, 200);
    assert.equal((await from("2.2.2.2")).status, 429, "TRUST_PROXY=0: the header buys nothing");
    const elsewhere = await bffWithDefaults().get("/v1/thron/galleries/default/assets?limit=1", {
      headers: { origin: "https://other.example" },
    });
    assert.equal(elsewhere.headers.get("access-control-allow-origin"), null);
  });
});
