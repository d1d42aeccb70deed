/** <thunder-launch-button>'s events, typed for host pages: `button.addEventListener("thunder-launch", (e) => e.detail.url)`. */
import type { LaunchMethod } from "@embedkit/contracts";
import type { EmbedkitErrorDetail } from "../internal/embedkit-element.ts";

export type { EmbedkitErrorDetail };

export interface ThunderLaunchDetail {
  method: LaunchMethod;
  ids: string[];
  /** Opening it launches Thunder; the element navigates to it unless the event is cancelled. */
  url: string;
  expiresAt: string;
}

/** @deprecated The detail of every element's error event: use EmbedkitErrorDetail. */
export type ThunderErrorDetail = EmbedkitErrorDetail;

declare global {
  interface GlobalEventHandlersEventMap {
    "thunder-launch": CustomEvent<ThunderLaunchDetail>;
    "thunder-error": CustomEvent<EmbedkitErrorDetail>;
  }
}
