/** <throughline-helplines>'s strings in French: fetched only by pages in French. */
import type { When } from "../opening-hours.ts";
import type { ThroughLineHelplinesStrings } from "./en.ts";

/** "à 20:00", "demain à 02:00", "jeudi à minuit", "lundi 30 novembre à 09:00". */
const at = (when: When) => {
  const time = when.midnight ? "à minuit" : `à ${when.time}`;
  const day = when.day === "today" ? "" : when.day === "tomorrow" ? "demain" : when.name;
  return `${day ? `${day} ` : ""}${time}`;
};

export default {
  loading: "Chargement…",
  retry: "Réessayer",
  emergency: "En cas de danger immédiat, appelez le {number}",
  contactActions: { phone: "Appeler", sms: "SMS", webchat: "Chat en ligne", whatsapp: "WhatsApp", website: "Site web" },
  open247: "Ouvert 24 h/24, 7 j/7",
  noHelplines: "Aucune ligne d'écoute pour ce pays et ce sujet.",
  helplinesError: "Les lignes d'écoute n'ont pas pu être chargées.",
  staleNote: "Cette liste n'est peut-être pas à jour.",
  helplinesCount: (n) => (n === 1 ? "1 ligne d'écoute" : `${n} lignes d'écoute`),
  openNow: (when) => `Ouvert · ferme ${at(when)}`,
  closedNow: (when) => `Fermé · ouvre ${at(when)}`,
  closed: "Fermé",
  unknownTopic: (country) => `Aucune ligne d'écoute pour ce sujet. Voici toutes les lignes d'écoute (${country}).`,
  unknownCountry: "Les lignes d'écoute de ce pays ne sont pas disponibles ici. En cas d'urgence, appelez le numéro d'urgence local.",
} satisfies ThroughLineHelplinesStrings;
