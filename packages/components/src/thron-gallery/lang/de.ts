/** <thron-gallery>'s strings in German: fetched only by pages in German. */
import type { ThronGalleryStrings } from "./en.ts";

export default {
  loading: "Wird geladen…",
  loadMore: "Mehr laden",
  empty: "Keine Treffer. Versuchen Sie andere Filter.",
  error: "Die Galerie konnte nicht geladen werden.",
  retry: "Erneut versuchen",
  showing: (shown, total) => `${shown} von ${total}`,
  types: { image: "Bild", video: "Video", audio: "Audio", document: "Dokument" },
  close: "Schließen",
  previous: "Zurück",
  next: "Weiter",
  position: (index, count) => `${index} von ${count}`,
  openDocument: "Dokument öffnen",
  assetError: "Dieses Element konnte nicht angezeigt werden.",
  carousel: "Karussell",
  slide: "Folie",
  previousSlides: "Vorherige Folien",
  nextSlides: "Nächste Folien",
  startRotation: "Automatische Wiedergabe starten",
  stopRotation: "Automatische Wiedergabe stoppen",
  zoom: "Vergrößern",
  fullscreen: "Vollbild",
} satisfies ThronGalleryStrings;
