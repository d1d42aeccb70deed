import { ThronGallery } from "./thron-gallery.component.ts";

export type * from "./events.ts";
export type { ThronGalleryStrings } from "./strings.ts";
export * from "./thron-gallery.component.ts";

ThronGallery.define("thron-gallery");

declare global {
  interface HTMLElementTagNameMap {
    "thron-gallery": ThronGallery;
  }
}
