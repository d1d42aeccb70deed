/** <thron-gallery>'s strings in French: fetched only by pages in French. */
import type { ThronGalleryStrings } from "./en.ts";

export default {
  loading: "Chargement…",
  loadMore: "Charger plus",
  empty: "Aucun résultat. Essayez d'autres filtres.",
  error: "La galerie n'a pas pu être chargée.",
  retry: "Réessayer",
  showing: (shown, total) => `${shown} sur ${total}`,
  types: { image: "Image", video: "Vidéo", audio: "Audio", document: "Document" },
  close: "Fermer",
  previous: "Précédent",
  next: "Suivant",
  position: (index, count) => `${index} sur ${count}`,
  openDocument: "Ouvrir le document",
  assetError: "Cet élément n'a pas pu être affiché.",
  carousel: "Carrousel",
  slide: "Diapositive",
  previousSlides: "Diapositives précédentes",
  nextSlides: "Diapositives suivantes",
  startRotation: "Lancer le défilement automatique",
  stopRotation: "Arrêter le défilement automatique",
  zoom: "Agrandir",
  fullscreen: "Plein écran",
} satisfies ThronGalleryStrings;
