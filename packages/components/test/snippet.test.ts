import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_CHOICES, snippet } from "../src/builder/snippet.ts";

describe("the builder's snippet", () => {
  it("writes the script tag, the theme and only the attributes that differ from the defaults", () => {
    const text = snippet({ ...DEFAULT_CHOICES, pageSize: 24 }, "https://bff.example.com/");
    assert.equal(
      text,
      [
        '<script type="module" src="https://bff.example.com/components.js"></script>',
        "<style>",
        "thron-gallery {",
        "  --thron-gallery-accent: #1a73e8;",
        "  --thron-gallery-focus-ring: #1a73e8;",
        "  --thron-gallery-radius: 0.5rem;",
        "}",
        "</style>",
        "<thron-gallery></thron-gallery>",
      ].join("\n"),
    );
  });

  it("escapes what the editor typed, so the snippet stays one element", () => {
    const text = snippet(
      { ...DEFAULT_CHOICES, q: '"><script>alert(1)</script>', kind: "thunder", label: "<b>Go</b>" },
      "https://bff.example.com",
    );
    assert.equal(text.includes("<script>alert"), false);
    assert.match(text, /<thunder-launch-button method="plays">&lt;b&gt;Go&lt;\/b&gt;<\/thunder-launch-button>$/);
    const gallery = snippet({ ...DEFAULT_CHOICES, q: '"><script>alert(1)</script>' }, "https://bff.example.com");
    assert.match(gallery, /q="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  });

  it("names the filters the bar shows with keys", () => {
    const text = snippet({ ...DEFAULT_CHOICES, kind: "filtered-gallery", barKeys: ["topic"] }, "https://b.example");
    assert.match(text, /<thron-filter-bar for="embedkit-gallery" keys="topic"><\/thron-filter-bar>/);
  });

  it("links a filter bar to its gallery, and themes both", () => {
    const text = snippet(
      { ...DEFAULT_CHOICES, kind: "filtered-gallery", theme: { scheme: "dark", accent: "#ff6600", radius: 1 } },
      "https://b.example",
    );
    assert.match(
      text,
      /<thron-filter-bar for="embedkit-gallery"><\/thron-filter-bar>\n<thron-gallery id="embedkit-gallery" page-size="12"><\/thron-gallery>$/,
    );
    assert.match(text, /thron-filter-bar \{[^}]*--thron-filter-bar-accent: #ff6600;[^}]*color-scheme: dark;/);
    assert.match(text, /thron-gallery \{[^}]*--thron-gallery-radius: 1rem;[^}]*--thron-gallery-background: #23262d;/);
  });
});
