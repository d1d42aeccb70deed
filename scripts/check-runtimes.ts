/**
 * `pnpm check:runtimes`: starts the BFF in sandbox mode under Node, Bun, Deno and Cloudflare
 * workerd (wrangler dev), on 127.0.0.1, and makes the same real requests against each.
 * Bun and Deno are installed from npm into .runtimes/ at the exact versions below; wrangler is a
 * locked devDependency of packages/bff (4.86.0, the last to run on Node 20), and its workerd
 * decides the newest compatibility_date wrangler.toml may ask for (test/runtime-pins.test.ts).
 * `pnpm check:runtimes bun deno` checks only those.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./lib/loopback.ts";
import { RUNTIME_VERSIONS } from "./runtime-versions.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TOOLS = `${ROOT}.runtimes`;
const bin = (name: string) => `${TOOLS}/node_modules/.bin/${name}`;
const WRANGLER = `${ROOT}packages/bff/node_modules/wrangler/bin/wrangler.js`;
/** workerd's Durable Object storage and Cache API, kept across its two starts, fresh for each check. */
const WORKERD_STATE = mkdtempSync(join(tmpdir(), "embedkit-workerd-"));

const installedVersion = (name: string) => {
  try {
    return (JSON.parse(readFileSync(`${TOOLS}/node_modules/${name}/package.json`, "utf8")) as { version: string }).version;
  } catch {
    return null;
  }
};

function install() {
  const VERSIONS = RUNTIME_VERSIONS;
  if (Object.entries(VERSIONS).every(([name, version]) => existsSync(bin(name)) && installedVersion(name) === version)) return;
  console.log(
    `installing ${Object.entries(VERSIONS)
      .map(([n, v]) => `${n}@${v}`)
      .join(", ")} into .runtimes/ …`,
  );
  const result = spawnSync(
    "npm",
    ["install", "--prefix", TOOLS, "--no-save", "--no-audit", "--no-fund", ...Object.entries(VERSIONS).map(([n, v]) => `${n}@${v}`)],
    { stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error("npm could not install the runtimes");
}

interface Runtime {
  name: string;
  start(port: number): ChildProcess;
}

/** Server runtimes serve /metrics behind this token: prom-client must load under each of them. */
const METRICS_TOKEN = "check-runtimes-metrics-token";

const sandboxEnv = (port: number) => ({
  ...process.env,
  METRICS_TOKEN,
  PORT: String(port),
  HOST: "127.0.0.1",
  BFF_SANDBOX: "1",
  PUBLIC_URL: `http://127.0.0.1:${port}`,
});

const RUNTIMES: Runtime[] = [
  {
    name: "node",
    start: (port) => spawn(process.execPath, ["--import", "tsx", "packages/bff/src/runtime/node.ts"], { cwd: ROOT, env: sandboxEnv(port) }),
  },
  { name: "bun", start: (port) => spawn(bin("bun"), ["packages/bff/src/runtime/bun.ts"], { cwd: ROOT, env: sandboxEnv(port) }) },
  {
    name: "deno",
    start: (port) =>
      spawn(bin("deno"), ["run", "--allow-net", "--allow-env", "--allow-read", "--allow-sys", "packages/bff/src/runtime/deno.ts"], {
        cwd: ROOT,
        env: { ...sandboxEnv(port), DENO_NO_UPDATE_CHECK: "1" },
      }),
  },
  {
    name: "workerd",
    start: (port) =>
      spawn(
        process.execPath,
        [
          WRANGLER,
          "dev",
          "--persist-to",
          WORKERD_STATE,
          "--ip",
          "127.0.0.1",
          "--port",
          String(port),
          "--var",
          `PUBLIC_URL:http://127.0.0.1:${port}`,
        ],
        {
          cwd: `${ROOT}packages/bff`,
          env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_UPDATE_NOTIFIER: "1" },
        },
      ),
  },
];

/** The same real requests against every runtime; returns what failed. */
async function probe(base: string, runtime: string): Promise<string[]> {
  const failures: string[] = [];
  const check = async (what: string, run: () => Promise<boolean>) => {
    try {
      if (!(await run())) failures.push(what);
    } catch (error) {
      failures.push(`${what} (${error})`);
    }
  };
  await check("GET /health", async () => ((await (await fetch(`${base}/health`)).json()) as { sandbox: boolean }).sandbox === true);
  let thumbnail = "";
  await check("GET assets", async () => {
    const page = (await (await fetch(`${base}/v1/thron/galleries/default/assets?limit=3`)).json()) as {
      items: { thumbnail: { url: string } }[];
    };
    thumbnail = page.items[0]?.thumbnail.url ?? "";
    return page.items.length === 3;
  });
  await check("thumbnail PNG", async () => (await fetch(thumbnail)).headers.get("content-type") === "image/png");
  await check("GET /components.js", async () => {
    const response = await fetch(`${base}/components.js`);
    return response.ok && (response.headers.get("content-type") ?? "").includes("javascript");
  });
  await check("POST thunder launch", async () => {
    const response = await fetch(`${base}/v1/thunder/launch`, {
      method: "POST",
      // As the demo page would: without a ticket, a launch needs an allowed Origin (the BFF's own is).
      headers: { "content-type": "application/json", origin: new URL(base).origin },
      body: JSON.stringify({ method: "stats", ids: ["1"] }),
    });
    return response.ok && ((await response.json()) as { url: string }).url.startsWith("thundercloud://");
  });
  // workerd gets Lit's browser build (wrangler bundles for browsers), which needs a DOM to load:
  // there the route answers the bare tag with its data (README, "Server rendering").
  const tag = '<thron-gallery page-size="3" locale="en">';
  const rendered = runtime === "workerd" ? `${tag}<script` : `${tag}<template shadowroot`;
  await check(
    `GET /v1/render/thron-gallery (${runtime === "workerd" ? "bare tag and data" : "server-rendered, its stylesheet linked"})`,
    async () => {
      const html = await (await fetch(`${base}/v1/render/thron-gallery?page-size=3&locale=en`)).text();
      if (!html.startsWith(rendered) || !html.includes("data-embedkit-state")) return false;
      if (runtime === "workerd") return true;
      const href = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1] ?? "";
      const css = await fetch(new URL(new URL(href, base).pathname, base));
      return css.ok && (await css.text()).includes(":host");
    },
  );
  await check("GET helplines", async () => {
    const body = (await (await fetch(`${base}/v1/throughline/helplines?country=NZ`)).json()) as { helplines: unknown[] };
    return body.helplines.length > 0;
  });
  if (runtime === "workerd")
    await check("ThroughLine quota counted by the FLEET Durable Object", async () => {
      const health = (await (await fetch(`${base}/health`)).json()) as { quota?: { throughline: { used: number } } };
      return (health.quota?.throughline.used ?? 0) >= 1;
    });
  else
    await check("GET /metrics", async () => {
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      return response.ok && (await response.text()).includes("embedkit_http_requests_total{");
    });
  return failures;
}

