import { ThunderLaunchButton } from "./thunder-launch-button.component.ts";

export type * from "./events.ts";
export type { ThunderLaunchButtonStrings } from "./strings.ts";
export * from "./thunder-launch-button.component.ts";

ThunderLaunchButton.define("thunder-launch-button");

declare global {
  interface HTMLElementTagNameMap {
    "thunder-launch-button": ThunderLaunchButton;
  }
}
