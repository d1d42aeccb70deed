/**
 * A server-rendered element's styles as a file of the BFF's own, linked from its shadow root
 * (`<link rel="stylesheet">`) rather than written inline: a host page under a strict CSP
 * (`style-src` naming the BFF, no 'unsafe-inline', docs/csp.md) then shows the no-JavaScript view
 * styled too. The file's name carries a hash of its text, so it is cached for good and a new build
 * links a new name. Where no BFF origin is known (no `bff` attribute, PUBLIC_URL unset) the link
 * is root-relative: right for a page on the BFF's own origin, as the sandbox's demo is.
 */
import { escapeAttribute } from "./inline-json.ts";

/** Where the stylesheets are served (mounted under the render route). */
export const STYLESHEET_PATH = "/v1/render/styles/";
/** A stylesheet's file name: the tag and a hash of its text. */
export const STYLESHEET_FILE = /^([a-z-]{1,40})\.([0-9a-f]{16})\.css$/;

/** The first 16 hex digits of the text's SHA-256 (Web Crypto: every runtime the BFF runs on has it). */
export async function hashOf(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** `<link rel="stylesheet">` to `tag`'s styles of hash `hash`, on the BFF at `base` ("" for this origin). */
export function stylesheetLink(base: string, tag: string, hash: string): string {
  const href = `${base.replace(/\/+$/, "")}${STYLESHEET_PATH}${tag}.${hash}.css`;
  return `<link rel="stylesheet" href="${escapeAttribute(href)}">`;
}
