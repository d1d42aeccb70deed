import { translations } from "../internal/localize.ts";
import type { ThronAssetStrings } from "./lang/en.ts";
import en from "./lang/en.ts";

export type { ThronAssetStrings };

/** <thron-asset>'s strings: English bundled, the other languages fetched when a page first shows them. */
export const translated = translations<ThronAssetStrings>(en, {
  it: () => import("./lang/it.ts"),
  de: () => import("./lang/de.ts"),
  fr: () => import("./lang/fr.ts"),
  es: () => import("./lang/es.ts"),
});
