import { expect } from "@open-wc/testing";
import { sendKeys, setViewport } from "@web/test-runner-commands";
import { firstEvent, frames, mount, setFaults, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { ThronGallery } from "./thron-gallery.ts";
import "./thron-gallery.ts";

/**
 * Cumulative Layout Shift, as Chromium measures it (PerformanceObserver `layout-shift`, shifts
 * after an input left out as CLS leaves them out), while the gallery goes through a state with
 * the host page's content right below it. Target: at most 0.01 in every state.
 */
async function layoutShift(run: () => Promise<unknown>): Promise<number> {
  let total = 0;
  const add = (entries: PerformanceEntryList) => {
    for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) total += entry.value;
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: "layout-shift" });
  await run();
  // Shifts are reported once painted: two frames and a task later, every one is in.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))));
  add(observer.takeRecords());
  observer.disconnect();
  return total;
}

/** A gallery with the host page's own content under it, as on the demo page. */
async function galleryOnAPage(attributes: Record<string, string>) {
  const container = mount();
  const el = document.createElement("thron-gallery") as ThronGallery;
  el.setAttribute("bff", TEST_BFF);
  el.setAttribute("page-size", "6");
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const below = document.createElement("p");
  below.textContent = "The host page goes on here.";
  below.style.cssText = "height: 900px; margin: 0; background: #eee";
  const settled = firstEvent(el, "thron-gallery-load", "thron-error");
  container.append(el, below);
  return { el, below, settled };
}

const CLS_TARGET = 0.01;

describe("<thron-gallery> keeps the page still (CLS)", () => {
  before(() => setViewport({ width: 1280, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(async () => {
    unmountAll();
    await setFaults();
  });

  it("when nothing matches: the 'Nothing matches' message keeps the room the placeholders took", async () => {
    await setFaults({ latencyMs: 300 }); // the placeholders are painted before the answer
    let el: ThronGallery | undefined;
    const cls = await layoutShift(async () => {
      const mounted = await galleryOnAPage({ q: "zzzzzz" });
      el = mounted.el;
      await mounted.settled;
      await el.updateComplete;
    });
    const message = el?.shadowRoot?.querySelector(".empty");
    expect(message?.textContent).to.contain("Nothing matches");
    expect(cls).to.be.at.most(CLS_TARGET);
    await expect(el).to.be.accessible();
  });

  it("when loading fails: the error and its retry keep the room", async () => {
    await setFaults({ errorRate: 1, latencyMs: 300 });
    let el: ThronGallery | undefined;
    const cls = await layoutShift(async () => {
      const mounted = await galleryOnAPage({ q: `uncached ${Math.random()}` }); // not answered from the BFF's cache
      el = mounted.el;
      await mounted.settled;
      await el.updateComplete;
    });
    expect(el?.shadowRoot?.querySelector('[part="retry"]')).to.exist;
    expect(cls).to.be.at.most(CLS_TARGET);
    await expect(el).to.be.accessible();
  });

  it("when Load more's page comes late and shorter than its placeholders", async () => {
    const { el, settled } = await galleryOnAPage({ q: "harbour" }); // 32 assets: the sixth page has 2
    el.style.width = "760px"; // four columns: six placeholders take two rows, the last two assets one
    await settled;
    for (let page = 2; page <= 5; page++) await el.loadMore();
    await el.updateComplete;
    const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part="load-more"]');
    button?.scrollIntoView({ block: "center" });
    await frames();
    // Later than the half second after a key press in which CLS forgives a shift.
    await setFaults({ latencyMs: 700 });
    const cls = await layoutShift(async () => {
      const loaded = firstEvent(el, "thron-gallery-load");
      button?.focus();
      await sendKeys({ press: "Enter" });
      await loaded;
      await el.updateComplete;
    });
    expect(el.items).to.have.length(32);
    expect(cls).to.be.at.most(CLS_TARGET);
    await expect(el).to.be.accessible();
  });

  it("when the filters change and fewer assets match", async () => {
    const { el, settled } = await galleryOnAPage({ "page-size": "24" }); // four rows, then one
    await settled;
    await el.updateComplete;
    await setFaults({ latencyMs: 300 });
    await frames();
    const cls = await layoutShift(async () => {
      const loaded = firstEvent(el, "thron-gallery-load");
      el.query = { q: "sunny harbour" };
      await loaded;
      await el.updateComplete;
    });
    expect(el.items).to.have.length(2);
    expect(cls).to.be.at.most(CLS_TARGET);
  });

  it("the viewer: its first page fills the room its placeholders took, and stepping between assets of any type moves nothing", async () => {
    await setFaults({ latencyMs: 300 });
    let mounted: Awaited<ReturnType<typeof galleryOnAPage>> | undefined;
    // A page size of its own: an answer the BFF has not cached (a cached one skips the upstream's latency).
    const cls = await layoutShift(async () => {
      mounted = await galleryOnAPage({ layout: "viewer", "page-size": "13", type: "image,video,audio", sort: "title" });
      await mounted.settled;
      await mounted.el.updateComplete;
      await frames();
    });
    expect(cls).to.be.at.most(CLS_TARGET);
    const { el, below } = mounted as NonNullable<typeof mounted>;
    const shadow = el.shadowRoot as ShadowRoot;
    await until(() => shadow.querySelectorAll('[role="tab"]').length === 13, "the strip");
    const top = below.getBoundingClientRect().top;
    const types = new Set<string>();
    for (const [index, tab] of [...shadow.querySelectorAll<HTMLButtonElement>('[role="tab"]')].entries()) {
      tab.click();
      types.add(el.items[index]?.type ?? "");
      await el.updateComplete;
      await frames();
      expect(below.getBoundingClientRect().top).to.equal(top, `the page below after showing ${el.items[index]?.type} ${index}`);
    }
    expect(types.size).to.be.at.least(2, "assets of several types");
    await expect(el).to.be.accessible();
  });
});
