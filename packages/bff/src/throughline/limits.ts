/**
 * ThroughLine's limits ("Limits policy"): 30 calls a second per IP, and a daily quota whose
 * window "is advanced hourly" (quota reached at 5:50pm, access again at 6pm). What a 429 means
 * is our assumption, kept here: ThroughLine documents neither a header nor a body that tells the
 * per-second refusal from the daily one.
 */

/** ThroughLine's documented rate, per egress IP. */
export const CALLS_PER_SECOND = 30;
/** Where instances sharing the counters store count their calls per second (assumed: one egress IP). */
// Stryker disable next-line StringLiteral: the egress counters (app.ts) hold ThroughLine's pace alone, so any name shares it the same
export const PACE_KEY = "throughline:pace";
/** Suggested to a caller when another instance's cool-down is seen (its exact end is not shared). */
export const COOL_DOWN_DEFAULT_S = 60;
/**
 * Assumed: a 429 whose Retry-After is at most this many seconds is the per-second limit; any
 * other 429 (a longer Retry-After, or none) is the daily quota.
 */
export const PER_SECOND_RETRY_MAX_S = 5;

const HOUR_MS = 3_600_000;

/** Seconds from `now` to the next whole hour (UTC hours: ThroughLine's window moves on the hour). */
export function secondsToNextHour(now: number): number {
  return Math.max(1, Math.ceil(((Math.floor(now / HOUR_MS) + 1) * HOUR_MS - now) / 1000));
}

/** Retry-After as seconds (a number or an HTTP date), or null when absent or unreadable (blank parses to no date). */
function retryAfterSeconds(header: string | null, now: number): number | null {
  // Stryker disable next-line StringLiteral: any text that is neither digits nor a date reads as null, as blank does
  const value = header?.trim() ?? "";
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - now) / 1000);
  return Number.isFinite(seconds) ? Math.max(1, seconds) : null;
}

/**
 * How long to ask ThroughLine nothing after a 429: the per-second limit's own short Retry-After,
 * or, for the daily quota, until the next whole hour (longer only if Retry-After says so, within a day).
 */
export function coolDownAfter429(header: string | null, now: number): number {
  const said = retryAfterSeconds(header, now);
  if (said !== null && said <= PER_SECOND_RETRY_MAX_S) return said;
  return Math.max(secondsToNextHour(now), Math.min(said ?? 0, 24 * 3_600));
}
