/**
 * Browser tests: the elements in real Chromium (the system's; nothing downloads a browser),
 * against a real BFF in sandbox mode started here on 127.0.0.1 and stopped with the run.
 * Runs under `node --import tsx` so it can start the TypeScript BFF in-process.
 */
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { startNodeServer } from "./packages/bff/src/runtime/node-server.ts";
import { CHROME_ARGS, chromePath } from "./scripts/chrome.ts";

const bff = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
const thron = bff.sandbox.thron;

/** Server commands the tests call with executeServerCommand(): the sandbox's fault switch. */
const sandboxCommands = {
  name: "embedkit-sandbox-commands",
  executeCommand({ command, payload }) {
    if (command === "sandbox-faults") {
      Object.assign(thron.faults, { latencyMs: 0, errorRate: 0, burst5xx: 0, playerScriptDown: false }, payload);
      return true;
    }
    if (command === "sandbox-stats") return structuredClone(thron.stats);
    return undefined;
  },
  serverStop: () => bff.close(),
};

export default {
  files: ["packages/components/src/**/*.test.ts"],
  nodeResolve: true,
  rootDir: ".",
  concurrency: 1,
  testFramework: { config: { timeout: 15_000 } },
  plugins: [esbuildPlugin({ ts: true, target: "es2022" }), sandboxCommands],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath(), args: CHROME_ARGS } })],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><script>window.EMBEDKIT_TEST_BFF = ${JSON.stringify(bff.url)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
