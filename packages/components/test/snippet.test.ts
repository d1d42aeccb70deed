import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_CHOICES, instanceId, snippet } from "../src/builder/snippet.ts";

describe("the builder's snippet", () => {
  it("writes the script tag, the theme scoped to its element's id, the room it keeps, and only the attributes that differ", () => {
    const text = snippet({ ...DEFAULT_CHOICES, id: "promo", pageSize: 24 }, "https://bff.example.com/");
    const [script, style, ...rest] = text.split("\n");
    assert.equal(script, '<script type="module" src="https://bff.example.com/components.js"></script>');
    assert.equal(style, "<style>");
    assert.equal(
      rest.slice(0, 5).join("\n"),
      [
        "#promo {",
        "  --thron-gallery-accent: #1a73e8;",
        "  --thron-gallery-focus-ring: #1a73e8;",
        "  --thron-gallery-radius: 0.5rem;",
        "}",
      ].join("\n"),
    );
    assert.match(text, /^#promo:not\(:defined\) \{\n {2}display: block;[^}]*--rows: round\(up, 24 \/ var\(--cols\), 1\);/m);
    assert.match(text, /@media \(min-width: 74rem\) \{ #promo:not\(:defined\) \{ --cols: 6; \} \}/);
    assert.match(text, /<\/style>\n<thron-gallery id="promo"><\/thron-gallery>$/);
    assert.doesNotMatch(text, /^thron-gallery\b/m, "no rule for every gallery on the page");
  });

  it("gives each different snippet its own id, and the same choices the same one", () => {
    const dark = { ...DEFAULT_CHOICES, theme: { ...DEFAULT_CHOICES.theme, scheme: "dark" as const } };
    assert.notEqual(instanceId(dark), instanceId(DEFAULT_CHOICES));
    assert.equal(instanceId({ ...dark }), instanceId(dark));
    assert.match(instanceId(DEFAULT_CHOICES), /^embedkit-gallery-[a-z0-9]+$/);
    assert.equal(instanceId({ ...DEFAULT_CHOICES, id: "1bad" }), instanceId(DEFAULT_CHOICES), "an id CSS cannot select is not used");
  });

  it("escapes what the editor typed, so the snippet stays one element", () => {
    const text = snippet(
      { ...DEFAULT_CHOICES, id: "go", q: '"><script>alert(1)</script>', kind: "thunder", label: "<b>Go</b>" },
      "https://bff.example.com",
    );
    assert.equal(text.includes("<script>alert"), false);
    assert.match(text, /<thunder-launch-button id="go" method="plays">&lt;b&gt;Go&lt;\/b&gt;<\/thunder-launch-button>$/);
    const gallery = snippet({ ...DEFAULT_CHOICES, q: '"><script>alert(1)</script>' }, "https://bff.example.com");
    assert.match(gallery, /q="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  });

  it("names the filters the bar shows with keys", () => {
    const text = snippet({ ...DEFAULT_CHOICES, id: "shop", kind: "filtered-gallery", barKeys: ["topic"] }, "https://b.example");
    assert.match(text, /<thron-filter-bar id="shop-filters" for="shop" keys="topic"><\/thron-filter-bar>/);
  });

  it("links a filter bar to its gallery, themes both, and pads the dark theme", () => {
    const text = snippet(
      { ...DEFAULT_CHOICES, id: "shop", kind: "filtered-gallery", theme: { scheme: "dark", accent: "#ff6600", radius: 1 } },
      "https://b.example",
    );
    assert.match(
      text,
      /<thron-filter-bar id="shop-filters" for="shop"><\/thron-filter-bar>\n<thron-gallery id="shop" page-size="12"><\/thron-gallery>$/,
    );
    assert.match(text, /#shop-filters \{[^}]*--thron-filter-bar-accent: #ff6600;[^}]*color-scheme: dark;[^}]*padding: 1rem;/);
    assert.match(text, /#shop \{[^}]*--thron-gallery-radius: 1rem;[^}]*padding: 1rem;[^}]*--thron-gallery-background: #23262d;/);
    assert.equal(text.match(/--thron-gallery-radius/g)?.length, 1, "the theme once");
    assert.match(text, /#shop-filters:not\(:defined\) \{[^}]*min-height: 12rem;/);
  });
});
