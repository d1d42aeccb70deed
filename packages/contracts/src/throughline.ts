import { z } from "@hono/zod-openapi";

export const Country = z.object({ code: z.string(), name: z.string(), emergencyNumber: z.string().optional() }).openapi("Country");
export type Country = z.infer<typeof Country>;

export const Topic = z.object({ code: z.string(), name: z.string() }).openapi("Topic");
export type Topic = z.infer<typeof Topic>;

export const ContactType = z.enum(["phone", "sms", "webchat", "whatsapp", "website"]);
export type ContactType = z.infer<typeof ContactType>;

export const Weekday = z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
export type Weekday = z.infer<typeof Weekday>;

/** One opening period in the helpline's local time; `close` ≤ `open` ends the next day (past midnight). */
export const OpeningPeriod = z
  .object({
    day: Weekday,
    open: z.string().regex(/^\d{2}:\d{2}$/),
    close: z.string().regex(/^\d{2}:\d{2}$/),
  })
  .openapi("OpeningPeriod", {
    description: "A period in the helpline's local time (its `timezone`); `close` at or before `open` ends the next day, past midnight.",
  });
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

export const Contact = z
  .object({
    type: ContactType,
    /** What to show: a number as ThroughLine formats it, or the site's host. */
    label: z.string(),
    /** tel:, sms: or an https URL; nothing else ever reaches a link. */
    href: z
      .string()
      .regex(/^(tel:|sms:|https:\/\/)/)
      .openapi({ description: "tel:, sms: or an https URL; nothing else." }),
    /** Open around the clock. */
    alwaysOpen: z.boolean().openapi({ description: "Open around the clock." }),
    /** This contact's own weekly hours in the helpline's `timezone`; empty when always open or unknown. */
    hours: z
      .array(OpeningPeriod)
      .openapi({ description: "This contact's own weekly hours (ThroughLine API v2); empty when always open or unknown." }),
  })
  .openapi("Contact");
export type Contact = z.infer<typeof Contact>;

export const Helpline = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    country: Country,
    topics: z.array(z.string()),
    timezone: z.string().optional(),
    contacts: z.array(Contact),
  })
  .openapi("Helpline");
export type Helpline = z.infer<typeof Helpline>;

/** `stale: true` when ThroughLine could not be asked (quota spent, outage) and an earlier answer is served. */
export const CountriesResponse = z.object({ countries: z.array(Country), stale: z.boolean() }).openapi("Countries");
export const TopicsResponse = z.object({ topics: z.array(Topic), stale: z.boolean() }).openapi("Topics");
export const HelplinesResponse = z
  .object({
    /** null: ThroughLine lists no such country (nothing was asked of it). */
    country: Country.nullable(),
    /** The topic the list is for; null when none was asked, or when it was unknown and the country's list is served instead. */
    topic: Topic.nullable(),
    /** The `topic` asked for is not one of ThroughLine's topics: the list is the country's. */
    unknownTopic: z.boolean().openapi({ description: "The topic asked for is not one of ThroughLine's: the country's list is served." }),
    helplines: z.array(Helpline).openapi({
      description:
        "ThroughLine's order. A priority answer of exactly two services is a pair (adult and youth, two languages): both are always given, whatever `limit`, and must be shown both or neither.",
    }),
    /** ThroughLine's display rule applies: the two helplines are a pair, to be shown both or neither. */
    pair: z.boolean().openapi({
      description: "The answer is a priority pair (exactly two services, whatever `limit`): show both or neither.",
    }),
    stale: z.boolean(),
  })
  .openapi("Helplines");
export type HelplinesResponse = z.infer<typeof HelplinesResponse>;

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

export const HelplinesQuery = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166 country code such as US")
    .transform((v) => v.toUpperCase()),
  topic: z.string().trim().min(1).max(100).optional().openapi({ description: "Topic name or code" }),
  priority: flag.openapi({ description: "Only ThroughLine's curated short list" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .openapi({ description: "Helplines at most; a priority pair is never cut to one" }),
});

export const HelplineEvent = z
  .object({
    type: z.enum(["display", "click"]),
    helplineId: z.string().min(1).max(100),
    contactMethod: ContactType.optional(),
    sessionId: z.string().min(1).max(100),
  })
  .refine((e) => e.type === "display" || e.contactMethod, { message: "clicks need a contactMethod", path: ["contactMethod"] })
  .openapi("HelplineEvent");
export type HelplineEvent = z.infer<typeof HelplineEvent>;
