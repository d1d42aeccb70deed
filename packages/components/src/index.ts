/** The CDN bundle's entry: registers every element. */
export * from "./thron-filter-bar/thron-filter-bar.ts";
export * from "./thron-gallery/thron-gallery.ts";
export * from "./throughline-helplines/throughline-helplines.ts";
export * from "./thunder-launch-button/thunder-launch-button.ts";

import { lazyDefine } from "./internal/lazy-define.ts";

export type { ThronAsset, ThronAssetStrings } from "./thron-asset/thron-asset.ts";

// Used on few pages: loaded when the tag appears, so the others never download it.
lazyDefine("thron-asset", () => import("./thron-asset/thron-asset.ts"));
