/**
 * Element strings: each element keeps its own in `<element>/lang/<code>.ts`. English is bundled
 * (the fallback); another language is fetched the first time an element shows it, so a page in
 * English never downloads Italian. The language comes from the element's `locale`, else the
 * nearest `lang` attribute, else the document's; hosts override any string with `el.strings = {…}`.
 */

import { isServer } from "lit";

/** One element's strings: English at hand, the other languages fetched on demand. */
export interface Translations<T> {
  /** The table for `locale` merged with the host's overrides; English until its language arrives. */
  strings(locale: string, overrides?: Partial<T>): T;
  /** Settles once `locale`'s table is at hand (never rejects: English stays); undefined when it already is. */
  ready(locale: string): Promise<void> | undefined;
}

export function translations<T>(english: T, loaders: Record<string, () => Promise<{ default: T }>>): Translations<T> {
  const loaded = new Map<string, T>([["en", english]]);
  const pending = new Map<string, Promise<void>>();
  const languageOf = (locale: string) => {
    const language = locale.split("-")[0]?.toLowerCase() ?? "en";
    return Object.hasOwn(loaders, language) ? language : "en";
  };
  return {
    strings: (locale, overrides = {}) => ({ ...(loaded.get(languageOf(locale)) ?? english), ...overrides }),
    ready(locale) {
      const language = languageOf(locale);
      if (loaded.has(language)) return undefined;
      let load = pending.get(language);
      if (!load) {
        load = (loaders[language] as () => Promise<{ default: T }>)().then(
          (module) => void loaded.set(language, module.default),
          // Offline or blocked: English rather than no text, and no retry loop on every render.
          () => void loaded.set(language, english),
        );
        pending.set(language, load);
      }
      return load;
    },
  };
}

/** The BCP 47 tag in effect for `element`: its `locale`, else the closest `lang`, else English. */
export function effectiveLocale(element: HTMLElement, locale: string | undefined): string {
  if (isServer) return locale || "en"; // the server renders in the locale it was asked for
  return locale || element.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "en";
}

/** Formatters are costly to build and a gallery speaks a duration per tile per render: one per locale and unit. */
const formatters = new Map<string, Intl.NumberFormat | Intl.ListFormat>();
function formatter<T extends Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  const known = formatters.get(key) as T | undefined;
  if (known) return known;
  const made = make();
  formatters.set(key, made);
  return made;
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
    .map(([n, unit]) =>
      formatter(`${locale} ${unit}`, () => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" })).format(n),
    );
  return formatter(`${locale} list`, () => new Intl.ListFormat(locale, { style: "long", type: "unit" })).format(words);
}

/** 95 000 ms → "1:35"; an hour or more → "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
