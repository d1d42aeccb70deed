/**
 * A weekly template in local time → v2's `openingHours`: ISO date-times with the helpline's UTC
 * offset, for the current local week (Monday first), a period past midnight as one period.
 */
import { DAYS, type Day, type WeeklyPeriod } from "./data.ts";

export interface OpeningHours {
  localDayOfWeek: Day;
  open: string;
  close: string;
}

const DAY_MS = 86_400_000;

/** The wall clock of `zone` at `instant`, as if it were UTC (so date arithmetic stays simple). */
function wallClock(zone: string, instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** "+13:00" for a wall-clock time (as UTC ms) in `zone`. */
function offsetAt(zone: string, wall: number): string {
  const guess = wall - (wallClock(zone, wall) - wall);
  const minutes = Math.round((wallClock(zone, guess) - guess) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const iso = (zone: string, wall: number) => `${new Date(wall).toISOString().slice(0, 19)}${offsetAt(zone, wall)}`;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Today's local day of the week in `zone`. */
export function localDay(zone: string, now: number): Day {
  return DAYS[(new Date(wallClock(zone, now)).getUTCDay() + 6) % 7] as Day;
}

export function openingHours(zone: string, weekly: WeeklyPeriod[], now: number): OpeningHours[] {
  const today = wallClock(zone, now);
  const monday = Math.floor(today / DAY_MS) * DAY_MS - DAYS.indexOf(localDay(zone, now)) * DAY_MS;
  return [...weekly]
    .sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || minutesOf(a.open) - minutesOf(b.open))
    .map((period) => {
      const open = monday + DAYS.indexOf(period.day) * DAY_MS + minutesOf(period.open) * 60_000;
      const pastMidnight = minutesOf(period.close) <= minutesOf(period.open);
      const close = open - minutesOf(period.open) * 60_000 + (pastMidnight ? DAY_MS : 0) + minutesOf(period.close) * 60_000;
      return { localDayOfWeek: period.day, open: iso(zone, open), close: iso(zone, close) };
    });
}
