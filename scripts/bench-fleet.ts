/**
 * `pnpm bench:fleet`: one upstream call per query per fleet, measured. Starts the sandbox on its
 * own (`pnpm sandbox`), one redis-server and three BFF instances (Node processes) on loopback,
 * configured as for real vendors; sends 600 cold concurrent requests spread over the instances
 * for 10 distinct queries and reports the upstream searches (target 10), token requests per
 * provider and the latency. The cached wave again with Redis hung (SIGSTOP), its latency against
 * the cached wave's. Then a second cold wave, during which Redis is killed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { simulatedVendorEnv } from "@embedkit/bff/sandbox-mode";
import type { Sandbox } from "@embedkit/sandbox";
import { freePort } from "./lib/loopback.ts";
import { startRedis } from "./lib/redis-server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const INSTANCES = 3;
const REQUESTS = 600;
const QUERIES = 10;
/** Upstream latency the sandbox adds, so that cold requests overlap as they do against THRON. */
const UPSTREAM_LATENCY_MS = Number(process.env.FLEET_UPSTREAM_LATENCY_MS ?? 80);
const METRICS_TOKEN = "fleet-bench-metrics-token-0123456789";

const children: ChildProcess[] = [];
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
};
process.once("exit", stopAll);

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 400 && child.exitCode === null; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

function startProcess(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (d) => (errors = `${errors}${d}`.slice(-2000)));
  child.once("exit", (code) => code && code !== 143 && console.error(`${script} exited ${code}\n${errors}`));
  children.push(child);
  return child;
}

/** What GET /_admin/state answers: each simulated upstream's counters. */
interface SandboxState {
  thron: { stats: Sandbox["thron"]["stats"] };
  thunder: { stats: Sandbox["thunder"]["stats"] };
  throughline: { stats: Sandbox["throughline"]["stats"] };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** 600 requests at once, round-robin over the instances, for QUERIES distinct cold searches. */
async function wave(bases: string[], firstLimit: number, during?: () => Promise<void>) {
  const started = performance.now();
  const requests = Array.from({ length: REQUESTS }, async (_, i) => {
    const base = bases[i % bases.length] as string;
    // Distinct page sizes are distinct THRON searches (each asks for that many items).
    const url = `${base}/v1/thron/galleries/default/assets?limit=${firstLimit + (i % QUERIES)}`;
    const t0 = performance.now();
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - t0 };
    } catch {
      return { status: 0, ms: performance.now() - t0 };
    }
  });
  await during?.();
  const results = await Promise.all(requests);
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { statuses, p50: percentile(sorted, 50), p99: percentile(sorted, 99), wallMs: performance.now() - started };
}

async function state(sandbox: string): Promise<SandboxState> {
  return (await (await fetch(`${sandbox}/_admin/state`)).json()) as SandboxState;
}

const diff = (after: SandboxState, before: SandboxState) => ({
  searches: after.thron.stats.searches - before.thron.stats.searches,
  thronTokens: after.thron.stats.tokenRequests - before.thron.stats.tokenRequests,
  thronLegacy: after.thron.stats.legacyTokenRequests - before.thron.stats.legacyTokenRequests,
  thronGrants: Object.fromEntries(
    Object.entries(after.thron.stats.tokenRequestsByGrant).map(([grant, n]) => [
      grant,
      n - (before.thron.stats.tokenRequestsByGrant[grant] ?? 0),
    ]),
  ),
  definitionLists: after.thron.stats.definitionLists - before.thron.stats.definitionLists,
  contentDetails: after.thron.stats.contentDetails - before.thron.stats.contentDetails,
  thunderTokens: after.thunder.stats.tokenRequests - before.thunder.stats.tokenRequests,
  throughlineTokens: after.throughline.stats.tokenRequests - before.throughline.stats.tokenRequests,
  throughlineCalls: after.throughline.stats.apiCalls - before.throughline.stats.apiCalls,
});

/** Waits (10 s at most) until every instance's /metrics says the shared store is up again. */
async function sharedStoreUpEverywhere(bases: string[]) {
  for (let i = 0; i < 100; i++) {
    const up = await Promise.all(
      bases.map(async (base) => {
        const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
        return /^embedkit_shared_store_up 1/m.test(text);
      }),
    );
    if (up.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the instances did not see Redis again within 10 s");
}

const sandboxPort = await freePort();
const sandboxBase = `http://127.0.0.1:${sandboxPort}`;
const sandboxProcess = startProcess("packages/sandbox/src/start.ts", { SANDBOX_PORT: String(sandboxPort), SANDBOX_HOST: "127.0.0.1" });
await waitFor(`${sandboxBase}/_admin/state`, sandboxProcess);
await fetch(`${sandboxBase}/_admin/faults/thron`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ latencyMs: UPSTREAM_LATENCY_MS }),
});

const { process: redis, url: redisUrl } = await startRedis();
children.push(redis);

