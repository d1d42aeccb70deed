/**
 * "Edit an existing snippet": a snippet (or just its tag) an editor pastes, read back into the
 * builder's pairs. Parsed with DOMParser, which runs no script and loads nothing; what it finds
 * is checked again by choicesOf(), as the address bar's pairs are.
 */
import type { ChoicesRecord } from "./choices-record.ts";

/** Attributes read as they are (the snippet's names are the pairs' names). */
const PLAIN = ["gallery", "type", "q", "sort", "page-size", "locale", "player", "asset", "country", "topic", "method", "ids", "assets"];
/** Present or absent: written as "1" or "0". */
const FLAGS = ["autoplay", "caption"];
const TAGS = "thron-gallery, thron-asset, throughline-helplines, thunder-launch-button";

/** The pairs a pasted snippet gives, or null when it holds none of the elements. */
export function readSnippet(source: string): ChoicesRecord | null {
  const doc = new DOMParser().parseFromString(source, "text/html");
  const element = doc.querySelector(TAGS);
  if (!element) return null;
  const tag = element.localName;
  const bar = tag === "thron-gallery" ? doc.querySelector("thron-filter-bar") : null;
  const record: ChoicesRecord = { kind: kindOf(element, bar !== null) };
  if (element.id) record.id = element.id;
  for (const name of PLAIN) {
    const value = element.getAttribute(name);
    if (value !== null) record[name] = value;
  }
  if (tag === "thron-gallery" && element.hasAttribute("assets")) record.source = "picked";
  for (const name of FLAGS) record[name] = element.hasAttribute(name) ? "1" : "0";
  for (const { name, value } of element.attributes) if (name.startsWith("filter-")) record[name] = value;
  if (bar?.hasAttribute("keys")) record.keys = bar.getAttribute("keys") ?? "";
  if (tag === "thunder-launch-button") record.label = element.textContent?.trim() ?? "";
  Object.assign(record, themeOf([...doc.querySelectorAll("style")].map((s) => s.textContent ?? "").join("\n"), element));
  return record;
}

/** A gallery's `layout` → the builder's element choice. */
const LAYOUT_KINDS: Record<string, string> = { carousel: "carousel", viewer: "viewer" };

function kindOf(element: Element, withBar: boolean): string {
  switch (element.localName) {
    case "thron-asset":
      return "asset";
    case "throughline-helplines":
      return "helplines";
    case "thunder-launch-button":
      return "thunder";
    default:
      if (withBar) return "filtered-gallery";
      return LAYOUT_KINDS[element.getAttribute("layout") ?? ""] ?? "gallery";
  }
}

/** The theme the snippet's CSS gives its element: the rule for its #id, else (older snippets) for its tag. */
function themeOf(css: string, element: Element): ChoicesRecord {
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(css);
  } catch {
    return {};
  }
  const tag = element.localName;
  const selectors = element.id ? [`#${CSS.escape(element.id)}`, tag] : [tag];
  const rules = [...sheet.cssRules].filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule);
  const rule = selectors.map((s) => rules.find((r) => r.selectorText === s)).find((r) => r !== undefined);
  if (!rule) return {};
  const prefix = `--${tag}`;
  const property = (name: string) => rule.style.getPropertyValue(name).trim();
  const record: ChoicesRecord = {};
  const accent = property(tag === "thunder-launch-button" ? `${prefix}-background` : `${prefix}-accent`);
  if (accent) record.accent = accent;
  const radius = /^([\d.]+)rem$/.exec(property(`${prefix}-radius`))?.[1];
  if (radius) record.radius = radius;
  record.scheme = property("color-scheme") === "dark" ? "dark" : "light";
  return record;
}
