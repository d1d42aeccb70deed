import { elementUpdated, expect, oneEvent } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { BUNDLE_ORIGIN, bffBase } from "../internal/bff-client.ts";
import { defineElement } from "../internal/define.ts";
import { captureWarnings, imagesLoaded, mountGallery, setFaults, TEST_BFF, unmountAll } from "../internal/test-support.ts";
import type { GalleryErrorDetail, GalleryLoadDetail, ThronGallery } from "./thron-gallery.ts";
import "./thron-gallery.ts";

async function gallery(attributes: { pageSize?: number; locale?: string; name?: string } = {}) {
  return mountGallery({
    "page-size": String(attributes.pageSize ?? 6),
    ...(attributes.locale && { locale: attributes.locale }),
    ...(attributes.name && { gallery: attributes.name }),
  }) as Promise<{ el: ThronGallery; event: CustomEvent<GalleryLoadDetail | GalleryErrorDetail>; shadow: ShadowRoot }>;
}

const titles = (shadow: ShadowRoot) => [...shadow.querySelectorAll("figcaption")].map((f) => f.textContent?.trim());

describe("<thron-gallery>", () => {
  afterEach(async () => {
    unmountAll();
    await setFaults();
  });

  it("renders the first page from the BFF as a grid of loaded thumbnails with titles", async () => {
    const { shadow, event } = await gallery({ pageSize: 6 });
    const detail = event.detail as GalleryLoadDetail;
    expect(event.type).to.equal("thron-gallery-load");
    expect(detail.count).to.equal(6);
    expect(detail.total).to.equal(320);
    expect(detail.hasMore).to.equal(true);
    expect(shadow.querySelectorAll('[part="tile"]')).to.have.length(6);
    expect(titles(shadow)[0]).to.equal("Sunny harbour photo 1");
    const images = await imagesLoaded(shadow);
    expect(images).to.have.length(6);
    expect(images[0]?.srcset).to.contain(" 160w");
    expect(images.every((img) => img.src.startsWith(TEST_BFF))).to.equal(true);
    expect(shadow.querySelector('[role="status"]')?.textContent).to.equal("Showing 6 of 320");
  });

  it("badges videos, audio and documents with their type, and videos and audio with their duration", async () => {
    const { el, shadow } = await gallery({ pageSize: 20 });
    const badges = [...shadow.querySelectorAll('[part="badge"]')].map((b) => b.textContent);
    expect(badges).to.include.members(["Video", "Audio", "Document"]);
    expect(badges).not.to.include("Image");
    const tiles = [...shadow.querySelectorAll('[part="tile"]')];
    el.items.forEach((asset, i) => {
      const duration = tiles[i]?.querySelector('[part="duration"]')?.textContent ?? null;
      if (asset.type === "video" || asset.type === "audio") expect(duration).to.match(/^\d+:\d{2}$/, asset.title);
      else expect(duration).to.equal(null, asset.title);
    });
  });

  it("appends the next page with the Load more button, by keyboard, and emits the load event", async () => {
    const { el, shadow } = await gallery({ pageSize: 5 });
    const button = shadow.querySelector<HTMLButtonElement>('[part="load-more"]');
    expect(button).to.exist;
    button?.focus();
    const loaded = oneEvent(el, "thron-gallery-load");
    await sendKeys({ press: "Enter" });
    const { detail } = (await loaded) as CustomEvent<GalleryLoadDetail>;
    expect(detail.count).to.equal(10);
    expect(detail.added).to.have.length(5);
    await elementUpdated(el);
    expect(shadow.querySelectorAll('[part="tile"]')).to.have.length(10);
    expect(new Set(el.items.map((a) => a.id)).size).to.equal(10);
  });

  it("follows the locale for titles and its own strings", async () => {
    const { shadow } = await gallery({ pageSize: 3, locale: "it-IT" });
    expect(titles(shadow)[0]).to.equal("Porto soleggiato, foto 1");
    expect(shadow.querySelector('[part="load-more"]')?.textContent?.trim()).to.equal("Carica altri");
    expect(shadow.querySelector('[role="status"]')?.textContent).to.equal("3 di 320");
  });

  it("shows an error with a retry that works once the BFF recovers, and emits thron-error", async () => {
    await setFaults({ burst5xx: 2 }); // the BFF's single retry fails too
    const { el, shadow, event } = await gallery({ pageSize: 7 });
    expect(event.type).to.equal("thron-error");
    expect((event.detail as GalleryErrorDetail).status).to.equal(503);
    expect((event.detail as GalleryErrorDetail).title).to.equal("THRON is unavailable");
    const alert = shadow.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain("The gallery could not be loaded.");
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, "thron-gallery-load");
    shadow.querySelector<HTMLButtonElement>('[part="retry"]')?.click();
    await loaded;
    await elementUpdated(el);
    expect(shadow.querySelector('[role="alert"]')).to.equal(null);
    expect(shadow.querySelectorAll('[part="tile"]')).to.have.length(7);
  });

  it("tells the editor about an unknown gallery in the console, the visitor in plain words, with no pointless retry", async () => {
    const warnings = captureWarnings();
    const { event, shadow } = await gallery({ name: "no-such-gallery" });
    warnings.restore();
    expect((event.detail as GalleryErrorDetail).status).to.equal(404);
    expect(shadow.querySelector('[role="alert"]')?.textContent?.trim()).to.equal("The gallery could not be loaded.");
    expect(shadow.querySelector('[part="retry"]')).to.equal(null, "a missing gallery does not appear by trying again");
    expect(warnings.messages.join("\n")).to.contain('gallery="no-such-gallery"');
  });

  it("warns about a page-size it cannot use and falls back to 24", async () => {
    for (const value of ["abc", "0"]) {
      const warnings = captureWarnings();
      const { el, event } = await mountGallery({ "page-size": value });
      warnings.restore();
      expect((event.detail as GalleryLoadDetail).count, value).to.equal(24);
      expect(warnings.messages.join("\n")).to.contain(`page-size="${value}"`);
      expect(warnings.messages.join("\n")).to.contain("1 to 50");
      el.remove();
    }
  });

  it("names each tile title first, then its type and its duration in words", async () => {
    const { el, shadow } = await gallery({ pageSize: 20 });
    const tiles = [...shadow.querySelectorAll<HTMLElement>('[part="tile"]')];
    const video = el.items.findIndex((a) => a.type === "video" && a.durationMs);
    const image = el.items.findIndex((a) => a.type === "image");
    // The text a screen reader reads: what is not aria-hidden, in DOM order.
    const spoken = (node: Node): string =>
      node instanceof Element && node.getAttribute("aria-hidden") === "true"
        ? ""
        : node.nodeType === Node.TEXT_NODE
          ? (node.textContent ?? "")
          : [...node.childNodes].map(spoken).join("");
    const name = (tile: HTMLElement | undefined) => (tile ? spoken(tile).replace(/\s+/g, " ").replace(/ ,/g, ",").trim() : "");
    expect(name(tiles[image])).to.equal(el.items[image]?.title);
    expect(name(tiles[video])).to.match(new RegExp(`^${el.items[video]?.title}, Video, (\\d+ minutes?, )?\\d+ seconds?$`));
  });

  it("passes axe once loaded", async () => {
    const { el, shadow } = await gallery({ pageSize: 8 });
    await imagesLoaded(shadow);
    await expect(el).to.be.accessible();
  });

  it("defaults bff to the origin its bundle was loaded from", () => {
    expect(bffBase(undefined)).to.equal(BUNDLE_ORIGIN);
    expect(bffBase("")).to.equal(new URL(import.meta.url).origin);
    expect(bffBase("https://bff.example.com/")).to.equal("https://bff.example.com");
  });

  it("tolerates being registered twice", () => {
    expect(() => defineElement("thron-gallery", class extends HTMLElement {})).not.to.throw();
    expect(customElements.get("thron-gallery")?.name).to.equal("ThronGallery");
  });

  it("loads eagerly only the images its placeholders showed in the viewport", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "24" });
    const images = [...shadow.querySelectorAll("img")];
    const inView = images.filter((img) => img.getBoundingClientRect().top < window.innerHeight).length;
    const eager = images.filter((img) => img.loading === "eager").length;
    expect(eager).to.be.within(1, 23);
    expect(eager).to.equal(inView);
    el.remove();
    // Below the fold: every image waits until it is scrolled near.
    const spacer = document.createElement("div");
    spacer.style.height = `${window.innerHeight * 2}px`;
    document.body.prepend(spacer);
    try {
      const below = await mountGallery({ "page-size": "6" });
      expect([...below.shadow.querySelectorAll("img")].every((img) => img.loading === "lazy")).to.equal(true);
    } finally {
      spacer.remove();
    }
  });

  it("on a network failure says so plainly, offers to try again, and points the editor at bff and ALLOWED_ORIGINS", async () => {
    const warnings = captureWarnings();
    const { event, shadow } = await mountGallery({ bff: "http://127.0.0.1:9" });
    warnings.restore();
    expect((event.detail as GalleryErrorDetail).status).to.equal(0);
    expect(shadow.querySelector('[role="alert"] p')?.textContent?.trim()).to.equal("The gallery could not be loaded.");
    expect(shadow.querySelector('[part="retry"]')).to.exist;
    expect(warnings.messages.join("\n")).to.contain("ALLOWED_ORIGINS");
  });
});
