import { ThroughLineHelplines } from "./throughline-helplines.component.ts";

export type * from "./events.ts";
export type { ThroughLineHelplinesStrings } from "./strings.ts";
export * from "./throughline-helplines.component.ts";

ThroughLineHelplines.define("throughline-helplines");

declare global {
  interface HTMLElementTagNameMap {
    "throughline-helplines": ThroughLineHelplines;
  }
}
