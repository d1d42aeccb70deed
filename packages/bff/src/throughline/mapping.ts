/** ThroughLine's helpline shape → ours: contacts as safe links, absent fields absent. */
import type { Contact, Helpline } from "@embedkit/contracts";
import { z } from "zod";

export const UpstreamCountry = z.object({ name: z.string(), code: z.string(), emergencyNumber: z.string().nullish() });
export const UpstreamTopic = z.object({ name: z.string(), code: z.string() });
export const UpstreamHelpline = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  website: z.string().nullish(),
  country: UpstreamCountry,
  timezone: z.string().nullish(),
  topics: z.array(z.string()).default([]),
  phoneNumber: z.string().nullish(),
  smsNumber: z.string().nullish(),
  webChatUrl: z.string().nullish(),
  whatsappUrl: z.string().nullish(),
  hours: z
    .object({ alwaysOpen: z.boolean(), periods: z.array(z.object({ day: z.string(), open: z.string(), close: z.string() })).default([]) })
    .nullish(),
  pairedHelplineId: z.string().nullish(),
});
export type UpstreamHelpline = z.infer<typeof UpstreamHelpline>;

const dialable = (number: string) => number.replace(/[^\d+*#]/g, "");

/** Only http(s) URLs become links: a directory entry must never run script on the host's page. */
function safeUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
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
  const contacts: Contact[] = [];
  if (upstream.phoneNumber && dialable(upstream.phoneNumber))
    contacts.push({ type: "phone", label: upstream.phoneNumber, href: `tel:${dialable(upstream.phoneNumber)}` });
  if (upstream.smsNumber && dialable(upstream.smsNumber))
    contacts.push({ type: "sms", label: upstream.smsNumber, href: `sms:${dialable(upstream.smsNumber)}` });
  const links: [Contact["type"], string | null | undefined][] = [
    ["webchat", upstream.webChatUrl],
    ["whatsapp", upstream.whatsappUrl],
    ["website", upstream.website],
  ];
  for (const [type, value] of links) {
    const url = value ? safeUrl(value) : null;
    if (url) contacts.push({ type, label: url.host, href: url.toString() });
  }
  return {
    id: upstream.id,
    name: upstream.name,
    ...(upstream.description && { description: upstream.description.replace(/\r\n?/g, "\n") }),
    country: toCountry(upstream.country),
    topics: upstream.topics,
    ...(upstream.timezone && { timezone: upstream.timezone }),
    contacts,
    ...(upstream.hours && { hours: upstream.hours }),
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
    if (out.length + group.length > limit) break;
    for (const h of group) {
      out.push(h);
      placed.add(h.id);
    }
  }
  return out;
}
