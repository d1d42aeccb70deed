/**
 * The Node entry as an operator meets it, run in process on a stand-in for the process: what it
 * prints on standard output and error, the exit code it asks for, what SIGINT, SIGTERM and exit
 * do, and the `.env` file. operator-safety.test.ts runs the real entry (node.ts) in a child.
 * Also the start Bun's and Deno's entries share (prepareOnConfiguredPort), which runs on Node as
 * well; the entries themselves (bun.ts, deno.ts) run only there (the `.runtimes` check).
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { type AddressInfo, connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it, type TestContext } from "node:test";
import { needsRedis, startRedis } from "../../../scripts/lib/redis-server.ts";
import { type NodeProcess, runNode } from "../src/runtime/node-main.ts";
import { prepareBff, prepareOnConfiguredPort } from "../src/runtime/prepare.ts";
import { THRON } from "./helpers.ts";

type Event = Parameters<NodeProcess["once"]>[0];

/** Every server started here, closed at the end whatever a test left open. */
const servers: { close: () => Promise<void> }[] = [];
after(async () => {
  for (const server of servers) await server.close();
});

/** runNode on `env` (and a `.env` of `envText`, if given), with what it printed and asked of the process. */
async function start(env: Record<string, string | undefined>, envText?: string) {
  const dir = mkdtempSync(join(tmpdir(), "embedkit-node-main-"));
  const envFile = join(dir, ".env");
  if (envText !== undefined) writeFileSync(envFile, envText);
  const out: string[] = [];
  const err: string[] = [];
  const exits: number[] = [];
  const handlers = new Map<Event, () => void>();
  let exited: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => {
    exited = resolve;
  });
  try {
    const server = await runNode({
      env,
      envFile,
      print: (text) => out.push(...text.split("\n")),
      printError: (line) => err.push(line),
      exit: (code) => {
        exits.push(code);
        exited(code);
      },
      once: (event, handler) => handlers.set(event, handler),
    });
    if (server) servers.push(server);
    return { server, out, err, exits, handlers, exit };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Started = Awaited<ReturnType<typeof start>>;

/** The "listening" line, and the port it names. */
function listening(started: Started) {
  const line = started.out.find((text) => text.startsWith("Embedkit BFF listening on ")) ?? "";
  return { line, port: Number(/:(\d+)(?=[\s/]|$)/.exec(line)?.[1]) }; // the port, not the 1 of [::1]
}

/** Sends `event` as the process would, and waits (at most 5 s) for the exit code it leads to. */
async function signal(started: Started, event: Event): Promise<number | "no exit"> {
  const handler = started.handlers.get(event);
  assert.ok(handler, `a handler for ${event}`);
  handler();
  const timeout = new Promise<"no exit">((resolve) => setTimeout(() => resolve("no exit"), 5_000).unref());
  return Promise.race([started.exit, timeout]);
}

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );

