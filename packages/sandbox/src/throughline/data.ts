/**
 * The sandbox's ThroughLine directory (API v2): US and NZ only, as sandbox applications see.
 * Shapes as ThroughLine documents them: one `contactMethods` list with each method's own hours,
 * absent fields left out, descriptions that may carry \r\n. Hours are written here as a weekly
 * template in the helpline's local time; app.ts turns them into v2's dated periods.
 * No field links a pair of services (ThroughLine publishes none): a priority answer of exactly
 * two services is one, as NZ's adult and youth lines for suicidal thoughts, and its English and
 * te reo Māori lines for domestic violence, are here.
 */

export const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Day = (typeof DAYS)[number];

/** Local "HH:MM"; a `close` at or before `open` ends the next day (one period past midnight). */
export interface WeeklyPeriod {
  day: Day;
  open: string;
  close: string;
}

export interface SandboxContactMethod {
  /** v2's `contactMethodType`: phone, sms, onlinechat, whatsapp, and types the BFF does not know. */
  type: string;
  value: string;
  /** Open around the clock; otherwise `weekly` (a function of today's local day for hours that depend on it). */
  alwaysOpen?: boolean;
  weekly?: WeeklyPeriod[] | ((today: Day) => WeeklyPeriod[]);
}

export interface SandboxHelpline {
  id: string;
  name: string;
  description?: string;
  website?: string;
  country: { name: string; code: string; emergencyNumber: string };
  timezone: string;
  topics: string[];
  contactMethods: SandboxContactMethod[];
  /** On the curated short list (`priority_only`) of its country, for each of its topics. */
  priority: boolean;
}

export const COUNTRIES = [
  { name: "United States", code: "US", emergencyNumber: "911" },
  { name: "New Zealand", code: "NZ", emergencyNumber: "111" },
];

export const TOPICS = [
  { name: "Suicidal thoughts", code: "suicidal-thoughts" },
  { name: "Anxiety", code: "anxiety" },
  { name: "Domestic violence", code: "domestic-violence" },
  { name: "Substance use", code: "substance-use" },
  { name: "Grief & loss", code: "grief-and-loss" },
];

const US = COUNTRIES[0] as (typeof COUNTRIES)[number];
const NZ = COUNTRIES[1] as (typeof COUNTRIES)[number];
const days = (list: readonly Day[], open: string, close: string) => list.map((day) => ({ day, open, close }));
const WEEKDAYS = DAYS.slice(0, 5);
/**
 * One day a week, three days from today in the helpline's own time zone: closed whenever it is
 * looked at, even in an answer the BFF cached for hours (or across midnight).
 */
const inThreeDays = (open: string, close: string) => (today: Day) => days([DAYS[(DAYS.indexOf(today) + 3) % 7] as Day], open, close);
/** Hours on every day but today, in the helpline's own time zone: closed right now whenever the sandbox runs. */
const everyDayButToday = (open: string, close: string) => (today: Day) =>
  days(
    DAYS.filter((d) => d !== today),
    open,
    close,
  );

