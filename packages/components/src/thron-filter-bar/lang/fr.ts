/** <thron-filter-bar>'s strings in French: fetched only by pages in French. */
import type { ThronFilterBarStrings } from "./en.ts";

export default {
  search: "Rechercher",
  all: "Tous",
  clearAll: "Tout effacer",
  selected: "Filtres sélectionnés",
  remove: (label) => `Retirer ${label}`,
  filtersError: "Les filtres n'ont pas pu être chargés.",
} satisfies ThronFilterBarStrings;
