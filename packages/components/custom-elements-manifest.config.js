/** The Custom Elements Manifest (custom-elements.json), generated from the elements' JSDoc. */

/** `_name` properties are Lit internal state: not part of the public API. */
const hideInternalState = {
  name: "hide-internal-state",
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules)
      for (const declaration of module.declarations ?? []) {
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !a.name.startsWith("_"));
        if (declaration.members)
          declaration.members = declaration.members.filter((m) => !m.name.startsWith("_") && m.privacy !== "private");
      }
  },
};

export default {
  globs: ["src/**/*.component.ts"],
  exclude: ["src/**/*.test.ts"],
  litelement: true,
  outdir: ".",
  plugins: [hideInternalState],
};