describe("the Node entry, started", () => {
  it("listens on every interface by default, and prints the URL browsers use and where the sandbox demo is", async () => {
    const started = await start({ BFF_SANDBOX: "1", PORT: "0" });
    const { line, port } = listening(started);
    try {
      assert.equal(line, `Embedkit BFF listening on http://localhost:${port} (sandbox mode: demo at http://localhost:${port}/)`);
      assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200, "reached on 127.0.0.1 too");
      assert.deepEqual(started.err, []);
    } finally {
      assert.equal(await signal(started, "SIGTERM"), 0);
    }
  });

  it("with a real configuration, prints only where it listens; HOST is read without its spaces", async () => {
    const started = await start({ ...THRON, HOST: " 127.0.0.1 ", PORT: "0" });
    const { line, port } = listening(started);
    try {
      assert.equal(line, `Embedkit BFF listening on http://127.0.0.1:${port}`);
      assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200);
    } finally {
      assert.equal(await signal(started, "SIGTERM"), 0);
    }
  });

  it("on HOST=::1, prints its URL with the IPv6 address in brackets, which browsers can open", async () => {
    const started = await start({ BFF_SANDBOX: "1", HOST: "::1", PORT: "0" });
    const { line, port } = listening(started);
    try {
      assert.equal(line, `Embedkit BFF listening on http://[::1]:${port} (sandbox mode: demo at http://[::1]:${port}/)`);
      assert.equal((await fetch(`http://[::1]:${port}/`)).status, 200, "the demo");
    } finally {
      assert.equal(await signal(started, "SIGTERM"), 0);
    }
  });

  for (const event of ["SIGINT", "SIGTERM"] as const) {
    it(`on ${event}, closes the server, then exits 0`, async () => {
      const started = await start({ BFF_SANDBOX: "1", HOST: "127.0.0.1", PORT: "0" });
      const url = `http://127.0.0.1:${listening(started).port}/health`;
      let code: number | "no exit" = "no exit";
      try {
        assert.equal((await fetch(url)).status, 200);
      } finally {
        code = await signal(started, event);
      }
      assert.equal(code, 0);
      assert.ok(await refused(url), "no longer listening");
      assert.deepEqual(started.exits, [0]);
    });
  }

  it("on exit, writes the log lines still waiting in their batch", async () => {
    const started = await start({ BFF_SANDBOX: "1", HOST: "127.0.0.1", PORT: "0" });
    const requestLines = () => started.out.filter((text) => text.startsWith("{") && JSON.parse(text).message === "request");
    try {
      // In process: the access line is logged, its batch's timer not yet run.
      assert.equal((await started.server?.app.request("/health"))?.status, 200);
      assert.equal(requestLines().length, 0, "still waiting in its batch");
      started.handlers.get("exit")?.();
      assert.equal(requestLines().length, 1);
    } finally {
      assert.equal(await signal(started, "SIGTERM"), 0);
    }
  });

  it("reads .env: its variables are used, and one already set in the environment wins", async () => {
    // Were the file's HOST used, the BFF could not listen: no machine here has 203.0.113.1 (TEST-NET-3).
    const started = await start({ HOST: "127.0.0.1", PORT: "0" }, "PUBLIC_URL=https://embed.example.com\nHOST=203.0.113.1\n");
    try {
      const url = "https://embed.example.com";
      assert.equal(listening(started).line, `Embedkit BFF listening on ${url} (sandbox mode: demo at ${url}/)`);
      assert.deepEqual(started.err, []);
    } finally {
      assert.equal(await signal(started, "SIGTERM"), 0);
    }
  });
  it("on SIGTERM with a trace collector refusing the last spans: warns, still closes Redis, exits 0", needsRedis, async () => {
    const redis = await startRedis();
    // A trace receiver that refuses every batch, as a misconfigured collector does.
    const receiver = createHttpServer((req, res) => req.resume().on("end", () => res.writeHead(400).end("bad batch")));
    receiver.listen(0, "127.0.0.1");
    await once(receiver, "listening");
    try {
      const before = await redisClients(redis.url);
      const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      const started = await start({
        BFF_SANDBOX: "1",
        HOST: "127.0.0.1",
        PORT: "0",
        BFF_CACHE_URL: redis.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      });
      assert.equal((await fetch(`${started.server?.url}/health`)).status, 200); // a span waiting in its batch
      assert.equal(await signal(started, "SIGTERM"), 0);
      const warnings = started.out.filter((line) => line.includes('"level":"warn"'));
      assert.equal(warnings.length, 1, warnings.join("\n"));
      assert.match(warnings[0] ?? "", /stopping: sending the last traces failed/);
      assert.doesNotMatch(warnings[0] ?? "", /bad batch/, "nothing the collector wrote");
      assert.equal(await redisClients(redis.url), before, "Redis closed all the same");
    } finally {
      receiver.close();
      redis.process.kill();
    }
  });
});

