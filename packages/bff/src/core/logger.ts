/**
 * Structured one-line JSON logs. Every line passes through `redact`, which removes any known
 * secret and anything shaped like a bearer token, JWT or refresh token, whatever field it is in.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogSink = (line: string) => void;

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

const JWT = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g;
const BEARER = /(bearer|api)\s+[\w.~+/-]{8,}=*/gi;

/** The current time in ISO form, formatted once per millisecond (busy servers log many lines in one). */
let lastMs = 0;
let lastIso = "";
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

export function createLogger(sink: LogSink, secrets: readonly string[]): Logger {
  const known = secrets.filter((s) => s.length >= 6);
  const redact = (text: string) => {
    let out = text.replace(JWT, "[redacted-jwt]").replace(BEARER, "$1 [redacted]");
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join("[redacted]");
    return out;
  };
  return {
    log(level, message, fields = {}) {
      sink(redact(JSON.stringify({ time: isoNow(), level, message, ...fields })));
    },
  };
}
