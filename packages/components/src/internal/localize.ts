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
  showing: (shown: number, total: number) => string;
  types: Record<"image" | "video" | "audio" | "document", string>;
  close: string;
  previous: string;
  next: string;
  position: (index: number, count: number) => string;
  openDocument: string;
  assetError: string;
  zoom: string;
  fullscreen: string;
  search: string;
  all: string;
  clearAll: string;
  selected: string;
  remove: (label: string) => string;
  filtersError: string;
  launch: string;
  launching: string;
  launchErrors: Record<"ticket" | "forbidden" | "busy" | "unavailable" | "invalid" | "network", string>;
  /** Shown when nothing took over a `thundercloud:` link after a moment. */
  notInstalled: string;
  copyLink: string;
  linkCopied: string;
  copyManually: string;
  emergency: string;
  contactActions: Record<"phone" | "sms" | "webchat" | "whatsapp" | "website", string>;
  open247: string;
  noHelplines: string;
  helplinesError: string;
  staleNote: string;
  helplinesCount: (n: number) => string;
  /** `when`: "20:00", or a day and time such as "Mon 08:00", in the helpline's local time. */
  openNow: (when: string) => string;
  closedNow: (when: string) => string;
  closed: string;
  unknownTopic: (country: string) => string;
  unknownCountry: string;
}

export type Language = "en" | "it" | "de" | "fr" | "es";

