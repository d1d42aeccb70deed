/** The Custom Elements Manifest (custom-elements.json), generated from the elements' JSDoc. */

/** `_name` properties are Lit internal state: not part of the public API. */
const hideInternalState = {
  name: "hide-internal-state",
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules)
      for (const declaration of module.declarations ?? []) {
        // EmbedkitElement, the base, is no element of its own: no tag registers it.
        if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !a.name.startsWith("_"));
        if (declaration.members)
          declaration.members = declaration.members.filter((m) => !m.name.startsWith("_") && m.privacy !== "private");
      }
  },
};

export default {
  // The base too: the attributes every element inherits from it (bff, locale) are documented there.
  globs: ["src/**/*.component.ts", "src/internal/embedkit-element.ts"],
  exclude: ["src/**/*.test.ts"],
  litelement: true,
  outdir: ".",
  plugins: [hideInternalState],
};
