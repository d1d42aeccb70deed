/** <throughline-helplines>'s strings in English: the fallback, in every bundle, and the shape each translation fills. */
import type { When } from "../opening-hours.ts";

/** "at 20:00", "tomorrow at 02:00", "Thursday at midnight", "Monday, November 30 at 09:00". */
const at = (when: When) => {
  const time = when.midnight ? "midnight" : when.time;
  const day = when.day === "today" ? "" : when.day === "tomorrow" ? "tomorrow" : when.name;
  return `${day ? `${day} ` : ""}at ${time}`;
};

const en = {
  loading: "Loading…",
  retry: "Try again",
  /** Said with the emergency number as a call link where {number} stands. */
  emergency: "If you are in immediate danger, call {number}",
  contactActions: { phone: "Call", sms: "Text", webchat: "Chat online", whatsapp: "WhatsApp", website: "Website" },
  open247: "Open 24/7",
  noHelplines: "No helplines found for this country and topic.",
  helplinesError: "Helplines could not be loaded.",
  staleNote: "This list may be out of date.",
  helplinesCount: (n: number) => (n === 1 ? "1 helpline" : `${n} helplines`),
  openNow: (when: When) => `Open now · closes ${at(when)}`,
  closedNow: (when: When) => `Closed · opens ${at(when)}`,
  closed: "Closed",
  unknownTopic: (country: string) => `No helplines are listed for this topic. Showing all helplines in ${country}.`,
  unknownCountry: "Helplines for this country are not available here. In an emergency, call your local emergency number.",
};

export type ThroughLineHelplinesStrings = typeof en;
export default en;
