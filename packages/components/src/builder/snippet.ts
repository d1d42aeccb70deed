/**
 * The builder's choices turned into the embed an editor pastes: the script tag with the BFF's
 * public URL, a `<style>` with the theme's custom properties, and the element(s). Pure: the
 * builder's preview renders exactly this markup, so what is previewed is what is pasted.
 */

export type EmbedKind = "gallery" | "carousel" | "asset" | "filtered-gallery" | "helplines" | "thunder";

export interface Theme {
  scheme: "light" | "dark";
  accent: string;
  /** Corner radius in rem. */
  radius: number;
}

export interface Choices {
  kind: EmbedKind;
  gallery: string;
  types: string[];
  q: string;
  /** Values per filter key (`filter-<key>`). */
  filters: Record<string, string[]>;
  /** Filter bar + gallery: the filters the bar shows (none chosen: all). */
  barKeys: string[];
  sort: "newest" | "oldest" | "title";
  pageSize: number;
  locale: string;
  player: "thron" | "native";
  autoplay: boolean;
  asset: string;
  caption: boolean;
  country: string;
  topic: string;
  method: string;
  ids: string;
  label: string;
  theme: Theme;
}

export const DEFAULT_CHOICES: Choices = {
  kind: "gallery",
  gallery: "default",
  types: [],
  q: "",
  filters: {},
  barKeys: [],
  sort: "newest",
  pageSize: 12,
  locale: "",
  player: "thron",
  autoplay: false,
  asset: "",
  caption: true,
  country: "",
  topic: "",
  method: "plays",
  ids: "",
  label: "Open in Thunder",
  theme: { scheme: "light", accent: "#1a73e8", radius: 0.5 },
};

/** The id that links a filter bar to its gallery in the snippet. */
export const LINKED_GALLERY_ID = "embedkit-gallery";

const escapeHtml = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** ` name="value"` for each attribute worth writing (defaults are left out); `true` writes a bare attribute. */
function attributes(entries: [string, string | number | boolean | undefined][]): string {
  return entries
    .filter(([, value]) => value !== undefined && value !== false && value !== "")
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join("");
}

function galleryTag(c: Choices, extra: [string, string | number | boolean | undefined][] = []): string {
  const filters = Object.entries(c.filters)
    .filter(([, values]) => values.length > 0)
    .map(([key, values]): [string, string] => [`filter-${key}`, values.join(",")]);
  return `<thron-gallery${attributes([
    ...extra,
    ["gallery", c.gallery === "default" ? undefined : c.gallery],
    ["type", c.types.join(",")],
    ["q", c.q.trim()],
    ...filters,
    ["sort", c.sort === "newest" ? undefined : c.sort],
    ["page-size", c.pageSize === 24 ? undefined : c.pageSize],
    ["locale", c.locale],
    ["player", c.player === "thron" ? undefined : c.player],
  ])}></thron-gallery>`;
}

/** The element markup for the choices. */
export function elementMarkup(c: Choices): string {
  switch (c.kind) {
    case "gallery":
      return galleryTag(c);
    case "carousel":
      return galleryTag(c, [
        ["layout", "carousel"],
        ["autoplay", c.autoplay],
      ]);
    case "filtered-gallery":
      return `<thron-filter-bar${attributes([
        ["for", LINKED_GALLERY_ID],
        ["keys", c.barKeys.join(",")],
      ])}></thron-filter-bar>\n${galleryTag(c, [["id", LINKED_GALLERY_ID]])}`;
    case "asset":
      return `<thron-asset${attributes([
        ["gallery", c.gallery === "default" ? undefined : c.gallery],
        ["asset", c.asset],
        ["locale", c.locale],
        ["player", c.player === "thron" ? undefined : c.player],
        ["caption", c.caption],
      ])}></thron-asset>`;
    case "helplines":
      return `<throughline-helplines${attributes([
        ["country", c.country],
        ["topic", c.topic],
        ["locale", c.locale],
      ])}></throughline-helplines>`;
    case "thunder":
      return `<thunder-launch-button${attributes([
        ["method", c.method],
        ["ids", c.ids.trim()],
        ["locale", c.locale],
      ])}>${escapeHtml(c.label)}</thunder-launch-button>`;
  }
}

/** Tags the snippet uses and the custom-property prefix of each. */
function themedTags(kind: EmbedKind): [string, string][] {
  switch (kind) {
    case "asset":
      return [["thron-asset", "--thron-asset"]];
    case "filtered-gallery":
      return [
        ["thron-filter-bar", "--thron-filter-bar"],
        ["thron-gallery", "--thron-gallery"],
      ];
    case "helplines":
      return [["throughline-helplines", "--throughline-helplines"]];
    case "thunder":
      return [["thunder-launch-button", "--thunder-launch-button"]];
    default:
      return [["thron-gallery", "--thron-gallery"]];
  }
}

const DARK = { text: "#eceef3", page: "#15171c", surface: "#23262d", placeholder: "#2a2e36" };

/** The CSS custom properties the theme sets, per tag. */
export function themeProperties(c: Choices): Record<string, Record<string, string>> {
  const { scheme, accent, radius } = c.theme;
  const rules: Record<string, Record<string, string>> = {};
  for (const [tag, prefix] of themedTags(c.kind)) {
    const rule: Record<string, string> = {
      [`${prefix}-accent`]: accent,
      [`${prefix}-focus-ring`]: accent,
      [`${prefix}-radius`]: `${radius}rem`,
    };
    if (tag === "thunder-launch-button") {
      delete rule[`${prefix}-accent`];
      rule[`${prefix}-background`] = accent;
    }
    if (scheme === "dark") {
      Object.assign(rule, { "color-scheme": "dark", color: DARK.text, "background-color": DARK.page });
      if (tag === "thron-gallery")
        Object.assign(rule, { [`${prefix}-background`]: DARK.surface, [`${prefix}-placeholder`]: DARK.placeholder });
      if (tag === "thron-asset") rule[`${prefix}-placeholder`] = DARK.placeholder;
      if (tag === "thron-filter-bar") rule[`${prefix}-control-background`] = DARK.surface;
      if (tag === "throughline-helplines") rule[`${prefix}-background`] = DARK.surface;
    }
    rules[tag] = rule;
  }
  return rules;
}

export function themeCss(c: Choices): string {
  return Object.entries(themeProperties(c))
    .map(
      ([tag, rule]) =>
        `${tag} {\n${Object.entries(rule)
          .map(([name, value]) => `  ${name}: ${value};`)
          .join("\n")}\n}`,
    )
    .join("\n");
}

/** The whole embed: what the editor pastes into a page. */
export function snippet(c: Choices, publicUrl: string): string {
  return [
    `<script type="module" src="${escapeHtml(publicUrl.replace(/\/+$/, ""))}/components.js"></script>`,
    `<style>\n${themeCss(c)}\n</style>`,
    elementMarkup(c),
  ].join("\n");
}
