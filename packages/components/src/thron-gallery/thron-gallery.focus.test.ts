/**
 * Where focus lands after the dialog, when it differs from where it started: Chromium's own
 * dialog focus restoration puts it back on the tile that opened the dialog, which hides a
 * gallery that forgets to move it to the asset the user stepped to.
 */
import { expect } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { firstEvent, mount, mountGallery, setFaults, unmountAll, until } from "../internal/test-support.ts";
import "./thron-gallery.ts";

const tiles = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLButtonElement>('button[part="tile"]')];
const dialogOf = (shadow: ShadowRoot) => shadow.querySelector("dialog") as HTMLDialogElement;

describe("<thron-gallery> focus after the dialog", () => {
  afterEach(async () => {
    unmountAll();
    await setFaults();
  });

  it("returns focus to the tile of the asset shown last: Enter on tile 2, Next, Next, Previous, Escape → tile 3", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "6", player: "native" });
    tiles(shadow)[1]?.focus();
    await sendKeys({ press: "Enter" });
    await until(() => dialogOf(shadow).open, "the dialog to open");
    const title = () => shadow.querySelector('[part="dialog-title"]')?.textContent;
    const press = async (part: "next" | "previous", expected: number) => {
      shadow.querySelector<HTMLButtonElement>(`[part="${part}"]`)?.focus();
      await sendKeys({ press: "Enter" });
      await until(() => title() === el.items[expected]?.title, `asset ${expected + 1}`);
    };
    await press("next", 2);
    await press("next", 3);
    await press("previous", 2);
    await sendKeys({ press: "Escape" });
    await until(() => !dialogOf(shadow).open, "the dialog to close");
    await el.updateComplete;
    await until(() => shadow.activeElement === tiles(shadow)[2], "focus on the third tile", 2_000);
    expect(tiles(shadow).map((tile) => tile.tabIndex)).to.deep.equal([-1, -1, 0, -1, -1, -1], "the third tile is the grid's tab stop");
    await sendKeys({ press: "ArrowRight" });
    expect(shadow.activeElement).to.equal(tiles(shadow)[3], "arrow keys go on from there");
  });

  it("closing an asset opened from a link that is not on the loaded pages focuses the grid's tab stop, not <body>", async () => {
    const original = location.href;
    try {
      const probe = await mountGallery({ "page-size": "12" });
      const id = probe.el.items[10]?.id as string;
      probe.remove();
      history.replaceState(null, "", `#linked=${id}`);
      const { el, shadow } = await mountGallery({ "page-size": "6", player: "native", "sync-url": true, id: "linked" });
      await until(() => dialogOf(shadow).open, "the linked asset to open");
      expect(el.items.some((a) => a.id === id)).to.equal(false, "the asset is not on the loaded page");
      await sendKeys({ press: "Escape" });
      await until(() => !dialogOf(shadow).open, "the dialog to close");
      await until(() => shadow.activeElement === tiles(shadow)[0], "focus on the grid's tab stop");
    } finally {
      history.replaceState(null, "", original);
    }
  });
});

