/**
 * The sandbox's deterministic THRON catalogue: folders with pKeys and ACLs, a few hundred
 * contents of every type with a title in each of the five languages (en, it, de, fr, es), metadata
 * definitions (single and multi select) labelled in all five, and the values each content carries.
 * A test that needs a missing translation takes one away from its own sandbox's catalogue.
 */
import { hash32, seededRandom, stableUuid } from "../prng.ts";
import { SAMPLE_AUDIO_MS, SAMPLE_VIDEO_MS } from "./sample-media.ts";

export type ContentType = "IMAGE" | "VIDEO" | "AUDIO" | "OTHER";
export type ThronLang = "EN" | "IT" | "DE" | "FR" | "ES";

export interface Folder {
  id: string;
  name: string;
  parentId: string | null;
  pkey: string;
}

export interface LocaleEntry {
  locale: ThronLang;
  name: string;
  description: string;
}

export interface MetadataValue {
  classificationId: string;
  key: string;
  value: string;
  lang: null;
}

export interface Content {
  id: string;
  contentType: ContentType;
  folderId: string;
  creationDate: string;
  locales: LocaleEntry[];
  fileName: string;
  extension: string;
  /** Intrinsic pixel size of the master (images and videos); audio and documents use a 4:3 cover. */
  width: number;
  height: number;
  durationMs?: number;
  imetadata: MetadataValue[];
  itags: { id: string; classificationId: string; approved: boolean }[];
  availableChannels: string[];
  subtitles: boolean;
}

export interface MetadataDefinition {
  id: string;
  key: string;
  metadataType: "ALTERNATIVE_S" | "ALTERNATIVE_M";
  names: { lang: ThronLang; label: string }[];
  visible: boolean;
  removed: boolean;
  fieldType: "DROPDOWN" | "CHECKBOXES" | "LISTBOX";
  values: { value: string; labels: Partial<Record<ThronLang, string>> }[];
}

export const SANDBOX_TENANT = "sandbox";
export const CLASSIFICATION_ID = "cls-embedkit";

export const FOLDERS = {
  demo: { id: stableUuid("folder:demo"), name: "Embedkit demo", parentId: null, pkey: "pk-demo-7f3a9c21" },
  demoSport: { id: stableUuid("folder:demo/sport"), name: "Sport", parentId: stableUuid("folder:demo"), pkey: "pk-sport-0b52e6d4" },
  restricted: { id: stableUuid("folder:restricted"), name: "Legal (restricted)", parentId: null, pkey: "pk-restricted-93cc1e08" },
} satisfies Record<string, Folder>;

const SEASONS = {
  spring: { EN: "Spring", IT: "Primavera", DE: "Frühling", FR: "Printemps", ES: "Primavera" },
  summer: { EN: "Summer", IT: "Estate", DE: "Sommer", FR: "Été", ES: "Verano" },
  autumn: { EN: "Autumn", IT: "Autunno", DE: "Herbst", FR: "Automne", ES: "Otoño" },
  winter: { EN: "Winter", IT: "Inverno", DE: "Winter", FR: "Hiver", ES: "Invierno" },
} as const;

const TOPICS = {
  nature: { EN: "Nature", IT: "Natura", DE: "Natur", FR: "Nature", ES: "Naturaleza" },
  city: { EN: "City", IT: "Città", DE: "Stadt", FR: "Ville", ES: "Ciudad" },
  people: { EN: "People", IT: "Persone", DE: "Menschen", FR: "Personnes", ES: "Personas" },
  sport: { EN: "Sport", IT: "Sport", DE: "Sport", FR: "Sport", ES: "Deporte" },
  food: { EN: "Food", IT: "Cibo", DE: "Essen", FR: "Cuisine", ES: "Comida" },
  technology: { EN: "Technology", IT: "Tecnologia", DE: "Technologie", FR: "Technologie", ES: "Tecnología" },
} as const;

