/** Why a server could not listen, as one line naming the variable to change (no stack trace). */
export function describeListenError(error: unknown, host: string, port: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "EADDRINUSE":
      return `Cannot listen on ${host}:${port}: the port is in use by another process; stop it or set PORT to a free port.`;
    case "EACCES":
      return `Cannot listen on ${host}:${port}: not permitted (ports below 1024 need privileges); set PORT to 1024 or above.`;
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
