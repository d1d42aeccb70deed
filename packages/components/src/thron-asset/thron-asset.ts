import { ThronAsset } from "./thron-asset.component.ts";

export type * from "./events.ts";
export type { ThronAssetStrings } from "./strings.ts";
export * from "./thron-asset.component.ts";

ThronAsset.define("thron-asset");

declare global {
  interface HTMLElementTagNameMap {
    "thron-asset": ThronAsset;
  }
}
