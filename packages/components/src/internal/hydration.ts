/**
 * Lit's hydration, loaded only on pages with a server-rendered element (see define.ts): the
 * element adopts the shadow root the server wrote instead of rendering it again. Lit installs
 * the support when it starts, if it is already there; here Lit has started, so define.ts hands
 * its LitElement over (the very class the elements extend, whichever chunk holds it).
 */
import "@lit-labs/ssr-client/lit-element-hydrate-support.js";
import type { LitElement } from "lit";

type Install = (lit: { LitElement: typeof LitElement }) => void;
let installed = false;

export function installHydration(litElement: typeof LitElement): void {
  if (installed) return;
  installed = true;
  (globalThis as unknown as { litElementHydrateSupport: Install }).litElementHydrateSupport({ LitElement: litElement });
}
