/**
 * Keyboard movement through a grid of focusable items (roving tabindex): arrows by one item or
 * one row, Home/End to the ends. Rows are read from the layout, so it follows a responsive grid.
 */

/** How many items the first row holds, as laid out now. */
function columns(items: readonly HTMLElement[]): number {
  const top = items[0]?.getBoundingClientRect().top;
  const count = items.findIndex((item) => item.getBoundingClientRect().top !== top);
  return count === -1 ? items.length : Math.max(1, count);
}

/** The index to move to for `key` from `index`, or null when the key is not a movement. */
export function nextIndex(key: string, index: number, items: readonly HTMLElement[], rtl = false): number | null {
  const last = items.length - 1;
  const step = (delta: number) => Math.min(last, Math.max(0, index + delta));
  switch (key) {
    case "ArrowRight":
      return step(rtl ? -1 : 1);
    case "ArrowLeft":
      return step(rtl ? 1 : -1);
    case "ArrowDown":
      return step(columns(items));
    case "ArrowUp":
      return step(-columns(items));
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}