async function waitForHealth(base: string, child: ChildProcess, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${base}/health`)).ok) return true;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const only = process.argv.slice(2);
install();
let failed = false;
for (const runtime of RUNTIMES.filter((r) => only.length === 0 || only.includes(r.name))) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = runtime.start(port);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const up = await waitForHealth(base, child, 90);
  const failures = up ? await probe(base, runtime.name) : ["did not start"];
  child.kill("SIGTERM");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length === 0)
    console.log(
      `✔ ${runtime.name.padEnd(8)} health, assets, thumbnail, bundle, Thunder launch, render, helplines${runtime.name === "workerd" ? "" : ", metrics"} (${seconds} s)`,
    );
  else {
    failed = true;
    console.log(`✖ ${runtime.name.padEnd(8)} ${failures.join("; ")}\n${output.slice(-6000)}`);
  }
}

// workerd again, on the same state: a quota counted in the Durable Object's storage outlives the
// isolate (kept in an isolate's memory, it would start again from 0).
if (!failed && (only.length === 0 || only.includes("workerd"))) {
  const workerd = RUNTIMES.find((r) => r.name === "workerd") as Runtime;
  const port = await freePort();
  const child = workerd.start(port);
  const base = `http://127.0.0.1:${port}`;
  const up = await waitForHealth(base, child, 90);
  const used = up
    ? (((await (await fetch(`${base}/health`)).json()) as { quota?: { throughline: { used: number } } }).quota?.throughline.used ?? 0)
    : -1;
  child.kill("SIGTERM");
  if (used >= 1) console.log(`✔ workerd  restarted: the ThroughLine quota kept in the Durable Object still counts ${used} call(s)`);
  else {
    failed = true;
    console.log(`✖ workerd  restarted: the ThroughLine quota counts ${used}; the Durable Object did not keep it`);
  }
}
rmSync(WORKERD_STATE, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