describe("the Node entry, failing to start", () => {
  it("prints a configuration error's message alone on standard error and exits 1", async () => {
    const started = await start({ PORT: "0x1f90" });
    assert.deepEqual(started.err, ["Invalid configuration:\n  - PORT must be a port number (0–65535)"]);
    assert.deepEqual(started.exits, [1]);
    assert.deepEqual(started.out, []);
    assert.equal(started.server, null);
  });

  it("prints one line naming HOST:PORT for a port in use (PORT read without its spaces, 8787 when unset), and exits 1", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    const port = (taken.address() as AddressInfo).port;
    // 8787 held here, unless another process already holds it: in use either way.
    const defaultPort = createServer().on("error", () => {});
    await new Promise((resolve) => defaultPort.once("error", resolve).listen(8787, "127.0.0.1", () => resolve(null)));
    try {
      const inUse = (where: string) =>
        `Cannot listen on ${where}: the port is in use by another process; stop it or set PORT to a free port.`;
      for (const [env, where] of [
        [{ BFF_SANDBOX: "1", HOST: "127.0.0.1", PORT: ` ${port} ` }, `127.0.0.1:${port}`],
        [{ BFF_SANDBOX: "1", HOST: "127.0.0.1" }, "127.0.0.1:8787"],
      ] as const) {
        const started = await start(env);
        assert.deepEqual([started.err, started.exits, started.server], [[inUse(where)], [1], null]);
      }
    } finally {
      taken.close();
      defaultPort.close();
    }
  });

  it("prints one line naming the metrics port and METRICS_PORT when that port is in use, and exits 1", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    const port = (taken.address() as AddressInfo).port;
    try {
      const started = await start({ BFF_SANDBOX: "1", HOST: "127.0.0.1", PORT: "0", METRICS_PORT: String(port) });
      assert.deepEqual(
        [started.err, started.exits, started.server],
        [
          [`Cannot listen on 127.0.0.1:${port}: the port is in use by another process; stop it or set METRICS_PORT to a free port.`],
          [1],
          null,
        ],
      );
    } finally {
      taken.close();
    }
  });

  it("closes its Redis connection when METRICS_PORT, taken, fails the start after Redis connected", needsRedis, async () => {
    const redis = await startRedis();
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    try {
      const before = await redisClients(redis.url);
      const env = { BFF_SANDBOX: "1", HOST: "127.0.0.1", PORT: "0", BFF_CACHE_URL: redis.url };
      const started = await start({ ...env, METRICS_PORT: String((taken.address() as AddressInfo).port) });
      assert.deepEqual([started.exits, started.server], [[1], null]);
      assert.equal(await redisClients(redis.url), before, "no connection left open by the failed start");
    } finally {
      taken.close();
      redis.process.kill();
    }
  });

  it("closes its Redis connection when the app's own set-up throws after Redis connected", needsRedis, async () => {
    const redis = await startRedis();
    try {
      const before = await redisClients(redis.url);
      const env = { BFF_SANDBOX: "1", BFF_CACHE_URL: redis.url, METRICS_TOKEN: "m".repeat(32) };
      const failing = () => {
        throw new Error("metrics set-up failed");
      };
      await assert.rejects(
        prepareBff({ env, port: 0, publicHost: "localhost", metricsHost: "127.0.0.1", deps: { metrics: failing } }),
        /metrics set-up failed/,
      );
      assert.equal(await redisClients(redis.url), before, "no connection left open by the failed start");
    } finally {
      redis.process.kill();
    }
  });

  it("throws any other error as it is, printing nothing and leaving the exit to Node", async () => {
    // A host name longer than DNS allows: getaddrinfo's EINVAL, which describeListenError does not describe.
    const started = start({ BFF_SANDBOX: "1", HOST: "h".repeat(300), PORT: "0" });
    await assert.rejects(started, { code: "EINVAL" });
  });
});

/** How many clients `url`'s redis-server has, not counting this question's own connection. */
async function redisClients(url: string): Promise<number> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.end("INFO clients\r\n");
  let answer = "";
  for await (const chunk of socket) answer += chunk;
  return Number(/connected_clients:(\d+)/.exec(answer)?.[1]) - 1;
}

/** What the process would print (console.log), and the handlers registered for its exit, for the length of test `t`. */
function captureProcess(t: TestContext) {
  const stdout = t.mock.method(console, "log", () => {});
  const atExit: (() => void)[] = [];
  const realOnce = process.once.bind(process);
  t.mock.method(process, "once", (event: string, handler: () => void) =>
    event === "exit" ? atExit.push(handler) && process : realOnce(event, handler),
  );
  return { printed: () => stdout.mock.calls.flatMap((call) => String(call.arguments[0]).split("\n")), atExit };
}

