/**
 * The Node server's edge over raw sockets, as an attacker or a sloppy client writes HTTP:
 * bodies where none belong, a 413 on a keep-alive connection, requests Node cannot parse.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import type { MiddlewareHandler } from "hono";
import { startNodeServer } from "../src/runtime/node-server.ts";

interface RawAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

/** Everything the server sent until it closed the connection, read as HTTP/1.1 answers. */
function answersUntilClosed(socket: Socket): Promise<RawAnswer[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // The server may reset a connection it stopped reading while we were still writing.
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    socket.on("close", () => resolve(parseAnswers(Buffer.concat(chunks).toString("latin1"))));
  });
}

function parseAnswers(text: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = text;
  while (rest.startsWith("HTTP/1.1 ")) {
    const end = rest.indexOf("\r\n\r\n");
    const [statusLine = "", ...lines] = rest.slice(0, end).split("\r\n");
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
    );
    const length = Number(headers["content-length"] ?? 0);
    const [, status, ...reason] = statusLine.split(" ");
    answers.push({ status: Number(status), statusText: reason.join(" "), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return answers;
}

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Writes chunk after chunk of a body that never ends, for as long as the server reads. */
function neverEndingChunks(socket: Socket): void {
  const chunk = `${(64 * 1024).toString(16)}\r\n${"x".repeat(64 * 1024)}\r\n`;
  const more = () => {
    while (!socket.destroyed && socket.write(chunk)) {}
  };
  socket.on("drain", more);
  more();
}

describe("the Node server's edge", () => {
  let server: Awaited<ReturnType<typeof startNodeServer>>;
  const logLines: string[] = [];
  before(async () => {
    server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: (text) => logLines.push(text) } });
  });
  after(() => server.close());

  it("refuses a GET with a chunked body that never ends, without reading it, and closes the connection", async () => {
    const socket = await open(server.url);
    const answers = answersUntilClosed(socket);
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    neverEndingChunks(socket);
    const [answer, ...others] = await answers; // resolves only once the server closed the connection
    assert.equal(answer?.status, 400);
    assert.equal(answer?.headers["content-type"], "application/problem+json");
    assert.equal(answer?.headers.connection, "close");
    assert.deepEqual(JSON.parse(answer?.body ?? "").errors, [{ field: "(body)", message: "must be absent on a GET request" }]);
    assert.deepEqual(others, []);
  });

  for (const method of ["HEAD", "DELETE"]) {
    it(`refuses a ${method} announcing a body it never sends`, async () => {
      const socket = await open(server.url);
      const answers = answersUntilClosed(socket);
      socket.write(`${method} /v1/thron/galleries/default/assets HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000000\r\n\r\n`);
      const [answer] = await answers;
      assert.equal(answer?.status, 400);
      assert.equal(answer?.headers.connection, "close");
    });
  }

  it("still answers a GET that says its body is empty, and keeps the connection for the next request", async () => {
    const socket = await open(server.url);
    const answers = answersUntilClosed(socket);
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert.deepEqual(
      (await answers).map((answer) => answer.status),
      [200, 200],
    );
  });

  it("closes the connection with a 413, so the client's next request is not swallowed as the rest of the body", async () => {
    const socket = await open(server.url);
    const answers = answersUntilClosed(socket);
    // A client that stops sending its body when refused, and goes on with its next request.
    socket.write("POST /v1/throughline/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    const [refused, ...rest] = await answers;
    assert.equal(refused?.status, 413);
    assert.equal(refused?.headers.connection, "close", "the client learns not to send its next request on this connection");
    assert.deepEqual(rest, []);
  });

  it("keeps the connection after a body it read to its end", async () => {
    const socket = await open(server.url);
    const answers = answersUntilClosed(socket);
    const body = "{}"; // read, then found to lack its fields
    socket.write(
      `POST /v1/throughline/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert.deepEqual(
      (await answers).map((answer) => answer.status),
      [400, 200],
    );
  });

  /** What the client got wrong, as the 400 names it: the field, and the problem's detail. */
  const invalid = (field: string) => ({
    status: 400,
    type: "https://embedkit.dev/problems/invalid-request",
    title: "Invalid request",
    detail: `${field}: is not valid HTTP/1.1`,
    errors: [{ field, message: "is not valid HTTP/1.1" }],
  });
  const chunked = "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  // Each of Node's parser errors (llhttp's codes: https://github.com/nodejs/llhttp), by the request that makes it.
  const malformed = [
    {
      name: "a negative Content-Length",
      request: "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
      problem: invalid("content-length"),
    },
    {
      name: "two Content-Lengths",
      request: "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
      problem: invalid("content-length"),
    },
    {
      name: "a Transfer-Encoding other than chunked",
      request: "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
      problem: invalid("transfer-encoding"),
    },
    { name: "a chunk size that is not hex", request: `${chunked}zz\r\n`, problem: invalid("(body)") },
    { name: "a bad request line", request: "HELLO THERE\r\n\r\n", problem: invalid("(method)") },
    { name: "a control character in the URL", request: "GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n", problem: invalid("(url)") },
    { name: "an HTTP version that does not exist", request: "GET /health HTTP/9.9\r\nHost: x\r\n\r\n", problem: invalid("(version)") },
    { name: "a space in a header name", request: "GET /health HTTP/1.1\r\nHo st: x\r\n\r\n", problem: invalid("(headers)") },
    { name: "a misspelt protocol", request: "GET /health XTTP/1.1\r\nHost: x\r\n\r\n", problem: invalid("(request line)") },
    // A parser error with no field of its own (llhttp's HPE_STRICT: a CR not followed by LF).
    { name: "a bare CR in the request line", request: "GET /health HTTP/1.1\rX\r\n\r\n", problem: invalid("(request)") },
    {
      name: "headers over Node's limit",
      request: `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      problem: {
        status: 431,
        type: "https://embedkit.dev/problems/headers-too-large",
        title: "Request headers too large",
        detail: "The request's headers are over the server's limit.",
      },
    },
    {
      name: "chunk extensions over Node's limit",
      request: `${chunked}1;${"e".repeat(20_000)}\r\nx\r\n0\r\n\r\n`,
      problem: {
        status: 413,
        type: "https://embedkit.dev/problems/body-too-large",
        title: "Request body too large",
        detail: "The body's chunk extensions are over the server's limit.",
      },
    },
  ];
  for (const { name, request, problem } of malformed) {
    it(`answers ${name} with a ${problem.status} problem, not an empty answer`, async () => {
      const socket = await open(server.url);
      const answers = answersUntilClosed(socket);
      socket.write(request);
      const [answer, ...rest] = await answers;
      assert.equal(answer?.status, problem.status);
      assert.equal(answer?.statusText, problem.title);
      assert.equal(answer?.headers["content-type"], "application/problem+json");
      assert.equal(answer?.headers.connection, "close");
      assert.deepEqual(JSON.parse(answer?.body ?? ""), problem);
      assert.doesNotMatch(answer?.body ?? "", /HPE_|Parse Error|at .*\.js/, "no parser internals");
      assert.deepEqual(rest, []);
    });
  }

  it("answers nothing, and logs nothing, to a client that resets its connection mid-request", async () => {
    const socket = await open(server.url);
    const answers = answersUntilClosed(socket);
    socket.write("POST /v1/throughline/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{");
    await new Promise((resolve) => setTimeout(resolve, 50)); // the server is reading the body
    socket.resetAndDestroy();
    assert.deepEqual(await answers, []);
  });

  it("logs each malformed request at info, by its status, without what the client sent", () => {
    server.logger.flush(); // the last lines may still wait for their batch
    const lines = logLines.flatMap((text) => text.split("\n")).map((line) => JSON.parse(line));
    const malformedLines = lines.filter((line) => line.message === "malformed request");
    assert.deepEqual(
      malformedLines.map((line) => [line.level, line.status]).sort(),
      malformed.map(({ problem }) => ["info", problem.status]).sort(),
      "one line for each malformed request, none for the reset",
    );
    assert.ok(!logLines.join("").includes("a".repeat(100)), "the oversized header is not logged");
  });

  it("closes a malformed request's connection itself, even for a client that keeps its side open", async () => {
    const { hostname, port } = new URL(server.url);
    const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: true });
    try {
      await once(socket, "connect");
      const outcome = new Promise<string>((resolve) => {
        socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
        socket.on("close", () => resolve("closed"));
      });
      socket.resume();
      socket.write("GET / HTTP/9.9\r\n\r\n");
      await once(socket, "end", { signal: AbortSignal.timeout(5_000) }); // the answer, then the server's end of the stream
      // A connection closed for good answers a reset, which the write after it meets.
      socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
      const open = new Promise<string>((resolve) => setTimeout(() => resolve("still open"), 2_000).unref());
      assert.notEqual(await Promise.race([outcome, open]), "still open");
    } finally {
      socket.destroy();
    }
  });
});

