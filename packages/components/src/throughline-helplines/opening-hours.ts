/**
 * A contact's weekly hours (local "HH:MM" in the helpline's time zone) → whether it is open at a
 * given instant and when it next closes or opens, plus a short summary in the page's language.
 * Computed in the browser at render time, so a cached answer never freezes "open now".
 */
import type { Contact, Weekday } from "@embedkit/contracts";

// The contract's Weekday order; written out because importing the contract's values would bundle zod.
const DAYS: readonly Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** Intl formatters cost far more to build than to use: one per locale and options (the zone among them), kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(id);
  // Stryker disable next-line ConditionalExpression: a cache; a formatter built anew each time formats the same, only slower
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    // Stryker disable next-line CallExpression: a cache, as above
    formatters.set(id, format);
  }
  return format;
}
const WEEK = 7 * 1440;

/** Where a moment falls in the week, in `timeZone`, as a day, "HH:MM" and minutes since Monday 00:00. */
export interface WeekTime {
  day: Weekday;
  time: string;
  /** Minutes since Monday 00:00 in the helpline's time zone. */
  minute: number;
}

export type ContactStatus =
  | { state: "always" }
  | { state: "open"; closes: WeekTime }
  | { state: "closed"; opens: WeekTime | null }
  /** Neither always open nor with hours, or no usable time zone: nothing is claimed. */
  | { state: "unknown" };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const weekTime = (minute: number): WeekTime => {
  const m = ((minute % WEEK) + WEEK) % WEEK;
  const time = `${String(Math.floor((m % 1440) / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { day: DAYS[Math.floor(m / 1440)] as Weekday, time, minute: m };
};

/** `now` in `timeZone` as minutes since Monday 00:00; null when the zone is unusable. */
export function weekMinute(now: Date, timeZone: string): number | null {
  try {
    const parts = Object.fromEntries(
      formatter("en-US", { timeZone, weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(now)
        .map((p) => [p.type, p.value]),
    );
    const day = DAYS.indexOf(String(parts.weekday).toLowerCase() as Weekday);
    // Stryker disable next-line ConditionalExpression: en-US names every weekday as DAYS spells it; this only guards against an Intl that would not
    if (day === -1) return null;
    return day * 1440 + Number(parts.hour) * 60 + Number(parts.minute);
  } catch {
    return null;
  }
}

/** The week's open intervals [start, end) in minutes; `close` ≤ `open` ends the next day. */
function intervals(hours: Contact["hours"]): [number, number][] {
  return hours.map((p) => {
    const start = DAYS.indexOf(p.day) * 1440 + minutesOf(p.open);
    const length =
      minutesOf(p.close) > minutesOf(p.open) ? minutesOf(p.close) - minutesOf(p.open) : 1440 - minutesOf(p.open) + minutesOf(p.close);
    return [start, start + length];
  });
}

export function contactStatus(contact: Pick<Contact, "alwaysOpen" | "hours">, timeZone: string | undefined, now: Date): ContactStatus {
  if (contact.alwaysOpen) return { state: "always" };
  if (contact.hours.length === 0 || !timeZone) return { state: "unknown" };
  const minute = weekMinute(now, timeZone);
  if (minute === null) return { state: "unknown" };
  const spans = intervals(contact.hours);
  const since = (start: number) => (((minute - start) % WEEK) + WEEK) % WEEK;
  const current = spans.filter(([start, end]) => since(start) < end - start);
  if (current.length > 0) {
    // Follow periods that begin where the current one ends (Mon 17:00–00:00, Tue 00:00–05:00).
    let end = Math.max(...current.map(([start, end]) => minute + (end - start) - since(start)));
    for (let guard = 0; guard < 14; guard++) {
      const next = spans.find(([start, e]) => start % WEEK === end % WEEK && e - start > 0);
      if (!next) break;
      end += next[1] - next[0];
      if (end - minute >= WEEK) return { state: "always" };
    }
    return { state: "open", closes: weekTime(end) };
  }
  // The contact has hours (see above): one of them opens next.
  return { state: "closed", opens: weekTime(minute + Math.min(...spans.map(([start]) => WEEK - since(start)))) };
}

export function dayName(day: Weekday, locale: string): string {
  // 2024-01-01 was a Monday.
  return formatter(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day))));
}

/** "Mon–Fri 08:00–20:00 · Sat 10:00–18:00" in the page's language. */
export function formatHours(hours: Contact["hours"], locale: string): string {
  const sorted = [...hours].sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || minutesOf(a.open) - minutesOf(b.open));
  const groups: { from: Weekday; to: Weekday; open: string; close: string }[] = [];
  for (const period of sorted) {
    const last = groups.at(-1);
    const consecutive = last && DAYS.indexOf(period.day) === DAYS.indexOf(last.to) + 1;
    if (last && consecutive && last.open === period.open && last.close === period.close) last.to = period.day;
    else groups.push({ from: period.day, to: period.day, open: period.open, close: period.close });
  }
  return groups
    .map((g) => `${dayName(g.from, locale)}${g.to === g.from ? "" : `–${dayName(g.to, locale)}`} ${g.open}–${g.close}`)
    .join(" · ");
}

/**
 * When a contact next closes or opens, relative to the visitor's "now" in the helpline's time
 * zone: each language builds its own sentence from it (prepositions differ: "at 20:00",
 * "um 20:00", "alle 20:00", "el lunes a las 20:00").
 */
export interface When {
  /** today, tomorrow, a weekday within the week, or a date when it is today's weekday a week ahead. */
  day: "today" | "tomorrow" | "weekday" | "date";
  /** "HH:MM" in the helpline's time zone. */
  time: string;
  /** A close at 00:00 ends the day before: "closes at midnight", never "closes Mon 00:00". */
  midnight: boolean;
  /** From Intl in the page's language: the weekday ("Thursday", "giovedì"), or for day "date" the date with it ("Monday, November 30"). */
  name: string;
}

/**
 * Describes `when` (a close when `closing`, else an open) as seen at `now`; null when the zone is
 * unusable. A close at 00:00 belongs to the day it ends.
 */
export function describeWhen(when: WeekTime, now: Date, timeZone: string, locale: string, closing: boolean): When | null {
  const nowMinute = weekMinute(now, timeZone);
  if (nowMinute === null) return null;
  const midnight = closing && when.time === "00:00";
  const ahead = (((when.minute - nowMinute) % WEEK) + WEEK) % WEEK || WEEK;
  const days = Math.floor((nowMinute + ahead - +midnight) / 1440) - Math.floor(nowMinute / 1440);
  const day = days < 1 ? "today" : days < 2 ? "tomorrow" : days < 7 ? "weekday" : "date";
  // Noon of that day (local), so a DST shift of an hour never moves the date.
  const noon = new Date(now.getTime() + (days * 1440 + 720 - (nowMinute % 1440)) * 60_000);
  const name = formatter(locale, { weekday: "long", timeZone, ...(day === "date" && { day: "numeric", month: "long" }) });
  return { day, time: when.time, midnight, name: name.format(noon) };
}
