/**
 * components.js as the BFF serves it (`pnpm build` first): a loader that downloads each element
 * when its tag first appears, in the document or in an element's shadow root, and nothing else.
 */
import { expect } from "@open-wc/testing";
import { firstEvent, mount, TEST_BFF, until } from "./internal/test-support.ts";

/** The bundle's files this page has fetched so far, by their path (`thron-gallery.js`, `chunks/…`). */
const fetched = () =>
  performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${TEST_BFF}/`) && name.endsWith(".js"))
    .map((name) => name.slice(TEST_BFF.length + 1));

describe("components.js, the loader", () => {
  it("downloads only the gallery for a page with only a gallery", async () => {
    const gallery = document.createElement("thron-gallery");
    gallery.setAttribute("bff", TEST_BFF);
    gallery.setAttribute("page-size", "2");
    gallery.id = "loader-gallery";
    const loaded = firstEvent(gallery, "thron-gallery-load");
    mount().append(gallery);
    await import(`${TEST_BFF}/components.js`);
    await loaded;
    expect(gallery.shadowRoot?.querySelectorAll('[part="tile"]').length).to.equal(2);
    const elements = fetched().filter((path) => !path.startsWith("chunks/"));
    expect(elements).to.deep.equal(["components.js", "thron-gallery.js"]);
    // One round trip after the loader, not two: the entry's chunk is requested beside the entry.
    const timing = (path: string) =>
      performance.getEntriesByType("resource").find((entry) => entry.name.startsWith(`${TEST_BFF}/${path}`)) as PerformanceResourceTiming;
    expect(timing("chunks/shared-").startTime).to.be.below(timing("thron-gallery.js").responseEnd, "the shared chunk waited for the entry");
    expect(
      fetched().some((path) => path.startsWith("chunks/hydration-")),
      "hydration, with no server-rendered element",
    ).to.equal(false);
  });

  it("downloads an element when its tag appears later, inside an element's shadow root too", async () => {
    const gallery = document.querySelector("thron-gallery") as HTMLElement;
    const helplines = document.createElement("throughline-helplines");
    helplines.setAttribute("bff", TEST_BFF);
    helplines.setAttribute("country", "NZ");
    gallery.shadowRoot?.append(helplines);
    await until(() => customElements.get("throughline-helplines") !== undefined, "the helplines to be defined");
    await until(() => helplines.shadowRoot !== null, "the helplines to render");
    expect(fetched()).to.include("throughline-helplines.js");
    expect(fetched()).not.to.include("thunder-launch-button.js");
  });

  it("shares one registration and one download with a per-element entry on the same page", async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener("error", onError);
    await import(`${TEST_BFF}/thron-filter-bar.js`);
    const bar = document.createElement("thron-filter-bar");
    bar.setAttribute("bff", TEST_BFF);
    bar.setAttribute("for", "loader-gallery");
    mount().append(bar);
    await until(() => bar.shadowRoot !== null, "the bar to render");
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.removeEventListener("error", onError);
    expect(errors).to.deep.equal([]);
    expect(fetched().filter((path) => path === "thron-filter-bar.js")).to.have.length(1);
    expect(customElements.get("thron-filter-bar")).to.equal(bar.constructor);
  });
});
