/**
 * The sandbox demo at `/`: the elements on the sandbox catalogue, embedded as a host site would
 * (one script tag), in a light English and a dark Italian theme.
 */

import { FOLDERS } from "@embedkit/sandbox";
import { FAVICON } from "../http/favicon.ts";

interface Catalogue {
  catalogue: { contents: readonly { id: string; contentType: string; folderId: string }[] };
}

/**
 * Everything the demo loads is on this origin (`form-action 'self'`: without JavaScript the
 * filter bar is a GET form to this page) (in sandbox mode the THRON Player and media come
 * from /_sandbox); no inline script. Inline styles stay: the page's own <style> and the Player's.
 */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The page's own script, served from /demo.js rather than inline (the CSP allows no inline script). */
export const DEMO_SCRIPT = `document.getElementById("thunder").addEventListener("thunder-launch", (event) => {
  event.preventDefault();
  const { url, expiresAt } = event.detail;
  document.getElementById("thunder-result").textContent =
    "Launch URL minted (" + url.split("?")[0] + "?…), valid until " + new Date(expiresAt).toLocaleTimeString() + ".";
});
`;

/** The hand-picked example: which of the demo folder's contents, in this order (not THRON's). */
const HAND_PICKED = [
  { type: "AUDIO", nth: 0 },
  { type: "IMAGE", nth: 3 },
  { type: "VIDEO", nth: 1 },
  { type: "IMAGE", nth: 0 },
] as const;

function handPickedIds(thron: Catalogue | undefined): string[] {
  const inDemo = thron?.catalogue.contents.filter((c) => c.folderId === FOLDERS.demo.id) ?? [];
  const ids = HAND_PICKED.map(({ type, nth }) => inDemo.filter((c) => c.contentType === type)[nth]?.id);
  return ids.every((id) => id !== undefined) ? (ids as string[]) : [];
}

/**
 * Not defined yet, nor server-rendered: a server-rendered element (its inline data a child) already
 * takes its own room, which may be less than a full first page (a visitor's query matching little).
 */
const WAITING = ":not(:defined):not(:has(> [data-embedkit-state]))";

/**
 * Room for the elements before their script runs (the README's `:not(:defined)` snippet, sized
 * for this page): each gallery's first page (`--tiles`) in as many columns as its width gives,
 * the carousel's one row of slides, the single asset's box and caption, the filter bar's rows.
 * Without it the sections below jump when the elements appear.
 */
const RESERVE = `
  thron-gallery${WAITING} {
    display: block;
    --tiles: 12;
    --cols: 2;
    --rows: round(up, var(--tiles) / var(--cols), 1);
    --tile: calc((min(100vw - 3rem, 72rem) - (var(--cols) - 1) * 1rem) / var(--cols));
    min-height: calc(var(--rows) * (0.75 * var(--tile) + 2.87rem) + (var(--rows) - 1) * 1rem + 3.75rem);
  }
  thron-gallery[page-size="6"]${WAITING} { --tiles: 6; }
  #picked${WAITING} { --tiles: ${HAND_PICKED.length}; }
  @media (min-width: 38rem) { thron-gallery${WAITING} { --cols: 3; } }
  @media (min-width: 50rem) { thron-gallery${WAITING} { --cols: 4; } }
  @media (min-width: 62rem) { thron-gallery${WAITING} { --cols: 5; } }
  @media (min-width: 74rem) { thron-gallery${WAITING} { --cols: 6; } }
  /* A carousel: its controls' row, one row of slides a third of the row wide (at least 11rem), no footer. */
  thron-gallery[layout="carousel"]${WAITING} {
    --slide: max(11rem, (min(100vw - 3rem, 72rem) - 2rem) / 3);
    min-height: calc(3.25rem + 0.75 * var(--slide) + 2.87rem + 0.5rem);
  }
  /* A viewer: its 4:3 stage (at most 75vh), a gap, and one row of 4:3 thumbnails (4rem wide on a phone, 5.5rem wider). */
  thron-gallery[layout="viewer"]:not(:defined) {
    --thumb: 4rem;
    min-height: calc(min(0.75 * min(100vw - 3rem, 72rem), 75vh) + 0.75rem + 0.75 * var(--thumb) + 0.5rem);
  }
  @media (min-width: 33.0625rem) { thron-gallery[layout="viewer"]:not(:defined) { --thumb: 5.5rem; } }
  /* The asset's 16 / 9 box and its caption (title and a line of description). */
  thron-asset${WAITING} { display: block; aspect-ratio: 16 / 9; padding-bottom: 5.25rem; }
  thron-filter-bar${WAITING} { display: block; min-height: 12rem; margin-bottom: 1rem; }
  @media (min-width: 36rem) { thron-filter-bar${WAITING} { min-height: 7.25rem; } }
`;

