/** <throughline-helplines>'s strings in Spanish: fetched only by pages in Spanish. */
import type { ThroughLineHelplinesStrings } from "./en.ts";

export default {
  loading: "Cargando…",
  retry: "Reintentar",
  emergency: "Si está en peligro inmediato, llame al",
  contactActions: { phone: "Llamar", sms: "SMS", webchat: "Chat en línea", whatsapp: "WhatsApp", website: "Sitio web" },
  open247: "Abierto 24/7",
  noHelplines: "No hay líneas de ayuda para este país y tema.",
  helplinesError: "No se pudieron cargar las líneas de ayuda.",
  staleNote: "Es posible que esta lista no esté actualizada.",
  helplinesCount: (n) => (n === 1 ? "1 línea de ayuda" : `${n} líneas de ayuda`),
  openNow: (when) => `Abierto ahora · cierra a las ${when}`,
  closedNow: (when) => `Cerrado · abre ${when}`,
  closed: "Cerrado",
  unknownTopic: (country) => `No hay líneas de ayuda para este tema. Se muestran todas las de ${country}.`,
  unknownCountry:
    "Las líneas de ayuda de este país no están disponibles aquí. En caso de emergencia, llame al número de emergencias local.",
} satisfies ThroughLineHelplinesStrings;
