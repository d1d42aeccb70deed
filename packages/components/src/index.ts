/** The CDN bundle's entry: registers every element. */
export * from "./thron-asset/thron-asset.ts";
export * from "./thron-filter-bar/thron-filter-bar.ts";
export * from "./thron-gallery/thron-gallery.ts";
export * from "./throughline-helplines/throughline-helplines.ts";
export * from "./thunder-launch-button/thunder-launch-button.ts";
