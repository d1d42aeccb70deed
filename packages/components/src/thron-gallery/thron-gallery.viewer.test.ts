import { expect } from "@open-wc/testing";
import { emulateMedia, sendKeys, sendMouse, setViewport } from "@web/test-runner-commands";
import { firstEvent, frames, mount, mountGallery, setFaults, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import "../thron-filter-bar/thron-filter-bar.ts";
import type { ThronGallery } from "./thron-gallery.ts";
import "./thron-gallery.ts";

async function viewer(attributes: Record<string, string | boolean> = {}) {
  const mounted = await mountGallery({ layout: "viewer", "page-size": "12", ...attributes });
  const el = mounted.el as ThronGallery;
  const shadow = mounted.shadow;
  await until(() => shadow.querySelectorAll('[role="tab"]').length > 0, "the viewer's strip");
  await el.updateComplete;
  return { el, shadow };
}

const tabs = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const stage = (shadow: ShadowRoot) => shadow.querySelector<HTMLElement>('.viewer [part="stage"]') as HTMLElement;
const stageImage = (shadow: ShadowRoot) => stage(shadow).querySelector("img");
const part = (shadow: ShadowRoot, name: string) => shadow.querySelector<HTMLButtonElement>(`.viewer [part="${name}"]`) as HTMLButtonElement;
const live = (shadow: ShadowRoot) => shadow.querySelector('.viewer [role="status"]')?.textContent?.trim();
const selected = (shadow: ShadowRoot) => tabs(shadow).findIndex((tab) => tab.getAttribute("aria-selected") === "true");

/** A synthetic one-finger swipe on `target` from x0 to x1 (pointer events, as a touch screen sends them). */
function swipe(target: HTMLElement, x0: number, x1: number) {
  const box = target.getBoundingClientRect();
  const y = box.top + box.height / 2;
  const init = { pointerId: 7, pointerType: "touch", isPrimary: true, bubbles: true, composed: true, clientY: y };
  target.dispatchEvent(new PointerEvent("pointerdown", { ...init, clientX: box.left + x0 }));
  target.dispatchEvent(new PointerEvent("pointermove", { ...init, clientX: box.left + (x0 + x1) / 2 }));
  target.dispatchEvent(new PointerEvent("pointerup", { ...init, clientX: box.left + x1 }));
}

describe("<thron-gallery layout=viewer>", () => {
  afterEach(async () => {
    unmountAll();
    await setFaults();
    await emulateMedia({ reducedMotion: "no-preference" });
    await sendMouse({ type: "move", position: [0, 0] });
  });

  it("shows the first asset on the stage over a strip of thumbnails that is a tablist (axe clean)", async () => {
    const { el, shadow } = await viewer();
    const strip = shadow.querySelector('.viewer [role="tablist"]') as HTMLElement;
    expect(strip.getAttribute("aria-label")).to.equal("Thumbnails");
    expect(tabs(shadow)).to.have.length(12);
    expect(selected(shadow)).to.equal(0);
    expect(tabs(shadow).map((tab) => tab.tabIndex)).to.deep.equal([0, ...Array(11).fill(-1)], "one tab stop");
    expect(stage(shadow).getAttribute("role")).to.equal("tabpanel");
    expect(stage(shadow).getAttribute("aria-labelledby")).to.equal(tabs(shadow)[0]?.id);
    expect(stageImage(shadow)?.getAttribute("src")).to.equal(el.items[0]?.thumbnail.url);
    expect(tabs(shadow)[0]?.textContent).to.contain(el.items[0]?.title);
    // One row under the stage.
    const tops = new Set(tabs(shadow).map((tab) => Math.round(tab.getBoundingClientRect().top)));
    expect(tops.size).to.equal(1);
    expect(tabs(shadow)[0]?.getBoundingClientRect().top).to.be.greaterThan(stage(shadow).getBoundingClientRect().bottom);
    expect(shadow.querySelector('[part="load-more"]')?.getBoundingClientRect().width ?? 0).to.equal(0, "no Load more button");
    await expect(el).to.be.accessible();
  });

  it("moves with Left, Right, Home and End in the strip: the stage follows, focus stays on the strip, the move is announced", async () => {
    const { el, shadow } = await viewer();
    tabs(shadow)[0]?.focus();
    await sendKeys({ press: "ArrowRight" });
    await until(() => selected(shadow) === 1, "the second thumbnail to be selected");
    expect(shadow.activeElement).to.equal(tabs(shadow)[1]);
    expect(tabs(shadow)[1]?.tabIndex).to.equal(0);
    expect(tabs(shadow)[0]?.tabIndex).to.equal(-1);
    expect(stage(shadow).querySelector("img")?.getAttribute("src")).to.equal(el.items[1]?.thumbnail.url);
    expect(live(shadow)).to.equal(`2 of ${el.totalCount}: ${el.items[1]?.title}`);
    await sendKeys({ press: "End" });
    await until(() => shadow.activeElement === tabs(shadow)[11], "focus on the last thumbnail");
    expect(selected(shadow)).to.equal(11);
    await sendKeys({ press: "Home" });
    await until(() => shadow.activeElement === tabs(shadow)[0], "focus on the first thumbnail");
    await sendKeys({ press: "ArrowLeft" });
    await el.updateComplete;
    expect(selected(shadow)).to.equal(0, "stays at the start");
    expect(shadow.activeElement).to.equal(tabs(shadow)[0]);
    // Tab leaves the strip (one tab stop), Shift+Tab comes back to the selected thumbnail.
    await sendKeys({ press: "Tab" });
    expect(tabs(shadow).includes(shadow.activeElement as HTMLButtonElement)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("steps with the previous and next buttons, which keep focus", async () => {
    const { el, shadow } = await viewer();
    const previous = part(shadow, "previous");
    const next = part(shadow, "next");
    expect(previous.disabled).to.equal(true);
    next.focus();
    await sendKeys({ press: "Enter" });
    await until(() => selected(shadow) === 1, "the next asset");
    expect(shadow.activeElement).to.equal(next);
    expect(previous.disabled).to.equal(false);
    previous.focus();
    await sendKeys({ press: "Enter" });
    await until(() => selected(shadow) === 0, "the previous asset");
    await el.updateComplete;
    expect(stage(shadow).getAttribute("aria-labelledby")).to.equal(tabs(shadow)[0]?.id);
  });

  it("at the last asset, the next button hands focus to the previous one", async () => {
    const { el, shadow } = await viewer({ q: "sunny harbour" });
    expect(el.items).to.have.length(2);
    expect(el.hasMore).to.equal(false);
    part(shadow, "next").focus();
    await sendKeys({ press: "Enter" });
    await until(() => part(shadow, "next").disabled, "next to be disabled at the end");
    expect(shadow.activeElement).to.equal(part(shadow, "previous"), "focus is not dropped to the page");
  });

  it("steps with a swipe on the stage, both ways, and ignores a short or vertical drag", async () => {
    const { el, shadow } = await viewer();
    swipe(stage(shadow), 300, 150);
    await until(() => selected(shadow) === 1, "a left swipe to show the next asset");
    await el.updateComplete;
    swipe(stage(shadow), 100, 130);
    await frames();
    expect(selected(shadow)).to.equal(1, "a short drag does nothing");
    swipe(stage(shadow), 150, 300);
    await until(() => selected(shadow) === 0, "a right swipe to show the previous asset");
  });

  it("says which asset the visitor put on the stage with thron-asset-open (not cancelable), never on its own", async () => {
    const opened: CustomEvent[] = [];
    const listen = (event: Event) => opened.push(event as CustomEvent);
    document.addEventListener("thron-asset-open", listen);
    try {
      const { el, shadow } = await viewer();
      expect(opened, "the first paint opens nothing").to.have.length(0);
      part(shadow, "next").click();
      await until(() => opened.length === 1, "the next button's thron-asset-open");
      expect(opened[0]?.detail).to.deep.equal({ asset: el.items[1], index: 1 });
      expect(opened[0]?.cancelable).to.equal(false, "the stage already shows it");
      tabs(shadow)[1]?.focus();
      await sendKeys({ press: "End" });
      await until(() => opened.length === 2, "End's thron-asset-open");
      expect(opened[1]?.detail.index).to.equal(11);
      tabs(shadow)[11]?.click();
      await frames();
      expect(opened, "the asset already on the stage opens nothing again").to.have.length(2);
      expect(shadow.querySelector('dialog[part="dialog"]')?.hasAttribute("open")).to.equal(false, "no dialog");
    } finally {
      document.removeEventListener("thron-asset-open", listen);
    }
  });

  it("with sync-url, puts a linked asset on the stage (no dialog) and keeps the selected one in the URL", async () => {
    const original = location.href;
    try {
      const probe = await viewer();
      const ids = probe.el.items.map((asset) => asset.id);
      unmountAll();
      history.replaceState(null, "", `#other=1&shop=${ids[3]}`);
      const { el, shadow } = await viewer({ "sync-url": true, id: "shop" });
      await until(() => selected(shadow) === 3, "the linked asset on the stage");
      expect(stageImage(shadow)?.getAttribute("src")).to.equal(el.items[3]?.thumbnail.url);
      expect(shadow.querySelector('dialog[part="dialog"]')?.hasAttribute("open")).to.equal(false, "no dialog");
      part(shadow, "next").click();
      await until(() => new URLSearchParams(location.hash.slice(1)).get("shop") === ids[4], "the hash to follow");
      expect(new URLSearchParams(location.hash.slice(1)).get("other")).to.equal("1", "the rest of the hash is kept");
      unmountAll();
      history.replaceState(null, "", "#shop=nosuchasset");
      const dead = await viewer({ "sync-url": true, id: "shop" });
      await until(() => location.hash === "", "a link to no asset shown to leave the hash");
      expect(selected(dead.shadow)).to.equal(0);
      await expect(dead.el).to.be.accessible();
    } finally {
      history.replaceState(null, "", original);
    }
  });

  it("mirrors in a right-to-left page: buttons, their arrows, swipes and arrow keys", async () => {
    const { el, shadow } = await viewer({ dir: "rtl" });
    const box = stage(shadow).getBoundingClientRect();
    const previous = part(shadow, "previous");
    const next = part(shadow, "next");
    expect(previous.getBoundingClientRect().left).to.be.greaterThan(box.left + box.width / 2, "previous on the right");
    expect(next.getBoundingClientRect().right).to.be.lessThan(box.left + box.width / 2, "next on the left");
    // The glyphs ‹ › point outwards, away from the stage's centre, as in a left-to-right page.
    expect(getComputedStyle(previous).transform).to.equal("matrix(-1, 0, 0, 1, 0, 0)");
    expect(getComputedStyle(next).transform).to.equal("matrix(-1, 0, 0, 1, 0, 0)");
    swipe(stage(shadow), 150, 300);
    await until(() => selected(shadow) === 1, "a right swipe to show the next asset");
    await el.updateComplete;
    swipe(stage(shadow), 300, 150);
    await until(() => selected(shadow) === 0, "a left swipe to show the previous asset");
    await el.updateComplete;
    tabs(shadow)[0]?.focus();
    await sendKeys({ press: "ArrowLeft" });
    await until(() => selected(shadow) === 1, "ArrowLeft to show the next asset");
    expect(shadow.activeElement).to.equal(tabs(shadow)[1]);
    await expect(el).to.be.accessible();
  });

  it("pages in more assets when the visitor reaches the end of the strip", async () => {
    const { el, shadow } = await viewer({ "page-size": "6" });
    expect(el.hasMore).to.equal(true);
    tabs(shadow)[0]?.focus();
    await sendKeys({ press: "End" });
    await until(() => el.items.length === 12, "the next page once the last thumbnail is reached");
    await el.updateComplete;
    await sendKeys({ press: "ArrowRight" });
    await until(() => shadow.activeElement === tabs(shadow)[6], "focus on the first new thumbnail");
    expect(selected(shadow)).to.equal(6);
  });

  it("zooms an image inline under a hovering mouse, at a larger rendition", async () => {
    const { el, shadow } = await viewer({ type: "image" });
    await until(() => (stageImage(shadow)?.clientWidth ?? 0) > 0, "the stage's image");
    const box = stage(shadow).getBoundingClientRect();
    await sendMouse({ type: "move", position: [Math.round(box.left + box.width * 0.25), Math.round(box.top + box.height * 0.25)] });
    await until(() => stage(shadow).classList.contains("zooming"), "the hover zoom");
    await el.updateComplete;
    const image = stageImage(shadow) as HTMLImageElement;
    expect(getComputedStyle(image).transform).to.not.equal("none");
    expect(Number.parseInt(image.sizes, 10)).to.be.greaterThan(2 * Math.round(box.width), "a larger rendition asked for");
    expect(stage(shadow).style.getPropertyValue("--zoom-x")).to.match(/^2\d\.\d%$/);
    await expect(el).to.be.accessible();
    await sendMouse({ type: "move", position: [0, 0] });
    await until(() => !stage(shadow).classList.contains("zooming"), "the zoom to end when the mouse leaves");
  });

  it("pinches an image with two fingers, and a zoomed image is not swiped away", async () => {
    const { el, shadow } = await viewer({ type: "image" });
    const target = stage(shadow);
    const box = target.getBoundingClientRect();
    const y = box.top + box.height / 2;
    const finger = (type: string, pointerId: number, x: number) =>
      target.dispatchEvent(
        new PointerEvent(type, {
          pointerId,
          pointerType: "touch",
          isPrimary: pointerId === 1,
          bubbles: true,
          clientX: box.left + x,
          clientY: y,
        }),
      );
    finger("pointerdown", 1, 150);
    finger("pointerdown", 2, 200);
    finger("pointermove", 2, 300);
    expect(stageImage(shadow)?.style.transform).to.match(/^scale\(3(\.0+)?\)$/);
    finger("pointerup", 2, 300);
    finger("pointerup", 1, 20);
    await frames();
    expect(selected(shadow)).to.equal(0, "no step while zoomed");
    await el.updateComplete;
  });

  it("opens an image full-screen in a modal pop-up; Escape closes it and focus returns to its button", async () => {
    const { el, shadow } = await viewer({ type: "image" });
    const open = part(shadow, "fullscreen");
    expect(open.getAttribute("aria-haspopup")).to.equal("dialog");
    open.focus();
    await sendKeys({ press: "Enter" });
    const popup = shadow.querySelector<HTMLDialogElement>("dialog.popup") as HTMLDialogElement;
    await until(() => popup.open, "the pop-up");
    expect(popup.matches(":modal")).to.equal(true);
    expect(popup.getAttribute("aria-label")).to.equal(el.items[0]?.title);
    const box = popup.getBoundingClientRect();
    expect(box.width).to.equal(window.innerWidth);
    expect(popup.querySelector("img")?.getAttribute("sizes")).to.equal("100vw");
    expect(shadow.activeElement).to.equal(popup.querySelector('[part="close"]'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: "Escape" });
    await until(() => !popup.open, "the pop-up to close");
    expect(shadow.activeElement).to.equal(part(shadow, "fullscreen"), "focus back on the button that opened it");
  });

  it("plays a video in the stage through the THRON Player, which goes when another asset is selected", async () => {
    const { el, shadow } = await viewer({ type: "video,image", sort: "title" });
    const videoIndex = el.items.findIndex((a) => a.type === "video");
    expect(videoIndex).to.be.greaterThan(-1);
    tabs(shadow)[videoIndex]?.click();
    await until(() => !!part(shadow, "play"), "the play button on the video's poster");
    expect(part(shadow, "play").textContent).to.contain(el.items[videoIndex]?.title);
    expect(el.querySelector('[slot="viewer-player"]')).to.equal(null, "nothing loads before play");
    await expect(el).to.be.accessible();
    part(shadow, "play").click();
    await until(() => !!el.querySelector('[slot="viewer-player"] video'), "the THRON Player's video");
    const video = el.querySelector<HTMLVideoElement>('[slot="viewer-player"] video');
    expect(video?.src).to.match(/\/delivery\/public\/video\/sandbox\/.+\/WEBHD\//);
    expect((el.querySelector('[slot="viewer-player"]') as HTMLElement).assignedSlot?.closest('[part="stage"]')).to.equal(stage(shadow));
    await expect(el).to.be.accessible();
    tabs(shadow)[videoIndex === 0 ? 1 : 0]?.click();
    await until(() => el.querySelector('[slot="viewer-player"]') === null, "the player to be destroyed");
  });

  it('plays audio with the browser\'s own player when player="native"', async () => {
    const { el, shadow } = await viewer({ type: "audio", player: "native" });
    part(shadow, "play").click();
    await until(() => !!stage(shadow).querySelector("audio"), "the native audio player");
    const audio = stage(shadow).querySelector("audio") as HTMLAudioElement;
    expect(audio.querySelector("source")?.getAttribute("type")).to.match(/^audio\//);
    expect(shadow.activeElement).to.equal(audio, "focus moves to the player it started");
    expect(el.querySelector('[slot="viewer-player"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("follows a linked filter bar (its request events): a new result starts at its first asset", async () => {
    const container = mount();
    const gallery = document.createElement("thron-gallery") as ThronGallery;
    for (const [name, value] of Object.entries({ id: "viewer-linked", bff: TEST_BFF, layout: "viewer", "page-size": "12" }))
      gallery.setAttribute(name, value);
    const bar = document.createElement("thron-filter-bar");
    bar.setAttribute("for", "viewer-linked");
    const first = firstEvent(gallery, "thron-gallery-load");
    container.append(bar, gallery);
    await first;
    const shadow = gallery.shadowRoot as ShadowRoot;
    await until(() => tabs(shadow).length === 12, "the strip");
    tabs(shadow)[3]?.click();
    await until(() => selected(shadow) === 3, "the fourth asset");
    await until(() => !!bar.shadowRoot?.querySelector('[part="search"]'), "the bar's search");
    const search = bar.shadowRoot?.querySelector('[part="search"]') as HTMLInputElement;
    const narrowed = firstEvent(gallery, "thron-gallery-load");
    search.focus();
    await sendKeys({ type: "sunny harbour" });
    await narrowed;
    await until(() => tabs(shadow).length === 2, "the narrowed strip");
    expect(selected(shadow)).to.equal(0, "the new result's first asset");
    expect(stageImage(shadow)?.getAttribute("src")).to.equal(gallery.items[0]?.thumbnail.url);
    await expect(gallery).to.be.accessible();
  });

  it("on a phone, keeps a compact strip of thumbnails large enough to tap", async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const { el, shadow } = await viewer();
      const box = tabs(shadow)[0]?.getBoundingClientRect() as DOMRect;
      expect(box.width).to.be.within(44, 80);
      expect(box.height).to.be.at.least(44);
      const strip = shadow.querySelector('[role="tablist"]') as HTMLElement;
      expect(strip.scrollWidth).to.be.greaterThan(strip.clientWidth, "the strip scrolls sideways");
      expect(stage(shadow).getBoundingClientRect().width).to.be.within(300, 390);
      swipe(stage(shadow), 250, 50);
      await until(() => selected(shadow) === 1, "a swipe to step");
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("under prefers-reduced-motion, zooms without animating", async () => {
    await emulateMedia({ reducedMotion: "reduce" });
    const { shadow } = await viewer({ type: "image" });
    expect(getComputedStyle(stageImage(shadow) as HTMLImageElement).transitionDuration).to.equal("0s");
  });

  it("shows its loading, empty and error states, axe clean in each", async () => {
    const mounted = await mountGallery({ layout: "viewer", q: "zzzzzz" });
    expect(mounted.shadow.querySelector(".message.empty")).to.not.equal(null);
    expect(mounted.shadow.querySelector(".viewer")).to.equal(null, "no empty stage");
    await expect(mounted.el).to.be.accessible();
    await setFaults({ latencyMs: 400 });
    // A page size of its own: no answer the BFF has cached (a cached answer skips the upstream's latency).
    const pending = mountGallery({ layout: "viewer", "page-size": "7", sort: "oldest" });
    const last = () => [...document.querySelectorAll("thron-gallery")].at(-1) as ThronGallery;
    await until(() => !!last().shadowRoot?.querySelector(".viewer .skeleton"), "the placeholders");
    const busy = last();
    expect(busy.shadowRoot?.querySelector(".base")?.getAttribute("aria-busy")).to.equal("true");
    await expect(busy).to.be.accessible();
    await pending;
    await setFaults({ errorRate: 1 });
    const failed = await mountGallery({ layout: "viewer", q: "error-state" });
    expect(failed.shadow.querySelector('[role="alert"]')).to.not.equal(null);
    await expect(failed.el).to.be.accessible();
  });
});
