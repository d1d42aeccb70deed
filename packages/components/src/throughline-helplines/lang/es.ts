/** <throughline-helplines>'s strings in Spanish: fetched only by pages in Spanish. */
import type { When } from "../opening-hours.ts";
import type { ThroughLineHelplinesStrings } from "./en.ts";

/** "a las 20:00", "a la 01:00", "mañana a las 02:00", "el jueves a medianoche", "el lunes, 30 de noviembre a las 09:00". */
const at = (when: When) => {
  const time = when.midnight ? "a medianoche" : when.time.startsWith("01:") ? `a la ${when.time}` : `a las ${when.time}`;
  const day = when.day === "today" ? "" : when.day === "tomorrow" ? "mañana" : `el ${when.name}`;
  return `${day ? `${day} ` : ""}${time}`;
};

export default {
  loading: "Cargando…",
  retry: "Reintentar",
  emergency: "Si está en peligro inmediato, llame al {number}",
  contactActions: { phone: "Llamar", sms: "SMS", webchat: "Chat en línea", whatsapp: "WhatsApp", website: "Sitio web" },
  open247: "Abierto 24/7",
  noHelplines: "No hay líneas de ayuda para este país y tema.",
  helplinesError: "No se pudieron cargar las líneas de ayuda.",
  staleNote: "Es posible que esta lista no esté actualizada.",
  helplinesCount: (n) => (n === 1 ? "1 línea de ayuda" : `${n} líneas de ayuda`),
  openNow: (when) => `Abierto ahora · cierra ${at(when)}`,
  closedNow: (when) => `Cerrado · abre ${at(when)}`,
  closed: "Cerrado",
  unknownTopic: (country) => `No hay líneas de ayuda para este tema. Se muestran todas las de ${country}.`,
  unknownCountry:
    "Las líneas de ayuda de este país no están disponibles aquí. En caso de emergencia, llame al número de emergencias local.",
} satisfies ThroughLineHelplinesStrings;