/** The page's own look: two themes, the dark one through the elements' custom properties and parts. */
const STYLE = `
  body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; }
  main > section { padding: 1.5rem max(1.5rem, calc((100vw - 72rem) / 2)); }
  header { padding: 1.5rem max(1.5rem, calc((100vw - 72rem) / 2)) 0; }
  header p { color: #555; margin-top: 0; }
  code { background: rgb(0 0 0 / 0.06); padding: 0.1em 0.3em; border-radius: 4px; }
  .light { background: #fff; color: #1b1b1f; }
  .dark {
    background: #15171c; color: #eceef3; color-scheme: dark;
    --thron-gallery-accent: #8ab4f8; --thron-gallery-focus-ring: #8ab4f8; --thron-gallery-background: #23262d;
    --thron-gallery-placeholder: #2a2e36; --thron-gallery-radius: 0.9rem; --thron-gallery-tile-min-width: 9rem;
    --thron-filter-bar-accent: #8ab4f8; --thron-filter-bar-focus-ring: #8ab4f8;
  }
  .dark code { background: rgb(255 255 255 / 0.1); }
  .dark thron-gallery::part(title) { font-weight: 600; }
`;

/** The demo's server-rendered elements (GET /v1/render/<tag>): their attributes, and the bare tag when no fragment came. */
export const SERVER_RENDERED = {
  filterBar: { tag: "thron-filter-bar", attributes: 'for="gallery" sync-url' },
  gallery: { tag: "thron-gallery", attributes: 'id="gallery" page-size="12" sync-url' },
  helplines: { tag: "throughline-helplines", attributes: 'country="NZ" topic="anxiety" priority' },
} as const;

const bare = ({ tag, attributes }: (typeof SERVER_RENDERED)[keyof typeof SERVER_RENDERED]) => `<${tag} ${attributes}></${tag}>`;

/**
 * `thron` (the THRON sandbox) supplies the id the single-asset example shows; `fragments`, the
 * first gallery and the helplines as the render route answered them (else their bare tags).
 */
