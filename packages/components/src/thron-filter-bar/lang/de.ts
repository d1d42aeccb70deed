/** <thron-filter-bar>'s strings in German: fetched only by pages in German. */
import type { ThronFilterBarStrings } from "./en.ts";

export default {
  search: "Suche",
  all: "Alle",
  clearAll: "Alle zurücksetzen",
  selected: "Ausgewählte Filter",
  remove: (label) => `${label} entfernen`,
  filtersError: "Die Filter konnten nicht geladen werden.",
} satisfies ThronFilterBarStrings;