describe("<thron-gallery> focus when a load fails", () => {
  afterEach(async () => {
    unmountAll();
    await setFaults();
  });

  // Page sizes no other test uses: the BFF's cache must not answer in place of the failing upstream.
  const part = (shadow: ShadowRoot, name: string) => shadow.querySelector<HTMLButtonElement>(`[part="${name}"]`);

  it("Load more that fails moves focus to Try again; Try again that works moves it to the first new tile", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "13" });
    await setFaults({ burst5xx: 2 }); // the BFF's single retry fails too
    part(shadow, "load-more")?.focus();
    const failed = firstEvent(el, "thron-error");
    await sendKeys({ press: "Enter" });
    await failed;
    expect(part(shadow, "load-more")).to.equal(null, "Load more gives way to the error");
    await until(() => shadow.activeElement === part(shadow, "retry"), "focus on Try again");
    await expect(el).to.be.accessible();
    await setFaults();
    const loaded = firstEvent(el, "thron-gallery-load");
    await sendKeys({ press: "Enter" });
    await loaded;
    await until(() => shadow.activeElement === tiles(shadow)[13], "focus on the first new tile");
  });

  it("Try again after a failed first page keeps focus on the button while loading, then on the first tile", async () => {
    await setFaults({ burst5xx: 2 });
    const { el, shadow, event } = await mountGallery({ "page-size": "17" });
    expect(event.type).to.equal("thron-error");
    part(shadow, "retry")?.focus();
    // Long enough that the second press and the axe check surely happen while the page loads,
    // even on a loaded machine (a press after the load would open the first tile).
    await setFaults({ latencyMs: 1_500 });
    let loadedYet = false;
    const loaded = firstEvent(el, "thron-gallery-load").then(() => (loadedYet = true));
    await sendKeys({ press: "Enter" });
    await el.updateComplete;
    const retry = part(shadow, "retry");
    expect(shadow.activeElement).to.equal(retry, "the pressed button is still there, with focus, during the load");
    expect(retry?.getAttribute("aria-disabled")).to.equal("true");
    await sendKeys({ press: "Enter" }); // pressed again while loading: ignored
    expect(loadedYet, "the second press happened during the load").to.equal(false);
    await expect(el).to.be.accessible();
    await loaded;
    await until(() => shadow.activeElement === tiles(shadow)[0], "focus on the first tile");
    expect(part(shadow, "retry")).to.equal(null);
  });

  it("a failed Load more does not make a later load (infinite scroll, loadMore()) steal focus", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "11" });
    await setFaults({ burst5xx: 2 });
    part(shadow, "load-more")?.focus();
    const failed = firstEvent(el, "thron-error");
    await sendKeys({ press: "Enter" });
    await failed;
    await setFaults();
    const field = document.createElement("input");
    field.setAttribute("aria-label", "Elsewhere");
    mount().append(field);
    field.focus();
    await el.loadMore();
    await el.updateComplete;
    expect(el.items).to.have.length(22);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(document.activeElement).to.equal(field, "focus stays where the visitor put it");
  });
});

describe("<thron-gallery> dialog across a page that is loading", () => {
  afterEach(async () => {
    unmountAll();
    await setFaults();
  });

  it("Next past the loaded page while that page is already loading (Load more, infinite scroll) waits for it and steps", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "9", player: "native" });
    await el.open(8);
    await until(() => dialogOf(shadow).open, "the dialog to open");
    await setFaults({ latencyMs: 400 });
    const running = el.loadMore(); // as the Load more button or the scroll sentinel would
    shadow.querySelector<HTMLButtonElement>('[part="next"]')?.focus();
    await sendKeys({ press: "Enter" });
    await running;
    const title = () => shadow.querySelector('[part="dialog-title"]')?.textContent;
    await until(() => el.items.length === 18 && title() === el.items[9]?.title, "the tenth asset, from the page that was loading");
    expect(shadow.querySelector(".position")?.textContent).to.equal("10 of 320");
  });
});

describe("<thron-gallery> moved in the DOM", () => {
  afterEach(() => unmountAll());

  it("keeps infinite scroll and tile-size tracking after a move", async () => {
    const spacer = document.createElement("div");
    spacer.style.height = "3000px";
    mount().append(spacer);
    const { el, shadow } = await mountGallery({ "page-size": "6", infinite: true });
    mount().append(el); // a move: disconnected, then connected again
    await el.updateComplete;
    expect(el.items).to.have.length(6, "the end of the grid is far below the fold");
    el.style.display = "block";
    el.style.width = "300px";
    const frame = () => shadow.querySelector(".frame") as HTMLElement;
    await until(
      () => shadow.querySelector("img")?.sizes === `${Math.ceil(frame().getBoundingClientRect().width)}px`,
      "sizes to follow the tiles' width",
    );
    shadow.querySelector(".sentinel")?.scrollIntoView();
    await until(() => el.items.length >= 12, "the next page, loaded by scrolling");
    window.scrollTo(0, 0);
  });
});
