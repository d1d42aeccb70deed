/**
 * Element strings in en, it, de, fr and es. The language comes from the element's `locale`,
 * else the nearest `lang` attribute, else the document's; hosts override any string with
 * `el.strings = {…}`.
 */
export interface Strings {
  loading: string;
  loadMore: string;
  empty: string;
  error: string;
  retry: string;
  results: (n: number) => string;
  showing: (shown: number, total: number) => string;
  types: Record<"image" | "video" | "audio" | "document", string>;
}

export type Language = "en" | "it" | "de" | "fr" | "es";

export const STRINGS: Record<Language, Strings> = {
  en: {
    loading: "Loading…",
    loadMore: "Load more",
    empty: "Nothing to show here yet.",
    error: "The gallery could not be loaded.",
    retry: "Try again",
    results: (n: number) => (n === 1 ? "1 item" : `${n} items`),
    showing: (shown: number, total: number) => `Showing ${shown} of ${total}`,
    types: { image: "Image", video: "Video", audio: "Audio", document: "Document" },
  },
  it: {
    loading: "Caricamento…",
    loadMore: "Carica altri",
    empty: "Non c'è ancora niente da mostrare.",
    error: "Non è stato possibile caricare la galleria.",
    retry: "Riprova",
    results: (n: number) => (n === 1 ? "1 elemento" : `${n} elementi`),
    showing: (shown: number, total: number) => `${shown} di ${total}`,
    types: { image: "Immagine", video: "Video", audio: "Audio", document: "Documento" },
  },
  de: {
    loading: "Wird geladen…",
    loadMore: "Mehr laden",
    empty: "Hier gibt es noch nichts zu sehen.",
    error: "Die Galerie konnte nicht geladen werden.",
    retry: "Erneut versuchen",
    results: (n: number) => (n === 1 ? "1 Element" : `${n} Elemente`),
    showing: (shown: number, total: number) => `${shown} von ${total}`,
    types: { image: "Bild", video: "Video", audio: "Audio", document: "Dokument" },
  },
  fr: {
    loading: "Chargement…",
    loadMore: "Charger plus",
    empty: "Rien à afficher pour le moment.",
    error: "La galerie n'a pas pu être chargée.",
    retry: "Réessayer",
    results: (n: number) => (n === 1 ? "1 élément" : `${n} éléments`),
    showing: (shown: number, total: number) => `${shown} sur ${total}`,
    types: { image: "Image", video: "Vidéo", audio: "Audio", document: "Document" },
  },
  es: {
    loading: "Cargando…",
    loadMore: "Cargar más",
    empty: "Todavía no hay nada que mostrar.",
    error: "No se pudo cargar la galería.",
    retry: "Reintentar",
    results: (n: number) => (n === 1 ? "1 elemento" : `${n} elementos`),
    showing: (shown: number, total: number) => `${shown} de ${total}`,
    types: { image: "Imagen", video: "Vídeo", audio: "Audio", document: "Documento" },
  },
};

/** The BCP 47 tag in effect for `element`: its `locale`, else the closest `lang`, else English. */
export function effectiveLocale(element: HTMLElement, locale: string | undefined): string {
  return locale || element.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "en";
}

export function stringsFor(locale: string, overrides: Partial<Strings> = {}): Strings {
  const language = locale.split("-")[0]?.toLowerCase() ?? "en";
  const base = language in STRINGS ? STRINGS[language as Language] : STRINGS.en;
  return { ...base, ...overrides };
}
