import { defineElement } from "../internal/define.ts";
import { ThroughLineHelplines } from "./throughline-helplines.component.ts";

export type { ThroughLineHelplinesStrings } from "./strings.ts";
export * from "./throughline-helplines.component.ts";

defineElement("throughline-helplines", ThroughLineHelplines);

declare global {
  interface HTMLElementTagNameMap {
    "throughline-helplines": ThroughLineHelplines;
  }
}
