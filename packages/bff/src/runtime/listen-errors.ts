import { urlHost } from "./url-host.ts";

/** Which listener an error is from: the variable that sets its port, and the port it asked for. */
interface Listener {
  variable: string;
  port: string;
}

const LISTENER = Symbol("listener");

/** Marks `error` as the listener's on `port` set by `variable` (METRICS_PORT's, say), for describeListenError. */
export function listenerOf(error: unknown, variable: string, port: number): unknown {
  if (typeof error === "object" && error !== null) Object.assign(error, { [LISTENER]: { variable, port: String(port) } });
  return error;
}

/**
 * Why a server could not listen, as one line naming the variable to change (no stack trace). `port`
 * is PORT's, for the main server's error; an error marked by listenerOf names its own variable and port.
 */
export function describeListenError(error: unknown, host: string, port: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  const listener: Listener = (error as { [LISTENER]?: Listener } | null)?.[LISTENER] ?? { variable: "PORT", port };
  const where = `${urlHost(host)}:${listener.port}`;
  switch (code) {
    case "EADDRINUSE":
      return `Cannot listen on ${where}: the port is in use by another process; stop it or set ${listener.variable} to a free port.`;
    case "EACCES":
      return `Cannot listen on ${where}: not permitted (ports below 1024 need privileges); set ${listener.variable} to 1024 or above.`;
    case "EADDRNOTAVAIL":
      return `Cannot listen on HOST=${host}: this machine has no such address; use 0.0.0.0, 127.0.0.1 or one of its interfaces.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
      return `Cannot listen on HOST=${host}: not an address or a name this machine resolves; use 0.0.0.0, 127.0.0.1 or one of its interfaces.`;
    default:
      return null;
  }
}
