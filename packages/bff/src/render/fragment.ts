/**
 * An element rendered on the server with Lit's own renderer, from the element's own templates:
 * its tag with the attributes it was asked with, a declarative shadow root holding what it
 * renders (styles included), and the data of that render as inline JSON, which the element
 * starts from in the browser (components/src/internal/server-state.ts).
 */
import { noScriptOf, stringsReady, stylesOf } from "@embedkit/components/server";
import type { RenderTag } from "@embedkit/contracts";
import { render } from "@lit-labs/ssr";
import { collectResult } from "@lit-labs/ssr/lib/render-result.js";
import { html, nothing, type TemplateResult } from "lit";
import { hostTag } from "./host-tag.ts";
import { hashOf, stylesheetLink } from "./stylesheet.ts";

/** What one render needs: the host's attributes as they go out, and the data of its first render. */
export interface FragmentInput {
  tag: RenderTag;
  /** Validated attributes, written on the tag as they are (`""`: a boolean attribute). */
  attributes: Record<string, string>;
  /** The element's properties that change what it renders (locale, layout…). */
  properties: { locale: string } & Record<string, string | undefined>;
  state: unknown;
  /** The page URL's other parameters, which a filter bar's form carries when submitted without JavaScript. */
  pageQuery?: [string, string][];
  /** The BFF's origin (and path) the shadow root's stylesheet link names; "" for root-relative. */
  stylesBase: string;
}

/**
 * The host's shadow, rendered through a fixed template per tag: properties rather than
 * attributes, so no request's text ever becomes template markup. Lit's own markers for the
 * outer template are then left out: only the element's shadow root is hydrated.
 */
function hostTemplate({ tag, properties: p, state }: FragmentInput): TemplateResult {
  if (tag === "thron-gallery")
    // Stryker disable next-line StringLiteral: GalleryAttributes defaults layout to grid, so p.layout is always set
    return html`<thron-gallery .serverState=${state} .locale=${p.locale} .layout=${p.layout ?? "grid"}></thron-gallery>`;
  if (tag === "thron-filter-bar")
    return html`<thron-filter-bar .serverState=${state} .locale=${p.locale} .for=${p.for} .gallery=${p.gallery} .keys=${p.keys} sync-url=${p["sync-url"] ?? nothing}></thron-filter-bar>`;
  if (tag === "thron-asset")
    // Stryker disable next-line LogicalOperator,StringLiteral: the server render is the poster whatever the player (playback starts only in the browser, from the tag's player attribute)
    return html`<thron-asset .serverState=${state} .locale=${p.locale} .player=${p.player ?? "thron"} .caption=${p.caption !== undefined}></thron-asset>`;
  if (tag === "throughline-helplines")
    // Stryker disable next-line LogicalOperator,StringLiteral: country is required; the server render takes the country from the answer (the property only looks it up in the country list the browser fetches)
    return html`<throughline-helplines .serverState=${state} .locale=${p.locale} .country=${p.country ?? ""}></throughline-helplines>`;
  return html`<thunder-launch-button .locale=${p.locale} .method=${p.method} .ids=${p.ids} .league=${p.league} .angles=${p.angles}></thunder-launch-button>`;
}

const SHADOW_START = "<template shadowroot";
/**
 * Lit's server renderer writes a checkbox's `.checked=${false}` as `checked="false"`, which HTML
 * reads as checked: left out, so a visitor without JavaScript sees the boxes as the query has them
 * (hydration sets the property anyway). Attribute values are escaped, so no text can hold this.
 */
const UNCHECKED = /\schecked="false"/g;
/** The `<style>` Lit writes first in a shadow root: replaced by a link to the same styles. */
// Stryker disable next-line Regex: Lit writes the element's styles first in every shadow root (each element has some), so the first <style> is always the one at the start
const INLINE_STYLE = /^<style>[\s\S]*?<\/style>/;

export async function renderFragment(input: FragmentInput): Promise<string> {
  await stringsReady(input.tag, input.properties.locale);
  const rendered = await collectResult(render(hostTemplate(input)));
  const shadowStart = rendered.indexOf(SHADOW_START);
  const hostEnd = rendered.lastIndexOf(`</${input.tag}>`);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: each tag's template renders that element, whose shadow root Lit always writes: a guard for a renderer that changed, no request reaches it
  if (shadowStart < 0 || hostEnd < shadowStart) throw new Error(`The server renderer wrote no shadow root for <${input.tag}>`);
  const shadowOpen = rendered.indexOf(">", shadowStart) + 1;
  const link = stylesheetLink(input.stylesBase, input.tag, (await stylesheet(input.tag)).hash);
  let inside = rendered.slice(shadowOpen, hostEnd).replace(INLINE_STYLE, "").replace(UNCHECKED, "");
  const noScript = await noScriptHtml(input);
  // The filter bar's button: first in its selection row, where its chips and "Clear all" are.
  const selection = inside.indexOf('<div part="selection"');
  // Stryker disable next-line LogicalOperator: only the filter bar's part goes in its form, and only the bar has a selection row (always rendered): either alone says the same
  const at = noScript.inForm && selection >= 0 ? inside.indexOf(">", selection) + 1 : 0;
  inside = `${inside.slice(0, at)}${noScript.html}${inside.slice(at)}`;
  return hostTag(input.tag, input.attributes, input.state, `${rendered.slice(shadowStart, shadowOpen)}${link}${inside}`);
}

const stylesheets = new Map<string, Promise<{ css: string; hash: string }>>();

/** `tag`'s styles as its stylesheet file serves them, and their hash (the same for the whole build). */
export function stylesheet(tag: string): Promise<{ css: string; hash: string }> {
  let known = stylesheets.get(tag);
  // Stryker disable next-line ConditionalExpression: a memo: the styles and their hash computed again are the same, only slower
  if (!known) {
    const css = stylesOf(tag);
    known = hashOf(css).then((hash) => ({ css, hash }));
    // Stryker disable next-line CallExpression: a memo: the styles and their hash computed again are the same, only slower
    stylesheets.set(tag, known);
  }
  return known;
}

/** Lit's markers: no use inside a `<noscript>`, which is never hydrated. */
const LIT_MARKERS = /<!--\/?lit-[^>]*-->/g;

/** The element's `<noscript>` part (the gallery's links, the filter bar's button), without Lit's markers. */
async function noScriptHtml({ tag, state, properties, pageQuery }: FragmentInput): Promise<{ html: string; inForm?: true }> {
  const part = noScriptOf(tag, state, properties.locale, pageQuery);
  if (!part) return { html: "" };
  const html = `<noscript>${(await collectResult(render(part.template))).replace(LIT_MARKERS, "")}</noscript>`;
  return part.inForm ? { html, inForm: true } : { html };
}
