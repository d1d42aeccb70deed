/** <throughline-helplines>'s strings in German: fetched only by pages in German. */
import type { ThroughLineHelplinesStrings } from "./en.ts";

export default {
  loading: "Wird geladen…",
  retry: "Erneut versuchen",
  emergency: "Wenn Sie in akuter Gefahr sind, rufen Sie die",
  contactActions: { phone: "Anrufen", sms: "SMS", webchat: "Online-Chat", whatsapp: "WhatsApp", website: "Website" },
  open247: "Rund um die Uhr erreichbar",
  noHelplines: "Keine Hilfetelefone für dieses Land und Thema gefunden.",
  helplinesError: "Die Hilfetelefone konnten nicht geladen werden.",
  staleNote: "Diese Liste ist möglicherweise nicht aktuell.",
  helplinesCount: (n) => (n === 1 ? "1 Hilfetelefon" : `${n} Hilfetelefone`),
  openNow: (when) => `Jetzt geöffnet · schließt um ${when}`,
  closedNow: (when) => `Geschlossen · öffnet ${when}`,
  closed: "Geschlossen",
  unknownTopic: (country) => `Für dieses Thema sind keine Hilfetelefone verzeichnet. Alle Hilfetelefone (${country}):`,
  unknownCountry: "Für dieses Land sind hier keine Hilfetelefone verfügbar. Im Notfall wählen Sie die örtliche Notrufnummer.",
} satisfies ThroughLineHelplinesStrings;
