/**
 * The HTML of /builder: the elements' bundle plus the builder's own script (builder.js, built
 * apart so none of it reaches the pages that embed the elements), and the page's own styles.
 */
import { FAVICON } from "../http/favicon.ts";

const escapeHtml = (value: string) => value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

export function builderPage({ publicUrl, galleries }: { publicUrl: string; galleries: string[] }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Embedkit builder</title>
<link rel="icon" href="${FAVICON}">
<style>
  body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1f; background: #f6f7f9; accent-color: #1a73e8; }
  header, main { padding: 1rem max(1rem, calc((100vw - 80rem) / 2)); }
  header p { margin-top: 0; color: #444; }
  embedkit-builder { display: grid; gap: 1.5rem; grid-template-columns: minmax(16rem, 24rem) minmax(0, 1fr); align-items: start; }
  @media (max-width: 56rem) { embedkit-builder { grid-template-columns: minmax(0, 1fr); } }
  /* A fieldset is at least as wide as its content by default: the asset picker's tiles pushed the column 350 px wide. */
  .choices { display: grid; gap: 0.75rem; background: #fff; padding: 1rem; border-radius: 0.5rem; min-width: 0; }
  .choices fieldset { border: 1px solid #d0d4dc; border-radius: 0.4rem; display: grid; gap: 0.5rem; min-inline-size: 0; margin: 0; }
  .choices fieldset.inline { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
  .choices legend { font-weight: 600; padding: 0 0.25rem; }
  .choices label { display: block; }
  .choices label:has(> input:is([type="checkbox"], [type="radio"])) { display: inline-flex; gap: 0.4rem; align-items: center; min-height: 2rem; }
  .choices thron-gallery, .choices thron-filter-bar { display: block; min-width: 0; max-width: 100%; }
  /* Controls with the elements' own look: 2.5rem high, the filter bar's border and radius, the accent. */
  select, textarea, input:not([type="checkbox"], [type="radio"], [type="color"]) {
    box-sizing: border-box; display: block; width: 100%; margin-top: 0.25rem; font: inherit; color: inherit;
    border: 1px solid color-mix(in srgb, currentColor 40%, transparent); border-radius: 0.4rem; background: #fff;
  }
  select, input:not([type="checkbox"], [type="radio"], [type="color"]) { height: 2.5rem; padding: 0 0.6rem; }
  textarea { padding: 0.5rem 0.6rem; font-family: ui-monospace, monospace; font-size: 0.875rem; resize: vertical; }
  input[type="checkbox"], input[type="radio"] { width: 1.1rem; height: 1.1rem; margin: 0; }
  input[type="color"] { display: block; width: 4rem; height: 2.5rem; margin-top: 0.25rem; padding: 0.2rem; border: 1px solid color-mix(in srgb, currentColor 40%, transparent); border-radius: 0.4rem; background: #fff; }
  button { box-sizing: border-box; height: 2.5rem; padding: 0 1rem; font: inherit; cursor: pointer; border-radius: 0.4rem; border: 1px solid #1a73e8; background: transparent; color: #1a5bb8; }
  button.copy { background: #1a73e8; color: #fff; }
  .output { background: #fff; padding: 1rem; border-radius: 0.5rem; min-width: 0; }
  .preview { border: 1px dashed #9aa1ad; border-radius: 0.5rem; padding: 1rem; min-height: 8rem; }
  /* Long ids and URLs wrap anywhere: on a phone the snippet never scrolls sideways. */
  pre { background: #15171c; color: #eceef3; padding: 1rem; border-radius: 0.4rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
  .note { padding: 0.5rem 0.75rem; border-radius: 0.4rem; background: #eef1f6; }
  .note.warn { background: #fff3cd; }
  .note.ok { background: #e6f4ea; }
  .edited:empty { display: none; }
  /* The hand-picked list: grip, thumbnail, title (wraps), and three square buttons, within the column at any width. */
  ol.picked { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
  ol.picked li { display: grid; grid-template-columns: auto auto minmax(0, 1fr) auto; gap: 0.5rem; align-items: center; padding: 0.25rem; border: 1px solid #d0d4dc; border-radius: 0.4rem; background: #fff; }
  ol.picked li.dragging { border-color: #1a73e8; background: #eef4fd; }
  ol.picked .grip { cursor: grab; touch-action: none; user-select: none; display: grid; place-items: center; width: 1.5rem; height: 2.5rem; color: #555; }
  ol.picked img, ol.picked .thumb { width: 48px; height: 36px; object-fit: cover; border-radius: 0.25rem; background: #e3e6eb; }
  ol.picked .picked-title { overflow-wrap: anywhere; }
  ol.picked .picked-actions { display: flex; gap: 0.25rem; }
  ol.picked button { width: 2.5rem; padding: 0; }
  ol.picked button:disabled { opacity: 0.4; cursor: default; }
  /* Kept rendered when empty: a live region hidden until it speaks may not be heard. */
  .picked-status:empty { margin: 0; }
  :focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
</style>
<script type="module" src="/components.js"></script>
<script type="module" src="/builder.js"></script>
</head>
<body>
<header>
  <h1>Embedkit builder</h1>
  <p>Choose what to show and how it looks, check the preview, then copy the snippet into your page.</p>
</header>
<main>
  <embedkit-builder public-url="${escapeHtml(publicUrl)}" galleries="${escapeHtml(JSON.stringify(galleries))}"></embedkit-builder>
</main>
</body>
</html>`;
}
