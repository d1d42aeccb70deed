/**
 * The elements as a server renders them (the BFF's GET /v1/render/<tag>, with Lit's server
 * renderer): each tag registered, with its strings, so the server can wait for a language
 * before it renders. Their templates are the elements' own; nothing here draws anything.
 */
import type { Asset, AssetPage } from "@embedkit/contracts";
import type { LitElement, ReactiveElement, TemplateResult } from "lit";
import type { Translations } from "./internal/localize.ts";
import { noScriptAsset } from "./thron-asset/no-script.ts";
import { translated as assetStrings } from "./thron-asset/strings.ts";
import { NO_SCRIPT_STYLES, noScriptFilterBar } from "./thron-filter-bar/no-script.ts";
import { translated as filterBarStrings } from "./thron-filter-bar/strings.ts";
import { noScriptGallery } from "./thron-gallery/no-script.ts";
import { translated as galleryStrings } from "./thron-gallery/strings.ts";
import { ViewerController } from "./thron-gallery/viewer-controller.ts";
import { provideViewer } from "./thron-gallery/viewer-loader.ts";
import { viewerStyles } from "./thron-gallery/viewer-looks.styles.ts";
import { translated as helplinesStrings } from "./throughline-helplines/strings.ts";
import { noScriptLaunchButton } from "./thunder-launch-button/no-script.ts";
import { translated as launchStrings } from "./thunder-launch-button/strings.ts";
import "./thron-asset/thron-asset.ts";
import "./thron-filter-bar/thron-filter-bar.ts";
import "./thron-gallery/thron-gallery.ts";
import "./throughline-helplines/throughline-helplines.ts";
import "./thunder-launch-button/thunder-launch-button.ts";

// A viewer's first paint is the viewer's own (the browser loads its code on first use).
provideViewer(ViewerController);
// ... and styled as it will stay: the styles the browser adopts with the viewer's code are in the
// server-rendered shadow root (Lit's server renderer writes the class's styles).
(customElements.get("thron-gallery") as unknown as typeof ReactiveElement).elementStyles.push(viewerStyles);

const strings: Record<string, Translations<object>> = {
  "thron-gallery": galleryStrings,
  "thron-filter-bar": filterBarStrings,
  "thron-asset": assetStrings,
  "throughline-helplines": helplinesStrings,
  "thunder-launch-button": launchStrings,
};

/** Tags a server can render. */
export const SERVER_RENDERED_TAGS = Object.keys(strings);

/** Settles once `tag`'s strings in `locale` are at hand (English when that language is unknown). */
export async function stringsReady(tag: string, locale: string): Promise<void> {
  await strings[tag]?.ready(locale);
}

/**
 * What `tag` shows a visitor without JavaScript besides its own render, or null when that is all
 * it needs; `inForm`: it goes first in the element's form's selection row (the filter bar's submit
 * button, after the page URL's other parameters, `pageQuery`, as hidden fields).
 */
export function noScriptOf(
  tag: string,
  state: unknown,
  locale: string,
  pageQuery: readonly (readonly [string, string])[] = [],
): { template: TemplateResult; inForm?: true } | null {
  if (tag === "thron-filter-bar") return { template: noScriptFilterBar(locale, pageQuery), inForm: true };
  const template = noScriptTemplate(tag, state, locale);
  return template && { template };
}

function noScriptTemplate(tag: string, state: unknown, locale: string): TemplateResult | null {
  if (tag === "thron-gallery") return noScriptGallery(state as AssetPage, galleryStrings.strings(locale), locale);
  if (tag === "thron-asset") return noScriptAsset(state as Asset, locale);
  return tag === "thunder-launch-button" ? noScriptLaunchButton(locale) : null;
}

/** The element's own stylesheet as text: what its server-rendered shadow root links to (see the BFF's render/styles.ts). */
export function stylesOf(tag: string): string {
  const element = customElements.get(tag) as (typeof LitElement & { finalize(): void }) | undefined;
  if (!element) return "";
  element.finalize(); // elementStyles are collected when the class is first used
  const own = element.elementStyles.map((style) => ("cssText" in style ? style.cssText : "")).join("\n");
  return tag === "thron-filter-bar" ? `${own}\n${NO_SCRIPT_STYLES}` : own;
}
