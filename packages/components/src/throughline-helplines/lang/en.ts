/** <throughline-helplines>'s strings in English: the fallback, in every bundle, and the shape each translation fills. */
const en = {
  loading: "Loading…",
  retry: "Try again",
  emergency: "If you are in immediate danger, call",
  contactActions: { phone: "Call", sms: "Text", webchat: "Chat online", whatsapp: "WhatsApp", website: "Website" },
  open247: "Open 24/7",
  noHelplines: "No helplines found for this country and topic.",
  helplinesError: "Helplines could not be loaded.",
  staleNote: "This list may be out of date.",
  helplinesCount: (n: number) => (n === 1 ? "1 helpline" : `${n} helplines`),
  openNow: (when: string) => `Open now · closes ${when}`,
  closedNow: (when: string) => `Closed · opens ${when}`,
  closed: "Closed",
  unknownTopic: (country: string) => `No helplines are listed for this topic. Showing all helplines in ${country}.`,
  unknownCountry: "Helplines for this country are not available here. In an emergency, call your local emergency number.",
};

export type ThroughLineHelplinesStrings = typeof en;
export default en;
