/**
 * components.js, the one-tag embed: a loader that downloads each element the first time its tag
 * appears on the page (see autoload), so a page with only a gallery downloads only the gallery,
 * whatever script tag was pasted. Each import is the element's own entry (`/<tag>.js`), so a page
 * that loads both scripts shares one copy of every chunk.
 */
import { autoload } from "./internal/lazy-define.ts";

/**
 * The chunks each element's entry imports (`{"thron-gallery": ["./chunks/shared-….js"]}`),
 * written in by the CDN build (vite.config.ts, entryChunks): they download beside the entry
 * rather than after it, one round trip instead of two. The build replaces this placeholder (a tag
 * that does not exist) with the table; where no build runs (dev, tests) it stands for "none".
 */
const CHUNKS: Record<string, string[]> = { "embedkit:entry-chunks": [] };

autoload(
  {
    "thron-gallery": () => import("./thron-gallery/thron-gallery.ts"),
    "thron-filter-bar": () => import("./thron-filter-bar/thron-filter-bar.ts"),
    "thron-asset": () => import("./thron-asset/thron-asset.ts"),
    "thunder-launch-button": () => import("./thunder-launch-button/thunder-launch-button.ts"),
    "throughline-helplines": () => import("./throughline-helplines/throughline-helplines.ts"),
  },
  CHUNKS,
);