describe("the Node server's edge, for a client too slow to send its headers", () => {
  it("answers a 408 problem and closes the connection", async () => {
    const server = await startNodeServer({
      env: { BFF_SANDBOX: "1" },
      port: 0,
      deps: { logSink: () => {} },
      timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 100 },
    });
    try {
      const socket = await open(server.url);
      const answers = answersUntilClosed(socket);
      socket.write("GET /health HTTP/1.1\r\nHost: x\r\n"); // and nothing more
      const [answer] = await answers;
      assert.equal(answer?.status, 408);
      assert.equal(answer?.headers["content-type"], "application/problem+json");
      assert.deepEqual(JSON.parse(answer?.body ?? ""), {
        status: 408,
        type: "https://embedkit.dev/problems/request-timeout",
        title: "Request timeout",
        detail: "The request did not arrive in time.",
      });
    } finally {
      await server.close();
    }
  });
});

describe("the Node server's edge, for an answer whose headers cannot be changed", () => {
  it("still closes the connection when a request's body is left unread, keeping the answer's status", async () => {
    const elsewhere = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {} } });
    // A middleware of the operator's answering with what another server said: fetch()'s headers are immutable.
    const proxy: MiddlewareHandler = async (c, next) => {
      if (c.req.path !== "/moved") return next();
      return fetch(`${elsewhere.url}/nowhere`, { headers: { "accept-encoding": "identity" } });
    };
    const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {}, middleware: [proxy] } });
    try {
      const socket = await open(server.url);
      const answers = answersUntilClosed(socket);
      socket.write("POST /moved HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
      const stillOpen = new Promise<"still open">((resolve) => setTimeout(() => resolve("still open"), 3_000).unref());
      const closed = await Promise.race([answers, stillOpen]);
      assert.notEqual(closed, "still open", "the server closes the connection rather than read the rest of the body");
      const [answer, ...rest] = closed === "still open" ? [] : closed;
      assert.deepEqual([answer?.status, answer?.statusText, answer?.headers.connection], [404, "Not Found", "close"]);
      assert.equal(JSON.parse(answer?.body ?? "").type, "https://embedkit.dev/problems/not-found");
      assert.deepEqual(rest, []);
    } finally {
      await server.close();
      await elsewhere.close();
    }
  });
});

