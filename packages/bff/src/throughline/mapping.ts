/**
 * ThroughLine API v2 → our contract. Everything that depends on the version of ThroughLine's
 * API lives here: the version itself, the shapes of its answers, contact method types, opening
 * hours, WhatsApp links, and the display rule for a pair of services.
 */
import { type Contact, type ContactType, type Helpline, type HelplineEvent, type OpeningPeriod, Weekday } from "@embedkit/contracts";
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
});
export type UpstreamHelpline = z.infer<typeof UpstreamHelpline>;

/** The lists ThroughLine answers, each in its envelope. */
export const CountriesAnswer = z.object({ countries: z.array(UpstreamCountry) });
export const TopicsAnswer = z.object({ topics: z.array(UpstreamTopic) });
export const HelplinesAnswer = z.object({ helplines: z.array(UpstreamHelpline) });

/** A helpline look-up: ThroughLine's country codes are lower case; `topic` is a topic's name, as its docs send it. */
export interface HelplinesQuery {
  countryCode: string;
  topic?: string | undefined;
  limit: number;
  priorityOnly: boolean;
}

export type UpstreamEventKind = HelplineEvent["type"];
/** A display or click as ThroughLine's events API takes it. */
export interface UpstreamEvent {
  helpline_id: string;
  session_id: string;
  timestamp: string;
  contact_method?: string;
}

/** Our contact types → ThroughLine's `contact_method` names (v2 calls web chat `onlinechat`). */
const CONTACT_METHODS: Record<ContactType, string> = {
  phone: "phone",
  sms: "sms",
  webchat: "onlinechat",
  whatsapp: "whatsapp",
  website: "website",
};

/** Our event → ThroughLine's, stamped at `at` (milliseconds since the epoch). */
export function toUpstreamEvent(event: HelplineEvent, at: number): UpstreamEvent {
  return {
    helpline_id: event.helplineId,
    session_id: event.sessionId,
    timestamp: new Date(at).toISOString(),
    ...(event.contactMethod && { contact_method: CONTACT_METHODS[event.contactMethod] }),
  };
}

const WEEKDAYS: readonly Weekday[] = Weekday.options;
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

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const wallClocks = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone: building one is the costly part. */
function wallClockIn(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  // Stryker disable next-line ConditionalExpression: a cache: a new formatter each time gives the same parts, only slower
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/**
 * An ISO date-time → the helpline's wall clock as minutes since the epoch. An instant with an
 * offset is converted into `timeZone` (ThroughLine writes the helpline's own offset, but a "Z"
 * or another offset must not shift the hours); without an offset or a zone, it is read as written.
 */
function localMinutes(value: string, timeZone: string | undefined): number | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  let [y, mo, d, h, mi] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  if (match[6] && timeZone) {
    const instant = Date.parse(value.trim());
    if (Number.isNaN(instant)) return null;
    const parts = Object.fromEntries(
      wallClockIn(timeZone)
        .formatToParts(instant)
        .map((p) => [p.type, Number(p.value)]),
    );
    [y, mo, d, h, mi] = [parts.year, parts.month, parts.day, parts.hour, parts.minute] as [number, number, number, number, number];
  }
  const minutes = Date.UTC(y, mo - 1, d, h, mi) / 60_000;
  return Number.isNaN(minutes) ? null : minutes;
}

