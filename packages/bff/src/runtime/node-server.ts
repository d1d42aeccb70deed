/**
 * Starts the BFF on Node's HTTP server. Used by the Node entry and by tests, which listen on
 * 127.0.0.1 port 0 and learn the port before the app (and its sandbox URLs) are built.
 */
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppDeps } from "../app.ts";
import { loadConfig } from "../sandbox-mode.ts";
import { answerClientErrors } from "./node-client-errors.ts";
import { prepareBff } from "./prepare.ts";
import { browserHost } from "./url-host.ts";

export { BUNDLE_DIR, readBundle } from "./bundle-files.ts";

export interface StartOptions {
  env: Record<string, string | undefined>;
  hostname?: string;
  /** Overrides PORT (tests pass 0). */
  port?: number;
  deps?: Partial<AppDeps>;
  /** Server timeouts; tests shorten them. */
  timeouts?: Partial<ServerTimeouts>;
}

interface ServerTimeouts {
  /** A client has this long to send its headers... */
  headersMs: number;
  /** ...and this long for the whole request, body included (the bodies the API takes are a few KB). */
  requestMs: number;
  /** How often Node checks the two above. */
  checkEveryMs: number;
  /** How long close() lets the requests in flight finish before it cuts their connections. */
  stopGraceMs: number;
}

/**
 * A stopping BFF's grace for the requests in flight (a rolling deploy's old instance): the
 * upstream budgets and the request deadline (app.ts, 9 s) end every /v1 request within it, so the
 * cut at its end only meets a client too slow to read its answer.
 */
const STOP_GRACE_MS = 10_000;

const TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 15_000, checkEveryMs: 1_000, stopGraceMs: STOP_GRACE_MS };

export async function startNodeServer(options: StartOptions) {
  // Validate before listening, so a bad config never opens a port.
  const preliminary = loadConfig(options.env);
  const hostname = options.hostname ?? "127.0.0.1";
  let handler: (request: Request, env: unknown) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  // The env carries Node's request and socket (getConnInfo reads the client address from it).
  const timeouts = { ...TIMEOUTS, ...options.timeouts };
  const server = createAdaptorServer({
    fetch: (request: Request, env: unknown) => handler(request, env),
    // Node's defaults hold a slow request for 300 s: a few sockets dribbling bytes would tie the server up.
    serverOptions: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
  });
  // Node reads a socket's address when first asked and keeps it, but cannot once the connection
  // is reset: asked here, a request whose client reset early is still counted by its address.
  server.on("connection", (socket: Socket) => void socket.remoteAddress);
  let onClientError = (_status: number, _code: string | undefined) => {};
  answerClientErrors(server as Server, (status, code) => onClientError(status, code));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? preliminary.port, hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let bff: Awaited<ReturnType<typeof prepareBff>>;
  try {
    bff = await prepareBff({
      env: options.env,
      port,
      publicHost: browserHost(hostname),
      metricsHost: hostname,
      deps: { clientAddress: (c) => getConnInfo(c).remote.address, ...options.deps },
    });
  } catch (error) {
    // A failed start (METRICS_PORT in use, say) leaves no port open: the caller may retry, or tests go on.
    await stopServer(server as Server, 0);
    throw error;
  }
  handler = (request, env) => {
    const response = bff.app.fetch(request, env);
    // A cached answer comes back at once: kept synchronous, so the adapter writes it on its fast path.
    return response instanceof Promise ? response.then((answer) => closeIfBodyUnread(answer, env)) : closeIfBodyUnread(response, env);
  };
  onClientError = (status, code) => bff.logger.log("info", "malformed request", { status, code });
  return {
    ...bff,
    /** Stops accepting connections, lets the requests in flight finish (for `timeouts.stopGraceMs` at most), then closes the app. */
    close: async () => {
      await stopServer(server as Server, timeouts.stopGraceMs);
      await bff.close();
    },
  };
}

/**
 * Closes `server`: no new connection, the idle ones closed at once, the rest cut after `graceMs`.
 * A kept-alive connection whose answer is sent goes idle and would hold the stop until Node's
 * keep-alive timeout: the idle ones are closed again every 50 ms (a timer while stopping, rather
 * than a listener on every request).
 */
function stopServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    // close() also closes the idle connections (Node 19 and later).
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
  });
}

/**
 * An answer given without the request's body read to its end (a 413, a 415, a GET's body
 * refused) closes the connection: otherwise Node would read the rest of the body, however long,
 * before it could read the client's next request on it, which the client would wait on in vain.
 */
function closeIfBodyUnread(response: Response, env: unknown): Response {
  const incoming = (env as { incoming?: IncomingMessage }).incoming;
  if (!incoming || !announcesBody(incoming) || incoming.readableEnded) return response;
  try {
    response.headers.set("connection", "close");
    return response;
  } catch {
    // A response with immutable headers (one fetched, say): the same answer, its headers copied.
    const headers = new Headers(response.headers);
    headers.set("connection", "close");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

function announcesBody({ headers }: IncomingMessage): boolean {
  return headers["transfer-encoding"] !== undefined || Number(headers["content-length"] ?? 0) > 0;
}
