/** What an operator meets at start-up and behind proxies: one clear line per mistake, and a rate limit no client can dodge. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { ASSETS, problemsOf, sandboxBff, THRON } from "./helpers.ts";

const NODE_ENTRY = fileURLToPath(new URL("../src/runtime/node.ts", import.meta.url));

/** Runs the Node entry as an operator would and collects what it printed before it exited. */
function startNode(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", NODE_ENTRY], {
      env: { PATH: process.env.PATH ?? "", BFF_SANDBOX: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    // A start that did not fail is stopped once it says where it listens.
    child.stdout.on("data", () => {
      if (stdout.includes("listening")) child.kill();
    });
    child.on("exit", (code) => resolve({ code, stderr, stdout }));
  });
}

describe("start-up errors", () => {
  it("refuses numbers written in hex or exponent form", () => {
    assert.deepEqual(problemsOf({ PORT: "0x1f90" }), ["PORT must be a port number (0–65535)"]);
    assert.deepEqual(problemsOf({ RATE_LIMIT_PER_MINUTE: "1e3" }), ["RATE_LIMIT_PER_MINUTE must be a whole number ≥ 1"]);
    assert.equal(loadConfig({ PORT: "8080", RATE_LIMIT_PER_MINUTE: "1000" }).rateLimitPerMinute, 1000);
  });

  it("reports an invalid PUBLIC_URL as PUBLIC_URL", () => {
    for (const bad of ["bff.example.com", "ftp://bff.example.com", "https://", "https://bff example.com", "javascript:alert(1)"])
      assert.match(problemsOf({ PUBLIC_URL: bad }).join("\n"), /^PUBLIC_URL must be/, bad);
    assert.equal(loadConfig({ PUBLIC_URL: "https://bff.example.com/embed" }).sandbox, true);
  });

  it("refuses a wildcard over a public suffix, and accepts one over a domain", () => {
    for (const origin of ["https://*.com", "https://*.co.uk", "https://*.github.io", "https://*.com:443"])
      assert.match(problemsOf({ ...THRON, ALLOWED_ORIGINS: origin }).join("\n"), /public suffix/, origin);
    assert.deepEqual(loadConfig({ ...THRON, ALLOWED_ORIGINS: "https://*.acme.co.uk" }).allowedOrigins, ["https://*.acme.co.uk"]);
  });

  it("warns in one log line when a real configuration lists no ALLOWED_ORIGINS", () => {
    const warningsOf = (env: Record<string, string>) => {
      const logs: string[] = [];
      createApp(loadConfig(env), { publicUrl: "https://bff.acme.com", logSink: (line) => logs.push(line) });
      return logs.map((line) => JSON.parse(line) as { level: string; message: string }).filter((line) => line.level === "warn");
    };
    const warnings = warningsOf(THRON);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.message ?? "", /^ALLOWED_ORIGINS is empty/);
    assert.deepEqual(warningsOf({ ...THRON, ALLOWED_ORIGINS: "https://www.acme.com" }), []);
    assert.deepEqual(warningsOf({ BFF_SANDBOX: "1" }), [], "sandbox mode allows every origin: nothing to warn about");
  });

  it("a port in use and a bad HOST exit with one clear line, no stack trace", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const inUse = await startNode({ PORT: port, HOST: "127.0.0.1" });
      assert.equal(inUse.code, 1);
      assert.deepEqual(inUse.stderr.trim().split("\n"), [
        `Cannot listen on 127.0.0.1:${port}: the port is in use by another process; stop it or set PORT to a free port.`,
      ]);
    } finally {
      taken.close();
    }
    const badHost = await startNode({ PORT: "0", HOST: "no-such-host.invalid" });
    assert.equal(badHost.code, 1);
    assert.equal(badHost.stderr.trim().split("\n").length, 1, badHost.stderr);
    assert.match(badHost.stderr, /^Cannot listen on HOST=no-such-host\.invalid/);
  });
});

describe("TRUST_PROXY", () => {
  const send = (bff: ReturnType<typeof sandboxBff>, forwardedFor: string) =>
    bff.get(`${ASSETS}?limit=1`, { headers: { "x-forwarded-for": forwardedFor } });

  it("takes the address the trusted proxy added (the rightmost): a client prepending addresses gets no new budget", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "true" });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(bff, `10.0.0.${i}, 203.0.113.7`)).status);
    assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429]);
    assert.equal((await send(bff, "10.0.0.1, 203.0.113.8")).status, 200, "another real client has its own budget");
  });

  it("with TRUST_PROXY=<hops>, counts that many entries from the right", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "2" });
    assert.equal((await send(bff, "1.1.1.1, 203.0.113.7, 198.51.100.1")).status, 200);
    assert.equal((await send(bff, "2.2.2.2, 203.0.113.7, 198.51.100.2")).status, 429, "same client behind a different edge node");
    assert.equal((await send(bff, "203.0.113.9, 198.51.100.1")).status, 200);
  });

  it("reads the proxy's entry however the list is spaced, and an empty entry as no address", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "1" });
    assert.equal((await send(bff, "9.9.9.9,203.0.113.7")).status, 200);
    assert.equal((await send(bff, "8.8.8.8, 203.0.113.7")).status, 429, "the same client, spaced otherwise");
    assert.equal((await send(bff, "203.0.113.30,")).status, 200);
    assert.equal((await send(bff, "203.0.113.31,")).status, 200, "another client, not one empty address for all");
  });

  it("reads true/false as well as 1/0, and refuses anything else", () => {
    assert.equal(loadConfig({ TRUST_PROXY: "true" }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: "1" }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: "false" }).trustProxy, 0);
    assert.equal(loadConfig({ TRUST_PROXY: "0" }).trustProxy, 0);
    assert.equal(loadConfig({ TRUST_PROXY: "3" }).trustProxy, 3);
    assert.match(problemsOf({ TRUST_PROXY: "yes" }).join(), /TRUST_PROXY/);
  });

  it("ignores X-Forwarded-For when off", async () => {
    const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "false" });
    assert.equal((await send(bff, "1.1.1.1")).status, 200);
    assert.equal((await send(bff, "2.2.2.2")).status, 429);
  });
});
