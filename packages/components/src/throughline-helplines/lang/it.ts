/** <throughline-helplines>'s strings in Italian: fetched only by pages in Italian. */
import type { When } from "../opening-hours.ts";
import type { ThroughLineHelplinesStrings } from "./en.ts";

/** "alle 20:00", "all'01:00", "domani alle 02:00", "giovedì a mezzanotte", "lunedì 30 novembre alle 09:00". */
const at = (when: When) => {
  const time = when.midnight ? "a mezzanotte" : when.time.startsWith("01:") ? `all'${when.time}` : `alle ${when.time}`;
  const day = when.day === "today" ? "" : when.day === "tomorrow" ? "domani" : when.name;
  return `${day ? `${day} ` : ""}${time}`;
};

export default {
  loading: "Caricamento…",
  retry: "Riprova",
  emergency: "Se sei in pericolo immediato, chiama il {number}",
  contactActions: { phone: "Chiama", sms: "SMS", webchat: "Chat online", whatsapp: "WhatsApp", website: "Sito web" },
  open247: "Aperto 24 ore su 24, 7 giorni su 7",
  noHelplines: "Nessun servizio di ascolto per questo paese e argomento.",
  helplinesError: "Non è stato possibile caricare i servizi di ascolto.",
  staleNote: "Questo elenco potrebbe non essere aggiornato.",
  helplinesCount: (n) => (n === 1 ? "1 servizio" : `${n} servizi`),
  openNow: (when) => `Aperto ora · chiude ${at(when)}`,
  closedNow: (when) => `Chiuso · apre ${at(when)}`,
  closed: "Chiuso",
  unknownTopic: (country) => `Nessun servizio per questo argomento. Ecco tutti i servizi di ascolto (${country}).`,
  unknownCountry:
    "I servizi di ascolto per questo paese non sono disponibili qui. In caso di emergenza, chiama il numero di emergenza locale.",
} satisfies ThroughLineHelplinesStrings;
