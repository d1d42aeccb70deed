/**
 * The HTML of /builder: the elements' bundle plus the builder's own script (builder.js, built
 * apart so none of it reaches the pages that embed the elements), and the page's own styles.
 */
const escapeHtml = (value: string) => value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

export function builderPage({ publicUrl, galleries }: { publicUrl: string; galleries: string[] }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Embedkit builder</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1f; background: #f6f7f9; }
  header, main { padding: 1rem max(1rem, calc((100vw - 80rem) / 2)); }
  header p { margin-top: 0; color: #444; }
  embedkit-builder { display: grid; gap: 1.5rem; grid-template-columns: minmax(16rem, 24rem) 1fr; align-items: start; }
  @media (max-width: 56rem) { embedkit-builder { grid-template-columns: 1fr; } }
  .choices { display: grid; gap: 0.75rem; background: #fff; padding: 1rem; border-radius: 0.5rem; }
  .choices label { display: block; }
  .choices fieldset { border: 1px solid #d0d4dc; border-radius: 0.4rem; display: grid; gap: 0.4rem; }
  .choices fieldset.inline { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
  .choices select, .choices input:not([type="checkbox"], [type="radio"]) { display: block; font: inherit; margin-top: 0.2rem; max-width: 100%; }
  .output { background: #fff; padding: 1rem; border-radius: 0.5rem; min-width: 0; }
  .preview { border: 1px dashed #9aa1ad; border-radius: 0.5rem; padding: 1rem; min-height: 8rem; }
  pre { background: #15171c; color: #eceef3; padding: 1rem; border-radius: 0.4rem; overflow-x: auto; white-space: pre-wrap; }
  .note { padding: 0.5rem 0.75rem; border-radius: 0.4rem; background: #eef1f6; }
  .note.warn { background: #fff3cd; }
  .note.ok { background: #e6f4ea; }
  button { font: inherit; padding: 0.4rem 1rem; }
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
