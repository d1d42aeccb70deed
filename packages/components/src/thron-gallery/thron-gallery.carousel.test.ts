import { expect } from "@open-wc/testing";
import { emulateMedia, sendKeys, sendMouse, setViewport } from "@web/test-runner-commands";
import { firstEvent, mountGallery, unmountAll, until } from "../internal/test-support.ts";
import { carouselClock } from "./carousel-controller.ts";
import type { ThronGallery } from "./thron-gallery.ts";
import "./thron-gallery.ts";

/** A clock the test moves: autoplay's timers are recorded, and run only on tick(). */
const timers = new Map<number, () => void>();
let timerIds = 0;
const realClock = { ...carouselClock };
const tick = () => {
  for (const run of [...timers.values()]) run();
};

async function carousel(attributes: Record<string, string | boolean> = {}) {
  const mounted = await mountGallery({ layout: "carousel", "page-size": "12", ...attributes });
  mounted.container.style.width = "640px";
  const el = mounted.el as ThronGallery;
  const shadow = mounted.shadow;
  await until(() => !!shadow.querySelector('[part="next-slides"]'), "the carousel's controls");
  await el.updateComplete;
  const scroller = shadow.querySelector<HTMLElement>(".carousel .grid") as HTMLElement;
  return { el, shadow, scroller };
}

const button = (shadow: ShadowRoot, part: string) => shadow.querySelector<HTMLButtonElement>(`[part="${part}"]`) as HTMLButtonElement;
const slides = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLElement>("li.tile")];
async function shiftTab() {
  await sendKeys({ down: "Shift" });
  await sendKeys({ press: "Tab" });
  await sendKeys({ up: "Shift" });
}
const firstVisible = (scroller: HTMLElement) =>
  Math.round(
    scroller.scrollLeft /
      ((slides(scroller.getRootNode() as ShadowRoot)[1]?.offsetLeft ?? 1) -
        (slides(scroller.getRootNode() as ShadowRoot)[0]?.offsetLeft ?? 0)),
  );

