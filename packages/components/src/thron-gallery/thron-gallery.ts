import { defineElement } from "../internal/define.ts";
import { ThronGallery } from "./thron-gallery.component.ts";

export type { ThronGalleryStrings } from "./strings.ts";
export * from "./thron-gallery.component.ts";

defineElement("thron-gallery", ThronGallery);

declare global {
  interface HTMLElementTagNameMap {
    "thron-gallery": ThronGallery;
  }
}
