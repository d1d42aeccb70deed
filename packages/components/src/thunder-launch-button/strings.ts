import { translations } from "../internal/localize.ts";
import type { ThunderLaunchButtonStrings } from "./lang/en.ts";
import en from "./lang/en.ts";

export type { ThunderLaunchButtonStrings };

/** <thunder-launch-button>'s strings: English bundled, the other languages fetched when a page first shows them. */
export const translated = translations<ThunderLaunchButtonStrings>(en, {
  it: () => import("./lang/it.ts"),
  de: () => import("./lang/de.ts"),
  fr: () => import("./lang/fr.ts"),
  es: () => import("./lang/es.ts"),
});
