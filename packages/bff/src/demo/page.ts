/** The sandbox demo at `/`: every element on the sandbox catalogue, embedded as a host site would. */
export function demoPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Embedkit demo (sandbox)</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; line-height: 1.5; }
  header p { color: GrayText; margin-top: 0; }
  code { background: color-mix(in srgb, currentColor 8%, transparent); padding: 0.1em 0.3em; border-radius: 4px; }
</style>
<script type="module" src="/components.js"></script>
</head>
<body>
<header>
  <h1>Embedkit demo</h1>
  <p>Sandbox mode: the BFF talks to simulated upstreams under <code>/_sandbox</code>. Set provider credentials to use the real services.</p>
</header>
<main>
  <section aria-labelledby="gallery-heading">
    <h2 id="gallery-heading">THRON gallery</h2>
    <p>Embedded with <code>&lt;script type="module" src="/components.js"&gt;&lt;/script&gt;&lt;thron-gallery&gt;&lt;/thron-gallery&gt;</code></p>
    <thron-gallery id="gallery"></thron-gallery>
  </section>
</main>
</body>
</html>`;
}
