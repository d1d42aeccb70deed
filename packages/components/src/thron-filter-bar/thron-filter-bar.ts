import { ThronFilterBar } from "./thron-filter-bar.component.ts";

export type * from "./events.ts";
export type { ThronFilterBarStrings } from "./strings.ts";
export * from "./thron-filter-bar.component.ts";

ThronFilterBar.define("thron-filter-bar");

declare global {
  interface HTMLElementTagNameMap {
    "thron-filter-bar": ThronFilterBar;
  }
}
