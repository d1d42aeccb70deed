/** <throughline-helplines>'s strings in German: fetched only by pages in German. */
import type { When } from "../opening-hours.ts";
import type { ThroughLineHelplinesStrings } from "./en.ts";

/** "um 20:00 Uhr", "morgen um 02:00 Uhr", "am Donnerstag um Mitternacht", "am Montag, 30. November um 09:00 Uhr". */
const at = (when: When) => {
  const time = when.midnight ? "um Mitternacht" : `um ${when.time} Uhr`;
  const day = when.day === "today" ? "" : when.day === "tomorrow" ? "morgen" : `am ${when.name}`;
  return `${day ? `${day} ` : ""}${time}`;
};

export default {
  loading: "Wird geladen…",
  retry: "Erneut versuchen",
  emergency: "Wenn Sie in akuter Gefahr sind, rufen Sie die {number} an",
  contactActions: { phone: "Anrufen", sms: "SMS", webchat: "Online-Chat", whatsapp: "WhatsApp", website: "Website" },
  open247: "Rund um die Uhr erreichbar",
  noHelplines: "Keine Hilfetelefone für dieses Land und Thema gefunden.",
  helplinesError: "Die Hilfetelefone konnten nicht geladen werden.",
  staleNote: "Diese Liste ist möglicherweise nicht aktuell.",
  helplinesCount: (n) => (n === 1 ? "1 Hilfetelefon" : `${n} Hilfetelefone`),
  openNow: (when) => `Jetzt geöffnet · schließt ${at(when)}`,
  closedNow: (when) => `Geschlossen · öffnet ${at(when)}`,
  closed: "Geschlossen",
  unknownTopic: (country) => `Für dieses Thema sind keine Hilfetelefone verzeichnet. Alle Hilfetelefone (${country}):`,
  unknownCountry: "Für dieses Land sind hier keine Hilfetelefone verfügbar. Im Notfall wählen Sie die örtliche Notrufnummer.",
} satisfies ThroughLineHelplinesStrings;
