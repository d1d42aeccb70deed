/**
 * What Node's HTTP server answers on its own, before any request reaches the app: a request it
 * cannot parse (a bad request line, `Content-Length: -1`, headers over its limit, a request too
 * slow to arrive). Node's default is an empty 400/431/408; here it is the same status as an
 * RFC 9457 problem, like every other error the BFF answers, and the connection is closed.
 */
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { ProblemError, problemBody } from "../core/problem.ts";

/** Node's parser codes, by what the client got wrong (https://github.com/nodejs/llhttp). */
const FIELD_OF: Record<string, string> = {
  HPE_INVALID_CONTENT_LENGTH: "content-length",
  HPE_UNEXPECTED_CONTENT_LENGTH: "content-length",
  HPE_INVALID_TRANSFER_ENCODING: "transfer-encoding",
  HPE_INVALID_CHUNK_SIZE: "(body)",
  HPE_INVALID_METHOD: "(method)",
  HPE_INVALID_URL: "(url)",
  HPE_INVALID_VERSION: "(version)",
  HPE_INVALID_HEADER_TOKEN: "(headers)",
  HPE_INVALID_CONSTANT: "(request line)",
};

export function problemForClientError(code: string | undefined): ProblemError {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return new ProblemError(431, "headers-too-large", "Request headers too large", "The request's headers are over the server's limit.");
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return new ProblemError(413, "body-too-large", "Request body too large", "The body's chunk extensions are over the server's limit.");
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return new ProblemError(408, "request-timeout", "Request timeout", "The request did not arrive in time.");
    default: {
      const field = FIELD_OF[String(code)] ?? "(request)";
      return new ProblemError(400, "invalid-request", "Invalid request", `${field}: is not valid HTTP/1.1`, {
        errors: [{ field, message: "is not valid HTTP/1.1" }],
      });
    }
  }
}

/** The raw HTTP/1.1 answer: written straight to the socket, since no request object exists. */
export function clientErrorResponse(problem: ProblemError): string {
  const body = JSON.stringify(problemBody(problem));
  return [
    `HTTP/1.1 ${problem.status} ${problem.title}`,
    "Content-Type: application/problem+json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Cache-Control: no-store",
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

type OnClientError = (status: number, code: string | undefined) => void;

export function answerClientErrors(server: Server, onError: OnClientError = () => {}): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Only where the connection allows it: not once it is gone (a reset socket is destroyed
    // before its error comes, so it is not writable), nor in the middle of an answer.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const problem = problemForClientError(error.code);
    onError(problem.status, error.code);
    socket.end(clientErrorResponse(problem), () => socket.destroy()); // whatever else it sends is not read
  });
}
