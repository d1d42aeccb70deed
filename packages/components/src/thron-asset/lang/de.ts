/** <thron-asset>'s strings in German: fetched only by pages in German. */
import type { ThronAssetStrings } from "./en.ts";

export default {
  loading: "Wird geladen…",
  assetError: "Dieses Element konnte nicht angezeigt werden.",
  notAvailable: "Dieser Inhalt ist nicht verfügbar.",
  download: "Herunterladen",
} satisfies ThronAssetStrings;
