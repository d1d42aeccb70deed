import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { MiddlewareHandler } from "hono";
import { freePort } from "../../../scripts/lib/loopback.ts";
import { describeListenError, listenerOf } from "../src/runtime/listen-errors.ts";
import { readBundle, startNodeServer } from "../src/runtime/node-server.ts";
import { bundleOf, problemOf, sandboxBff } from "./helpers.ts";

/** Where `pnpm build` writes the elements' bundle, which the BFF serves. */
const BUILT_BUNDLE = fileURLToPath(new URL("../../components/dist/cdn", import.meta.url));

describe("the BFF on Node's HTTP server", () => {
  let server: Awaited<ReturnType<typeof startNodeServer>>;
  before(async () => {
    server = await startNodeServer({ env: { BFF_SANDBOX: "1", RATE_LIMIT_PER_MINUTE: "3" }, port: 0, deps: { logSink: () => {} } });
  });
  after(() => server.close());

  it("listens on 127.0.0.1 and serves health, assets and thumbnails over real HTTP", async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
    const page = (await (await fetch(`${server.url}/v1/thron/galleries/default/assets?limit=1`)).json()) as {
      items: { thumbnail: { url: string } }[];
    };
    const thumbnail = page.items[0]?.thumbnail.url ?? "";
    assert.ok(thumbnail.startsWith(`${server.url}/_sandbox/`), thumbnail);
    assert.equal((await fetch(thumbnail)).headers.get("content-type"), "image/png");
  });

  it("rate limits by the socket's address, whatever CF-Connecting-IP the client writes", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const headers = { "cf-connecting-ip": `203.0.113.${i + 1}` }; // a new "address" each time, from the client itself
      statuses.push((await fetch(`${server.url}/v1/thron/galleries/default/assets?limit=2`, { headers })).status);
    }
    assert.deepEqual(statuses, [200, 200, 429], "the first test spent one of the three");
  });

  it("counts a request whose client reset its connection by the socket's address too, not by the CF-Connecting-IP it wrote", async () => {
    const limited = await startNodeServer({ env: { BFF_SANDBOX: "1", RATE_LIMIT_PER_MINUTE: "2" }, port: 0, deps: { logSink: () => {} } });
    try {
      const { hostname, port } = new URL(limited.url);
      for (let i = 0; i < 2; i++) {
        const socket = connect(Number(port), hostname);
        await once(socket, "connect");
        socket.write(`GET /v1/throughline/topics HTTP/1.1\r\nHost: x\r\nCF-Connecting-IP: 203.0.113.${i + 1}\r\n\r\n`);
        socket.resetAndDestroy(); // gone before the server first asks its address
      }
      await new Promise((resolve) => setTimeout(resolve, 300)); // the server handles both
      assert.equal((await fetch(`${limited.url}/v1/throughline/topics`)).status, 429, "the two reset requests spent this address's budget");
    } finally {
      await limited.close();
    }
  });

  it("serves the bundle: entries short-cached, the content-hashed chunks they import immutable, all readable cross-origin", async () => {
    const entry = await fetch(`${server.url}/components.js`);
    if (entry.status === 503) {
      assert.match(await entry.text(), /pnpm build/); // `pnpm test` builds first; alone, the BFF says what is missing
      assert.ok(!existsSync(BUILT_BUNDLE), `${BUILT_BUNDLE} is built, yet not served`);
      return;
    }
    assert.equal(entry.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(entry.headers.get("access-control-allow-origin"), "*");
    assert.match(entry.headers.get("cache-control") ?? "", /max-age=300/);
    assert.match(await entry.text(), /import\(\s*["'`]\.\/thron-gallery\.js["'`]\s*\)/, "the loader imports the gallery's entry");
    const chunk = /["'`]\.\/(chunks\/[\w-]+\.js)["'`]/.exec(await (await fetch(`${server.url}/thron-gallery.js`)).text())?.[1];
    assert.ok(chunk, "an element's entry imports a hashed chunk");
    const chunkResponse = await fetch(`${server.url}/${chunk}`);
    assert.equal(chunkResponse.status, 200);
    assert.equal(chunkResponse.headers.get("cache-control"), "public, max-age=31536000, immutable");
    // No sourceMappingURL comment in the bytes pages download; developer tools find the map through the header.
    const mapName = chunkResponse.headers.get("sourcemap");
    assert.equal(mapName, `${chunk.slice("chunks/".length)}.map`);
    assert.doesNotMatch(await chunkResponse.text(), /sourceMappingURL/);
    const map = await fetch(new URL(mapName, `${server.url}/${chunk}`));
    assert.equal(map.status, 200);
    assert.equal(map.headers.get("content-type"), "application/json");
    assert.ok(((await map.json()) as { sources: string[] }).sources.length > 0, "the map names the chunk's sources");
    for (const element of ["thron-gallery", "thron-filter-bar", "thunder-launch-button", "throughline-helplines"]) {
      const response = await fetch(`${server.url}/${element}.js`);
      assert.equal(response.status, 200, element);
      assert.match(response.headers.get("cache-control") ?? "", /max-age=300/, element);
    }
    assert.equal((await fetch(`${server.url}/chunks/nope.js`)).status, 404);
  });
});

describe("a BFF starting", () => {
  it("answers 503 'starting' to a request that arrives while it is still getting ready", async () => {
    // A Redis that accepts connections and answers nothing: the start waits on it (a second at most).
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket)).listen(0, "127.0.0.1");
    await once(silent, "listening");
    const redisReached = once(silent, "connection");
    const port = await freePort();
    const starting = startNodeServer({
      env: { BFF_SANDBOX: "1", BFF_CACHE_URL: `redis://127.0.0.1:${(silent.address() as AddressInfo).port}` },
      port,
      deps: { logSink: () => {} },
    });
    let early: [number, string] | undefined;
    try {
      await redisReached; // listening already, the app not yet built
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      early = [response.status, await response.text()];
    } finally {
      // Gone now: the start goes on from memory, and the close waits on no answer.
      silent.close();
      for (const socket of held) socket.destroy();
    }
    const server = await starting;
    try {
      assert.deepEqual(early, [503, "starting"]);
      assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200);
    } finally {
      await server.close();
    }
  });

  it("takes PUBLIC_URL without its trailing slash, for its own URL and the URLs it gives out", async () => {
    const server = await startNodeServer({
      env: { BFF_SANDBOX: "1", PUBLIC_URL: "https://embed.example.com/" },
      port: 0,
      deps: { logSink: () => {} },
    });
    try {
      assert.equal(server.url, "https://embed.example.com");
      const local = `http://127.0.0.1:${server.config.port}`; // where it listens, behind the proxy PUBLIC_URL names
      const page = (await (await fetch(`${local}/v1/thron/galleries/default/assets?limit=1`)).json()) as {
        items: { thumbnail: { url: string } }[];
      };
      assert.match(page.items[0]?.thumbnail.url ?? "", /^https:\/\/embed\.example\.com\/_sandbox\//);
    } finally {
      await server.close();
    }
  });

  it("listening on every IPv6 interface (::), gives browsers a localhost URL", async () => {
    const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, hostname: "::", port: 0, deps: { logSink: () => {} } });
    try {
      assert.match(server.url, /^http:\/\/localhost:\d+$/);
      assert.equal((await fetch(`${server.url}/health`)).status, 200);
    } finally {
      await server.close();
    }
  });

  it("listening on an IPv6 address (::1), writes it in brackets in its URL and in the URLs it gives out", async () => {
    const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, hostname: "::1", port: 0, deps: { logSink: () => {} } });
    try {
      assert.match(server.url, /^http:\/\/\[::1\]:\d+$/);
      const page = (await (await fetch(`${server.url}/v1/thron/galleries/default/assets?limit=1`)).json()) as {
        items: { thumbnail: { url: string } }[];
      };
      const thumbnail = page.items[0]?.thumbnail.url ?? "";
      assert.ok(thumbnail.startsWith(`${server.url}/_sandbox/`), thumbnail);
      assert.equal((await fetch(thumbnail)).status, 200);
    } finally {
      await server.close();
    }
  });

  it("leaves its port free when the start fails after listening (METRICS_PORT in use)", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    const port = await freePort();
    try {
      const env = { BFF_SANDBOX: "1", METRICS_PORT: String((taken.address() as AddressInfo).port) };
      await assert.rejects(startNodeServer({ env, port, deps: { logSink: () => {} } }), { code: "EADDRINUSE" });
      // The operator's next start (or a retry) can listen there.
      const again = createServer();
      await new Promise<void>((resolve, reject) => again.once("error", reject).listen(port, "127.0.0.1", resolve));
      again.close();
    } finally {
      taken.close();
    }
  });
});

