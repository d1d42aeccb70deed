/** <thron-asset>'s strings in Italian: fetched only by pages in Italian. */
import type { ThronAssetStrings } from "./en.ts";

export default {
  loading: "Caricamento…",
  assetError: "Non è stato possibile mostrare questo elemento.",
  notAvailable: "Questo contenuto non è disponibile.",
  download: "Scarica",
} satisfies ThronAssetStrings;
