/**
 * The sandbox demo at `/`: the elements on the sandbox catalogue, embedded as a host site would
 * (one script tag), in a light English and a dark Italian theme.
 */
/**
 * Everything the demo loads is on this origin (in sandbox mode the THRON Player and media come
 * from /_sandbox); no inline script. Inline styles stay: the page's own <style> and the Player's.
 */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The page's own script, served from /demo.js rather than inline (the CSP allows no inline script). */
export const DEMO_SCRIPT = `document.getElementById("thunder").addEventListener("thunder-launch", (event) => {
  event.preventDefault();
  const { url, expiresAt } = event.detail;
  document.getElementById("thunder-result").textContent =
    "Launch URL minted (" + url.split("?")[0] + "?…), valid until " + new Date(expiresAt).toLocaleTimeString() + ".";
});
`;

export function demoPage(): string {
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
  <p>Sandbox mode: the BFF talks to simulated THRON upstreams under <code>/_sandbox</code>. Set provider credentials to use the real services.</p>
</header>
<main>
  <section class="light" aria-labelledby="gallery-heading">
    <h2 id="gallery-heading">THRON gallery with filters</h2>
    <p>Embedded with <code>&lt;script type="module" src="/components.js"&gt;&lt;/script&gt;</code>, a <code>&lt;thron-filter-bar for="gallery" sync-url&gt;</code> and a <code>&lt;thron-gallery id="gallery"&gt;</code>. Click a tile to play it in the THRON Player.</p>
    <thron-filter-bar for="gallery" sync-url></thron-filter-bar>
    <thron-gallery id="gallery" page-size="12"></thron-gallery>
  </section>
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
<script type="module" src="/demo.js"></script>
</body>
</html>`;
}
