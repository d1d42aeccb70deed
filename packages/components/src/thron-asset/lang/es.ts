/** <thron-asset>'s strings in Spanish: fetched only by pages in Spanish. */
import type { ThronAssetStrings } from "./en.ts";

export default {
  loading: "Cargando…",
  assetError: "No se pudo mostrar este elemento.",
  notAvailable: "Este contenido no está disponible.",
  download: "Descargar",
} satisfies ThronAssetStrings;