export function demoPage(
  options: { preload?: readonly string[]; thron?: Catalogue; fragments?: Partial<Record<keyof typeof SERVER_RENDERED, string>> } = {},
): string {
  const filterBar = options.fragments?.filterBar ?? bare(SERVER_RENDERED.filterBar);
  const gallery = options.fragments?.gallery ?? bare(SERVER_RENDERED.gallery);
  const helplines = options.fragments?.helplines ?? bare(SERVER_RENDERED.helplines);
  // Stryker disable next-line ArrayDeclaration: unreachable default, mountDemo always passes the preload list (empty when unbuilt)
  const preload = (options.preload ?? []).map((href) => `<link rel="modulepreload" href="${href}">`).join("\n");
  const video = options.thron?.catalogue.contents.find((c) => c.contentType === "VIDEO" && c.folderId === FOLDERS.demo.id);
  const picked = handPickedIds(options.thron);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Embedkit's elements on a sandbox catalogue: THRON galleries with filters, a carousel, a viewer, one asset, a Thunder launch button and ThroughLine helplines.">
<title>Embedkit demo (sandbox)</title>
<link rel="icon" href="${FAVICON}">
<script type="module" src="/components.js"></script>
${preload}
<style>${RESERVE}${STYLE}</style>
</head>
<body>
<header>
  <h1>Embedkit demo</h1>
  <p>Sandbox mode: the BFF talks to simulated THRON, Thunder and ThroughLine upstreams under <code>/_sandbox</code>. Set provider credentials to use the real services. Editors: <a href="/builder">the builder</a> writes these tags for you.</p>
</header>
<main>
  <section class="light" aria-labelledby="gallery-heading">
    <h2 id="gallery-heading">THRON gallery with filters</h2>
    <p>Embedded with <code>&lt;script type="module" src="/components.js"&gt;&lt;/script&gt;</code>, a <code>&lt;thron-filter-bar for="gallery" sync-url&gt;</code> and a <code>&lt;thron-gallery id="gallery" sync-url&gt;</code>. Click a tile to play it in the THRON Player; the address keeps the filters and the open asset.</p>
    ${filterBar}
    ${gallery}
  </section>
  <section class="light" aria-labelledby="preset-heading">
    <h2 id="preset-heading">A preset gallery</h2>
    <p><code>&lt;thron-gallery type="video,audio" sort="title" page-size="6"&gt;</code>: only the folder's videos and audio, by title; no developer needed.</p>
    <thron-gallery type="video,audio" sort="title" page-size="6"></thron-gallery>
  </section>
  ${
    picked.length > 0
      ? `<section class="light" aria-labelledby="picked-heading">
    <h2 id="picked-heading">Hand-picked, in this order</h2>
    <p><code>&lt;thron-gallery assets="id1,id2,id3,id4"&gt;</code> with ${picked.length} content ids: exactly those assets, in the editor's order, in one request; the builder picks and orders them for you.</p>
    <thron-gallery id="picked" assets="${picked.join(",")}"></thron-gallery>
  </section>`
      : ""
  }
  <section class="light" aria-labelledby="carousel-heading">
    <h2 id="carousel-heading">A carousel</h2>
    <p><code>&lt;thron-gallery layout="carousel" autoplay type="image" filter-topic="nature"&gt;</code>: one row that snaps, previous and next, rotating until you hover or focus it (never under reduced motion).</p>
    <thron-gallery layout="carousel" autoplay type="image" filter-topic="nature" page-size="12" aria-label="Nature photos"></thron-gallery>
  </section>
  <section class="light" aria-labelledby="viewer-heading">
    <h2 id="viewer-heading">A product viewer</h2>
    <p><code>&lt;thron-gallery layout="viewer" type="image,video" filter-topic="city"&gt;</code>: one asset large, its thumbnails below (arrow keys, swipes); hover or pinch an image to zoom, or open it full screen; videos play in the stage.</p>
    <thron-gallery layout="viewer" type="image,video" filter-topic="city" page-size="12" aria-label="City photos and videos"></thron-gallery>
  </section>
  ${
    video
      ? `<section class="light" aria-labelledby="asset-heading">
    <h2 id="asset-heading">One asset on its own</h2>
    <p><code>&lt;thron-asset asset="${video.id}" caption&gt;</code>: the THRON Player, loaded when it comes near the screen, behind its poster.</p>
    <thron-asset asset="${video.id}" caption style="max-width: 40rem"></thron-asset>
  </section>`
      : ""
  }
  <section class="light" aria-labelledby="thunder-heading">
    <h2 id="thunder-heading">Thunder launch button</h2>
    <p><code>&lt;thunder-launch-button method="plays" ids="…"&gt;</code> asks the BFF for a launch URL (the Thunder credentials never reach the page) and opens it. Here the page cancels <code>thunder-launch</code> and shows what it got instead of opening the desktop app.</p>
    <thunder-launch-button id="thunder" method="plays" ids="0f8fad5b-d9cb-469f-a165-70867728950e,7c9e6679-7425-40de-944b-e07fc1f90ae7">Open 2 plays in Thunder</thunder-launch-button>
    <p id="thunder-result" role="status"></p>
  </section>
  <section class="light" aria-labelledby="helplines-heading">
    <h2 id="helplines-heading">ThroughLine helplines</h2>
    <p><code>&lt;throughline-helplines country="NZ" topic="anxiety" priority&gt;</code>: ThroughLine's curated list (API v2), paired services together, the emergency number, and for each way to get in touch its own hours and whether it is open now in New Zealand.</p>
    ${helplines}
  </section>
  <section class="dark" lang="it" aria-labelledby="sport-heading">
    <h2 id="sport-heading">Galleria “sport” in italiano, tema scuro</h2>
    <p><code>&lt;thron-filter-bar for="sport" sync-url="sport"&gt;</code> e <code>&lt;thron-gallery gallery="sport" player="native" infinite&gt;</code>: lettori nativi del browser, scorrimento infinito, filtri nell’indirizzo con il prefisso <code>sport.</code></p>
    <thron-filter-bar for="sport" sync-url="sport"></thron-filter-bar>
    <thron-gallery id="sport" gallery="sport" player="native" page-size="12" infinite></thron-gallery>
  </section>
</main>
<script type="module" src="/demo.js"></script>
</body>
</html>`;
}