const hhmm = (minutes: number) => `${String(Math.floor((minutes % 1440) / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
/** Monday = 0 (1970-01-01, day 0 of the epoch, was a Thursday). */
const weekdayOf = (minutes: number) => WEEKDAYS[(Math.floor(minutes / 1440) + 3) % 7] as Weekday;

/**
 * v2 periods are dated instants; ours are weekly, local "HH:MM" in the helpline's `timeZone`. A
 * period past midnight stays one entry (`close` < `open`); one longer than a day is cut at
 * midnights so each entry spans at most 24 hours (`close` = `open` meaning a whole day). The
 * same weekly period given twice (two dated weeks) is kept once.
 */
export function toHours(periods: unknown[], timeZone?: string): OpeningPeriod[] {
  const out = new Map<string, OpeningPeriod>();
  const add = (day: Weekday, open: number, close: number) => {
    const period = { day, open: hhmm(open), close: hhmm(close) };
    out.set(`${period.day} ${period.open} ${period.close}`, period);
  };
  for (const raw of periods) {
    const parsed = UpstreamPeriod.safeParse(raw);
    if (!parsed.success || !WEEKDAYS.includes(parsed.data.localDayOfWeek.toLowerCase() as Weekday)) continue;
    const open = localMinutes(parsed.data.open, timeZone);
    const close = localMinutes(parsed.data.close, timeZone);
    if (open === null || close === null || close <= open) continue;
    if (close - open <= 24 * 60) {
      add(weekdayOf(open), open, close);
      continue;
    }
    let start = open;
    for (let i = 0; start < close && i < 8; i++) {
      const end = Math.min((Math.floor(start / 1440) + 1) * 1440, close);
      add(weekdayOf(start), start, end);
      start = end;
    }
  }
  return [...out.values()];
}

/** v2's contact method types → ours; any other type becomes a plain link if its value is a safe URL. */
const KNOWN_TYPES: Record<string, Contact["type"]> = { phone: "phone", sms: "sms", onlinechat: "webchat", whatsapp: "whatsapp" };

/**
 * WhatsApp's wa.me link takes "the full phone number in international format": only a value
 * written that way (`+…` or `00…`) becomes one, with its digits alone. A national number
 * ("021 234 5678") cannot be placed in a country, so it is shown as it is, with a tel: link.
 */
function whatsappContact(value: string, schedule: Pick<Contact, "alwaysOpen" | "hours">): Contact | null {
  const label = value.trim();
  const digits = label.replace(/\D/g, "");
  if (digits.length < 6 || /[^\d\s()+./-]/.test(label)) return null; // not a phone number
  const international = /^\s*(\+|00)/.exec(label);
  if (!international) return { type: "whatsapp", label, href: `tel:${dialable(label)}`, ...schedule };
  const number = international[1] === "00" ? digits.slice(2) : digits;
  return { type: "whatsapp", label, href: `https://wa.me/${number}`, ...schedule };
}

function toContact(raw: unknown, timeZone: string | undefined): Contact | null {
  const parsed = UpstreamContactMethod.safeParse(raw);
  if (!parsed.success) return null;
  const { contactMethodType, value, alwaysOpen, openingHours } = parsed.data;
  const schedule = { alwaysOpen: alwaysOpen === true, hours: alwaysOpen || !openingHours ? [] : toHours(openingHours, timeZone) };
  const type = KNOWN_TYPES[contactMethodType.toLowerCase()];
  if (type === "phone" || type === "sms") {
    const number = dialable(value);
    return number ? { type, label: value.trim(), href: `${type === "phone" ? "tel" : "sms"}:${number}`, ...schedule } : null;
  }
  if (type === "whatsapp" && !value.includes("/")) return whatsappContact(value, schedule);
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
    // a zone this runtime does not know: no zone, as below
  }
  return undefined;
}

export function toCountry(country: z.infer<typeof UpstreamCountry>) {
  return {
    code: country.code.toUpperCase(),
    name: country.name,
    ...(country.emergencyNumber && { emergencyNumber: country.emergencyNumber }),
  };
}

export function toHelpline(upstream: UpstreamHelpline): Helpline {
  const timezone = validTimeZone(upstream.timezone);
  // Stryker disable next-line ArrayDeclaration: toContact leaves out any entry that is not a contact method, as it would a placeholder
  const contacts = (upstream.contactMethods ?? []).map((m) => toContact(m, timezone)).filter((c): c is Contact => c !== null);
  const website = upstream.website ? safeUrl(upstream.website) : null;
  if (website) contacts.push({ type: "website", label: website.host, href: website.toString(), alwaysOpen: true, hours: [] });
  return {
    id: upstream.id,
    name: upstream.name,
    ...(upstream.description && { description: upstream.description.replace(/\r\n?/g, "\n") }),
    country: toCountry(upstream.country),
    topics: upstream.topics,
    ...(timezone && { timezone }),
    contacts,
  };
}

/**
 * ThroughLine's display rule: "If the query returns a list containing two services (e.g., one
 * for adults, one for youth…), API consumers must display both services or refrain from
 * displaying any." No field links the two: a priority answer of exactly two services is the
 * pair, and `limit` never cuts it to one. Any other answer keeps ThroughLine's order up to `limit`.
 */
export function applyLimit(helplines: Helpline[], limit: number, priorityOnly: boolean): { helplines: Helpline[]; pair: boolean } {
  if (priorityOnly && helplines.length === 2) return { helplines, pair: true };
  return { helplines: helplines.slice(0, limit), pair: false };
}
