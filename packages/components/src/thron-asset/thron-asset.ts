import { defineElement } from "../internal/define.ts";
import { ThronAsset } from "./thron-asset.component.ts";

export type { ThronAssetStrings } from "./strings.ts";
export * from "./thron-asset.component.ts";

defineElement("thron-asset", ThronAsset);

declare global {
  interface HTMLElementTagNameMap {
    "thron-asset": ThronAsset;
  }
}
