/** The CDN bundle's entry: registers every element. */
export * from "./thron-gallery/thron-gallery.ts";
