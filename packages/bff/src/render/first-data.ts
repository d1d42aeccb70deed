/**
 * What a fragment starts from, per tag: the JSON route the element itself would call for its
 * first data (null for an element without any), and its attributes and render properties. The
 * language is the `locale` attribute, else the caller's Accept-Language (language.ts), written
 * on the tag as `lang` so the element keeps it in the browser.
 */
import type { Gallery, RenderTag } from "@embedkit/contracts";
import { parseAttributes, type VisitorQuery } from "./attributes.ts";
import type { FragmentInput } from "./fragment.ts";
import { languageOf } from "./language.ts";

export interface FirstData {
  /** The JSON route of the first data (`/v1/thron/…?…`), or null. */
  path: string | null;
  input: Omit<FragmentInput, "state" | "stylesBase">;
  /** The inline data from the JSON answer, when it is not the answer itself. */
  state?: (json: unknown) => unknown;
  /** The language came from Accept-Language: the answer varies on it. */
  negotiated: boolean;
}

function query(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(name, item);
  return search.toString();
}

/** The attribute's language, else the negotiated one, then written on the tag as `lang`. */
function language(locale: string | undefined, written: Record<string, string>, acceptLanguage: string | undefined) {
  if (locale) return { locale, written, negotiated: false };
  const negotiated = languageOf(acceptLanguage);
  return { locale: negotiated, written: { ...written, lang: negotiated }, negotiated: true };
}

/** A visitor's query narrows: some text or a value chosen. */
const narrows = (visitor: VisitorQuery) => visitor.q !== "" || Object.keys(visitor.filters).length > 0;

/**
 * The gallery's assets query: its preset, narrowed by the visitor's query as the element composes
 * them (components/src/thron-gallery/query-preset.ts): both texts must match, and a value chosen
 * for a key the preset sets counts only where the preset allows it.
 */
function galleryFilters(preset: Record<string, string[]>, visitor: VisitorQuery): Record<string, string[]> {
  const filters = { ...preset };
  for (const [key, chosen] of Object.entries(visitor.filters)) {
    const allowed = preset[key];
    const inside = allowed ? chosen.filter((v) => allowed.includes(v)) : chosen;
    if (inside.length > 0) filters[key] = inside;
  }
  return filters;
}

function gallery(queries: Record<string, string[]>, acceptLanguage: string | undefined): FirstData {
  const { values: a, written, filters, query: visitor } = parseAttributes("thron-gallery", queries);
  const { locale, written: tag, negotiated } = language(a.locale, written, acceptLanguage);
  // Stryker disable next-line MethodExpression: a blank text joined in adds only spaces, which the assets route trims: the same search, from the same cache
  const q = [a.q ?? "", visitor.q].filter(Boolean).join(" ");
  const params: Record<string, string | string[] | undefined> = {
    limit: String(a["page-size"]),
    locale,
    type: a.type,
    q: q || undefined,
    sort: a.sort,
    ids: a.assets?.join(","),
  };
  for (const [key, values] of Object.entries(galleryFilters(filters, visitor))) params[`filter.${key}`] = values;
  return {
    path: `/v1/thron/galleries/${a.gallery}/assets?${query(params)}`,
    input: { tag: "thron-gallery", attributes: tag, properties: { locale, layout: a.layout } },
    ...(narrows(visitor) && { state: (page: unknown) => ({ ...(page as object), query: visitor }) }),
    negotiated,
  };
}

function filterBar(queries: Record<string, string[]>, acceptLanguage: string | undefined): FirstData {
  const { values: a, written, query: visitor, page } = parseAttributes("thron-filter-bar", queries);
  const { locale, written: tag, negotiated } = language(a.locale, written, acceptLanguage);
  return {
    path: `/v1/thron/galleries/${a.gallery}?${query({ locale })}`,
    input: {
      tag: "thron-filter-bar",
      attributes: tag,
      properties: { locale, for: a.for, gallery: a.gallery, keys: a.keys, "sync-url": a["sync-url"] },
      pageQuery: page,
    },
    // The filters alone: the Player's session in the description has no place in a cached page.
    state: (json: unknown) => ({ gallery: a.gallery, locale, filters: (json as Gallery).filters, query: visitor }),
    negotiated,
  };
}

export function firstData(tag: RenderTag, queries: Record<string, string[]>, acceptLanguage: string | undefined): FirstData {
  if (tag === "thron-gallery") return gallery(queries, acceptLanguage);
  if (tag === "thron-filter-bar") return filterBar(queries, acceptLanguage);
  if (tag === "thron-asset") {
    const { values: a, written } = parseAttributes(tag, queries);
    const { locale, written: attributes, negotiated } = language(a.locale, written, acceptLanguage);
    // Stryker disable next-line StringLiteral: fragment.ts reads only whether the caption is set, and "" is set as well
    const properties = { locale, player: a.player, caption: a.caption === undefined ? undefined : "caption" };
    return {
      path: `/v1/thron/galleries/${a.gallery}/assets/${a.asset}?${query({ locale })}`,
      input: { tag, attributes, properties },
      negotiated,
    };
  }
  if (tag === "thunder-launch-button") {
    const { values: a, written } = parseAttributes(tag, queries);
    const { locale, written: attributes, negotiated } = language(a.locale, written, acceptLanguage);
    const properties = { locale, method: a.method, ids: a.ids.join(","), league: a.league, angles: a.angles?.join(",") };
    return { path: null, input: { tag, attributes, properties }, negotiated };
  }
  const { values: a, written } = parseAttributes(tag, queries);
  const { locale, written: attributes, negotiated } = language(a.locale, written, acceptLanguage);
  const params = { country: a.country, topic: a.topic, priority: a.priority === undefined ? undefined : "true", limit: String(a.limit) };
  return {
    path: `/v1/throughline/helplines?${query(params)}`,
    input: { tag, attributes, properties: { locale, country: a.country } },
    negotiated,
  };
}
