import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

/** The public contract of docs/architecture.md, as the manifest must describe it. */
const CONTRACT: Record<string, { attributes: string[]; events: string[] }> = {
  "thron-gallery": {
    attributes: ["bff", "gallery", "locale", "page-size", "player", "infinite", "type", "q", "filter-<key>", "sort", "layout", "autoplay"],
    events: ["thron-gallery-load", "thron-asset-open", "thron-error"],
  },
  "thron-asset": { attributes: ["bff", "gallery", "asset", "locale", "player", "caption"], events: ["thron-error"] },
  "thron-filter-bar": { attributes: ["for", "bff", "gallery", "locale", "sync-url", "keys"], events: ["thron-filter-change"] },
  "thunder-launch-button": { attributes: ["bff", "method", "ids", "ticket", "ticket-url"], events: ["thunder-launch", "thunder-error"] },
  "throughline-helplines": { attributes: ["bff", "country", "topic", "priority", "limit"], events: ["throughline-contact"] },
};

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string; description?: string }[];
  events?: { name: string }[];
  cssParts?: unknown[];
  cssProperties?: unknown[];
}

const path = fileURLToPath(new URL("../custom-elements.json", import.meta.url));

describe("custom-elements.json", () => {
  it("is referenced from package.json", () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as { customElements?: string };
    assert.equal(pkg.customElements, "custom-elements.json");
  });

  it("describes every element's contract attributes, events, parts and custom properties, and nothing internal", {
    skip: !existsSync(path) && "run pnpm build first",
  }, () => {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as { modules: { declarations?: Declaration[] }[] };
    const elements = new Map(
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.customElement)
        .map((d) => [d.tagName, d]),
    );
    assert.deepEqual([...elements.keys()].sort(), Object.keys(CONTRACT).sort());
    for (const [tag, contract] of Object.entries(CONTRACT)) {
      const element = elements.get(tag) as Declaration;
      const attributes = (element.attributes ?? []).map((a) => a.name);
      for (const name of contract.attributes) assert.ok(attributes.includes(name), `${tag}[${name}]`);
      assert.ok(
        attributes.every((name) => !name.startsWith("_")),
        `${tag} exposes internal state`,
      );
      const events = (element.events ?? []).map((e) => e.name);
      for (const name of contract.events) assert.ok(events.includes(name), `${tag} @${name}`);
      assert.ok((element.cssParts ?? []).length > 0 && (element.cssProperties ?? []).length > 0, `${tag} theming documented`);
      assert.ok(
        (element.attributes ?? []).every((a) => a.description),
        `${tag} attributes documented`,
      );
    }
  });
});
