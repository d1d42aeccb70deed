/**
 * Structured one-line JSON logs. Every line passes through `redact`, which removes any known
 * secret and anything shaped like a bearer token, JWT or refresh token, whatever field it is in.
 */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
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

/** Lines below `minLevel` are dropped before they are formatted (LOG_LEVEL=warn: no access log). */
export function createLogger(sink: LogSink, secrets: readonly string[], minLevel: LogLevel = "info"): Logger {
  const threshold = LOG_LEVELS.indexOf(minLevel);
  const known = secrets.filter((s) => s.length >= 6);
  const redact = (text: string) => {
    let out = text.replace(JWT, "[redacted-jwt]").replace(BEARER, "$1 [redacted]");
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join("[redacted]");
    return out;
  };
  return {
    log(level, message, fields = {}) {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      sink(redact(JSON.stringify({ time: isoNow(), level, message, ...fields })));
    },
  };
}
