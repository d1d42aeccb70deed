/** <thron-filter-bar>'s events, typed for host pages: `document.addEventListener("thron-filter-change", (e) => e.detail.q)`. */

export interface FilterChangeDetail {
  q: string;
  filters: Record<string, string[]>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    "thron-filter-change": CustomEvent<FilterChangeDetail>;
  }
}