export const HELPLINES: SandboxHelpline[] = [
  {
    id: "6b0f5a1e-2c8d-4f3b-9a7e-1d2c3b4a5f60",
    name: "988 Suicide & Crisis Lifeline",
    description: "Free, confidential support for people in distress.\r\nCall, text or chat.",
    website: "https://988lifeline.example",
    country: US,
    timezone: "America/New_York",
    topics: ["Suicidal thoughts", "Anxiety", "Substance use"],
    contactMethods: [
      { type: "phone", value: "988", alwaysOpen: true },
      { type: "sms", value: "988", alwaysOpen: true },
      { type: "onlinechat", value: "https://988lifeline.example/chat", alwaysOpen: true },
    ],
    priority: true,
  },
  {
    id: "0e4d3c2b-1a09-4f8e-8d7c-6b5a49382716",
    name: "Crisis Text Line",
    description: "Text with a trained crisis counselor.",
    country: US,
    timezone: "America/New_York",
    topics: ["Suicidal thoughts", "Anxiety", "Grief & loss"],
    contactMethods: [
      { type: "sms", value: "741741", alwaysOpen: true },
      { type: "whatsapp", value: "https://wa.example/14155550100", alwaysOpen: true },
      // Types the BFF does not know: a safe link stays a plain link, anything else is left out.
      { type: "telegram", value: "https://telegram.example/crisistextline", weekly: days(WEEKDAYS, "09:00", "17:00") },
      { type: "email", value: "help@crisistextline.example", alwaysOpen: true },
    ],
    priority: true,
  },
  {
    id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    name: "Trevor Lifeline",
    description: "For LGBTQ+ young people.",
    website: "https://trevor.example",
    country: US,
    timezone: "America/Los_Angeles",
    topics: ["Suicidal thoughts", "Anxiety"],
    contactMethods: [
      { type: "phone", value: "+1 866-488-7386", alwaysOpen: true },
      { type: "onlinechat", value: "https://trevor.example/chat", weekly: days(DAYS, "12:00", "22:00") },
    ],
    priority: true,
  },
  {
    id: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
    name: "National Domestic Violence Hotline",
    description: "Support for survivors of domestic violence.\r\nSafety planning and referrals.",
    website: "https://dvhotline.example",
    country: US,
    timezone: "America/Chicago",
    topics: ["Domestic violence"],
    contactMethods: [
      { type: "phone", value: "+1 800-799-7233", weekly: days(WEEKDAYS, "08:00", "20:00") },
      // Evenings into the small hours: each period runs past midnight as one period.
      { type: "sms", value: "88788", weekly: days(DAYS, "17:00", "05:00") },
    ],
    priority: true,
  },
  {
    id: "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b",
    name: "SAMHSA National Helpline",
    country: US,
    timezone: "America/New_York",
    topics: ["Substance use"],
    contactMethods: [{ type: "phone", value: "+1 800-662-4357", alwaysOpen: true }],
    priority: false,
  },
  // A pair, by the display rule: NZ's priority answer for suicidal thoughts (or anxiety) is these two, adult and youth.
  {
    id: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    name: "Lifeline Aotearoa",
    description: "Free, confidential support for adults.\r\nTalk to a trained counsellor.",
    website: "https://lifeline.example.nz",
    country: NZ,
    timezone: "Pacific/Auckland",
    topics: ["Suicidal thoughts", "Anxiety", "Grief & loss"],
    contactMethods: [
      { type: "phone", value: "0800 543 354", alwaysOpen: true },
      { type: "sms", value: "4357", alwaysOpen: true },
      // In international form: WhatsApp's wa.me link can take it.
      { type: "whatsapp", value: "+64 21 054 3354", alwaysOpen: true },
    ],
    priority: true,
  },
  {
    id: "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e",
    name: "Youthline",
    description: "Support for young people aged 12–24.",
    website: "https://youthline.example.nz",
    country: NZ,
    timezone: "Pacific/Auckland",
    topics: ["Suicidal thoughts", "Anxiety"],
    contactMethods: [
      {
        type: "phone",
        value: "0800 376 633",
        weekly: [...days(WEEKDAYS, "09:00", "23:00"), { day: "saturday", open: "10:00", close: "18:00" }],
      },
      { type: "sms", value: "234", weekly: days(DAYS, "08:00", "00:00") },
      // Its chat keeps other hours, and is closed today wherever the demo is opened.
      { type: "onlinechat", value: "https://youthline.example.nz/chat", weekly: everyDayButToday("16:00", "22:00") },
      // In national form, as partners may give it: no wa.me link can be made of it.
      { type: "whatsapp", value: "021 376 633", weekly: days(WEEKDAYS, "09:00", "21:00") },
    ],
    priority: true,
  },
  {
    id: "c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f",
    name: "Women's Refuge Crisisline",
    description: "For women and children experiencing family violence.",
    country: NZ,
    timezone: "Pacific/Auckland",
    topics: ["Domestic violence"],
    contactMethods: [{ type: "phone", value: "0800 733 843", alwaysOpen: true }],
    priority: true,
  },
  // With the line above, a pair in NZ's two official languages: the priority answer for domestic violence.
  {
    id: "e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8091",
    name: "Te Waea Āwhina",
    description: "He ratonga i te reo Māori mō te whānau.\r\nSupport in te reo Māori for families.",
    country: NZ,
    timezone: "Pacific/Auckland",
    topics: ["Domestic violence"],
    contactMethods: [{ type: "phone", value: "0800 456 450", alwaysOpen: true }],
    priority: true,
  },
  // Closed right now in its own time zone, whatever the time: the closed state is always there to see.
  {
    id: "d4e5f6a7-b8c9-4d0e-8f1a-3b4c5d6e7f80",
    name: "Alcohol Drug Helpline",
    country: NZ,
    timezone: "Pacific/Auckland",
    topics: ["Substance use"],
    contactMethods: [
      { type: "phone", value: "0800 787 797", weekly: inThreeDays("10:00", "22:00") },
      { type: "sms", value: "8681", weekly: inThreeDays("10:00", "18:00") },
    ],
    priority: false,
  },
];
