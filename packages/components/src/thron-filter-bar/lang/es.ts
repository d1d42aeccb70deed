/** <thron-filter-bar>'s strings in Spanish: fetched only by pages in Spanish. */
import type { ThronFilterBarStrings } from "./en.ts";

export default {
  search: "Buscar",
  all: "Todos",
  clearAll: "Borrar todo",
  selected: "Filtros seleccionados",
  remove: (label) => `Quitar ${label}`,
  filtersError: "No se pudieron cargar los filtros.",
} satisfies ThronFilterBarStrings;