export const DEFINITIONS: MetadataDefinition[] = [
  {
    id: stableUuid("def:season"),
    key: "season",
    metadataType: "ALTERNATIVE_S",
    names: [
      { lang: "EN", label: "Season" },
      { lang: "IT", label: "Stagione" },
      { lang: "DE", label: "Jahreszeit" },
      { lang: "FR", label: "Saison" },
      { lang: "ES", label: "Estación" },
    ],
    visible: true,
    removed: false,
    fieldType: "DROPDOWN",
    values: Object.entries(SEASONS).map(([value, labels]) => ({ value, labels })),
  },
  {
    id: stableUuid("def:topic"),
    key: "topic",
    metadataType: "ALTERNATIVE_M",
    names: [
      { lang: "EN", label: "Topics" },
      { lang: "IT", label: "Argomenti" },
      { lang: "DE", label: "Themen" },
      { lang: "FR", label: "Thèmes" },
      { lang: "ES", label: "Temas" },
    ],
    visible: true,
    removed: false,
    fieldType: "CHECKBOXES",
    values: Object.entries(TOPICS).map(([value, labels]) => ({ value, labels })),
  },
  {
    id: stableUuid("def:licence"),
    key: "licence",
    metadataType: "ALTERNATIVE_S",
    names: [
      { lang: "EN", label: "Licence" },
      { lang: "IT", label: "Licenza" },
      { lang: "DE", label: "Lizenz" },
      { lang: "FR", label: "Licence" },
      { lang: "ES", label: "Licencia" },
    ],
    visible: true,
    removed: false,
    fieldType: "DROPDOWN",
    values: [
      {
        value: "royalty-free",
        labels: { EN: "Royalty free", IT: "Senza royalty", DE: "Lizenzfrei", FR: "Libre de droits", ES: "Libre de derechos" },
      },
      {
        value: "editorial",
        labels: {
          EN: "Editorial only",
          IT: "Solo uso editoriale",
          DE: "Nur redaktionell",
          FR: "Usage éditorial uniquement",
          ES: "Solo uso editorial",
        },
      },
    ],
  },
  // A definition the Content Manager removed: listed by THRON, never offered as a filter.
  {
    id: stableUuid("def:legacy-mood"),
    key: "mood",
    metadataType: "ALTERNATIVE_S",
    names: [
      { lang: "EN", label: "Mood (retired)" },
      { lang: "IT", label: "Atmosfera (ritirata)" },
      { lang: "DE", label: "Stimmung (eingestellt)" },
      { lang: "FR", label: "Ambiance (retirée)" },
      { lang: "ES", label: "Ambiente (retirado)" },
    ],
    visible: false,
    removed: true,
    fieldType: "DROPDOWN",
    values: [{ value: "calm", labels: { EN: "Calm", IT: "Calma", DE: "Ruhig", FR: "Calme", ES: "Calma" } }],
  },
];

