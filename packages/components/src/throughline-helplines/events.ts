/** <throughline-helplines>'s events, typed for host pages: `list.addEventListener("throughline-contact", (e) => e.detail.href)`. */
import type { Contact } from "@embedkit/contracts";
import type { EmbedkitErrorDetail } from "../internal/embedkit-element.ts";

export type { EmbedkitErrorDetail };

export interface ThroughLineContactDetail {
  helplineId: string;
  helplineName: string;
  type: Contact["type"];
  href: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    "throughline-contact": CustomEvent<ThroughLineContactDetail>;
    "throughline-error": CustomEvent<EmbedkitErrorDetail>;
  }
}
