import type { AssetPage, Gallery } from "@embedkit/contracts";
import { expect } from "@open-wc/testing";
import { firstEvent, mount, mountGallery, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { ThronFilterBar } from "../thron-filter-bar/thron-filter-bar.ts";
import "../thron-filter-bar/thron-filter-bar.ts";
import type { GalleryLoadDetail, ThronGallery } from "./thron-gallery.ts";
import "./thron-gallery.ts";

/** What the BFF answers for `query` directly: the page a preset gallery must show. */
async function bffPage(query: string, limit = 6): Promise<AssetPage> {
  const response = await fetch(`${TEST_BFF}/v1/thron/galleries/default/assets?limit=${limit}&locale=en&${query}`);
  expect(response.status).to.equal(200, query);
  return (await response.json()) as AssetPage;
}

async function presetGallery(attributes: Record<string, string>) {
  const mounted = await mountGallery(attributes);
  expect(mounted.event.type).to.equal("thron-gallery-load", "the gallery shows what it can, never an error");
  return mounted as typeof mounted & { el: ThronGallery };
}

const ids = (el: ThronGallery) => el.items.map((a) => a.id);

/** Captures console.warn while `run` runs. */
async function warningsOf(run: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

describe("<thron-gallery> preset attributes", () => {
  afterEach(() => unmountAll());

  it("type: shows only the listed types", async () => {
    const { el, event } = await presetGallery({ type: "video, audio" });
    const expected = await bffPage("type=video&type=audio");
    expect(ids(el)).to.deep.equal(expected.items.map((a) => a.id));
    expect((event.detail as GalleryLoadDetail).total).to.equal(expected.total);
    expect(el.items.every((a) => a.type === "video" || a.type === "audio")).to.equal(true);
  });

  it("q: shows only what matches the text", async () => {
    const { el } = await presetGallery({ q: "lake" });
    const expected = await bffPage("q=lake");
    expect(expected.total).to.be.within(1, 319);
    expect(ids(el)).to.deep.equal(expected.items.map((a) => a.id));
  });

  it("filter-<key>: one value, and several values of a multi-select (any of them)", async () => {
    const winter = await presetGallery({ "filter-season": "winter" });
    expect(ids(winter.el)).to.deep.equal((await bffPage("filter.season=winter")).items.map((a) => a.id));
    const topics = await presetGallery({ "filter-topic": "food,sport" });
    const expected = await bffPage("filter.topic=food&filter.topic=sport");
    expect(ids(topics.el)).to.deep.equal(expected.items.map((a) => a.id));
    expect(expected.total).to.be.greaterThan((await bffPage("filter.topic=food")).total);
  });

  it("sort: title orders A to Z in the gallery's locale, oldest reverses the default", async () => {
    const { el } = await presetGallery({ sort: "title", "page-size": "20" });
    const titles = el.items.map((a) => a.title);
    expect(titles).to.deep.equal([...titles].sort((a, b) => a.localeCompare(b)));
    const oldest = await presetGallery({ sort: "oldest" });
    expect(ids(oldest.el)).to.deep.equal((await bffPage("sort=oldest")).items.map((a) => a.id));
    expect(ids(oldest.el)).not.to.deep.equal((await bffPage("")).items.map((a) => a.id));
  });

  it("reloads when a preset attribute changes", async () => {
    const { el } = await presetGallery({ type: "video" });
    const loaded = firstEvent(el, "thron-gallery-load");
    el.setAttribute("filter-season", "summer");
    await loaded;
    expect(ids(el)).to.deep.equal((await bffPage("type=video&filter.season=summer")).items.map((a) => a.id));
  });

  it("warns about each bad value, naming the attribute and what is accepted, and shows what it can", async () => {
    let mounted: Awaited<ReturnType<typeof presetGallery>> | undefined;
    const warnings = await warningsOf(async () => {
      mounted = await presetGallery({ type: "video,gif", sort: "popular", "filter-colour": "red", "filter-season": "winter,monsoon" });
    });
    expect(ids(mounted?.el as ThronGallery)).to.deep.equal((await bffPage("type=video&filter.season=winter")).items.map((a) => a.id));
    expect(warnings).to.have.length(4);
    expect(warnings.find((w) => w.includes('type="gif"')))
      .to.contain('"gif"')
      .and.to.contain("image, video, audio, document");
    expect(warnings.find((w) => w.includes('sort="popular"'))).to.contain("newest, oldest, title");
    expect(warnings.find((w) => w.includes("filter-colour"))).to.contain("filter-season, filter-topic");
    expect(warnings.find((w) => w.includes("monsoon")))
      .to.contain("filter-season")
      .and.to.contain("spring, summer, autumn, winter");
  });
});

describe("<thron-gallery> preset with a <thron-filter-bar>", () => {
  afterEach(() => unmountAll());

  async function setup(galleryAttributes: Record<string, string>, barAttributes: Record<string, string> = {}) {
    const container = mount();
    const gallery = document.createElement("thron-gallery") as ThronGallery;
    gallery.id = `preset-${Math.random().toString(36).slice(2)}`;
    for (const [name, value] of Object.entries({ bff: TEST_BFF, "page-size": "6", ...galleryAttributes }))
      gallery.setAttribute(name, value);
    const bar = document.createElement("thron-filter-bar") as ThronFilterBar;
    bar.setAttribute("for", gallery.id);
    for (const [name, value] of Object.entries(barAttributes)) bar.setAttribute(name, value);
    const first = firstEvent(gallery, "thron-gallery-load");
    container.append(bar, gallery);
    await first;
    const shadow = bar.shadowRoot as ShadowRoot;
    await until(() => !!shadow.querySelector("fieldset, select"), "the filter controls");
    const reload = async (action: () => unknown) => {
      const loaded = firstEvent<GalleryLoadDetail>(gallery, "thron-gallery-load");
      await action();
      await loaded;
    };
    return { gallery, bar, shadow, reload };
  }

  const labels = (shadow: ShadowRoot) => [...shadow.querySelectorAll("fieldset label")].map((l) => l.textContent?.trim());

  it("offers only the values the preset allows and narrows inside the preset", async () => {
    const { gallery, bar, shadow, reload } = await setup({ type: "image", "filter-topic": "food,sport" });
    expect(labels(shadow)).to.have.members(["Food", "Sport"]);
    expect(shadow.querySelector("select")).to.exist; // the season filter is untouched by the preset
    const food = [...shadow.querySelectorAll("fieldset label")].find((l) => l.textContent?.trim() === "Food");
    await reload(() => food?.querySelector("input")?.click());
    expect(bar.value.filters).to.deep.equal({ topic: ["food"] });
    expect(ids(gallery)).to.deep.equal((await bffPage("type=image&filter.topic=food")).items.map((a) => a.id));
    await expect(bar).to.be.accessible();
    await expect(gallery).to.be.accessible();
  });

  it("combines the preset's text with the bar's, and never leaves the preset for values outside it", async () => {
    const { gallery } = await setup({ q: "lake", "filter-topic": "food,sport" });
    const loaded = firstEvent(gallery, "thron-gallery-load");
    gallery.query = { q: "photo", filters: { topic: ["nature"] } };
    await loaded;
    expect(ids(gallery)).to.deep.equal((await bffPage("q=lake%20photo&filter.topic=food&filter.topic=sport")).items.map((a) => a.id));
  });

  it("keys shows only the named filters", async () => {
    const { shadow } = await setup({}, { keys: "topic" });
    expect(shadow.querySelector("select")).to.equal(null);
    const gallery = (await (await fetch(`${TEST_BFF}/v1/thron/galleries/default?locale=en`)).json()) as Gallery;
    const topic = gallery.filters.find((f) => f.key === "topic");
    expect(labels(shadow)).to.deep.equal(topic?.options.map((o) => o.label));
  });
});
