/** <thron-gallery>'s strings in Italian: fetched only by pages in Italian. */
import type { ThronGalleryStrings } from "./en.ts";

export default {
  loading: "Caricamento…",
  loadMore: "Carica altri",
  empty: "Nessun risultato. Prova altri filtri.",
  error: "Non è stato possibile caricare la galleria.",
  retry: "Riprova",
  showing: (shown, total) => `${shown} di ${total}`,
  types: { image: "Immagine", video: "Video", audio: "Audio", document: "Documento" },
  close: "Chiudi",
  previous: "Precedente",
  next: "Successivo",
  position: (index, count) => `${index} di ${count}`,
  openDocument: "Apri il documento",
  assetError: "Non è stato possibile mostrare questo elemento.",
  carousel: "Carosello",
  slide: "Diapositiva",
  previousSlides: "Diapositive precedenti",
  nextSlides: "Diapositive successive",
  startRotation: "Avvia lo scorrimento automatico",
  stopRotation: "Ferma lo scorrimento automatico",
  zoom: "Ingrandisci",
  fullscreen: "Schermo intero",
} satisfies ThronGalleryStrings;
