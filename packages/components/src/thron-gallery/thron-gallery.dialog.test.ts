import { expect } from "@open-wc/testing";
import { sendKeys, sendMouse, setViewport } from "@web/test-runner-commands";
import { firstEvent, frames, mount, mountGallery, setFaults, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { AssetOpenDetail, ThronGallery } from "./thron-gallery.ts";
import "./thron-gallery.ts";

const tiles = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLButtonElement>('button[part="tile"]')];
const dialogOf = (shadow: ShadowRoot) => shadow.querySelector("dialog") as HTMLDialogElement;
const focused = (el: HTMLElement) => el.shadowRoot?.activeElement;

async function openWithKeyboard(el: ThronGallery, shadow: ShadowRoot, index: number) {
  tiles(shadow)[index]?.focus();
  const opening = firstEvent<AssetOpenDetail>(el, "thron-asset-open");
  await sendKeys({ press: "Enter" });
  const event = await opening;
  await until(() => dialogOf(shadow).open, "the dialog to open");
  return event;
}

describe("<thron-gallery> dialog, player and keyboard", () => {
  afterEach(async () => {
    unmountAll();
    await setFaults();
  });

  it("moves through the grid with arrows, Home and End (one tab stop)", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "12" });
    const all = tiles(shadow);
    expect(all.filter((t) => t.tabIndex === 0)).to.have.length(1, "roving tabindex: one tile in the tab order");
    all[0]?.focus();
    await sendKeys({ press: "ArrowRight" });
    expect(focused(el)).to.equal(all[1]);
    await sendKeys({ press: "End" });
    expect(focused(el)).to.equal(all[11]);
    await sendKeys({ press: "Home" });
    expect(focused(el)).to.equal(all[0]);
    const columns = all.filter((t) => t.getBoundingClientRect().top === all[0]?.getBoundingClientRect().top).length;
    await sendKeys({ press: "ArrowDown" });
    expect(focused(el)).to.equal(all[columns]);
    await el.updateComplete;
    expect(all[columns]?.tabIndex).to.equal(0);
    expect(all[0]?.tabIndex).to.equal(-1);
  });

  it("opens an asset with Enter in a modal dialog with the THRON Player, and Escape returns focus to the tile", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "20" });
    const videoIndex = el.items.findIndex((a) => a.type === "video");
    const event = await openWithKeyboard(el, shadow, videoIndex);
    expect(event.detail.index).to.equal(videoIndex);
    expect(event.detail.asset.id).to.equal(el.items[videoIndex]?.id);
    const dialog = dialogOf(shadow);
    expect(dialog.matches(":modal")).to.equal(true);
    expect(shadow.querySelector('[part="dialog-title"]')?.textContent).to.equal(el.items[videoIndex]?.title);
    // The THRON Player renders into a light-DOM container slotted into the dialog.
    await until(() => !!el.querySelector('[slot="player"] video'), "the THRON Player's video");
    const video = el.querySelector<HTMLVideoElement>('[slot="player"] video');
    expect(video?.src).to.match(/\/delivery\/public\/video\/sandbox\/.+\/WEBHD\//);
    expect(shadow.contains(focused(el) ?? null)).to.equal(true, "focus moved into the dialog");
    await sendKeys({ press: "Escape" });
    await until(() => !dialogOf(shadow).open, "the dialog to close");
    await el.updateComplete;
    expect(el.querySelector('[slot="player"]')).to.equal(null, "the player is destroyed on close");
    expect(focused(el)).to.equal(tiles(shadow)[videoIndex]);
  });

  it("loads the Player script once, however many assets are opened", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "6" });
    await el.open(0);
    await until(() => !!el.querySelector('[slot="player"] .th-player'), "the player");
    el.close();
    await el.open(1);
    await until(() => !!el.querySelector('[slot="player"] .th-player'), "the player again");
    const scripts = [...document.querySelectorAll<HTMLScriptElement>("script[src]")].filter((s) => s.src.includes("embeds-min.js"));
    expect(scripts).to.have.length(1);
    el.close();
    expect(dialogOf(shadow).open).to.equal(false);
  });

  it("steps to the previous and next asset inside the dialog", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "6", player: "native" });
    await el.open(2);
    await el.updateComplete;
    const title = () => shadow.querySelector('[part="dialog-title"]')?.textContent;
    expect(title()).to.equal(el.items[2]?.title);
    shadow.querySelector<HTMLButtonElement>('[part="next"]')?.click();
    await until(() => title() === el.items[3]?.title, "the next asset");
    shadow.querySelector<HTMLButtonElement>('[part="previous"]')?.click();
    shadow.querySelector<HTMLButtonElement>('[part="previous"]')?.click();
    await until(() => title() === el.items[1]?.title, "two steps back");
    el.close();
  });

  it("uses the browser's players with player=native: video with typed sources, audio, images", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "20", player: "native" });
    const stage = () => shadow.querySelector('[part="stage"]');
    await el.open(el.items.findIndex((a) => a.type === "video"));
    await until(() => !!stage()?.querySelector("video source"), "native video");
    const types = [...(stage()?.querySelectorAll("video source") ?? [])].map((s) => s.getAttribute("type"));
    expect(types).to.include("video/mp4");
    expect(el.querySelector('[slot="player"]')).to.equal(null, "no THRON Player");
    const video = stage()?.querySelector("video") as HTMLVideoElement;
    await until(() => video.readyState >= 1, "the video's metadata");
    expect(video.duration).to.be.greaterThan(1);
    await el.open(el.items.findIndex((a) => a.type === "audio"));
    await until(() => !!stage()?.querySelector('audio source[type="audio/mpeg"]'), "native audio");
    await el.open(el.items.findIndex((a) => a.type === "image"));
    await until(() => (stage()?.querySelector("img")?.naturalWidth ?? 0) > 0, "the image");
    await expect(el).to.be.accessible();
    el.close();
  });

  it("lets a host cancel thron-asset-open and handle the click itself", async () => {
    const { el, shadow } = await mountGallery();
    el.addEventListener("thron-asset-open", (e) => e.preventDefault(), { once: true });
    tiles(shadow)[0]?.click();
    await el.updateComplete;
    expect(dialogOf(shadow).open).to.equal(false);
  });

  it("passes axe with the dialog open", async () => {
    const { el } = await mountGallery({ player: "native" });
    await el.open(0);
    await until(() => !!el.shadowRoot?.querySelector('[part="stage"] img'), "the image");
    await expect(el).to.be.accessible();
    el.close();
  });

  it("loads the next page by itself when infinite and the end scrolls into view", async () => {
    // The end starts far below the viewport, so nothing but the scroll can load the next page.
    const container = mount();
    const spacer = document.createElement("div");
    spacer.style.height = "300vh";
    const el = document.createElement("thron-gallery") as ThronGallery;
    for (const [name, value] of Object.entries({ bff: TEST_BFF, "page-size": "6", infinite: "" })) el.setAttribute(name, value);
    container.append(spacer, el);
    await until(() => el.items.length === 6, "the first page");
    await frames();
    await frames();
    expect(el.items).to.have.length(6, "nothing more while the end is out of view");
    el.shadowRoot?.querySelector(".sentinel")?.scrollIntoView();
    await until(() => el.items.length >= 12, "the next page, loaded because the end came into view");
  });

  it("shows the empty state when nothing matches, and stays accessible", async () => {
    const { el } = await mountGallery();
    const loaded = firstEvent(el, "thron-gallery-load");
    el.query = { q: "zzzz-no-such-word" };
    await loaded;
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector(".empty")?.textContent).to.contain("Nothing matches");
    await expect(el).to.be.accessible();
  });

  it("gives audio a stage with a real size and the THRON Player a bar over the cover", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "20" });
    await el.open(el.items.findIndex((a) => a.type === "audio"));
    await until(() => !!el.querySelector('[slot="player"] audio'), "the THRON Player's audio");
    const stage = shadow.querySelector('[part="stage"]')?.getBoundingClientRect();
    const bar = el.querySelector('[slot="player"]')?.getBoundingClientRect();
    expect(stage?.height).to.be.greaterThan(150);
    expect(bar?.height).to.be.within(40, 100, "a bar, not a black strip or the whole stage");
    expect(bar?.width).to.be.greaterThan(200);
    expect(Math.round(bar?.bottom ?? 0)).to.equal(Math.round(stage?.bottom ?? -1), "along the stage's bottom");
    expect(shadow.querySelector('[part="stage"] img.cover')).to.exist;
    el.close();
  });

  it("keeps one layout between media types, inside a phone's screen", async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const { el, shadow } = await mountGallery({ "page-size": "20", player: "native" });
      const nextTop: number[] = [];
      for (const type of ["image", "video", "audio", "document"]) {
        await el.open(el.items.findIndex((a) => a.type === type));
        await until(() => !shadow.querySelector('[part="stage"] .loading'), `the ${type}`);
        const dialog = dialogOf(shadow);
        expect(dialog.scrollWidth, type).to.be.at.most(dialog.clientWidth);
        expect(dialog.getBoundingClientRect().right, type).to.be.at.most(390);
        nextTop.push(Math.round(shadow.querySelector('[part="next"]')?.getBoundingClientRect().top ?? 0));
      }
      expect(new Set(nextTop).size).to.equal(1, `Next stays put: ${nextTop}`);
      // A phone on its side: Previous and Next are still on screen.
      await setViewport({ width: 844, height: 390 });
      await el.updateComplete;
      expect(shadow.querySelector('[part="next"]')?.getBoundingClientRect().bottom).to.be.at.most(390);
      el.close();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("leaves the arrow keys to a focused native video: they seek, not step to another asset", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "20", player: "native" });
    const index = el.items.findIndex((a) => a.type === "video");
    await el.open(index);
    const video = await (async () => {
      await until(() => !!shadow.querySelector('[part="stage"] video'), "the native video");
      return shadow.querySelector('[part="stage"] video') as HTMLVideoElement;
    })();
    video.focus();
    expect(shadow.activeElement).to.equal(video);
    await sendKeys({ press: "ArrowRight" });
    await sendKeys({ press: "ArrowLeft" });
    await frames();
    await el.updateComplete;
    expect(shadow.querySelector('[part="dialog-title"]')?.textContent).to.equal(el.items[index]?.title, "still the same asset");
    expect(shadow.activeElement).to.equal(video, "focus stays on the video");
    el.close();
  });

  it("on a phone, gives the stage the asset's shape (no tall black box) and wraps a long title", async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const { el, shadow } = await mountGallery({ "page-size": "20", player: "native" });
      const stage = () => shadow.querySelector('[part="stage"]') as HTMLElement;
      const nextTop: number[] = [];
      for (const type of ["image", "video"] as const) {
        await el.open(el.items.findIndex((a) => a.type === type));
        const media = await (async () => {
          await until(() => {
            const m = stage().querySelector<HTMLImageElement | HTMLVideoElement>("img, video");
            return !!m && (m instanceof HTMLVideoElement ? m.videoWidth > 0 : m.naturalWidth > 0);
          }, `the ${type} loaded`);
          return stage().querySelector<HTMLImageElement | HTMLVideoElement>("img, video") as HTMLImageElement | HTMLVideoElement;
        })();
        await el.updateComplete;
        await frames();
        const [w, h] =
          media instanceof HTMLVideoElement ? [media.videoWidth, media.videoHeight] : [media.naturalWidth, media.naturalHeight];
        const box = stage().getBoundingClientRect();
        // The media's own area over the stage's: object-fit: contain inside a box of its shape fills it.
        const shown = Math.min(box.width / w, box.height / h);
        const filled = (w * shown * h * shown) / (box.width * box.height);
        expect(filled, `${type}: the stage fits the media (${Math.round(box.width)}×${Math.round(box.height)} for ${w}×${h})`).to.be.above(
          0.95,
        );
        nextTop.push(Math.round(shadow.querySelector('[part="next"]')?.getBoundingClientRect().top ?? 0));
        const title = shadow.querySelector('[part="dialog-title"]') as HTMLElement;
        expect(title.scrollWidth, "the title is not cut").to.be.at.most(title.clientWidth);
        expect(title.getBoundingClientRect().right).to.be.at.most(390);
      }
      expect(new Set(nextTop).size).to.equal(1, `Next stays put: ${nextTop}`);
      await expect(el).to.be.accessible();
      el.close();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("steps with Next past the loaded page, counting against the real total, and with the arrow keys", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "3", player: "native" });
    const title = () => shadow.querySelector('[part="dialog-title"]')?.textContent;
    const position = () => shadow.querySelector(".position")?.textContent?.trim();
    await el.open(2);
    await el.updateComplete;
    expect(position()).to.equal("3 of 320");
    const next = shadow.querySelector<HTMLButtonElement>('[part="next"]') as HTMLButtonElement;
    expect(next.disabled).to.equal(false, "more assets exist beyond the loaded page");
    next.focus();
    await sendKeys({ press: "Enter" });
    await until(() => el.items.length === 6 && title() === el.items[3]?.title, "the next page's first asset");
    expect(position()).to.equal("4 of 320");
    await sendKeys({ press: "ArrowLeft" });
    await until(() => title() === el.items[2]?.title, "ArrowLeft to step back");
    await sendKeys({ press: "ArrowRight" });
    await until(() => title() === el.items[3]?.title, "ArrowRight to step forward");
    el.close();
  });

  it("hands focus to Previous when Next becomes disabled at the very last asset", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "50", player: "native" });
    const loaded = firstEvent(el, "thron-gallery-load");
    el.query = { q: "glacier" };
    await loaded;
    await el.updateComplete;
    expect(el.hasMore).to.equal(false);
    await el.open(el.items.length - 2);
    await el.updateComplete;
    shadow.querySelector<HTMLButtonElement>('[part="next"]')?.focus();
    await sendKeys({ press: "Enter" });
    await until(() => shadow.querySelector<HTMLButtonElement>('[part="next"]')?.disabled === true, "Next to be disabled");
    await until(() => focused(el) === shadow.querySelector('[part="previous"]'), "focus on Previous");
    el.close();
  });

  it("closes on a click on the backdrop and keeps the page behind still while open", async () => {
    const { el, shadow } = await mountGallery({ player: "native" });
    await el.open(0);
    await el.updateComplete;
    expect(getComputedStyle(document.documentElement).overflow).to.equal("hidden");
    const box = dialogOf(shadow).getBoundingClientRect();
    await sendMouse({ type: "click", position: [Math.round(box.left + box.width / 2), Math.max(1, Math.round(box.top / 2))] });
    await until(() => !dialogOf(shadow).open, "the dialog to close");
    expect(getComputedStyle(document.documentElement).overflow).to.not.equal("hidden");
  });

  it("with sync-url, writes the open asset into the hash and reopens it from a link", async () => {
    const original = location.href;
    try {
      const { el, shadow, remove } = await mountGallery({ player: "native", "sync-url": true, id: "shared" });
      await el.open(4);
      await el.updateComplete;
      const id = el.items[4]?.id as string;
      expect(new URLSearchParams(location.hash.slice(1)).get("shared")).to.equal(id);
      el.close();
      await until(() => location.hash === "", "closing to remove it");
      remove();
      history.replaceState(null, "", `#shared=${id}`);
      const again = await mountGallery({ player: "native", "sync-url": true, id: "shared" });
      await until(() => dialogOf(again.shadow).open, "the linked asset to open");
      expect(again.shadow.querySelector('[part="dialog-title"]')?.textContent).to.equal(again.el.items[4]?.title);
      again.el.close();
      expect(dialogOf(shadow).open).to.equal(false, "the first gallery, removed, did not reopen");
    } finally {
      history.replaceState(null, "", original);
    }
  });

  it("with sync-url, drops a link that is not an asset id or names no asset, fetching nothing for the former", async () => {
    const original = location.href;
    try {
      for (const id of ["..", ".", "a/b", "nosuchasset"]) {
        history.replaceState(null, "", `#other=1&linked=${encodeURIComponent(id)}`);
        performance.clearResourceTimings();
        const { el, shadow } = await mountGallery({ player: "native", "sync-url": true, id: "linked", "page-size": "6" });
        await until(() => !location.hash.includes("linked="), `the link to ${id} to leave the hash`);
        await el.updateComplete;
        expect(dialogOf(shadow).open, id).to.equal(false);
        expect(location.hash, id).to.equal("#other=1", "the rest of the hash is kept");
        const paths = performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname);
        const bffCalls = paths.filter((path) => path.startsWith("/v1/"));
        if (id !== "nosuchasset")
          expect(bffCalls, id).to.deep.equal(["/v1/thron/galleries/default/assets"], "only the page: no detail request");
        unmountAll();
      }
    } finally {
      history.replaceState(null, "", original);
    }
  });

  it("with sync-url, honours the link once: a reload does not announce it again", async () => {
    const original = location.href;
    try {
      const probe = await mountGallery({ "page-size": "6" });
      const id = probe.el.items[2]?.id as string;
      probe.remove();
      history.replaceState(null, "", `#once=${id}`);
      let announced = 0;
      const container = document.body;
      const count = (event: Event) => {
        announced++;
        event.preventDefault(); // the host handles it: the dialog stays closed, the hash stays
      };
      container.addEventListener("thron-asset-open", count);
      try {
        const { el } = await mountGallery({ player: "native", "sync-url": true, id: "once", "page-size": "6" });
        await until(() => announced === 1, "the link to be announced");
        await el.reload();
        await el.updateComplete;
        const filtered = firstEvent(el, "thron-gallery-load", "thron-error");
        el.query = { q: "photo" };
        await filtered;
        await el.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(announced).to.equal(1);
      } finally {
        container.removeEventListener("thron-asset-open", count);
      }
    } finally {
      history.replaceState(null, "", original);
    }
  });

  it("keeps Load more in place while loading and moves focus to the first new tile", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "4" });
    const button = shadow.querySelector<HTMLButtonElement>('[part="load-more"]') as HTMLButtonElement;
    expect(button).to.be.instanceOf(HTMLButtonElement);
    button.focus();
    await setFaults({ latencyMs: 300 });
    const loaded = firstEvent(el, "thron-gallery-load");
    await sendKeys({ press: "Enter" });
    await el.updateComplete;
    expect(shadow.querySelector('[part="load-more"]')).to.equal(button, "the same button, still there");
    expect(focused(el)).to.equal(button, "with focus, during the load");
    expect(button.getAttribute("aria-disabled")).to.equal("true");
    await loaded;
    await setFaults();
    await until(() => focused(el) === tiles(shadow)[4], "focus on the first new tile");
  });

  it("shows a document's first page with a link to the PDF, with the default player too", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "20" });
    await el.open(el.items.findIndex((a) => a.type === "document"));
    await until(() => !!shadow.querySelector('[part~="document-link"]'), "the document link");
    const preview = shadow.querySelector<HTMLImageElement>('[part="preview"]') as HTMLImageElement;
    expect(preview.srcset).to.contain(" 2048w");
    const link = shadow.querySelector<HTMLAnchorElement>('[part~="document-link"]') as HTMLAnchorElement;
    expect(link.href).to.contain("/WEBDOC/");
    const box = link.getBoundingClientRect();
    expect(shadow.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)).to.equal(link, "on top of the preview");
    await expect(el).to.be.accessible();
    el.close();
  });

  it("zooms an image to its full size and back", async () => {
    const { el, shadow } = await mountGallery({ player: "native" });
    await el.open(0);
    await until(() => !!shadow.querySelector('[part="zoom"]'), "the zoom button");
    const zoom = shadow.querySelector<HTMLButtonElement>('[part="zoom"]') as HTMLButtonElement;
    expect(zoom.getAttribute("aria-pressed")).to.equal("false");
    zoom.click();
    await el.updateComplete;
    const image = shadow.querySelector<HTMLImageElement>('[part="stage"] img.zoomed') as HTMLImageElement;
    expect(image.src).to.equal(el.items[0]?.thumbnail.url.replace("/thumbnail/", "/image/").replace(/std\/\d+x0/, "std/0x0"));
    expect(shadow.querySelector('[part="zoom"]')?.getAttribute("aria-pressed")).to.equal("true");
    expect(shadow.querySelector('[part="fullscreen"]')).to.exist;
    el.close();
  });

  it("steps to the next asset on a swipe to the left", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "6", player: "native" });
    await el.open(1);
    await el.updateComplete;
    const stage = shadow.querySelector('[part="stage"]') as HTMLElement;
    const box = stage.getBoundingClientRect();
    const y = box.top + box.height / 2;
    const touch = { pointerType: "touch", isPrimary: true, bubbles: true, composed: true, clientY: y };
    stage.dispatchEvent(new PointerEvent("pointerdown", { ...touch, pointerId: 7, clientX: box.right - 20 }));
    stage.dispatchEvent(new PointerEvent("pointerup", { ...touch, pointerId: 7, clientX: box.left + 20 }));
    await until(() => shadow.querySelector('[part="dialog-title"]')?.textContent === el.items[2]?.title, "the next asset");
    el.close();
  });

  it("does not take a cancelled touch, or another finger's lift, for a swipe; a swipe past the first asset does nothing", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "6", player: "native" });
    await el.open(1);
    await el.updateComplete;
    const title = () => shadow.querySelector('[part="dialog-title"]')?.textContent;
    const stage = shadow.querySelector('[part="stage"]') as HTMLElement;
    const box = stage.getBoundingClientRect();
    const touch = { pointerType: "touch", isPrimary: true, bubbles: true, composed: true, clientY: box.top + box.height / 2 };
    const left = box.left + 20;
    const right = box.right - 20;
    // The browser took the gesture (a scroll): the lift that follows is not a swipe.
    stage.dispatchEvent(new PointerEvent("pointerdown", { ...touch, pointerId: 1, clientX: right }));
    stage.dispatchEvent(new PointerEvent("pointercancel", { ...touch, pointerId: 1, clientX: right }));
    stage.dispatchEvent(new PointerEvent("pointerup", { ...touch, pointerId: 1, clientX: left }));
    // Another finger lifting far away is not the end of this one's swipe.
    stage.dispatchEvent(new PointerEvent("pointerdown", { ...touch, pointerId: 2, clientX: right }));
    stage.dispatchEvent(new PointerEvent("pointerup", { ...touch, pointerId: 3, isPrimary: false, clientX: left }));
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(title()).to.equal(el.items[1]?.title, "still the second asset");
    // Swipe right twice: to the first asset, then nothing past it.
    for (const id of [4, 5]) {
      stage.dispatchEvent(new PointerEvent("pointerdown", { ...touch, pointerId: id, clientX: left }));
      stage.dispatchEvent(new PointerEvent("pointerup", { ...touch, pointerId: id, clientX: right }));
      await until(() => title() === el.items[0]?.title, "the first asset");
    }
    expect(dialogOf(shadow).open).to.equal(true);
    expect(shadow.querySelector<HTMLButtonElement>('[part="previous"]')?.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });
});
