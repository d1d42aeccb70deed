/**
 * Lit's hydration, loaded only on pages with a server-rendered element (see define.ts): the
 * element adopts the shadow root the server wrote instead of rendering it again. Lit installs
 * the support when it starts, if it is already there; here Lit has started, so it is installed by hand.
 */
import "@lit-labs/ssr-client/lit-element-hydrate-support.js";
import { LitElement } from "lit";

type Install = (lit: { LitElement: typeof LitElement }) => void;
const install = (globalThis as { litElementHydrateSupport?: Install }).litElementHydrateSupport;
install?.({ LitElement });
