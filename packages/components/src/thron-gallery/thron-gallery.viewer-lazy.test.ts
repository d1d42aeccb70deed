// A page of its own: which modules the page has fetched is the point.
import { expect } from "@open-wc/testing";
import { mountGallery, unmountAll, until } from "../internal/test-support.ts";
import "./thron-gallery.ts";

/** Whether the page has downloaded a module whose file name is `file`. */
const fetched = (file: string) =>
  performance.getEntriesByType("resource").some((entry) => new URL(entry.name).pathname.endsWith(`/${file}`));
const VIEWER_MODULES = ["viewer-controller.ts", "viewer-looks.styles.ts", "viewer-stage.ts", "viewer-gestures.ts", "thron-player-mount.ts"];
/** The selectors of every rule styling a shadow root (its adopted sheets and its style elements). */
const selectorsIn = (root: ShadowRoot) =>
  [...root.adoptedStyleSheets, ...root.styleSheets].flatMap((sheet) =>
    [...sheet.cssRules].map((rule) => (rule as CSSStyleRule).selectorText ?? ""),
  );

describe("<thron-gallery layout=viewer> loads the viewer on first use", () => {
  afterEach(() => unmountAll());

  it("a page with only grids and carousels downloads none of the viewer; the first viewer fetches it", async () => {
    await mountGallery({});
    const carousel = await mountGallery({ layout: "carousel" });
    await until(() => !!carousel.shadow.querySelector('[part="next-slides"]'), "the carousel's controls");
    expect(VIEWER_MODULES.filter(fetched), "downloaded for grids and a carousel").to.deep.equal([]);
    // Only the viewer's room is in the gallery's entry: its buttons' and pop-up's looks come with it.
    const looks = (root: ShadowRoot) => selectorsIn(root).filter((selector) => /overlay|popup|zooming/.test(selector));
    expect(looks(carousel.shadow), "the viewer's looks in a carousel's styles").to.deep.equal([]);

    const { el, shadow } = await mountGallery({ layout: "viewer" });
    await until(() => !!shadow.querySelector('.viewer [role="tablist"]'), "the viewer");
    expect(VIEWER_MODULES.filter(fetched)).to.deep.equal(VIEWER_MODULES);
    expect(shadow.querySelectorAll('[role="tab"]')).to.have.length(el.items.length);
    expect(looks(shadow), "the viewer's looks, once it loaded").to.not.deep.equal([]);
    expect(getComputedStyle(shadow.querySelector('[part="next"]')!).position).to.equal("absolute");
    await expect(el).to.be.accessible();
  });
});
