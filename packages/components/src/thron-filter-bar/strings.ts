import { translations } from "../internal/localize.ts";
import type { ThronFilterBarStrings } from "./lang/en.ts";
import en from "./lang/en.ts";

export type { ThronFilterBarStrings };

/** <thron-filter-bar>'s strings: English bundled, the other languages fetched when a page first shows them. */
export const translated = translations<ThronFilterBarStrings>(en, {
  it: () => import("./lang/it.ts"),
  de: () => import("./lang/de.ts"),
  fr: () => import("./lang/fr.ts"),
  es: () => import("./lang/es.ts"),
});