describe("prepareBff, the start the server runtimes share", () => {
  const prepare = (env: Record<string, string>, lines: string[] = []) =>
    prepareBff({
      env,
      port: 0,
      publicHost: "localhost",
      metricsHost: "127.0.0.1",
      deps: { logSink: (text) => lines.push(...text.split("\n")) },
    });

  it("serves /metrics when METRICS_TOKEN is set, and keeps no metrics when neither it nor METRICS_PORT is", async () => {
    const token = "m".repeat(32);
    const withMetrics = await prepare({ BFF_SANDBOX: "1", METRICS_TOKEN: token });
    try {
      const scraped = await withMetrics.app.request("/metrics", { headers: { authorization: `Bearer ${token}` } });
      assert.equal(scraped.status, 200);
      assert.match(await scraped.text(), /^# HELP /m);
    } finally {
      await withMetrics.close();
    }
    const without = await prepare({ BFF_SANDBOX: "1" });
    try {
      assert.equal(without.metrics, null, "prom-client not loaded, nothing counted");
      assert.equal((await without.app.request("/metrics")).status, 404);
    } finally {
      await without.close();
    }
  });

  it("writes the request lines still waiting in their batch when it closes", async () => {
    const lines: string[] = [];
    const bff = await prepare({ BFF_SANDBOX: "1" }, lines);
    const id = (await bff.app.request("/health")).headers.get("x-request-id");
    await bff.close();
    assert.ok(
      lines.some((line) => line.includes(`"requestId":"${id}"`)),
      "the request's line is out once close() resolves",
    );
  });

  it("logs the shared store's lines at LOG_LEVEL too: its warning, not its info line, at warn", async () => {
    const unused = createServer();
    unused.listen(0, "127.0.0.1");
    await once(unused, "listening");
    const { port } = unused.address() as AddressInfo;
    unused.close(); // nothing listens there now: Redis refused
    await once(unused, "close");
    const lines: string[] = [];
    const bff = await prepare({ BFF_SANDBOX: "1", BFF_CACHE_URL: `redis://127.0.0.1:${port}`, LOG_LEVEL: "warn" }, lines);
    try {
      // The start waits a second at most for Redis's refusal: on a loaded machine it may come after.
      const warned = () => lines.some((line) => line.includes("shared cache unavailable"));
      for (const started = Date.now(); !warned() && Date.now() - started < 10_000; )
        await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(warned(), lines.join("\n"));
    } finally {
      await bff.close();
    }
    assert.ok(!lines.some((line) => line.includes("shared store: Redis at")), "no info line at LOG_LEVEL=warn");
  });
});

describe("the Bun and Deno entries' start (prepareOnConfiguredPort), run here on Node", () => {
  it("prints the runtime and the URL, says when it is sandbox mode, and listens where PORT and HOST (trimmed) say", async (t) => {
    const { printed } = captureProcess(t);
    const sandbox = await prepareOnConfiguredPort({ BFF_SANDBOX: "1", PORT: "9123" }, "Bun", () => "192.0.2.1");
    assert.deepEqual([sandbox.port, sandbox.hostname], [9123, "0.0.0.0"]);
    const blankHost = await prepareOnConfiguredPort({ BFF_SANDBOX: "1", PORT: "9124", HOST: " " }, "Bun", () => "192.0.2.1");
    assert.equal(blankHost.hostname, "0.0.0.0", "a blank HOST is all interfaces, as on Node");
    await blankHost.close();
    assert.ok(printed().includes("Embedkit BFF on Bun at http://localhost:9123 (sandbox mode)"), printed().join("\n"));
    const real = await prepareOnConfiguredPort({ ...THRON, HOST: " 127.0.0.1 " }, "Deno", () => "192.0.2.1");
    assert.deepEqual([real.port, real.hostname], [8787, "127.0.0.1"]);
    assert.ok(
      printed().includes("Embedkit BFF on Deno at http://127.0.0.1:8787"),
      `the interface HOST names, as on Node: ${printed().join("\n")}`,
    );
    await sandbox.close();
    await real.close();
  });

  it("counts rate limits by the address the runtime reads, and writes the waiting log lines at exit", async (t) => {
    const { printed, atExit } = captureProcess(t);
    const requestLines = () => printed().filter((line) => line.includes('"message":"request"'));
    const addresses = ["192.0.2.1", "192.0.2.1", "192.0.2.2"];
    const bff = await prepareOnConfiguredPort({ BFF_SANDBOX: "1", RATE_LIMIT_PER_MINUTE: "1" }, "Bun", () => addresses.shift());
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await bff.app.request("/v1/thron/galleries/default/assets?limit=1")).status);
      assert.deepEqual(statuses, [200, 429, 200], "the second client has a budget of its own");
      assert.equal(requestLines().length, 0, "still waiting in their batch");
      for (const handler of atExit) handler();
      assert.equal(requestLines().length, 3);
    } finally {
      await bff.close();
    }
  });
});
