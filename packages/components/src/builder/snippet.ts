/**
 * The builder's choices turned into the embed an editor pastes: the script tag with the BFF's
 * public URL, a `<style>` with the theme's custom properties and the room to keep for the
 * element until its script runs, and the element(s). Every rule is scoped to this snippet's own
 * id, so two snippets on one page never restyle each other. Pure: the builder's preview renders
 * exactly this markup, so what is previewed is what is pasted.
 */

export type EmbedKind = "gallery" | "carousel" | "viewer" | "asset" | "filtered-gallery" | "helplines" | "thunder";

export interface Theme {
  scheme: "light" | "dark";
  accent: string;
  /** Corner radius in rem. */
  radius: number;
}

export interface Choices {
  /** The element's id in the snippet; empty: one derived from the other choices. */
  id: string;
  kind: EmbedKind;
  gallery: string;
  /** Gallery and carousel: a preset (types, text, filters, order) or a hand-picked list (`assets`). */
  source: "preset" | "picked";
  /** Hand-picked asset ids, in the order shown. */
  assets: string[];
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
  id: "",
  kind: "gallery",
  gallery: "default",
  source: "preset",
  assets: [],
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

/** An id is a name a CSS selector can hold without escaping. */
export const INSTANCE_ID = /^[A-Za-z][\w-]{0,63}$/;

/**
 * The id the snippet gives its element (the gallery, with a filter bar), which its styles are
 * scoped to: the editor's own (from a snippet they edit), else one from the choices, so the
 * same choices always give the same snippet.
 */
export function instanceId(c: Choices): string {
  if (INSTANCE_ID.test(c.id)) return c.id;
  // FNV-1a over the choices: short, stable, and different for different choices.
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify({ ...c, id: "" })) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return `embedkit-${c.kind}-${(hash >>> 0).toString(36)}`;
}

const escapeHtml = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** ` name="value"` for each attribute worth writing (defaults are left out); `true` writes a bare attribute. */
function attributes(entries: [string, string | number | boolean | undefined][]): string {
  return entries
    .filter(([, value]) => value !== undefined && value !== false && value !== "")
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join("");
}

/** The gallery shows a hand-picked list (the preset does not apply beside it). */
export const handPicked = (c: Choices) => c.source === "picked" && (c.kind === "gallery" || c.kind === "carousel");

function galleryTag(c: Choices, extra: [string, string | number | boolean | undefined][] = []): string {
  if (handPicked(c))
    return `<thron-gallery${attributes([
      ...extra,
      ["gallery", c.gallery === "default" ? undefined : c.gallery],
      ["assets", c.assets.join(",")],
      ["locale", c.locale],
      ["player", c.player === "thron" ? undefined : c.player],
    ])}></thron-gallery>`;
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
      return galleryTag(c, [["id", instanceId(c)]]);
    case "carousel":
      return galleryTag(c, [
        ["id", instanceId(c)],
        ["layout", "carousel"],
        ["autoplay", c.autoplay],
      ]);
    case "viewer":
      return galleryTag(c, [
        ["id", instanceId(c)],
        ["layout", "viewer"],
      ]);
    case "filtered-gallery":
      return `<thron-filter-bar${attributes([
        ["id", `${instanceId(c)}-filters`],
        ["for", instanceId(c)],
        ["keys", c.barKeys.join(",")],
      ])}></thron-filter-bar>\n${galleryTag(c, [["id", instanceId(c)]])}`;
    case "asset":
      return `<thron-asset${attributes([
        ["id", instanceId(c)],
        ["gallery", c.gallery === "default" ? undefined : c.gallery],
        ["asset", c.asset],
        ["locale", c.locale],
        ["player", c.player === "thron" ? undefined : c.player],
        ["caption", c.caption],
      ])}></thron-asset>`;
    case "helplines":
      return `<throughline-helplines${attributes([
        ["id", instanceId(c)],
        ["country", c.country],
        ["topic", c.topic],
        ["locale", c.locale],
      ])}></throughline-helplines>`;
    case "thunder":
      return `<thunder-launch-button${attributes([
        ["id", instanceId(c)],
        ["method", c.method],
        ["ids", c.ids.trim()],
        ["locale", c.locale],
      ])}>${escapeHtml(c.label)}</thunder-launch-button>`;
  }
}

/** The elements the snippet writes: each one's tag, its id, and its custom-property prefix. */
function themedElements(c: Choices): { tag: string; id: string; prefix: string }[] {
  const id = instanceId(c);
  switch (c.kind) {
    case "asset":
      return [{ tag: "thron-asset", id, prefix: "--thron-asset" }];
    case "filtered-gallery":
      return [
        { tag: "thron-filter-bar", id: `${id}-filters`, prefix: "--thron-filter-bar" },
        { tag: "thron-gallery", id, prefix: "--thron-gallery" },
      ];
    case "helplines":
      return [{ tag: "throughline-helplines", id, prefix: "--throughline-helplines" }];
    case "thunder":
      return [{ tag: "thunder-launch-button", id, prefix: "--thunder-launch-button" }];
    default:
      return [{ tag: "thron-gallery", id, prefix: "--thron-gallery" }];
  }
}

