/**
 * The sandbox's ThroughLine directory: US and NZ only, as sandbox applications see. Shapes as
 * observed in working clients: absent contact fields are left out, descriptions may carry \r\n.
 * `pairedHelplineId` is our assumption for paired services (adult/youth, two languages).
 */

export interface SandboxHelpline {
  id: string;
  name: string;
  description?: string;
  website?: string;
  country: { name: string; code: string; emergencyNumber: string };
  timezone: string;
  topics: string[];
  phoneNumber?: string;
  smsNumber?: string;
  webChatUrl?: string;
  whatsappUrl?: string;
  hours?: { alwaysOpen: boolean; periods: { day: string; open: string; close: string }[] };
  /** Assumed field: the other half of a pair the display rule keeps together. */
  pairedHelplineId?: string;
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
  { name: "Grief and loss", code: "grief-and-loss" },
];

const US = COUNTRIES[0] as (typeof COUNTRIES)[number];
const NZ = COUNTRIES[1] as (typeof COUNTRIES)[number];
const weekdays = (open: string, close: string) =>
  ["monday", "tuesday", "wednesday", "thursday", "friday"].map((day) => ({ day, open, close }));

export const HELPLINES: SandboxHelpline[] = [
  {
    id: "6b0f5a1e-2c8d-4f3b-9a7e-1d2c3b4a5f60",
    name: "988 Suicide & Crisis Lifeline",
    description: "Free, confidential support for people in distress.\r\nCall, text or chat, any time.",
    website: "https://988lifeline.example",
    country: US,
    timezone: "America/New_York",
    topics: ["Suicidal thoughts", "Anxiety", "Substance use"],
    phoneNumber: "988",
    smsNumber: "988",
    webChatUrl: "https://988lifeline.example/chat",
    hours: { alwaysOpen: true, periods: [] },
    priority: true,
  },
  {
    id: "0e4d3c2b-1a09-4f8e-8d7c-6b5a49382716",
    name: "Crisis Text Line",
    description: "Text with a trained crisis counselor.",
    country: US,
    timezone: "America/New_York",
    topics: ["Suicidal thoughts", "Anxiety", "Grief and loss"],
    smsNumber: "741741",
    whatsappUrl: "https://wa.example/14155550100",
    hours: { alwaysOpen: true, periods: [] },
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
    phoneNumber: "+1 866-488-7386",
    webChatUrl: "https://trevor.example/chat",
    priority: false,
  },
  {
    id: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
    name: "National Domestic Violence Hotline",
    description: "Support for survivors of domestic violence.\r\nSafety planning and referrals.",
    website: "https://dvhotline.example",
    country: US,
    timezone: "America/Chicago",
    topics: ["Domestic violence"],
    phoneNumber: "+1 800-799-7233",
    smsNumber: "88788",
    hours: { alwaysOpen: false, periods: weekdays("08:00", "20:00") },
    priority: true,
  },
  {
    id: "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b",
    name: "SAMHSA National Helpline",
    country: US,
    timezone: "America/New_York",
    topics: ["Substance use"],
    phoneNumber: "+1 800-662-4357",
    priority: false,
  },
  // A pair the display rule keeps together: adult and youth services.
  {
    id: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    name: "Lifeline Aotearoa",
    description: "Free, confidential support for adults.\r\nAvailable 24/7.",
    website: "https://lifeline.example.nz",
    country: NZ,
    timezone: "Pacific/Auckland",
    topics: ["Suicidal thoughts", "Anxiety", "Grief and loss"],
    phoneNumber: "0800 543 354",
    smsNumber: "4357",
    hours: { alwaysOpen: true, periods: [] },
    pairedHelplineId: "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e",
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
    phoneNumber: "0800 376 633",
    smsNumber: "234",
    webChatUrl: "https://youthline.example.nz/chat",
    hours: { alwaysOpen: false, periods: [...weekdays("09:00", "23:00"), { day: "saturday", open: "10:00", close: "18:00" }] },
    pairedHelplineId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    priority: true,
  },
  {
    id: "c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f",
    name: "Women's Refuge Crisisline",
    description: "For women and children experiencing family violence.",
    country: NZ,
    timezone: "Pacific/Auckland",
    topics: ["Domestic violence"],
    phoneNumber: "0800 733 843",
    hours: { alwaysOpen: true, periods: [] },
    priority: true,
  },
  {
    id: "d4e5f6a7-b8c9-4d0e-8f1a-3b4c5d6e7f80",
    name: "Alcohol Drug Helpline",
    country: NZ,
    timezone: "Pacific/Auckland",
    topics: ["Substance use"],
    phoneNumber: "0800 787 797",
    smsNumber: "8681",
    priority: false,
  },
];
