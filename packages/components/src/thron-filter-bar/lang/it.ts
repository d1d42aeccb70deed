/** <thron-filter-bar>'s strings in Italian: fetched only by pages in Italian. */
import type { ThronFilterBarStrings } from "./en.ts";

export default {
  search: "Cerca",
  all: "Tutti",
  clearAll: "Azzera tutto",
  selected: "Filtri selezionati",
  remove: (label) => `Rimuovi ${label}`,
  filtersError: "Non è stato possibile caricare i filtri.",
} satisfies ThronFilterBarStrings;
