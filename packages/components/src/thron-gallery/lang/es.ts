/** <thron-gallery>'s strings in Spanish: fetched only by pages in Spanish. */
import type { ThronGalleryStrings } from "./en.ts";

export default {
  loading: "Cargando…",
  loadMore: "Cargar más",
  empty: "Sin resultados. Pruebe otros filtros.",
  error: "No se pudo cargar la galería.",
  retry: "Reintentar",
  showing: (shown, total) => `${shown} de ${total}`,
  types: { image: "Imagen", video: "Vídeo", audio: "Audio", document: "Documento" },
  close: "Cerrar",
  previous: "Anterior",
  next: "Siguiente",
  position: (index, count) => `${index} de ${count}`,
  openDocument: "Abrir el documento",
  assetError: "No se pudo mostrar este elemento.",
  carousel: "Carrusel",
  slide: "Diapositiva",
  previousSlides: "Diapositivas anteriores",
  nextSlides: "Diapositivas siguientes",
  startRotation: "Iniciar el pase automático",
  stopRotation: "Detener el pase automático",
  zoom: "Ampliar",
  fullscreen: "Pantalla completa",
} satisfies ThronGalleryStrings;
