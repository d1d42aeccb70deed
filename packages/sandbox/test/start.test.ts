/**
 * `pnpm sandbox` as a developer runs it: the line it prints, and the URLs in that line, which a
 * BFF is then configured with, answering where they say.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, it } from "node:test";

/** Starts the script on `env`; resolves to its first line once it listens, and a way to stop it. */
async function startSandbox(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/start.ts"], {
    cwd: new URL("..", import.meta.url),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [chunk] = await once(child.stdout, "data");
  return { line: String(chunk).trim(), stop: () => child.kill() };
}

describe("pnpm sandbox", () => {
  const hosts: [string, string][] = [
    ["::1", "\\[::1\\]"],
    [" 127.0.0.1 ", "127\\.0\\.0\\.1"],
  ];
  for (const [host, reached] of hosts) {
    it(`on SANDBOX_HOST=${JSON.stringify(host)} and any free port: prints URLs that answer`, { timeout: 20_000 }, async () => {
      const sandbox = await startSandbox({ SANDBOX_HOST: host, SANDBOX_PORT: "0" });
      try {
        const match = new RegExp(
          `^Embedkit sandbox on (http://${reached}:[1-9]\\d*) \\(THRON under (\\S+), Thunder SSO at (\\S+)\\);`,
        ).exec(sandbox.line);
        assert.ok(match, sandbox.line);
        const [, base, thron, thunder] = match;
        assert.deepEqual([thron, thunder], [`${base}/thron`, `${base}/thunder/sso/RESTSSOServices.svc`]);
        assert.equal((await fetch(`${base}/_admin/state`)).status, 200);
        assert.equal((await fetch(`${thron}/shared/ce/bootstrap/1/scripts/embeds-min.js`)).status, 200);
      } finally {
        sandbox.stop();
      }
    });
  }

  it("on SANDBOX_HOST=0.0.0.0: names localhost, which a browser can open", { timeout: 20_000 }, async () => {
    const sandbox = await startSandbox({ SANDBOX_HOST: "0.0.0.0", SANDBOX_PORT: "0" });
    try {
      const base = /^Embedkit sandbox on (http:\/\/localhost:\d+) /.exec(sandbox.line)?.[1];
      assert.ok(base, sandbox.line);
      assert.equal((await fetch(`${base}/_admin/state`)).status, 200);
    } finally {
      sandbox.stop();
    }
  });
});