describe("the Node server's edge, for a malformed request behind an answer still being sent", () => {
  it("closes the connection at once, cutting that answer, rather than leave it open with a parser that reads no more", async () => {
    // An answer that never ends: a byte every 50 ms, from a server an operator's middleware relays.
    const endless = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      const timer = setInterval(() => response.write("x"), 50);
      response.on("close", () => clearInterval(timer));
    }).listen(0, "127.0.0.1");
    await once(endless, "listening");
    const relay: MiddlewareHandler = async (c, next) =>
      c.req.path === "/endless" ? fetch(`http://127.0.0.1:${(endless.address() as AddressInfo).port}/`) : next();
    const server = await startNodeServer({ env: { BFF_SANDBOX: "1" }, port: 0, deps: { logSink: () => {}, middleware: [relay] } });
    try {
      const socket = await open(server.url);
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk;
      });
      const closed = new Promise((resolve) => socket.once("close", resolve));
      socket.on("error", () => {});
      socket.write("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n");
      await once(socket, "data"); // the answer has begun
      socket.write("HELLO THERE\r\n\r\n");
      const stillOpen = new Promise((resolve) => setTimeout(() => resolve("still open"), 3_000).unref());
      assert.notEqual(await Promise.race([closed, stillOpen]), "still open");
      assert.doesNotMatch(received, /invalid-request/, "no problem written into the middle of the answer");
    } finally {
      await server.close();
      endless.closeAllConnections();
      endless.close();
    }
  });
});
