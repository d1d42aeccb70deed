/**
 * ThroughLine API v2 → our contract. Everything that depends on the version of ThroughLine's
 * API lives here: the version itself, the shapes of its answers, contact method types, opening
 * hours, and the field assumed to link a pair of services.
 */
import type { Contact, Helpline, OpeningPeriod, Weekday } from "@embedkit/contracts";
import { z } from "zod";

/** The API version the BFF speaks; THROUGHLINE_API_URL must point at it. */
export const API_VERSION = "v2";
export const DEFAULT_API_URL = `https://api.throughlinecare.com/${API_VERSION}`;
/** ThroughLine's events page documents `/v1/events/…` (no v2 events path is documented). */
export const DEFAULT_EVENTS_URL = "https://api.throughlinecare.com/v1/events";

export const UpstreamCountry = z.object({ name: z.string(), code: z.string(), emergencyNumber: z.string().nullish() });
export const UpstreamTopic = z.object({ name: z.string(), code: z.string() });

const UpstreamPeriod = z.object({ localDayOfWeek: z.string(), open: z.string(), close: z.string() });
const UpstreamContactMethod = z.object({
  contactMethodType: z.string(),
  value: z.string(),
  alwaysOpen: z.boolean().nullish(),
  openingHours: z.array(z.unknown()).nullish(),
});

export const UpstreamHelpline = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  website: z.string().nullish(),
  country: UpstreamCountry,
  timezone: z.string().nullish(),
  topics: z.array(z.string()).default([]),
  // Checked one by one in toContacts: one odd contact method must not cost the whole helpline.
  contactMethods: z.array(z.unknown()).nullish(),
  /** Assumed: ThroughLine publishes no field for pairs; this name is ours until one is documented. */
  pairedHelplineId: z.string().nullish(),
});
export type UpstreamHelpline = z.infer<typeof UpstreamHelpline>;

const WEEKDAYS: readonly Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const dialable = (number: string) => number.replace(/[^\d+*#]/g, "");

/** Only https links leave the BFF (an http URL is upgraded): a directory entry never runs script on the host's page. */
function safeUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol === "http:") url.protocol = "https:";
    return url.protocol === "https:" && !url.username && !url.password ? url : null;
  } catch {
    return null;
  }
}

/** "2026-04-20T17:00:00+02:00" → its local wall clock as minutes since the epoch, and "17:00". */
function localTime(value: string): { minutes: number; hhmm: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const minutes = Date.UTC(y as number, (mo as number) - 1, d, h, mi) / 60_000;
  return Number.isNaN(minutes) || (h as number) > 23 || (mi as number) > 59 ? null : { minutes, hhmm: `${match[4]}:${match[5]}` };
}

/**
 * v2 periods are dated and already in the helpline's offset; ours are weekly, local "HH:MM". A
 * period past midnight stays one entry (`close` < `open`); one longer than a day is cut at
 * midnights so each entry spans at most 24 hours (`close` = `open` meaning a whole day).
 */
export function toHours(periods: unknown[]): OpeningPeriod[] {
  const out: OpeningPeriod[] = [];
  for (const raw of periods) {
    const parsed = UpstreamPeriod.safeParse(raw);
    if (!parsed.success) continue;
    const day = WEEKDAYS.indexOf(parsed.data.localDayOfWeek.toLowerCase() as Weekday);
    const open = localTime(parsed.data.open);
    const close = localTime(parsed.data.close);
    if (day === -1 || !open || !close || close.minutes <= open.minutes) continue;
    if (close.minutes - open.minutes <= 24 * 60) {
      out.push({ day: WEEKDAYS[day] as Weekday, open: open.hhmm, close: close.hhmm });
      continue;
    }
    let start = open.minutes;
    for (let i = 0; start < close.minutes && i < 8; i++) {
      const midnight = (Math.floor(start / 1440) + 1) * 1440;
      const end = Math.min(midnight, close.minutes);
      const hhmm = (m: number) => `${String(Math.floor((m % 1440) / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      out.push({ day: WEEKDAYS[(day + i) % 7] as Weekday, open: hhmm(start), close: hhmm(end) });
      start = end;
    }
  }
  return out;
}

/** v2's contact method types → ours; any other type becomes a plain link if its value is a safe URL. */
const KNOWN_TYPES: Record<string, Contact["type"]> = { phone: "phone", sms: "sms", onlinechat: "webchat", whatsapp: "whatsapp" };

function toContact(raw: unknown): Contact | null {
  const parsed = UpstreamContactMethod.safeParse(raw);
  if (!parsed.success) return null;
  const { contactMethodType, value, alwaysOpen, openingHours } = parsed.data;
  const schedule = { alwaysOpen: alwaysOpen === true, hours: alwaysOpen ? [] : toHours(openingHours ?? []) };
  const type = KNOWN_TYPES[contactMethodType.toLowerCase()];
  if (type === "phone" || type === "sms") {
    const number = dialable(value);
    return number ? { type, label: value.trim(), href: `${type === "phone" ? "tel" : "sms"}:${number}`, ...schedule } : null;
  }
  // Assumed: a WhatsApp value may be a number rather than a link; wa.me is WhatsApp's click-to-chat address.
  if (type === "whatsapp" && !value.includes("/") && dialable(value).replace(/\D/g, "").length >= 6)
    return { type, label: value.trim(), href: `https://wa.me/${dialable(value).replace(/\D/g, "")}`, ...schedule };
  const url = safeUrl(value);
  if (!url) return null;
  return { type: type ?? "website", label: url.host, href: url.toString(), ...schedule };
}

/** A valid IANA zone, or nothing: the browser computes "open now" in it and must not throw. */
function validTimeZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function toCountry(country: z.infer<typeof UpstreamCountry>) {
  return {
    code: country.code.toUpperCase(),
    name: country.name,
    ...(country.emergencyNumber && { emergencyNumber: country.emergencyNumber }),
  };
}

export function toHelpline(upstream: UpstreamHelpline): Helpline {
  const contacts = (upstream.contactMethods ?? []).map(toContact).filter((c): c is Contact => c !== null);
  const website = upstream.website ? safeUrl(upstream.website) : null;
  if (website) contacts.push({ type: "website", label: website.host, href: website.toString(), alwaysOpen: true, hours: [] });
  const timezone = validTimeZone(upstream.timezone);
  return {
    id: upstream.id,
    name: upstream.name,
    ...(upstream.description && { description: upstream.description.replace(/\r\n?/g, "\n") }),
    country: toCountry(upstream.country),
    topics: upstream.topics,
    ...(timezone && { timezone }),
    contacts,
    ...(upstream.pairedHelplineId && { pairedWith: upstream.pairedHelplineId }),
  };
}

/**
 * ThroughLine's display rule: paired services are shown both or neither. Keeps ranking order,
 * moves a partner next to its pair, and never lets `limit` cut a pair in half.
 */
export function applyPairing(helplines: Helpline[], limit: number): Helpline[] {
  const byId = new Map(helplines.map((h) => [h.id, h]));
  const out: Helpline[] = [];
  const placed = new Set<string>();
  for (const helpline of helplines) {
    if (placed.has(helpline.id)) continue;
    const partner = helpline.pairedWith ? byId.get(helpline.pairedWith) : undefined;
    if (helpline.pairedWith && !partner) continue; // its partner is not in the answer: neither is shown
    const group = partner ? [helpline, partner] : [helpline];
    if (out.length + group.length > limit) continue; // a pair that does not fit is left out whole; a single may still fit
    for (const h of group) {
      out.push(h);
      placed.add(h.id);
    }
  }
  return out;
}
