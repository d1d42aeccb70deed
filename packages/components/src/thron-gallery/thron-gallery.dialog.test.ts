import { expect } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { firstEvent, mountGallery, unmountAll, until } from "../internal/test-support.ts";
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
  afterEach(() => {
    unmountAll();
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
    const { el } = await mountGallery({ "page-size": "6", infinite: true });
    const more = firstEvent(el, "thron-gallery-load");
    el.shadowRoot?.querySelector(".sentinel")?.scrollIntoView();
    await more;
    expect(el.items.length).to.be.at.least(12);
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
});