/** A raw connection to `port`: what it has received so far, and all it received once it is closed. */
async function connection(port: number) {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  let received = "";
  socket.on("data", (chunk) => {
    received += chunk;
  });
  socket.on("error", () => {});
  return { socket, received: () => received, closed: once(socket, "close").then(() => received) };
}

/** An operator's middleware holding GET /held until released (never, unless asked), and the arrival of one. */
function holding() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.path !== "/held") return next();
    arrive();
    await released;
    return c.text("the whole answer");
  };
  return { middleware, arrived, release };
}

/** `promise`, or "still waiting" after 3 s (well under Node's 5 s keep-alive and the 10 s grace). */
const within3s = <T>(promise: Promise<T>) =>
  Promise.race([promise, new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), 3_000).unref())]);

describe("a BFF stopping (SIGINT, SIGTERM: a rolling deploy)", () => {
  it("answers a request in flight in full, refuses new connections, and closes idle ones at once", async () => {
    const held = holding();
    const server = await startNodeServer({
      env: { BFF_SANDBOX: "1" },
      port: 0,
      deps: { logSink: () => {}, middleware: [held.middleware] },
    });
    const port = server.config.port;
    const idle = await connection(port);
    idle.socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    await once(idle.socket, "data"); // answered, and kept alive
    const inFlight = await connection(port);
    inFlight.socket.write("GET /held HTTP/1.1\r\nHost: x\r\n\r\n");
    await held.arrived;
    const stopped = server.close();
    assert.match(String(await within3s(idle.closed)), /^HTTP\/1\.1 200 /, "the idle connection closed at once");
    const refused = await new Promise((resolve) => {
      connect(port, "127.0.0.1")
        .once("error", (error) => resolve((error as { code?: string }).code))
        .once("connect", () => resolve("accepted"));
    });
    assert.equal(refused, "ECONNREFUSED", "no new connection");
    assert.deepEqual([inFlight.received(), inFlight.socket.destroyed], ["", false], "the request in flight still waits on its answer");
    held.release();
    // Answered, then closed (not kept alive until Node's keep-alive timeout), and the stop is over.
    assert.match(String(await within3s(inFlight.closed)), /^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nthe whole answer$/);
    assert.equal(await within3s(stopped.then(() => "stopped")), "stopped");
  });

  it("cuts a request that never finishes once the grace is over, and stops", { timeout: 5_000 }, async () => {
    const held = holding(); // never released
    const server = await startNodeServer({
      env: { BFF_SANDBOX: "1" },
      port: 0,
      deps: { logSink: () => {}, middleware: [held.middleware] },
      timeouts: { stopGraceMs: 300 },
    });
    const inFlight = await connection(server.config.port);
    inFlight.socket.write("GET /held HTTP/1.1\r\nHost: x\r\n\r\n");
    await held.arrived;
    const start = performance.now();
    await server.close();
    const tookMs = performance.now() - start;
    assert.ok(tookMs >= 290, `stopped after ${tookMs} ms, before the grace was over`);
    assert.equal(await inFlight.closed, "", "cut, with no answer");
  });
});

