import { defineElement } from "../internal/define.ts";
import { ThunderLaunchButton } from "./thunder-launch-button.component.ts";

export type { ThunderLaunchButtonStrings } from "./strings.ts";
export * from "./thunder-launch-button.component.ts";

defineElement("thunder-launch-button", ThunderLaunchButton);

declare global {
  interface HTMLElementTagNameMap {
    "thunder-launch-button": ThunderLaunchButton;
  }
}
