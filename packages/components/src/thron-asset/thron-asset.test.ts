import type { Asset, AssetPage } from "@embedkit/contracts";
import { expect } from "@open-wc/testing";
import { executeServerCommand } from "@web/test-runner-commands";
import { firstEvent, frames, imagesLoaded, mount, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { AssetErrorDetail } from "./thron-asset.ts";
import "./thron-asset.ts";

async function page(gallery: string, query: string): Promise<Asset[]> {
  const response = await fetch(`${TEST_BFF}/v1/thron/galleries/${gallery}/assets?limit=50&${query}`);
  return ((await response.json()) as AssetPage).items;
}

async function firstOf(type: Asset["type"]): Promise<Asset> {
  const [asset] = await page("default", `type=${type}`);
  if (!asset) throw new Error(`the sandbox has no ${type}`);
  return asset;
}

/** A `<thron-asset>` on the test BFF, resolved once its detail arrived (or failed). */
async function mountAsset(attributes: Record<string, string | boolean>, { below = false } = {}) {
  const container = mount();
  if (below) container.style.paddingTop = "300vh";
  const el = document.createElement("thron-asset");
  el.setAttribute("bff", TEST_BFF);
  el.style.width = "480px";
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, "");
    else if (value !== false) el.setAttribute(name, value);
  }
  const failed = firstEvent<AssetErrorDetail>(el, "thron-error");
  container.append(el);
  await Promise.race([until(() => el.detail !== null, "the asset detail"), failed]);
  await el.updateComplete;
  return { el, shadow: el.shadowRoot as ShadowRoot, failed };
}

const frameHeight = (shadow: ShadowRoot) => shadow.querySelector('[part="frame"]')?.getBoundingClientRect().height ?? 0;
const contentDetails = async () => ((await executeServerCommand("sandbox-stats")) as { contentDetails: number }).contentDetails;

