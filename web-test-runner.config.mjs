/**
 * Browser tests: the elements in real Chromium (the system's; nothing downloads a browser),
 * against a real BFF in sandbox mode started here on 127.0.0.1 and stopped with the run.
 * Runs under `node --import tsx` so it can start the TypeScript BFF in-process.
 */
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { startNodeServer } from "./packages/bff/src/runtime/node-server.ts";
import { issueTicket } from "./packages/bff/test/tickets.ts";
import { verifyLaunchUrl } from "./packages/sandbox/src/index.ts";
import { CHROME_ARGS, chromePath } from "./scripts/chrome.ts";

/** The host site's ticket secret: launches need a ticket, as on a site that protects Thunder. */
const TICKET_SECRET = "test-host-ticket-secret-0123456789";
const bff = await startNodeServer({
  env: { BFF_SANDBOX: "1", THUNDER_TICKET_SECRET: TICKET_SECRET },
  port: 0,
  // A failed ThroughLine look-up is not remembered here: a test retries at once after the faults are switched off.
  deps: { logSink: () => {}, throughlineFailureMemoryMs: 0 },
});
const thron = bff.sandbox.thron;
const signTicket = (claims = {}) => issueTicket(TICKET_SECRET, { sub: "test-user", ...claims });
let ticketRequests = 0;
/** Per test page, the DevTools session holding its touch emulation (`emulate-touch`). */
const touchSessions = new Map();

/** Server commands the tests call with executeServerCommand(): the sandbox's fault switch. */
const sandboxCommands = {
  name: "embedkit-sandbox-commands",
  async executeCommand({ command, payload, session }) {
    if (command === "emulate-touch") {
      // Kept attached: Chromium drops an emulation when the session that set it detaches.
      if (!touchSessions.has(session.id)) touchSessions.set(session.id, await session.browser.getPage(session.id).createCDPSession());
      await touchSessions.get(session.id).send("Emulation.setTouchEmulationEnabled", { enabled: payload !== false, maxTouchPoints: 5 });
      return true;
    }
    if (command === "page-hidden") {
      // What happens when an app takes over: the page is hidden (frozen), then shown again.
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      for (const state of ["frozen", "active"]) await cdp.send("Page.setWebLifecycleState", { state });
      await cdp.detach();
      return true;
    }
    if (command === "sandbox-faults") {
      const { provider = "thron", ...faults } = payload ?? {};
      for (const name of ["thron", "thunder", "throughline"])
        Object.assign(
          bff.sandbox[name].faults,
          { latencyMs: 0, errorRate: 0, burst5xx: 0, playerScriptDown: false, playerNeverReady: false },
          name === provider ? faults : {},
        );
      return true;
    }
    if (command === "throughline-events") return structuredClone(bff.sandbox.throughline.stats.events);
    if (command === "sandbox-stats") return structuredClone(thron.stats);
    if (command === "thunder-ticket") return signTicket(payload ?? {});
    if (command === "thunder-verify") return verifyLaunchUrl(payload.url, bff.sandbox.thunder);
    if (command === "ticket-requests") return ticketRequests;
    return undefined;
  },
  /** The host site's own ticket endpoint, as `ticket-url` would call it. */
  async serve(context) {
    if (context.path === "/host/ticket") {
      ticketRequests++;
      return { body: JSON.stringify({ ticket: await signTicket() }), type: "application/json" };
    }
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
  browsers: [chromeLauncher({ launchOptions: { executablePath: await chromePath(), args: CHROME_ARGS } })],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><script>window.EMBEDKIT_TEST_BFF = ${JSON.stringify(bff.url)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
