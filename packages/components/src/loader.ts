/**
 * components.js, the one-tag embed: a loader that downloads each element the first time its tag
 * appears on the page (see autoload), so a page with only a gallery downloads only the gallery,
 * whatever script tag was pasted. Each import is the element's own entry (`/<tag>.js`), so a page
 * that loads both scripts shares one copy of every chunk.
 */
import { autoload } from "./internal/lazy-define.ts";

autoload({
  "thron-gallery": () => import("./thron-gallery/thron-gallery.ts"),
  "thron-filter-bar": () => import("./thron-filter-bar/thron-filter-bar.ts"),
  "thron-asset": () => import("./thron-asset/thron-asset.ts"),
  "thunder-launch-button": () => import("./thunder-launch-button/thunder-launch-button.ts"),
  "throughline-helplines": () => import("./throughline-helplines/throughline-helplines.ts"),
});
