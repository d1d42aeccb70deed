import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { createApp } from "../src/app.ts";
import { secretsOf } from "../src/config.ts";
import { CONFIG_REFERENCE } from "../src/config-reference.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { PUBLIC_URL, problemsOf, THRON } from "./helpers.ts";

describe("configuration", () => {
  it("starts in sandbox mode with no credentials, on port 8787, open to every origin", () => {
    const config = loadConfig({});
    assert.equal(config.sandbox, true);
    assert.equal(config.port, 8787);
    assert.deepEqual(config.allowedOrigins, ["*"]);
    assert.equal(config.thron?.tenant, "sandbox");
  });

  it("uses real THRON hosts derived from the tenant when credentials are set", () => {
    const config = loadConfig({ ...THRON, ALLOWED_ORIGINS: "https://www.acme.com, https://*.acme.com", PORT: "9000" });
    assert.equal(config.sandbox, false);
    assert.equal(config.port, 9000);
    assert.equal(config.thron?.authUrl, "https://acme.thron.com");
    assert.equal(config.thron?.apiUrl, "https://acme-view.thron.com");
    assert.equal(config.thron?.cdnUrl, "https://acme-cdn.thron.com");
    assert.deepEqual(config.thron?.galleries.get("default"), { folderId: "folder-1", pkey: "pkey-1", filterKeys: [] });
    assert.deepEqual(config.allowedOrigins, ["https://www.acme.com", "https://*.acme.com"]);
  });

  it("stops a half-configured THRON with one error naming every missing variable", () => {
    const problems = problemsOf({ THRON_CLIENT_ID: "client" });
    assert.ok(
      problems.some((p) => p.includes("set THRON_TENANT, THRON_CLIENT_SECRET, THRON_USERNAME")),
      problems.join("\n"),
    );
    const message = (() => {
      try {
        loadConfig({ THRON_CLIENT_ID: "client", THUNDER_USERNAME: "u", PORT: "x" });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    assert.match(message ?? "", /PORT/);
    assert.match(message ?? "", /THUNDER_PASSWORD, THUNDER_VENDOR_GUID/);
    assert.match(message ?? "", /THRON_TENANT/);
  });

  it("never echoes a secret's value in a configuration error", () => {
    const error = (() => {
      try {
        loadConfig({ THRON_CLIENT_SECRET: "s3cr3t-value-xyz", THRON_GALLERIES: "{oops" });
      } catch (e) {
        return e as Error;
      }
    })();
    assert.ok(error);
    assert.doesNotMatch(error.message, /s3cr3t-value-xyz/);
  });

  it("requires a gallery, both folder id and pKey, and a classification when filter keys are set", () => {
    const { THRON_FOLDER_ID: _f, THRON_PKEY: _p, ...noGallery } = THRON;
    assert.match(
      problemsOf({ ...noGallery, ALLOWED_ORIGINS: "https://a.com" }).join(),
      /THRON_FOLDER_ID and THRON_PKEY, or THRON_GALLERIES/,
    );
    assert.match(problemsOf({ ...noGallery, THRON_FOLDER_ID: "f", ALLOWED_ORIGINS: "https://a.com" }).join(), /missing THRON_PKEY/);
    assert.match(problemsOf({ ...noGallery, THRON_PKEY: "p", ALLOWED_ORIGINS: "https://a.com" }).join(), /missing THRON_FOLDER_ID/);
    assert.match(problemsOf({ ...THRON, THRON_FILTER_KEYS: "color" }).join(), /THRON_CLASSIFICATION_ID/);
    const press = JSON.stringify({ press: { folderId: "f2", pkey: "p2", filterKeys: ["topic"] } });
    assert.match(problemsOf({ ...THRON, THRON_GALLERIES: press }).join(), /filter keys are set but THRON_CLASSIFICATION_ID is missing/);
  });

  it("reads several galleries from THRON_GALLERIES and reports bad JSON by name", () => {
    const config = loadConfig({
      ...THRON,
      THRON_CLASSIFICATION_ID: "cls",
      THRON_GALLERIES: JSON.stringify({ press: { folderId: "f2", pkey: "p2", filterKeys: ["topic"] } }),
    });
    assert.deepEqual([...(config.thron?.galleries.keys() ?? [])].sort(), ["default", "press"]);
    assert.match(problemsOf({ ...THRON, THRON_GALLERIES: '{"Bad Name!": {}}' }).join(), /THRON_GALLERIES/);
  });

  it("takes a gallery name that starts with a lower-case letter or digit, then letters, digits, _ or -, 64 characters at most", () => {
    const galleriesOf = (name: string) =>
      loadConfig({ ...THRON, THRON_GALLERIES: JSON.stringify({ [name]: { folderId: "f2", pkey: "p2" } }) }).thron?.galleries;
    for (const name of ["a", "press-2024_en", `p${"x".repeat(63)}`]) assert.deepEqual(galleriesOf(name)?.get(name)?.folderId, "f2", name);
    for (const name of ["Press", "-press", "_press", `p${"x".repeat(64)}`, "press!", "press room"])
      assert.ok(
        problemsOf({ ...THRON, THRON_GALLERIES: JSON.stringify({ [name]: { folderId: "f2", pkey: "p2" } }) }).includes(
          `THRON_GALLERIES: ${name} Invalid key in record`,
        ),
        name,
      );
  });

  it("names where THRON_GALLERIES is wrong: every empty field of a gallery, or the whole value", () => {
    const problemFor = (galleries: string) => problemsOf({ ...THRON, THRON_GALLERIES: galleries }).join("\n");
    assert.match(problemFor("[]"), /^THRON_GALLERIES: \(root\) \S/);
    const fields = problemFor(JSON.stringify({ press: { folderId: "", pkey: "", filterKeys: [""] } }));
    assert.match(fields, /^THRON_GALLERIES: press\.folderId [^;]+; press\.pkey [^;]+; press\.filterKeys\.0 [^;]+$/);
  });

  it("honours BFF_SANDBOX both ways and rejects other values", () => {
    assert.equal(loadConfig({ ...THRON, BFF_SANDBOX: "1" }).sandbox, true);
    assert.match(problemsOf({ BFF_SANDBOX: "0" }).join(), /no provider is configured/);
    // Refused, sandbox mode is off for the rest of the check too: `*` is named as well.
    assert.deepEqual(problemsOf({ BFF_SANDBOX: "0", ALLOWED_ORIGINS: "*" }), [
      "BFF_SANDBOX=0 forbids sandbox mode, but no provider is configured (THRON_*, THUNDER_* or THROUGHLINE_*)",
      "ALLOWED_ORIGINS may be * only in sandbox mode: list the sites that embed the elements",
    ]);
    assert.match(problemsOf({ BFF_SANDBOX: "yes" }).join(), /BFF_SANDBOX must be 0 or 1/);
  });

  it("reads LOG_LEVEL, info by default, and names it when it is not a level", () => {
    assert.equal(loadConfig({}).logLevel, "info");
    assert.equal(loadConfig({ LOG_LEVEL: "warn" }).logLevel, "warn");
    assert.match(problemsOf({ LOG_LEVEL: "verbose" }).join(), /LOG_LEVEL must be one of debug, info, warn, error/);
  });

  it("allows * only in sandbox mode and checks each origin's shape", () => {
    assert.match(problemsOf({ ...THRON, ALLOWED_ORIGINS: "*" }).join(), /only in sandbox mode/);
    assert.match(problemsOf({ ...THRON, ALLOWED_ORIGINS: "www.acme.com" }).join(), /not an origin/);
    assert.match(problemsOf({ ...THRON, ALLOWED_ORIGINS: "https://acme.com/path" }).join(), /not an origin/);
    // A stray character before the scheme (ALLOWED_ORIGINS==https://…) is named, not taken.
    assert.deepEqual(problemsOf({ ...THRON, ALLOWED_ORIGINS: "=https://www.acme.com" }), [
      'ALLOWED_ORIGINS: "=https://www.acme.com" is not an origin such as https://www.example.com or https://*.example.com',
    ]);
    // A developer's page served over plain http is an origin too.
    assert.deepEqual(loadConfig({ ...THRON, ALLOWED_ORIGINS: "http://localhost:3000" }).allowedOrigins, ["http://localhost:3000"]);
  });

  it("lets every THRON host be overridden", () => {
    const config = loadConfig({
      ...THRON,
      THRON_AUTH_URL: "https://auth.proxy/",
      THRON_API_URL: "https://api.proxy",
      THRON_CDN_URL: "https://cdn.proxy",
    });
    assert.equal(config.thron?.authUrl, "https://auth.proxy");
    assert.equal(config.thron?.apiUrl, "https://api.proxy");
    assert.equal(config.thron?.cdnUrl, "https://cdn.proxy");
  });

  it("points every provider at the sandbox under PUBLIC_URL in sandbox mode, whatever its variables say; launch settings stay the operator's", () => {
    const config = loadConfig(
      {
        ...THRON,
        THROUGHLINE_CLIENT_ID: "real-client",
        THROUGHLINE_CLIENT_SECRET: "real-secret",
        THROUGHLINE_API_URL: "https://api.real.example/v2",
        THROUGHLINE_DAILY_QUOTA: "50",
        THUNDER_LAUNCH_MODE: "hub-pro",
        BFF_SANDBOX: "1",
      },
      { publicUrl: "https://bff.example/" },
    );
    assert.equal(config.thron?.tenant, "sandbox");
    assert.equal(config.thron?.authUrl, "https://bff.example/_sandbox/thron");
    assert.deepEqual([...(config.thron?.galleries.keys() ?? [])], ["default", "sport", "restricted"]);
    assert.equal(config.throughline?.apiUrl, "https://bff.example/_sandbox/throughline/v2");
    assert.notEqual(config.throughline?.clientId, "real-client");
    assert.equal(config.throughline?.dailyQuota, 50);
    assert.equal(config.thunder?.ssoUrl, "https://bff.example/_sandbox/thunder/sso/RESTSSOServices.svc");
    assert.equal(config.thunder?.hubProLookupUrl, "https://bff.example/_sandbox/thunder/hub/{guid}");
  });

  it("names a bad value once, without blaming the checks that depend on it", () => {
    const thunder = { THUNDER_USERNAME: "u", THUNDER_PASSWORD: "p", THUNDER_VENDOR_GUID: "6f1c2a9e-3b7d-4e0a-9c5f-2d8b7a41e360" };
    assert.deepEqual(problemsOf({ ...thunder, THUNDER_TICKET_SECRET: "too-short" }), [
      "THUNDER_TICKET_SECRET must be at least 32 characters",
    ]);
    assert.deepEqual(problemsOf({ ...thunder, THUNDER_PUBLIC_LAUNCH: "yes" }), [
      "THUNDER_PUBLIC_LAUNCH must be 0 or 1",
      "Thunder is configured but THUNDER_TICKET_SECRET is not: set it (the host site signs a ticket per launch), or THUNDER_PUBLIC_LAUNCH=1 to accept any page from ALLOWED_ORIGINS (weaker)",
    ]);
    assert.deepEqual(problemsOf({ ...THRON, THRON_TENANT: "not a tenant", THRON_GALLERIES: "{oops" }), [
      "THRON_TENANT must be the THRON subdomain, such as acme",
      "THRON_GALLERIES is not valid JSON",
    ]);
  });

  it("reads values trimmed, and a value of only spaces as unset", () => {
    assert.equal(loadConfig({ PORT: "  9000  " }).port, 9000);
    assert.equal(loadConfig({ PORT: "   " }).port, 8787);
    assert.equal(loadConfig({ ...THRON, THRON_TENANT: " acme ", ALLOWED_ORIGINS: "https://a.example" }).thron?.tenant, "acme");
  });

  it("names a number that is not one with the variable's own message", () => {
    assert.deepEqual(problemsOf({ METRICS_PORT: "nine thousand" }), ["METRICS_PORT must be a port number (0–65535)"]);
  });

  it("takes only a value that starts as an http(s) URL, and drops all its trailing slashes", () => {
    assert.deepEqual(problemsOf({ ...THRON, THRON_API_URL: "see https://api.proxy" }), ["THRON_API_URL must be an http(s) URL"]);
    assert.equal(loadConfig({ ...THRON, THRON_API_URL: "https://api.proxy/v1//" }).thron?.apiUrl, "https://api.proxy/v1");
  });

  it("names PUBLIC_URL when no browser could reach it, and REDIS_URL with anything around its redis:// URL, taking a plain one", () => {
    // Looks like an http URL, but its host is no host (an IPv6 address never closed).
    assert.deepEqual(problemsOf({ PUBLIC_URL: "http://[bff.example" }), [
      "PUBLIC_URL must be the http(s) URL browsers reach the BFF at, such as https://bff.example.com",
    ]);
    // Quotes kept from a .env file, a comment pasted after the URL.
    for (const redisUrl of ['"redis://cache.internal:6379', "redis://cache.internal:6379 #shared"])
      assert.deepEqual(problemsOf({ REDIS_URL: redisUrl }), ["REDIS_URL must be a redis:// or rediss:// URL (or set BFF_CACHE_URL)"]);
    const { cacheUrl, cacheUrlVar } = loadConfig({ REDIS_URL: "rediss://:pw@cache.internal:6380" });
    assert.deepEqual([cacheUrl, cacheUrlVar], ["rediss://:pw@cache.internal:6380", "REDIS_URL"]);
  });

  it("names each of the BFF's own settings given a bad value, in the message an operator reads, and takes a good one", () => {
    const bad: [Record<string, string>, string][] = [
      [{ BFF_BUILDER: "yes" }, "BFF_BUILDER must be 0 or 1"],
      [{ BFF_CACHE_URL: "memcached://cache.internal:11211" }, "BFF_CACHE_URL must be a redis:// or rediss:// URL"],
      [{ METRICS_TOKEN: "too-short" }, "METRICS_TOKEN must be at least 16 characters"],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: "collector.internal:4318" }, "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL"],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: "see http://collector.internal:4318" }, "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL"],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector.internal:4318 #traces" }, "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL"],
    ];
    for (const [env, problem] of bad) assert.deepEqual(problemsOf(env), [problem], JSON.stringify(env));
    // A collector inside the cluster is often plain http.
    assert.equal(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector.internal:4318" }).otlpEndpoint,
      "http://collector.internal:4318",
    );
  });

  it("stops with an error printed as a ConfigError, naming THUNDER_LAUNCHES_PER_MINUTE when it is no whole number", () => {
    assert.throws(
      () => loadConfig({ THUNDER_LAUNCHES_PER_MINUTE: "0" }),
      (error) => String(error) === "ConfigError: Invalid configuration:\n  - THUNDER_LAUNCHES_PER_MINUTE must be a whole number ≥ 1",
    );
  });

  it("prints every problem of a start on a line of its own, in one error", () => {
    assert.throws(
      () => loadConfig({ THUNDER_LAUNCHES_PER_MINUTE: "0", PORT: "http" }),
      (error) =>
        String(error) ===
        "ConfigError: Invalid configuration:\n  - PORT must be a port number (0–65535)\n  - THUNDER_LAUNCHES_PER_MINUTE must be a whole number ≥ 1",
    );
  });

  it("names a PUBLIC_URL with a typo before its scheme or a query after it", () => {
    for (const publicUrl of ["hhttps://bff.example.com", "https://bff.example.com/?embed=1"])
      assert.deepEqual(problemsOf({ PUBLIC_URL: publicUrl }), [
        "PUBLIC_URL must be the http(s) URL browsers reach the BFF at, such as https://bff.example.com",
      ]);
  });

  it("names a wildcard over a public suffix even with a port", () => {
    assert.deepEqual(problemsOf({ ...THRON, ALLOWED_ORIGINS: "https://*.co.uk:8443" }), [
      'ALLOWED_ORIGINS: "https://*.co.uk:8443" covers every site under a public suffix; name your own domain, such as https://*.example.com',
    ]);
    assert.deepEqual(loadConfig({ ...THRON, ALLOWED_ORIGINS: "https://*.acme.co.uk:8443" }).allowedOrigins, ["https://*.acme.co.uk:8443"]);
  });

  it("serves /builder in sandbox mode and not for a real configuration, BFF_BUILDER turning it on or off either way", async () => {
    const builder = async (env: Record<string, string>) => {
      const { app } = createApp(loadConfig(env, { publicUrl: PUBLIC_URL }), { publicUrl: PUBLIC_URL, logSink: () => {} });
      return (await app.request(`${PUBLIC_URL}/builder`)).status;
    };
    const real = { ...THRON, ALLOWED_ORIGINS: "https://www.acme.com" };
    assert.deepEqual(
      [await builder({}), await builder({ BFF_BUILDER: "0" }), await builder(real), await builder({ ...real, BFF_BUILDER: "1" })],
      [200, 404, 404, 200],
    );
  });

  it("names a provider given only some of its credentials, and the variables to set or unset", () => {
    assert.deepEqual(problemsOf({ THROUGHLINE_CLIENT_ID: "client" }), [
      "ThroughLine is partly configured: set THROUGHLINE_CLIENT_SECRET (or unset THROUGHLINE_CLIENT_ID)",
    ]);
    assert.deepEqual(problemsOf({ THUNDER_USERNAME: "user", THUNDER_PASSWORD: "password-value" }), [
      "Thunder is partly configured: set THUNDER_VENDOR_GUID (or unset THUNDER_USERNAME, THUNDER_PASSWORD)",
      "Thunder is configured but THUNDER_TICKET_SECRET is not: set it (the host site signs a ticket per launch), or THUNDER_PUBLIC_LAUNCH=1 to accept any page from ALLOWED_ORIGINS (weaker)",
    ]);
  });

  it("checks ThroughLine's endpoints are http(s) URLs without credentials in them, and its quota a whole number", () => {
    const throughline = { THROUGHLINE_CLIENT_ID: "client", THROUGHLINE_CLIENT_SECRET: "secret-value" };
    const problems = (env: Record<string, string>) => problemsOf({ ...throughline, ...env });
    assert.deepEqual(problems({ THROUGHLINE_API_URL: "see https://api.proxy" }), ["THROUGHLINE_API_URL must be an http(s) URL"]);
    for (const url of ["https://t.example/oauth/token?client_secret=x", "https://t.example/oauth/token?grant=1&CLIENT_ID=x"])
      assert.deepEqual(problems({ THROUGHLINE_TOKEN_URL: url }), [
        "THROUGHLINE_TOKEN_URL must not carry credentials: they go in the request body",
      ]);
    assert.deepEqual(problems({ THROUGHLINE_DAILY_QUOTA: "0" }), ["THROUGHLINE_DAILY_QUOTA must be a whole number ≥ 1"]);
    assert.equal(
      loadConfig({ ...throughline, THROUGHLINE_EVENTS_URL: "http://events.proxy/x/" }).throughline?.eventsUrl,
      "http://events.proxy/x",
    );
  });

  it("documents each ThroughLine variable in docs/configuration.md as its schema says, a default only where one applies", () => {
    const docs = readFileSync(new URL("../../../docs/configuration.md", import.meta.url), "utf8");
    const throughline = CONFIG_REFERENCE.filter((v) => v.group === "ThroughLine");
    assert.deepEqual(
      throughline.map((v) => v.name),
      ["CLIENT_ID", "CLIENT_SECRET", "TOKEN_URL", "API_URL", "EVENTS_URL", "DAILY_QUOTA"].map((name) => `THROUGHLINE_${name}`),
    );
    for (const v of throughline) {
      assert.ok(v.meaning.length > 10, v.name);
      const line = `| \`${v.name}\`${v.secret ? " (secret)" : ""} | ${v.meaning} | ${v.default ?? "—"} |`;
      assert.ok(docs.includes(line), line);
    }
    assert.deepEqual(
      throughline.filter((v) => v.default === undefined).map((v) => v.name),
      ["THROUGHLINE_CLIENT_ID", "THROUGHLINE_CLIENT_SECRET"],
      "no credential is assumed",
    );
  });

  it("documents each THRON variable in docs/configuration.md as its schema says, the hosts' defaults from the tenant", () => {
    const docs = readFileSync(new URL("../../../docs/configuration.md", import.meta.url), "utf8");
    const thron = CONFIG_REFERENCE.filter((v) => v.group === "THRON");
    const names = ["TENANT", "CLIENT_ID", "CLIENT_SECRET", "USERNAME", "AUTH_URL", "API_URL", "CDN_URL", "FOLDER_ID", "PKEY"];
    assert.deepEqual(
      thron.map((v) => v.name),
      [...names, "CLASSIFICATION_ID", "FILTER_KEYS", "GALLERIES"].map((name) => `THRON_${name}`),
    );
    for (const v of thron) {
      assert.ok(v.meaning.length > 10, v.name);
      const line = `| \`${v.name}\`${v.secret ? " (secret)" : ""} | ${v.meaning} | ${v.default ?? "—"} |`;
      assert.ok(docs.includes(line), line);
    }
    assert.deepEqual(
      thron.filter((v) => v.secret).map((v) => v.name),
      ["THRON_CLIENT_SECRET"],
    );
    assert.deepEqual(
      thron.filter((v) => v.default !== undefined).map((v) => `${v.name}=${v.default}`),
      [
        "AUTH_URL=https://$THRON_TENANT.thron.com",
        "API_URL=https://$THRON_TENANT-view.thron.com",
        "CDN_URL=https://$THRON_TENANT-cdn.thron.com",
      ].map((d) => `THRON_${d}`),
    );
  });

  it("gives the logger exactly the secrets configured: none from providers left unconfigured", () => {
    const env = { ...THRON, ALLOWED_ORIGINS: "https://a.example", METRICS_TOKEN: "metrics-token-0123456789" };
    assert.deepEqual(secretsOf(loadConfig(env)).sort(), ["metrics-token-0123456789", "secret-value"]);
  });
});
