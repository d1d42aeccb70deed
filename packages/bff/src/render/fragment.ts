/**
 * An element rendered on the server with Lit's own renderer, from the element's own templates:
 * its tag with the attributes it was asked with, a declarative shadow root holding what it
 * renders (styles included), and the data of that render as inline JSON, which the element
 * starts from in the browser (components/src/internal/server-state.ts).
 */
import { noScriptOf, stringsReady } from "@embedkit/components/server";
import type { RenderTag } from "@embedkit/contracts";
import { render } from "@lit-labs/ssr";
import { collectResult } from "@lit-labs/ssr/lib/render-result.js";
import { html, type TemplateResult } from "lit";
import { hostTag } from "./host-tag.ts";

/** What one render needs: the host's attributes as they go out, and the data of its first render. */
export interface FragmentInput {
  tag: RenderTag;
  /** Validated attributes, written on the tag as they are (`""`: a boolean attribute). */
  attributes: Record<string, string>;
  /** The element's properties that change what it renders (locale, layout…). */
  properties: { locale: string } & Record<string, string | undefined>;
  state: unknown;
}

/**
 * The host's shadow, rendered through a fixed template per tag: properties rather than
 * attributes, so no request's text ever becomes template markup. Lit's own markers for the
 * outer template are then left out: only the element's shadow root is hydrated.
 */
function hostTemplate({ tag, properties: p, state }: FragmentInput): TemplateResult {
  if (tag === "thron-gallery")
    return html`<thron-gallery .serverState=${state} .locale=${p.locale} .layout=${p.layout ?? "grid"}></thron-gallery>`;
  if (tag === "thron-asset")
    return html`<thron-asset .serverState=${state} .locale=${p.locale} .player=${p.player ?? "thron"} .caption=${p.caption !== undefined}></thron-asset>`;
  if (tag === "throughline-helplines")
    return html`<throughline-helplines .serverState=${state} .locale=${p.locale} .country=${p.country ?? ""}></throughline-helplines>`;
  return html`<thunder-launch-button .locale=${p.locale} .method=${p.method} .ids=${p.ids} .league=${p.league} .angles=${p.angles}></thunder-launch-button>`;
}

const SHADOW_START = "<template shadowroot";

export async function renderFragment(input: FragmentInput): Promise<string> {
  await stringsReady(input.tag, input.properties.locale);
  const rendered = await collectResult(render(hostTemplate(input)));
  const shadowStart = rendered.indexOf(SHADOW_START);
  const hostEnd = rendered.lastIndexOf(`</${input.tag}>`);
  if (shadowStart < 0 || hostEnd < shadowStart) throw new Error(`The server renderer wrote no shadow root for <${input.tag}>`);
  const noScript = await noScriptHtml(input);
  const shadowOpen = rendered.indexOf(">", shadowStart) + 1;
  const shadow = `${rendered.slice(shadowStart, shadowOpen)}${noScript}${rendered.slice(shadowOpen, hostEnd)}`;
  return hostTag(input.tag, input.attributes, input.state, shadow);
}

/** Lit's markers: no use inside a `<noscript>`, which is never hydrated. */
const LIT_MARKERS = /<!--\/?lit-[^>]*-->/g;

/** The element's `<noscript>` part (the gallery's links), without Lit's markers. */
async function noScriptHtml({ tag, state, properties }: FragmentInput): Promise<string> {
  const template = noScriptOf(tag, state, properties.locale);
  return template ? `<noscript>${(await collectResult(render(template))).replace(LIT_MARKERS, "")}</noscript>` : "";
}