// Title words with their translations; a title is "<adjective> <subject>" per language, the
// adjective agreeing with the subject's gender (Italian "piazza ghiacciata", German "ruhige Küche",
// French "place gelée", Spanish "plaza helada").
type Gender = "m" | "f" | "n";
type Noun = [string, Gender];
const SUBJECTS: Record<string, { EN: string; IT: Noun; DE: Noun; FR: Noun; ES: Noun }> = {
  lake: { EN: "lake", IT: ["lago", "m"], DE: ["See", "m"], FR: ["lac", "m"], ES: ["lago", "m"] },
  harbour: { EN: "harbour", IT: ["porto", "m"], DE: ["Hafen", "m"], FR: ["port", "m"], ES: ["puerto", "m"] },
  market: { EN: "market", IT: ["mercato", "m"], DE: ["Markt", "m"], FR: ["marché", "m"], ES: ["mercado", "m"] },
  stadium: { EN: "stadium", IT: ["stadio", "m"], DE: ["Stadion", "n"], FR: ["stade", "m"], ES: ["estadio", "m"] },
  forest: { EN: "forest", IT: ["foresta", "f"], DE: ["Wald", "m"], FR: ["forêt", "f"], ES: ["bosque", "m"] },
  kitchen: { EN: "kitchen", IT: ["cucina", "f"], DE: ["Küche", "f"], FR: ["cuisine", "f"], ES: ["cocina", "f"] },
  skyline: { EN: "skyline", IT: ["skyline", "m"], DE: ["Skyline", "f"], FR: ["horizon urbain", "m"], ES: ["horizonte", "m"] },
  vineyard: { EN: "vineyard", IT: ["vigneto", "m"], DE: ["Weinberg", "m"], FR: ["vignoble", "m"], ES: ["viñedo", "m"] },
  workshop: { EN: "workshop", IT: ["laboratorio", "m"], DE: ["Werkstatt", "f"], FR: ["atelier", "m"], ES: ["taller", "m"] },
  glacier: { EN: "glacier", IT: ["ghiacciaio", "m"], DE: ["Gletscher", "m"], FR: ["glacier", "m"], ES: ["glaciar", "m"] },
  piazza: { EN: "square", IT: ["piazza", "f"], DE: ["Platz", "m"], FR: ["place", "f"], ES: ["plaza", "f"] },
  marathon: { EN: "marathon", IT: ["maratona", "f"], DE: ["Marathon", "m"], FR: ["marathon", "m"], ES: ["maratón", "m"] },
};
type Agreeing = { m: string; f: string };
/** English; Italian, French and Spanish masculine and feminine; the German stem (strong endings -er, -e, -es). */
const ADJECTIVES: Record<string, { EN: string; IT: Agreeing; DE: string; FR: Agreeing; ES: Agreeing }> = {
  misty: {
    EN: "Misty",
    IT: { m: "nebbioso", f: "nebbiosa" },
    DE: "Neblig",
    FR: { m: "brumeux", f: "brumeuse" },
    ES: { m: "brumoso", f: "brumosa" },
  },
  golden: { EN: "Golden", IT: { m: "dorato", f: "dorata" }, DE: "Golden", FR: { m: "doré", f: "dorée" }, ES: { m: "dorado", f: "dorada" } },
  quiet: {
    EN: "Quiet",
    IT: { m: "tranquillo", f: "tranquilla" },
    DE: "Ruhig",
    FR: { m: "tranquille", f: "tranquille" },
    ES: { m: "tranquilo", f: "tranquila" },
  },
  busy: {
    EN: "Busy",
    IT: { m: "affollato", f: "affollata" },
    DE: "Belebt",
    FR: { m: "animé", f: "animée" },
    ES: { m: "concurrido", f: "concurrida" },
  },
  frozen: {
    EN: "Frozen",
    IT: { m: "ghiacciato", f: "ghiacciata" },
    DE: "Gefroren",
    FR: { m: "gelé", f: "gelée" },
    ES: { m: "helado", f: "helada" },
  },
  sunny: {
    EN: "Sunny",
    IT: { m: "soleggiato", f: "soleggiata" },
    DE: "Sonnig",
    FR: { m: "ensoleillé", f: "ensoleillée" },
    ES: { m: "soleado", f: "soleada" },
  },
  red: { EN: "Red", IT: { m: "rosso", f: "rossa" }, DE: "Rot", FR: { m: "rouge", f: "rouge" }, ES: { m: "rojo", f: "roja" } },
  blue: { EN: "Blue", IT: { m: "blu", f: "blu" }, DE: "Blau", FR: { m: "bleu", f: "bleue" }, ES: { m: "azul", f: "azul" } },
};
const GERMAN_ENDINGS: Record<Gender, string> = { m: "er", f: "e", n: "es" };
const KIND_WORDS: Record<ContentType, Record<ThronLang, string>> = {
  IMAGE: { EN: "photo", IT: "foto", DE: "Foto", FR: "photo", ES: "foto" },
  VIDEO: { EN: "clip", IT: "video", DE: "Video", FR: "vidéo", ES: "vídeo" },
  AUDIO: { EN: "soundscape", IT: "paesaggio sonoro", DE: "Klanglandschaft", FR: "paysage sonore", ES: "paisaje sonoro" },
  OTHER: { EN: "brochure", IT: "brochure", DE: "Broschüre", FR: "brochure", ES: "folleto" },
};
const EXTENSIONS: Record<ContentType, string> = { IMAGE: "jpg", VIDEO: "mp4", AUDIO: "mp3", OTHER: "pdf" };
const CHANNELS: Record<ContentType, string[]> = {
  IMAGE: ["WEBHD"],
  VIDEO: ["STREAMHTTPIOS", "WEB", "WEBHD"],
  AUDIO: ["WEB"],
  OTHER: ["WEB", "WEBDOC"],
};
/** HD masters come with THRON's suffixed channel names: clients match channels by prefix. */
const HD_VIDEO_CHANNELS = ["STREAMHTTPIOSHD", "WEB", "WEBHD", "WEBFULLHD"];
const SIZES: [number, number][] = [
  [1920, 1080],
  [1600, 1200],
  [1080, 1350],
  [2048, 2048],
  [1280, 720],
];

/** The number of contents in the folders the sandbox user may see, and in the restricted one. */
export const VISIBLE_CONTENTS = 320;
export const RESTRICTED_CONTENTS = 40;

function typeFor(index: number): ContentType {
  const slot = index % 20; // 8 images, 5 videos, 3 audio, 4 documents in every 20
  if (slot < 8) return "IMAGE";
  if (slot < 13) return "VIDEO";
  if (slot < 16) return "AUDIO";
  return "OTHER";
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T;
}

