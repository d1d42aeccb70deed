import { defineElement } from "../internal/define.ts";
import { ThronFilterBar } from "./thron-filter-bar.component.ts";

export type { ThronFilterBarStrings } from "./strings.ts";
export * from "./thron-filter-bar.component.ts";

defineElement("thron-filter-bar", ThronFilterBar);

declare global {
  interface HTMLElementTagNameMap {
    "thron-filter-bar": ThronFilterBar;
  }
}
