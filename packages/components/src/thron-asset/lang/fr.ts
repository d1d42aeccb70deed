/** <thron-asset>'s strings in French: fetched only by pages in French. */
import type { ThronAssetStrings } from "./en.ts";

export default {
  loading: "Chargement…",
  assetError: "Cet élément n'a pas pu être affiché.",
  notAvailable: "Ce contenu n'est pas disponible.",
  download: "Télécharger",
} satisfies ThronAssetStrings;