function buildContent(index: number, folderId: string): Content {
  const random = seededRandom(hash32(`content:${index}`));
  const contentType = typeFor(index);
  const subjectKey = pick(Object.keys(SUBJECTS), random);
  const adjectiveKey = pick(Object.keys(ADJECTIVES), random);
  const subject = SUBJECTS[subjectKey] as (typeof SUBJECTS)[string];
  const adjective = ADJECTIVES[adjectiveKey] as (typeof ADJECTIVES)[string];
  const kind = KIND_WORDS[contentType];
  const number = index + 1;
  const capital = (word: string) => `${word[0]?.toUpperCase()}${word.slice(1)}`;
  /** Italian, French and Spanish: "<Subject> <adjective>, <kind> <n>", the adjective agreeing. */
  const romance = (lang: "IT" | "FR" | "ES") => {
    const [noun, gender] = subject[lang];
    return `${capital(noun)} ${adjective[lang][gender === "f" ? "f" : "m"]}, ${kind[lang]} ${number}`;
  };
  const [subjectDe, genderDe] = subject.DE;
  const locales: LocaleEntry[] = [
    {
      locale: "EN",
      name: `${adjective.EN} ${subject.EN} ${kind.EN} ${number}`,
      description: `${capital(kind.EN)} of a ${adjective.EN.toLowerCase()} ${subject.EN}.\nSandbox content ${number}.`,
    },
    { locale: "IT", name: romance("IT"), description: `Contenuto di prova ${number}: ${kind.IT}.` },
    {
      locale: "DE",
      name: `${adjective.DE}${GERMAN_ENDINGS[genderDe]} ${subjectDe} – ${kind.DE} ${number}`,
      description: `Sandbox-Inhalt ${number}.`,
    },
    { locale: "FR", name: romance("FR"), description: `Contenu de démonstration ${number} : ${kind.FR}.` },
    { locale: "ES", name: romance("ES"), description: `Contenido de prueba ${number}: ${kind.ES}.` },
  ];
  const [width, height] = contentType === "IMAGE" || contentType === "VIDEO" ? pick(SIZES, random) : ([1200, 900] as [number, number]);
  const season = pick(Object.keys(SEASONS), random);
  const topicKeys = Object.keys(TOPICS).filter(() => random() < 0.3);
  if (topicKeys.length === 0) topicKeys.push(pick(Object.keys(TOPICS), random));
  const meta = (key: string, value: string): MetadataValue => ({ classificationId: CLASSIFICATION_ID, key, value, lang: null });
  // Creation dates spread over about five years, newest first by index.
  const created = Date.UTC(2026, 9, 1) - index * 5.5 * 86_400_000 - Math.floor(random() * 86_400_000);
  const content: Content = {
    id: stableUuid(`content:${index}`),
    contentType,
    folderId,
    creationDate: new Date(created).toISOString(),
    locales,
    fileName: `${subjectKey}-${number}.${EXTENSIONS[contentType]}`,
    extension: EXTENSIONS[contentType],
    width,
    height,
    imetadata: [
      meta("season", season),
      ...topicKeys.map((topic) => meta("topic", topic)),
      meta("licence", random() < 0.8 ? "royalty-free" : "editorial"),
    ],
    itags: [{ id: stableUuid(`tag:${subjectKey}`), classificationId: CLASSIFICATION_ID, approved: true }],
    availableChannels: contentType === "VIDEO" && width >= 1920 ? HD_VIDEO_CHANNELS : CHANNELS[contentType],
    subtitles: contentType === "VIDEO" && number % 3 === 0,
  };
  // The durations of the sample files every video and audio plays (scripts/make-sample-media.sh).
  if (contentType === "VIDEO") content.durationMs = SAMPLE_VIDEO_MS;
  if (contentType === "AUDIO") content.durationMs = SAMPLE_AUDIO_MS;
  return content;
}

export interface Catalogue {
  folders: Folder[];
  contents: Content[];
  byId: Map<string, Content>;
  definitions: MetadataDefinition[];
}

/** Builds the catalogue; pure, so every sandbox instance holds the same data. */
export function buildCatalogue(): Catalogue {
  const contents: Content[] = [];
  for (let i = 0; i < VISIBLE_CONTENTS; i++) {
    // One in five visible contents lives in the sub-folder, so `cascade` matters.
    contents.push(buildContent(i, i % 5 === 4 ? FOLDERS.demoSport.id : FOLDERS.demo.id));
  }
  for (let i = 0; i < RESTRICTED_CONTENTS; i++) {
    contents.push(buildContent(VISIBLE_CONTENTS + i, FOLDERS.restricted.id));
  }
  return {
    folders: Object.values(FOLDERS),
    contents,
    byId: new Map(contents.map((c) => [c.id, c])),
    // Its own copy: a test may take a label away from its sandbox without touching another's.
    definitions: structuredClone(DEFINITIONS),
  };
}

/** Folder ids of `folderId` and, with cascade, every folder below it. */
export function folderTree(catalogue: Catalogue, folderId: string, cascade: boolean): Set<string> {
  const ids = new Set([folderId]);
  if (!cascade) return ids;
  let grew = true;
  while (grew) {
    grew = false;
    for (const folder of catalogue.folders) {
      if (folder.parentId && ids.has(folder.parentId) && !ids.has(folder.id)) {
        ids.add(folder.id);
        grew = true;
      }
    }
  }
  return ids;
}
