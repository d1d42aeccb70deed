/**
 * The builder's choices as flat name → value pairs, named as the snippet's attributes are
 * (`type`, `filter-topic`, `page-size`, …) plus the theme's `scheme`, `accent` and `radius`.
 * The address bar keeps them (so a reload or a shared link restores the form) and a pasted
 * snippet is read into them. Both come from outside: every value is checked, and one that does
 * not fit is left at its default.
 */
import { type Choices, DEFAULT_CHOICES, type EmbedKind, INSTANCE_ID } from "./snippet.ts";

export type ChoicesRecord = Record<string, string>;

const KINDS: readonly EmbedKind[] = ["gallery", "carousel", "viewer", "asset", "filtered-gallery", "helplines", "thunder"];
const SORTS: readonly Choices["sort"][] = ["newest", "oldest", "title"];
const PLAYERS: readonly Choices["player"][] = ["thron", "native"];
const SOURCES: readonly Choices["source"][] = ["preset", "picked"];
/** What `assets` takes: one THRON page of ids. */
const MAX_ASSETS = 50;
/** Values the snippet writes as text: short, and on one line. */
const MAX_TEXT = 200;
const NAME = /^[\w-]{1,64}$/;
const COLOUR = /^#[0-9a-f]{6}$/i;

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter((v) => NAME.test(v));
const text = (value: string | undefined, fallback: string) =>
  value !== undefined && value.length <= MAX_TEXT && !/[\n\r]/.test(value) ? value : fallback;
const oneOf = <T extends string>(values: readonly T[], value: string | undefined, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;
function number(value: string | undefined, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

/** The choices that differ from the defaults, as pairs (the address stays short). */
export function recordOf(c: Choices): ChoicesRecord {
  const d = DEFAULT_CHOICES;
  const r: ChoicesRecord = {};
  const put = (name: string, value: string, fallback: string) => {
    if (value !== fallback) r[name] = value;
  };
  put("kind", c.kind, d.kind);
  put("id", c.id, d.id);
  put("gallery", c.gallery, d.gallery);
  put("source", c.source, d.source);
  put("assets", c.assets.join(","), "");
  put("type", c.types.join(","), "");
  put("q", c.q, d.q);
  for (const [key, values] of Object.entries(c.filters)) if (values.length > 0) r[`filter-${key}`] = values.join(",");
  put("keys", c.barKeys.join(","), "");
  put("sort", c.sort, d.sort);
  put("page-size", String(c.pageSize), String(d.pageSize));
  put("locale", c.locale, d.locale);
  put("player", c.player, d.player);
  put("autoplay", c.autoplay ? "1" : "0", "0");
  put("asset", c.asset, d.asset);
  put("caption", c.caption ? "1" : "0", "1");
  put("country", c.country, d.country);
  put("topic", c.topic, d.topic);
  put("method", c.method, d.method);
  put("ids", c.ids, d.ids);
  put("label", c.label, d.label);
  put("scheme", c.theme.scheme, d.theme.scheme);
  put("accent", c.theme.accent, d.theme.accent);
  put("radius", String(c.theme.radius), String(d.theme.radius));
  return r;
}

/** The choices the pairs give, each value checked; what is missing or does not fit keeps its default. */
export function choicesOf(r: ChoicesRecord): Choices {
  const d = DEFAULT_CHOICES;
  const filters: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(r)) {
    const key = name.startsWith("filter-") ? name.slice("filter-".length) : "";
    if (NAME.test(key)) filters[key] = list(value);
  }
  return {
    id: INSTANCE_ID.test(r.id ?? "") ? (r.id as string) : d.id,
    kind: oneOf(KINDS, r.kind, d.kind),
    gallery: NAME.test(r.gallery ?? "") ? (r.gallery as string) : d.gallery,
    source: oneOf(SOURCES, r.source, d.source),
    assets: [...new Set(list(r.assets))].slice(0, MAX_ASSETS),
    types: list(r.type),
    q: text(r.q, d.q),
    filters,
    barKeys: list(r.keys),
    sort: oneOf(SORTS, r.sort, d.sort),
    pageSize: Math.round(number(r["page-size"], 1, 50, d.pageSize)),
    locale: /^[a-z]{2}$/.test(r.locale ?? "") ? (r.locale as string) : d.locale,
    player: oneOf(PLAYERS, r.player, d.player),
    autoplay: r.autoplay === "1",
    asset: NAME.test(r.asset ?? "") ? (r.asset as string) : d.asset,
    caption: r.caption !== "0",
    country: /^[A-Z]{2}$/.test(r.country ?? "") ? (r.country as string) : d.country,
    topic: text(r.topic, d.topic),
    method: NAME.test(r.method ?? "") ? (r.method as string) : d.method,
    ids: text(r.ids, d.ids),
    label: text(r.label, d.label),
    theme: {
      scheme: r.scheme === "dark" ? "dark" : "light",
      accent: COLOUR.test(r.accent ?? "") ? (r.accent as string).toLowerCase() : d.theme.accent,
      radius: number(r.radius, 0, 3, d.theme.radius),
    },
  };
}
