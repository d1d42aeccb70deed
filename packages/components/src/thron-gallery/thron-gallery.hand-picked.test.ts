import type { AssetPage } from "@embedkit/contracts";
import { expect } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { captureWarnings, executeStats, firstEvent, mountGallery, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { AssetOpenDetail, GalleryLoadDetail, ThronGallery } from "./thron-gallery.ts";
import "./thron-gallery.ts";

/** The gallery's newest assets, as the plain gallery shows them (THRON's order). */
async function newest(gallery = "default"): Promise<AssetPage["items"]> {
  const response = await fetch(`${TEST_BFF}/v1/thron/galleries/${gallery}/assets?limit=20&locale=en`);
  return ((await response.json()) as AssetPage).items;
}

const tiles = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLButtonElement>('button[part="tile"]')];
const titles = (shadow: ShadowRoot) => [...shadow.querySelectorAll('[part="title"]')].map((t) => t.textContent?.trim());

describe("<thron-gallery assets>: a hand-picked, ordered gallery", () => {
  afterEach(() => unmountAll());

  it("shows exactly the listed assets in the list's order, in one request, with no Load more, and passes axe", async () => {
    const assets = await newest();
    const picked = [assets[7], assets[0], assets[12], assets[3]].map((a) => a?.id ?? "");
    const before = await executeStats();
    const { el, shadow, event } = await mountGallery({ assets: picked.join(", ") });
    const after = await executeStats();
    expect(after.searches - before.searches).to.equal(1, "one search for the whole list");
    expect((el as ThronGallery).items.map((a) => a.id)).to.deep.equal(picked);
    expect(titles(shadow)).to.deep.equal(picked.map((id) => assets.find((a) => a.id === id)?.title));
    expect((event.detail as GalleryLoadDetail).hasMore).to.equal(false);
    expect(shadow.querySelector('[part="load-more"]')).to.equal(null);
    expect(shadow.querySelector('[part="count"]')?.textContent).to.equal("Showing 4 of 4");
    await expect(el).to.be.accessible();
  });

  it("opens the picked assets in the dialog, stepping in the list's order and stopping at its end (keyboard)", async () => {
    const assets = await newest();
    const picked = [assets[5], assets[1], assets[9]].map((a) => a?.id ?? "");
    const { el, shadow } = await mountGallery({ assets: picked.join(","), player: "native" });
    const gallery = el as ThronGallery;
    tiles(shadow)[0]?.focus();
    await sendKeys({ press: "ArrowRight" });
    expect(el.shadowRoot?.activeElement).to.equal(tiles(shadow)[1]);
    const opening = firstEvent<AssetOpenDetail>(el, "thron-asset-open");
    await sendKeys({ press: "Enter" });
    expect((await opening).detail.asset.id).to.equal(picked[1]);
    const dialog = shadow.querySelector("dialog") as HTMLDialogElement;
    await until(() => dialog.open, "the dialog to open");
    const title = () => shadow.querySelector('[part="dialog-title"]')?.textContent;
    expect(shadow.querySelector(".position")?.textContent?.trim()).to.equal("2 of 3");
    await sendKeys({ press: "ArrowRight" });
    await until(() => title() === gallery.items[2]?.title, "the next picked asset");
    expect(gallery.items[2]?.id).to.equal(picked[2]);
    expect(shadow.querySelector<HTMLButtonElement>('[part="next"]')?.disabled).to.equal(true, "the list's end");
    await expect(el).to.be.accessible();
    await sendKeys({ press: "Escape" });
    await until(() => !dialog.open, "the dialog to close");
  });

  it("shows the list in the carousel layout, in order", async () => {
    const assets = await newest();
    const picked = [assets[11], assets[2], assets[6], assets[4], assets[0]].map((a) => a?.id ?? "");
    const { el, shadow } = await mountGallery({ assets: picked.join(","), layout: "carousel" });
    await until(() => !!shadow.querySelector('[part="next-slides"]'), "the carousel's controls");
    expect((el as ThronGallery).items.map((a) => a.id)).to.deep.equal(picked);
    expect(shadow.querySelectorAll("li.tile").length).to.equal(5);
    await expect(el).to.be.accessible();
  });

  it("lets a linked filter bar's text narrow inside the list, keeping the list's order", async () => {
    const assets = await newest();
    const picked = [assets[9], assets[2], assets[14], assets[5], assets[0]].map((a) => a?.id ?? "");
    const { el } = await mountGallery({ id: "picked-narrowed", assets: picked.join(",") });
    const gallery = el as ThronGallery;
    const word = gallery.items[1]?.title.split(" ")[1] ?? "";
    const answer = await fetch(`${TEST_BFF}/v1/thron/galleries/default/assets?ids=${picked.join(",")}&q=${encodeURIComponent(word)}`);
    const expected = ((await answer.json()) as AssetPage).items.map((a) => a.id);
    expect(expected.length).to.be.within(1, picked.length);
    expect(expected).to.deep.equal(
      picked.filter((id) => expected.includes(id)),
      "the BFF keeps the list's order",
    );
    const loaded = firstEvent(el, "thron-gallery-load");
    gallery.query = { q: word };
    await loaded;
    expect(gallery.items.map((a) => a.id)).to.deep.equal(expected);
    expect(gallery.linked.preset.filters).to.deep.equal({});
  });

  it("tells the editor, in the console, about ids skipped, ids not in the folder and presets ignored", async () => {
    const assets = await newest();
    const sport = await newest("sport");
    const inDefaultOnly = assets.find((a) => !sport.some((s) => s.id === a.id))?.id ?? "";
    const warnings = captureWarnings();
    try {
      const { el } = await mountGallery({
        gallery: "sport",
        assets: `${sport[1]?.id},<b>,${inDefaultOnly},${sport[0]?.id},${sport[1]?.id}`,
        type: "video",
      });
      expect((el as ThronGallery).items.map((a) => a.id)).to.deep.equal([sport[1]?.id, sport[0]?.id]);
      await until(() => warnings.messages.some((m) => m.includes("are not there")), "the warning about the missing id");
    } finally {
      warnings.restore();
    }
    const said = warnings.messages.join("\n");
    expect(said).to.include('assets="<b>"');
    expect(said).to.include(`assets="${inDefaultOnly}": expected ids of assets in the folder of the gallery "sport": 1 of the 3`);
    expect(said).to.include(`assets="${sport[1]?.id}": expected each asset id once`);
    expect(said).to.include('type="video": expected no preset beside assets');
  });

  it("follows a change of the list, and shows nothing (without asking) when no id is usable", async () => {
    const assets = await newest();
    const { el } = await mountGallery({ assets: `${assets[0]?.id},${assets[1]?.id}` });
    const gallery = el as ThronGallery;
    let loaded = firstEvent(el, "thron-gallery-load");
    el.setAttribute("assets", `${assets[2]?.id},${assets[0]?.id}`);
    await loaded;
    expect(gallery.items.map((a) => a.id)).to.deep.equal([assets[2]?.id, assets[0]?.id]);
    const warnings = captureWarnings();
    const before = await executeStats();
    loaded = firstEvent(el, "thron-gallery-load");
    el.setAttribute("assets", "<script>");
    await loaded;
    warnings.restore();
    expect(gallery.items).to.have.length(0);
    expect((await executeStats()).searches).to.equal(before.searches);
    expect(el.shadowRoot?.querySelector('[part="message"]')?.textContent).to.match(/\S/);
  });
});