describe("<thron-asset>", () => {
  afterEach(() => {
    unmountAll();
    window.scrollTo(0, 0);
  });

  it("plays a video in the THRON Player with the gallery's pKey, the poster first, in a box that does not move", async () => {
    const video = await firstOf("video");
    const { el, shadow } = await mountAsset({ asset: video.id });
    const reserved = frameHeight(shadow);
    expect(reserved).to.be.closeTo((480 * 9) / 16, 1);
    await until(() => !!el.querySelector('[slot="player"] video'), "the THRON Player's video");
    await until(() => !shadow.querySelector('[part="poster"]'), "the poster to give way to the Player");
    const player = el.querySelector<HTMLVideoElement>('[slot="player"] video');
    // The Player stand-in asks THRON for the content with sessId as pkey: a wrong pKey would be refused.
    expect(player?.src).to.match(new RegExp(`/delivery/public/video/sandbox/${video.id}/.+/WEBHD/`));
    expect(frameHeight(shadow)).to.equal(reserved);
    await expect(el).to.be.accessible();
  });

  it("loads the Player only when it comes near the viewport, showing the poster until then", async () => {
    const video = await firstOf("video");
    const { el, shadow } = await mountAsset({ asset: video.id }, { below: true });
    const before = await contentDetails();
    const poster = shadow.querySelector<HTMLImageElement>('[part="poster"]');
    expect(poster?.src).to.equal(el.detail?.thumbnail.url);
    expect(el.querySelector('[slot="player"]')).to.equal(null, "no Player while far below the fold");
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(el.querySelector('[slot="player"]')).to.equal(null);
    expect(await contentDetails()).to.equal(before, "the Player asked nothing yet");
    await expect(el).to.be.accessible();
    el.scrollIntoView();
    await until(() => !!el.querySelector('[slot="player"] video'), "the THRON Player after scrolling");
    expect(await contentDetails()).to.be.greaterThan(before);
  });

  it("moved below the fold, goes back to its poster and does not load the Player until it comes near again", async () => {
    const video = await firstOf("video");
    const { el, shadow } = await mountAsset({ asset: video.id });
    await until(() => !!el.querySelector('[slot="player"] video'), "the THRON Player where it first was");
    const farBelow = mount();
    farBelow.style.paddingTop = "300vh";
    const before = await contentDetails();
    farBelow.append(el); // moved in the page: disconnected, then connected again
    await el.updateComplete;
    await frames();
    await el.updateComplete;
    expect(el.querySelector('[slot="player"]')).to.equal(null, "no Player off-screen");
    expect(shadow.querySelector('[part="poster"]')).to.exist;
    expect(await contentDetails()).to.equal(before, "the Player asked nothing off-screen");
    await expect(el).to.be.accessible();
    el.scrollIntoView();
    await until(() => !!el.querySelector('[slot="player"] video'), "the THRON Player once near again");
  });

  it("shows an image with srcset and sizes from its width, and its description as alt text", async () => {
    const image = await firstOf("image");
    const { el, shadow } = await mountAsset({ asset: image.id });
    const img = shadow.querySelector<HTMLImageElement>('img[part="media"]');
    expect(img?.srcset).to.contain(" 160w");
    await until(() => img?.sizes === "480px", "sizes from the measured width");
    expect(img?.alt).to.equal(image.description ?? image.title);
    await imagesLoaded(shadow);
    expect(el.querySelector('[slot="player"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("shows a document's preview and a download link to the file", async () => {
    const documentAsset = await firstOf("document");
    const { el, shadow } = await mountAsset({ asset: documentAsset.id });
    const preview = shadow.querySelector<HTMLImageElement>('[part="poster"]');
    expect(preview?.alt).to.equal(documentAsset.title);
    await imagesLoaded(shadow);
    const link = shadow.querySelector<HTMLAnchorElement>('a[part="download"]');
    const original = el.detail?.sources.find((s) => s.mimeType === "application/octet-stream");
    expect(link?.href).to.equal(original?.url, "the original file");
    expect(link?.href).to.match(/\/delivery\/public\/document\/.+\/WEB\//);
    expect(link?.hasAttribute("download")).to.equal(true);
    expect(link?.textContent?.replace(/\s+/g, " ").trim()).to.match(new RegExp(`^Download ${documentAsset.title}`));
    expect((await fetch(link?.href ?? "")).ok).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("uses the browser's own player with player=native, with the playable sources", async () => {
    const audio = await firstOf("audio");
    const { el, shadow } = await mountAsset({ asset: audio.id, player: "native" });
    await until(() => !!shadow.querySelector("audio source"), "the native audio");
    expect(shadow.querySelector("audio source")?.getAttribute("type")).to.equal("audio/mpeg");
    expect(el.querySelector('[slot="player"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("shows the title and description with caption, in the asked locale", async () => {
    const image = await firstOf("image");
    const { el, shadow } = await mountAsset({ asset: image.id, caption: true, locale: "it" });
    expect(shadow.querySelector('[part="title"]')?.textContent).to.equal(el.detail?.title);
    expect(el.detail?.title).not.to.equal(image.title, "the Italian title");
    expect(shadow.querySelector('[part="description"]')?.textContent).to.equal(el.detail?.description);
    el.caption = false;
    await el.updateComplete;
    expect(shadow.querySelector('[part="caption"]')).to.equal(null);
  });

  it('says "not available", warns the editor and emits thron-error for an id outside the gallery\'s folder', async () => {
    const sport = new Set((await page("sport", "")).map((a) => a.id));
    const outside = (await page("default", "")).find((a) => !sport.has(a.id));
    if (!outside) throw new Error("every asset is in the sport folder");
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { el, shadow, failed } = await mountAsset({ asset: outside.id, gallery: "sport" });
      const event = await failed;
      expect(event.detail.status).to.equal(404);
      await el.updateComplete;
      expect(shadow.querySelector('[part="message"]')?.textContent).to.equal("This content is not available.");
      expect(shadow.querySelector('[part="message"]')?.getAttribute("role")).to.equal("alert");
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(`asset="${outside.id}"`).and.to.contain("gallery's folder");
      expect(frameHeight(shadow)).to.be.closeTo((480 * 9) / 16, 1);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('says "not available" and warns the editor when the asset attribute is empty', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { shadow, failed } = await mountAsset({});
      expect((await failed).detail.status).to.equal(400);
      expect(shadow.querySelector('[part="message"]')?.textContent).to.equal("This content is not available.");
      expect(warnings[0]).to.contain("The asset attribute is empty.");
    } finally {
      console.warn = warn;
    }
  });
});