describe("the bundle read from disk", () => {
  it("serves each file with its type: scripts, styles, JSON and source maps as such, anything else as bytes", async () => {
    const files: Record<string, [string, string]> = {
      "components.js": ['import "./chunks/a-1.js";\n', "text/javascript; charset=utf-8"],
      "theme.css": [":host { color: red; }\n", "text/css; charset=utf-8"],
      "manifest.json": ['{"elements":[]}', "application/json"],
      "chunks/a-1.js": ["export const a = 1;\n", "text/javascript; charset=utf-8"],
      "chunks/a-1.js.map": ['{"version":3}', "application/json"],
      "chunks/font.woff2": ["wOF2", "application/octet-stream"],
    };
    const bff = sandboxBff({}, { staticFiles: bundleOf(Object.fromEntries(Object.entries(files).map(([path, [text]]) => [path, text]))) });
    for (const [path, [text, type]] of Object.entries(files)) {
      const response = await bff.get(`/${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get("content-type"), type, path);
      assert.equal(await response.text(), text, path);
    }
  });

  it("is missing, and the BFF says to build it, when the folder is absent or is not a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "embedkit-no-bundle-"));
    try {
      writeFileSync(join(dir, "cdn"), "a file where the folder should be");
      for (const where of [join(dir, "nothing-here"), join(dir, "cdn")]) {
        const bundle = readBundle(where);
        assert.equal(bundle, null, where);
        const problem = await problemOf(await sandboxBff({}, { staticFiles: bundle }).get("/components.js"), 503);
        assert.match(problem.detail ?? "", /pnpm build/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the Node server, closed by the program that started it", () => {
  it("leaves nothing running: the process ends once close() resolves, long before the stop's grace period", async () => {
    const serverModule = new URL("../src/runtime/node-server.ts", import.meta.url).href;
    const script = [
      `const { startNodeServer } = await import(${JSON.stringify(serverModule)});`,
      'const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} }, timeouts: { stopGraceMs: 120_000 } });',
      'await (await fetch(server.url + "/health")).text();',
      "await server.close();",
    ].join("\n");
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: "ignore" });
    const ended = once(child, "exit").then(([code]) => code);
    const waited = new Promise((resolve) => setTimeout(() => resolve("still running after 30 s"), 30_000).unref());
    const outcome = await Promise.race([ended, waited]);
    child.kill();
    assert.equal(outcome, 0);
  });
});

describe("the access log on a server", () => {
  it("writes the access lines of a server's requests soon after, and on close", async () => {
    const lines: string[] = [];
    const server = await startNodeServer({
      env: { BFF_SANDBOX: "1" },
      port: 0,
      deps: { logSink: (text) => lines.push(...text.split("\n")) },
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await fetch(`${server.url}/health`)).headers.get("x-request-id") ?? "");
    await server.close();
    assert.deepEqual(
      lines
        .map((line) => JSON.parse(line))
        .filter((line) => line.message === "request")
        .map((line) => line.requestId),
      ids,
    );
  });
});

/** The error Node raises when a server cannot listen on `host`:`port`. */
async function listenFailure(host: string, port: number): Promise<unknown> {
  const probe = createServer();
  const failed = once(probe, "error").then(([error]) => error);
  probe.listen(port, host);
  return failed;
}

describe("a BFF that cannot listen", () => {
  it("names, in one line, what to change for each way Node refuses to listen", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    const port = (taken.address() as AddressInfo).port;
    try {
      const cases: [unknown, string, string, string][] = [
        [
          await listenFailure("127.0.0.1", port),
          "127.0.0.1",
          String(port),
          "the port is in use by another process; stop it or set PORT to a free port.",
        ],
        [
          await listenFailure("192.0.2.1", 0),
          "192.0.2.1",
          "8787",
          "this machine has no such address; use 0.0.0.0, 127.0.0.1 or one of its interfaces.",
        ],
        [
          await listenFailure("no-such-host.invalid", 0),
          "no-such-host.invalid",
          "8787",
          "not an address or a name this machine resolves; use 0.0.0.0, 127.0.0.1 or one of its interfaces.",
        ],
        // Root may listen below 1024, so this one is Node's error as an unprivileged user gets it.
        [
          Object.assign(new Error("listen EACCES"), { code: "EACCES" }),
          "0.0.0.0",
          "80",
          "not permitted (ports below 1024 need privileges); set PORT to 1024 or above.",
        ],
        ...["EAI_AGAIN", "EAI_NONAME"].map((code): [unknown, string, string, string] => [
          Object.assign(new Error(code), { code }),
          "db",
          "8787",
          "not an address or a name this machine resolves; use 0.0.0.0, 127.0.0.1 or one of its interfaces.",
        ]),
      ];
      for (const [error, host, portText, why] of cases) {
        const where = /no such address|resolves/.test(why) ? `HOST=${host}` : `${host}:${portText}`;
        assert.equal(describeListenError(error, host, portText), `Cannot listen on ${where}: ${why}`);
      }
      assert.equal(
        describeListenError(
          listenerOf(Object.assign(new Error("listen EACCES"), { code: "EACCES" }), "METRICS_PORT", 80),
          "0.0.0.0",
          "8787",
        ),
        "Cannot listen on 0.0.0.0:80: not permitted (ports below 1024 need privileges); set METRICS_PORT to 1024 or above.",
        "the metrics server's error names its own port and variable",
      );
      assert.equal(
        describeListenError(Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE" }), "::1", "8787"),
        "Cannot listen on [::1]:8787: the port is in use by another process; stop it or set PORT to a free port.",
        "an IPv6 address is written in brackets, as in a URL",
      );
      assert.equal(
        describeListenError(Object.assign(new Error("boom"), { code: "EMFILE" }), "0.0.0.0", "8787"),
        null,
        "any other error is thrown as it is",
      );
      assert.equal(describeListenError(null, "0.0.0.0", "8787"), null);
    } finally {
      taken.close();
    }
  });
});