const bases: string[] = [];
for (let i = 0; i < INSTANCES; i++) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = startProcess("packages/bff/src/runtime/node.ts", {
    // Configured as for real vendors, the standalone sandbox answering for them.
    BFF_SANDBOX: "0",
    ALLOWED_ORIGINS: "https://www.host.example",
    ...simulatedVendorEnv(sandboxBase),
    THUNDER_PUBLIC_LAUNCH: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: base,
    BFF_CACHE_URL: redisUrl,
    RATE_LIMIT_PER_MINUTE: "1000000",
    LOG_LEVEL: "warn",
    METRICS_TOKEN,
  });
  await waitFor(`${base}/health`, child);
  bases.push(base);
}

console.log(
  `\n## Fleet: ${INSTANCES} BFF instances, one redis-server, the sandbox alone (THRON latency ${UPSTREAM_LATENCY_MS} ms), all on loopback`,
);
let before = await state(sandboxBase);
// Beside the searches, each instance is asked for a Thunder launch and the same helplines at
// once: each provider's token should be asked for once by the fleet, ThroughLine's API once.
const beside = Promise.all(
  bases.flatMap((base) => [
    fetch(`${base}/v1/thunder/launch`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://www.host.example" },
      body: JSON.stringify({ method: "stats", ids: ["1"] }),
    }).then((r) => r.status),
    fetch(`${base}/v1/throughline/helplines?country=NZ`).then((r) => r.status),
  ]),
);
const cold = await wave(bases, 1);
const besideStatuses = await beside;
let made = diff(await state(sandboxBase), before);
console.log(
  `${REQUESTS} cold concurrent requests for ${QUERIES} distinct queries, round-robin over the instances: statuses ${JSON.stringify(cold.statuses)}, p50 ${cold.p50.toFixed(0)} ms, p99 ${cold.p99.toFixed(0)} ms, all answered in ${cold.wallMs.toFixed(0)} ms`,
);
console.log(
  `upstream: ${made.searches} THRON searches (target ${QUERIES}: ${made.searches === QUERIES ? "met" : "missed"}), ${made.contentDetails} content details, ${made.definitionLists} definition lists; ` +
    `token requests: THRON ${made.thronTokens} ${JSON.stringify(made.thronGrants)} + ${made.thronLegacy} legacy, Thunder ${made.thunderTokens}, ThroughLine ${made.throughlineTokens} ` +
    `(beside them, one launch and one helplines request per instance: statuses ${besideStatuses.join(", ")}; ThroughLine API calls ${made.throughlineCalls})`,
);

const warm = await wave(bases, 1);
console.log(
  `the same ${REQUESTS} again, now cached, on the connections the first wave opened (the harness's floor on this machine): ${JSON.stringify(warm.statuses)}, p50 ${warm.p50.toFixed(0)} ms, p99 ${warm.p99.toFixed(0)} ms`,
);

// Redis hung (SIGSTOP): the connection stays open and nothing answers. The same cached requests
// again: nothing on the request path may wait on Redis past its command budget (redis-outage.test.ts
// checks that bound; the latency against the cached wave's is measured here).
redis.kill("SIGSTOP");
const hung = await wave(bases, 1);
redis.kill("SIGCONT");
console.log(
  `the same ${REQUESTS} with Redis hung (SIGSTOP): ${JSON.stringify(hung.statuses)}, p50 ${hung.p50.toFixed(0)} ms (${(hung.p50 / warm.p50).toFixed(1)}x the cached wave's), ` +
    `p99 ${hung.p99.toFixed(0)} ms (${(hung.p99 / warm.p99).toFixed(1)}x)`,
);
await sharedStoreUpEverywhere(bases);

before = await state(sandboxBase);
const outage = await wave(bases, 11, async () => {
  // Kill Redis as soon as THRON sees the wave's first search: mid-run, with the lock holders' searches in flight.
  while ((await state(sandboxBase)).thron.stats.searches === before.thron.stats.searches)
    await new Promise((resolve) => setTimeout(resolve, 5));
  redis.kill("SIGKILL");
});
made = diff(await state(sandboxBase), before);
const up = await Promise.all(
  bases.map(async (base) => {
    const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    return /^embedkit_shared_store_up (\d)/m.exec(text)?.[1] ?? "?";
  }),
);
console.log(
  `\n## Redis killed (SIGKILL) during ${REQUESTS} new cold requests (${QUERIES} new queries), as THRON receives the first search`,
);
console.log(
  `statuses ${JSON.stringify(outage.statuses)}, p50 ${outage.p50.toFixed(0)} ms, p99 ${outage.p99.toFixed(0)} ms, all answered in ${outage.wallMs.toFixed(0)} ms; ` +
    `${made.searches} THRON searches (${QUERIES} with Redis; each instance calls on its own once it is gone, at most ${QUERIES * INSTANCES}), ` +
    `token requests: THRON ${made.thronTokens}, Thunder ${made.thunderTokens}, ThroughLine ${made.throughlineTokens}; embedkit_shared_store_up per instance: ${up.join(", ")}`,
);
const after = await wave(bases, 21);
console.log(
  `then ${REQUESTS} more for ${QUERIES} new queries, still without Redis: ${JSON.stringify(after.statuses)}, p99 ${after.p99.toFixed(0)} ms, ` +
    `${diff(await state(sandboxBase), before).searches - made.searches} THRON searches ` +
    `(with Redis gone nothing is cached or locked: each instance coalesces only the requests that arrive while its own call is in flight)`,
);
stopAll();
process.exit(0);