export const STRINGS: Record<Language, Strings> = {
  en: {
    loading: "Loading…",
    loadMore: "Load more",
    empty: "Nothing matches. Try other filters.",
    error: "The gallery could not be loaded.",
    retry: "Try again",
    showing: (shown, total) => `Showing ${shown} of ${total}`,
    types: { image: "Image", video: "Video", audio: "Audio", document: "Document" },
    close: "Close",
    previous: "Previous",
    next: "Next",
    position: (index, count) => `${index} of ${count}`,
    openDocument: "Open the document",
    assetError: "This item could not be shown.",
    zoom: "Zoom",
    fullscreen: "Full screen",
    search: "Search",
    all: "All",
    clearAll: "Clear all",
    selected: "Selected filters",
    remove: (label) => `Remove ${label}`,
    filtersError: "The filters could not be loaded.",
    launch: "Open in Thunder",
    launching: "Opening Thunder…",
    launchErrors: {
      ticket: "Your session has expired. Sign in again to open Thunder.",
      forbidden: "You may not open these plays in Thunder.",
      busy: "Too many requests. Try again in a minute.",
      unavailable: "Thunder is not available right now. Try again later.",
      invalid: "These plays cannot be opened in Thunder.",
      network: "No connection. Check your network and try again.",
    },
    notInstalled: "Thunder did not open. It may not be installed on this computer.",
    copyLink: "Copy link",
    linkCopied: "Link copied.",
    copyManually: "Copy this link:",
    emergency: "If you are in immediate danger, call",
    contactActions: { phone: "Call", sms: "Text", webchat: "Chat online", whatsapp: "WhatsApp", website: "Website" },
    open247: "Open 24/7",
    noHelplines: "No helplines found for this country and topic.",
    helplinesError: "Helplines could not be loaded.",
    staleNote: "This list may be out of date.",
    helplinesCount: (n) => (n === 1 ? "1 helpline" : `${n} helplines`),
    openNow: (when) => `Open now · closes ${when}`,
    closedNow: (when) => `Closed · opens ${when}`,
    closed: "Closed",
    unknownTopic: (country) => `No helplines are listed for this topic. Showing all helplines in ${country}.`,
    unknownCountry: "Helplines for this country are not available here. In an emergency, call your local emergency number.",
  },
  it: {
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
    zoom: "Ingrandisci",
    fullscreen: "Schermo intero",
    search: "Cerca",
    all: "Tutti",
    clearAll: "Azzera tutto",
    selected: "Filtri selezionati",
    remove: (label) => `Rimuovi ${label}`,
    filtersError: "Non è stato possibile caricare i filtri.",
    launch: "Apri in Thunder",
    launching: "Apertura di Thunder…",
    launchErrors: {
      ticket: "La sessione è scaduta. Accedi di nuovo per aprire Thunder.",
      forbidden: "Non puoi aprire queste azioni in Thunder.",
      busy: "Troppe richieste. Riprova tra un minuto.",
      unavailable: "Thunder non è disponibile in questo momento. Riprova più tardi.",
      invalid: "Queste azioni non si possono aprire in Thunder.",
      network: "Nessuna connessione. Controlla la rete e riprova.",
    },
    notInstalled: "Thunder non si è aperto. Forse non è installato su questo computer.",
    copyLink: "Copia il link",
    linkCopied: "Link copiato.",
    copyManually: "Copia questo link:",
    emergency: "Se sei in pericolo immediato, chiama il",
    contactActions: { phone: "Chiama", sms: "SMS", webchat: "Chat online", whatsapp: "WhatsApp", website: "Sito web" },
    open247: "Aperto 24 ore su 24, 7 giorni su 7",
    noHelplines: "Nessun servizio di ascolto per questo paese e argomento.",
    helplinesError: "Non è stato possibile caricare i servizi di ascolto.",
    staleNote: "Questo elenco potrebbe non essere aggiornato.",
    helplinesCount: (n) => (n === 1 ? "1 servizio" : `${n} servizi`),
    openNow: (when) => `Aperto ora · chiude alle ${when}`,
    closedNow: (when) => `Chiuso · apre ${when}`,
    closed: "Chiuso",
    unknownTopic: (country) => `Nessun servizio per questo argomento. Ecco tutti i servizi di ascolto (${country}).`,
    unknownCountry:
      "I servizi di ascolto per questo paese non sono disponibili qui. In caso di emergenza, chiama il numero di emergenza locale.",
  },
  de: {
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
    zoom: "Vergrößern",
    fullscreen: "Vollbild",
    search: "Suche",
    all: "Alle",
    clearAll: "Alle zurücksetzen",
    selected: "Ausgewählte Filter",
    remove: (label) => `${label} entfernen`,
    filtersError: "Die Filter konnten nicht geladen werden.",
    launch: "In Thunder öffnen",
    launching: "Thunder wird geöffnet…",
    launchErrors: {
      ticket: "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um Thunder zu öffnen.",
      forbidden: "Sie dürfen diese Spielzüge nicht in Thunder öffnen.",
      busy: "Zu viele Anfragen. Versuchen Sie es in einer Minute erneut.",
      unavailable: "Thunder ist gerade nicht erreichbar. Versuchen Sie es später erneut.",
      invalid: "Diese Spielzüge können nicht in Thunder geöffnet werden.",
      network: "Keine Verbindung. Prüfen Sie Ihr Netzwerk und versuchen Sie es erneut.",
    },
    notInstalled: "Thunder wurde nicht geöffnet. Vielleicht ist es auf diesem Computer nicht installiert.",
    copyLink: "Link kopieren",
    linkCopied: "Link kopiert.",
    copyManually: "Diesen Link kopieren:",
    emergency: "Wenn Sie in akuter Gefahr sind, rufen Sie die",
    contactActions: { phone: "Anrufen", sms: "SMS", webchat: "Online-Chat", whatsapp: "WhatsApp", website: "Website" },
    open247: "Rund um die Uhr erreichbar",
    noHelplines: "Keine Hilfetelefone für dieses Land und Thema gefunden.",
    helplinesError: "Die Hilfetelefone konnten nicht geladen werden.",
    staleNote: "Diese Liste ist möglicherweise nicht aktuell.",
    helplinesCount: (n) => (n === 1 ? "1 Hilfetelefon" : `${n} Hilfetelefone`),
    openNow: (when) => `Jetzt geöffnet · schließt um ${when}`,
    closedNow: (when) => `Geschlossen · öffnet ${when}`,
    closed: "Geschlossen",
    unknownTopic: (country) => `Für dieses Thema sind keine Hilfetelefone verzeichnet. Alle Hilfetelefone (${country}):`,
    unknownCountry: "Für dieses Land sind hier keine Hilfetelefone verfügbar. Im Notfall wählen Sie die örtliche Notrufnummer.",
  },
  fr: {
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
    zoom: "Agrandir",
    fullscreen: "Plein écran",
    search: "Rechercher",
    all: "Tous",
    clearAll: "Tout effacer",
    selected: "Filtres sélectionnés",
    remove: (label) => `Retirer ${label}`,
    filtersError: "Les filtres n'ont pas pu être chargés.",
    launch: "Ouvrir dans Thunder",
    launching: "Ouverture de Thunder…",
    launchErrors: {
      ticket: "Votre session a expiré. Reconnectez-vous pour ouvrir Thunder.",
      forbidden: "Vous ne pouvez pas ouvrir ces actions dans Thunder.",
      busy: "Trop de demandes. Réessayez dans une minute.",
      unavailable: "Thunder n'est pas disponible pour le moment. Réessayez plus tard.",
      invalid: "Ces actions ne peuvent pas être ouvertes dans Thunder.",
      network: "Pas de connexion. Vérifiez votre réseau et réessayez.",
    },
    notInstalled: "Thunder ne s'est pas ouvert. Il n'est peut-être pas installé sur cet ordinateur.",
    copyLink: "Copier le lien",
    linkCopied: "Lien copié.",
    copyManually: "Copiez ce lien :",
    emergency: "En cas de danger immédiat, appelez le",
    contactActions: { phone: "Appeler", sms: "SMS", webchat: "Chat en ligne", whatsapp: "WhatsApp", website: "Site web" },
    open247: "Ouvert 24 h/24, 7 j/7",
    noHelplines: "Aucune ligne d'écoute pour ce pays et ce sujet.",
    helplinesError: "Les lignes d'écoute n'ont pas pu être chargées.",
    staleNote: "Cette liste n'est peut-être pas à jour.",
    helplinesCount: (n) => (n === 1 ? "1 ligne d'écoute" : `${n} lignes d'écoute`),
    openNow: (when) => `Ouvert · ferme à ${when}`,
    closedNow: (when) => `Fermé · ouvre ${when}`,
    closed: "Fermé",
    unknownTopic: (country) => `Aucune ligne d'écoute pour ce sujet. Voici toutes les lignes d'écoute (${country}).`,
    unknownCountry: "Les lignes d'écoute de ce pays ne sont pas disponibles ici. En cas d'urgence, appelez le numéro d'urgence local.",
  },
  es: {
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
    zoom: "Ampliar",
    fullscreen: "Pantalla completa",
    search: "Buscar",
    all: "Todos",
    clearAll: "Borrar todo",
    selected: "Filtros seleccionados",
    remove: (label) => `Quitar ${label}`,
    filtersError: "No se pudieron cargar los filtros.",
    launch: "Abrir en Thunder",
    launching: "Abriendo Thunder…",
    launchErrors: {
      ticket: "Su sesión ha caducado. Inicie sesión de nuevo para abrir Thunder.",
      forbidden: "No puede abrir estas jugadas en Thunder.",
      busy: "Demasiadas solicitudes. Inténtelo de nuevo en un minuto.",
      unavailable: "Thunder no está disponible ahora. Inténtelo más tarde.",
      invalid: "Estas jugadas no se pueden abrir en Thunder.",
      network: "Sin conexión. Compruebe su red e inténtelo de nuevo.",
    },
    notInstalled: "Thunder no se ha abierto. Puede que no esté instalado en este ordenador.",
    copyLink: "Copiar el enlace",
    linkCopied: "Enlace copiado.",
    copyManually: "Copie este enlace:",
    emergency: "Si está en peligro inmediato, llame al",
    contactActions: { phone: "Llamar", sms: "SMS", webchat: "Chat en línea", whatsapp: "WhatsApp", website: "Sitio web" },
    open247: "Abierto 24/7",
    noHelplines: "No hay líneas de ayuda para este país y tema.",
    helplinesError: "No se pudieron cargar las líneas de ayuda.",
    staleNote: "Es posible que esta lista no esté actualizada.",
    helplinesCount: (n) => (n === 1 ? "1 línea de ayuda" : `${n} líneas de ayuda`),
    openNow: (when) => `Abierto ahora · cierra a las ${when}`,
    closedNow: (when) => `Cerrado · abre ${when}`,
    closed: "Cerrado",
    unknownTopic: (country) => `No hay líneas de ayuda para este tema. Se muestran todas las de ${country}.`,
    unknownCountry:
      "Las líneas de ayuda de este país no están disponibles aquí. En caso de emergencia, llame al número de emergencias local.",
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

/** 115 000 ms → "1 minute, 55 seconds" in the locale's words, for screen readers. */
export function spokenDuration(ms: number, locale: string): string {
  const total = Math.max(1, Math.round(ms / 1000));
  const parts = [
    [Math.floor(total / 3600), "hour"],
    [Math.floor((total % 3600) / 60), "minute"],
    [total % 60, "second"],
  ] as const;
  const words = parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(n));
  return new Intl.ListFormat(locale, { style: "long", type: "unit" }).format(words);
}

/** 95 000 ms → "1:35"; an hour or more → "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
