/**
 * The sandbox demo at `/`: the elements on the sandbox catalogue, embedded as a host site would
 * (one script tag), in a light English and a dark Italian theme.
 */

import { FOLDERS } from "@embedkit/sandbox";

interface Catalogue {
  catalogue: { contents: readonly { id: string; contentType: string; folderId: string }[] };
}

/** `thron` (the THRON sandbox) supplies the id the single-asset example shows. */
export function demoPage(thron?: Catalogue): string {
  const video = thron?.catalogue.contents.find((c) => c.contentType === "VIDEO" && c.folderId === FOLDERS.demo.id);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Embedkit demo (sandbox)</title>
<style>
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
</style>
<script type="module" src="/components.js"></script>
</head>
<body>
<header>
  <h1>Embedkit demo</h1>
  <p>Sandbox mode: the BFF talks to simulated THRON upstreams under <code>/_sandbox</code>. Set provider credentials to use the real services. Editors: <a href="/builder">the builder</a> writes these tags for you.</p>
</header>
<main>
  <section class="light" aria-labelledby="gallery-heading">
    <h2 id="gallery-heading">THRON gallery with filters</h2>
    <p>Embedded with <code>&lt;script type="module" src="/components.js"&gt;&lt;/script&gt;</code>, a <code>&lt;thron-filter-bar for="gallery" sync-url&gt;</code> and a <code>&lt;thron-gallery id="gallery"&gt;</code>. Click a tile to play it in the THRON Player.</p>
    <thron-filter-bar for="gallery" sync-url></thron-filter-bar>
    <thron-gallery id="gallery" page-size="12"></thron-gallery>
  </section>
  <section class="light" aria-labelledby="preset-heading">
    <h2 id="preset-heading">A preset gallery</h2>
    <p><code>&lt;thron-gallery type="video,audio" sort="title" page-size="6"&gt;</code>: only the folder's videos and audio, by title; no developer needed.</p>
    <thron-gallery type="video,audio" sort="title" page-size="6"></thron-gallery>
  </section>
  <section class="light" aria-labelledby="carousel-heading">
    <h2 id="carousel-heading">A carousel</h2>
    <p><code>&lt;thron-gallery layout="carousel" autoplay type="image" filter-topic="nature"&gt;</code>: one row that snaps, previous and next, rotating until you hover or focus it (never under reduced motion).</p>
    <thron-gallery layout="carousel" autoplay type="image" filter-topic="nature" page-size="12" aria-label="Nature photos"></thron-gallery>
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
    <p><code>&lt;throughline-helplines country="NZ" topic="anxiety" priority&gt;</code>: ThroughLine's curated list, paired services together, with the emergency number.</p>
    <throughline-helplines country="NZ" topic="anxiety" priority></throughline-helplines>
  </section>
  <section class="dark" lang="it" aria-labelledby="sport-heading">
    <h2 id="sport-heading">Galleria “sport” in italiano, tema scuro</h2>
    <p><code>&lt;thron-gallery gallery="sport" player="native" infinite&gt;</code>: lettori nativi del browser e scorrimento infinito.</p>
    <thron-filter-bar for="sport"></thron-filter-bar>
    <thron-gallery id="sport" gallery="sport" player="native" page-size="12" infinite></thron-gallery>
  </section>
</main>
<script>
  document.getElementById("thunder").addEventListener("thunder-launch", (event) => {
    event.preventDefault();
    const { url, expiresAt } = event.detail;
    document.getElementById("thunder-result").textContent =
      "Launch URL minted (" + url.split("?")[0] + "?…), valid until " + new Date(expiresAt).toLocaleTimeString() + ".";
  });
</script>
</body>
</html>`;
}
