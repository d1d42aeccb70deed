/** "Mon–Fri 08:00–20:00 · Sat 10:00–18:00" in the page's language, from ThroughLine's periods. */
import type { Helpline } from "@embedkit/contracts";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

function dayName(day: string, locale: string): string {
  const index = DAYS.indexOf(day.toLowerCase());
  if (index === -1) return day;
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

export function formatHours(hours: NonNullable<Helpline["hours"]>, locale: string, open247: string): string {
  if (hours.alwaysOpen) return open247;
  const sorted = [...hours.periods].sort((a, b) => DAYS.indexOf(a.day.toLowerCase()) - DAYS.indexOf(b.day.toLowerCase()));
  const groups: { from: string; to: string; open: string; close: string }[] = [];
  for (const period of sorted) {
    const last = groups.at(-1);
    const consecutive = last && DAYS.indexOf(period.day.toLowerCase()) === DAYS.indexOf(last.to.toLowerCase()) + 1;
    if (last && consecutive && last.open === period.open && last.close === period.close) last.to = period.day;
    else groups.push({ from: period.day, to: period.day, open: period.open, close: period.close });
  }
  return groups
    .map((g) => `${dayName(g.from, locale)}${g.to === g.from ? "" : `–${dayName(g.to, locale)}`} ${g.open}–${g.close}`)
    .join(" · ");
}