describe("<thron-gallery layout=carousel>", () => {
  beforeEach(() => {
    timers.clear();
    carouselClock.setInterval = (run) => {
      timers.set(++timerIds, run);
      return timerIds;
    };
    carouselClock.clearInterval = (id) => void timers.delete(id as number);
  });
  afterEach(async () => {
    unmountAll();
    Object.assign(carouselClock, realClock);
    await emulateMedia({ reducedMotion: "no-preference" });
    await sendMouse({ type: "move", position: [0, 0] });
  });

  it("lays the tiles out in one scroll-snapped row, as a labelled carousel of slides (axe clean)", async () => {
    const { el, shadow, scroller } = await carousel();
    const tops = new Set(slides(shadow).map((s) => Math.round(s.getBoundingClientRect().top)));
    expect(tops.size).to.equal(1, "one row");
    expect(getComputedStyle(scroller).scrollSnapType).to.equal("x mandatory");
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    const region = shadow.querySelector("section.carousel");
    expect(region?.getAttribute("aria-roledescription")).to.equal("Carousel");
    expect(region?.getAttribute("aria-label")).to.equal("Carousel");
    const first = shadow.querySelector(".slide");
    expect(first?.getAttribute("role")).to.equal("group");
    expect(first?.getAttribute("aria-roledescription")).to.equal("Slide");
    expect(first?.getAttribute("aria-label")).to.equal("1 of 12");
    expect(scroller.getAttribute("aria-live")).to.equal("polite");
    expect(shadow.querySelector('[part="rotation"]')).to.equal(null, "no rotation control without autoplay");
    await expect(el).to.be.accessible();
  });

  it("on a phone, keeps its controls off the slides", async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const mounted = await mountGallery({ layout: "carousel", "page-size": "12", autoplay: "4" });
      const shadow = mounted.shadow;
      await until(() => !!shadow.querySelector('[part="rotation"]'), "the carousel's controls");
      await mounted.el.updateComplete;
      const controls = (shadow.querySelector(".carousel-controls") as HTMLElement).getBoundingClientRect();
      for (const slide of slides(shadow).slice(0, 2)) {
        const box = slide.getBoundingClientRect();
        const overlaps = controls.bottom > box.top && controls.top < box.bottom && controls.right > box.left && controls.left < box.right;
        expect(
          overlaps,
          `the controls (${Math.round(controls.top)}–${Math.round(controls.bottom)}) over a slide from ${Math.round(box.top)}`,
        ).to.equal(false);
      }
      await expect(mounted.el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("shows the next and previous slides with the buttons, by keyboard", async () => {
    await emulateMedia({ reducedMotion: "reduce" }); // instant scrolling
    const { el, shadow, scroller } = await carousel();
    const previous = button(shadow, "previous-slides");
    const next = button(shadow, "next-slides");
    expect(previous.disabled).to.equal(true);
    expect(next.getAttribute("aria-controls")).to.equal("slides");
    next.focus();
    await sendKeys({ press: "Enter" });
    await until(() => scroller.scrollLeft > 0, "the row to scroll");
    const perView = firstVisible(scroller);
    expect(perView).to.be.within(2, 4);
    await el.updateComplete;
    await until(() => !previous.disabled, "previous to be enabled");
    await shiftTab();
    expect(shadow.activeElement).to.equal(previous);
    await sendKeys({ press: "Enter" });
    await until(() => scroller.scrollLeft === 0, "the row to scroll back");
    await expect(el).to.be.accessible();
  });

  it("moves between slides with the arrow keys (one tab stop) and opens the dialog from a slide", async () => {
    await emulateMedia({ reducedMotion: "reduce" });
    const { el, shadow, scroller } = await carousel();
    button(shadow, "next-slides").focus();
    await sendKeys({ press: "Tab" });
    const tiles = [...shadow.querySelectorAll<HTMLButtonElement>('button[part="tile"]')];
    expect(shadow.activeElement).to.equal(tiles[0]);
    await sendKeys({ press: "End" });
    expect(shadow.activeElement).to.equal(tiles[11]);
    await until(() => scroller.scrollLeft + scroller.clientWidth >= scroller.scrollWidth - 1, "the last slide to scroll into view");
    await sendKeys({ press: "ArrowLeft" });
    expect(shadow.activeElement).to.equal(tiles[10]);
    const opened = firstEvent(el, "thron-asset-open");
    await sendKeys({ press: "Enter" });
    expect(((await opened) as CustomEvent<{ index: number }>).detail.index).to.equal(10);
    const dialog = shadow.querySelector("dialog") as HTMLDialogElement;
    await until(() => dialog.open, "the dialog");
    await sendKeys({ press: "Escape" });
    await until(() => !dialog.open, "the dialog to close");
    await until(() => shadow.activeElement === tiles[10], "focus back on the slide");
  });

  it("autoplay rotates, pauses while hovered, and stops for good when keyboard focus enters", async () => {
    const { el, shadow, scroller } = await carousel({ autoplay: "4" });
    expect(timers.size).to.equal(1, "rotating");
    const rotation = button(shadow, "rotation");
    expect(rotation.textContent?.trim()).to.equal("Stop the slide show");
    expect(scroller.getAttribute("aria-live")).to.equal("off", "rotation is not announced");
    tick();
    await until(() => scroller.scrollLeft > 0, "the carousel to rotate");

    const box = el.getBoundingClientRect();
    await sendMouse({ type: "move", position: [Math.round(box.left + 50), Math.round(box.top + 80)] });
    await until(() => timers.size === 0, "hover to pause the rotation");
    await sendMouse({ type: "move", position: [0, 0] });
    await until(() => timers.size === 1, "the rotation to resume");

    button(shadow, "previous-slides").focus();
    await el.updateComplete;
    await until(() => timers.size === 0, "keyboard focus to stop the rotation");
    expect(rotation.textContent?.trim()).to.equal("Start the slide show");
    expect(scroller.getAttribute("aria-live")).to.equal("polite");
    await shiftTab();
    expect(shadow.activeElement).to.equal(rotation, "the rotation control comes first");
    await sendKeys({ press: "Enter" });
    await until(() => timers.size === 1, "the user to start it again");
    await expect(el).to.be.accessible();
  });

  it("does not rotate by itself under prefers-reduced-motion, until the user starts it", async () => {
    await emulateMedia({ reducedMotion: "reduce" });
    const { el, shadow } = await carousel({ autoplay: true });
    expect(timers.size).to.equal(0);
    const rotation = button(shadow, "rotation");
    expect(rotation.textContent?.trim()).to.equal("Start the slide show");
    rotation.click();
    await el.updateComplete;
    expect(timers.size).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it("stays a grid by default", async () => {
    const { shadow } = await mountGallery({ "page-size": "12" });
    expect(shadow.querySelector("section.carousel")).to.equal(null);
    expect(shadow.querySelector("ul")?.getAttribute("role")).to.equal("list");
    expect(slides(shadow)[0]?.hasAttribute("role")).to.equal(false);
    expect(shadow.querySelector(".slide")).to.equal(null);
  });
});