const DARK = { text: "#eceef3", page: "#15171c", surface: "#23262d", placeholder: "#2a2e36" };

/** The properties the theme sets, per element (by its `#id` selector). */
export function themeProperties(c: Choices): Record<string, Record<string, string>> {
  const { scheme, accent, radius } = c.theme;
  const rules: Record<string, Record<string, string>> = {};
  for (const { tag, id, prefix } of themedElements(c)) {
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
      // Room between the dark background's edge and the tiles, the bar's controls or the text.
      if (tag !== "thunder-launch-button") Object.assign(rule, { display: "block", padding: "1rem", "border-radius": `${radius}rem` });
      if (tag === "thron-gallery")
        Object.assign(rule, { [`${prefix}-background`]: DARK.surface, [`${prefix}-placeholder`]: DARK.placeholder });
      if (tag === "thron-asset") rule[`${prefix}-placeholder`] = DARK.placeholder;
      if (tag === "thron-filter-bar") rule[`${prefix}-control-background`] = DARK.surface;
      if (tag === "throughline-helplines") rule[`${prefix}-background`] = DARK.surface;
    }
    rules[`#${id}`] = rule;
  }
  return rules;
}

const cssRule = (selector: string, rule: Record<string, string>) =>
  `${selector} {\n${Object.entries(rule)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join("\n")}\n}`;

export function themeCss(c: Choices): string {
  return Object.entries(themeProperties(c))
    .map(([selector, rule]) => cssRule(selector, rule))
    .join("\n");
}

/**
 * The room the element takes once it has run, kept while its script loads (the README's
 * `:not(:defined)` rules, sized for this element and layout), so the host page does not jump.
 * Widths follow the viewport, as the elements' own grid does: a column per 12rem, 2 at least.
 */
export function reserveCss(c: Choices): string {
  const id = instanceId(c);
  const waiting = `#${id}:not(:defined)`;
  const width = "min(100vw - 3rem, 72rem)";
  switch (c.kind) {
    case "gallery":
    case "filtered-gallery": {
      const grid = [
        cssRule(waiting, {
          display: "block",
          "--cols": "2",
          "--rows": `round(up, ${handPicked(c) ? Math.max(1, c.assets.length) : c.pageSize} / var(--cols), 1)`,
          "--tile": `calc((${width} - (var(--cols) - 1) * 1rem) / var(--cols))`,
          // Each row a 4:3 tile and its two-line caption; the footer's "Load more" row.
          "min-height": "calc(var(--rows) * (0.75 * var(--tile) + 2.87rem) + (var(--rows) - 1) * 1rem + 3.75rem)",
        }),
        ...[3, 4, 5, 6].map((cols) => `@media (min-width: ${cols * 12 + 2}rem) { ${waiting} { --cols: ${cols}; } }`),
      ];
      if (c.kind === "gallery") return grid.join("\n");
      const bar = `#${id}-filters:not(:defined)`;
      return [
        cssRule(bar, { display: "block", "min-height": "12rem", "margin-bottom": "1rem" }),
        `@media (min-width: 36rem) { ${bar} { min-height: 7.25rem; } }`,
        ...grid,
      ].join("\n");
    }
    case "carousel":
      // The controls' row above the slides, and one row of slides a third of the row wide (at least 11rem).
      return cssRule(waiting, {
        display: "block",
        "--slide": `max(11rem, (${width} - 2rem) / 3)`,
        "min-height": "calc(3.25rem + 0.75 * var(--slide) + 2.87rem + 0.5rem)",
      });
    case "viewer":
      // The 4:3 stage (at most 75vh), its gap, and the strip's row of 4:3 thumbnails 5.5rem wide (4rem on a phone).
      return [
        cssRule(waiting, {
          display: "block",
          "--thumb": "4rem",
          "min-height": `calc(min(0.75 * ${width}, 75vh) + 0.75rem + 0.75 * var(--thumb) + 0.5rem)`,
        }),
        `@media (min-width: 33.0625rem) { ${waiting} { --thumb: 5.5rem; } }`,
      ].join("\n");
    case "asset":
      // The 16:9 stage, and the caption's title and line of description when shown.
      return cssRule(waiting, { display: "block", "aspect-ratio": "16 / 9", "padding-bottom": c.caption ? "5.25rem" : "0" });
    case "helplines":
      return cssRule(waiting, { display: "block", "min-height": "12rem" });
    case "thunder":
      return cssRule(waiting, { display: "inline-block", "min-height": "2.75rem" });
  }
}

/** The snippet's `<style>`: the theme, then the room kept until the script runs. */
export function snippetCss(c: Choices): string {
  return `${themeCss(c)}\n${reserveCss(c)}`;
}

/** The whole embed: what the editor pastes into a page. */
export function snippet(c: Choices, publicUrl: string): string {
  return [
    `<script type="module" src="${escapeHtml(publicUrl.replace(/\/+$/, ""))}/components.js"></script>`,
    `<style>\n${snippetCss(c)}\n</style>`,
    elementMarkup(c),
  ].join("\n");
}
