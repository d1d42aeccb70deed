/**
 * How a bar drives its gallery: through `thron-filter-request` events the gallery answers, not by
 * reaching into it. So the gallery may come after the bar, in the page or in time (its script
 * defined later), and two bars may drive one gallery. `<thron-gallery>` is not imported at the
 * top: the first test defines it while the bar is already waiting.
 */
import { expect } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { captureWarnings, choose, firstEvent, mount, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { GalleryLoadDetail, ThronGallery } from "../thron-gallery/thron-gallery.ts";
import type { FilterRequestDetail, ThronFilterBar } from "./thron-filter-bar.ts";
import "./thron-filter-bar.ts";

let ids = 0;

function gallery(attributes: Record<string, string> = {}): ThronGallery {
  const element = document.createElement("thron-gallery") as ThronGallery;
  element.id = `linked-gallery-${++ids}`;
  for (const [name, value] of Object.entries({ bff: TEST_BFF, "page-size": "50", ...attributes })) element.setAttribute(name, value);
  return element;
}

function bar(target: HTMLElement, attributes: Record<string, string> = {}): ThronFilterBar {
  const element = document.createElement("thron-filter-bar") as ThronFilterBar;
  for (const [name, value] of Object.entries({ for: target.id, ...attributes })) element.setAttribute(name, value);
  return element;
}

const select = (element: ThronFilterBar) => element.shadowRoot?.querySelector("select") as HTMLSelectElement;
const options = (element: ThronFilterBar) => [...(select(element)?.options ?? [])].map((o) => o.textContent);
const controls = (element: ThronFilterBar) => until(() => !!select(element), "the bar's filter controls");

describe("<thron-filter-bar> and its gallery, linked by events", () => {
  const originalUrl = location.href;
  afterEach(() => {
    unmountAll();
    history.replaceState(null, "", originalUrl);
  });

  it("waits for a gallery defined after it, then takes its locale and hands it the query from the URL", async () => {
    expect(customElements.get("thron-gallery"), "the gallery's script has not run yet").to.equal(undefined);
    history.replaceState(null, "", `${location.pathname}${location.search}&filter.season=winter`);
    const target = gallery({ locale: "it" });
    const filters = bar(target, { "sync-url": "" });
    const warnings = captureWarnings();
    mount().append(filters, target);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const firstPage = firstEvent<GalleryLoadDetail>(target, "thron-gallery-load");
    await import("../thron-gallery/thron-gallery.ts");
    await firstPage;
    expect(target.query.filters?.season).to.deep.equal(["winter"], "the bar's query reached the late gallery");
    // Its filters from the gallery's BFF (not the bundle's origin it tried alone), in the gallery's language.
    await until(() => options(filters)[0] === "Tutti", "the bar to speak the gallery's language");
    expect(select(filters).value).to.equal("winter");
    warnings.restore();
    const wrongBff = performance.getEntriesByType("resource").filter((e) => e.name.startsWith(`${location.origin}/v1/`));
    expect(wrongBff.map((e) => e.name)).to.deep.equal([], "no request to the default BFF while the gallery was on its way");
    expect(warnings.messages.filter((w) => w.includes('for="'))).to.deep.equal([], "no warning for a gallery still on its way");
  });

  it("asks through a composed request the page can see, and nothing changes when no gallery hears it", async () => {
    const target = gallery();
    const wall = document.createElement("div");
    const filters = bar(target);
    wall.append(filters);
    const container = mount();
    const firstPage = firstEvent(target, "thron-gallery-load");
    container.append(target, wall);
    await firstPage;
    await controls(filters);
    const seen: FilterRequestDetail[] = [];
    const record = (event: Event) => seen.push((event as CustomEvent<FilterRequestDetail>).detail);
    document.addEventListener("thron-filter-request", record);
    choose(select(filters), "summer");
    document.removeEventListener("thron-filter-request", record);
    expect(seen.map((d) => [d.for, d.query?.filters])).to.deep.equal([[target.id, { season: ["summer"] }]]);
    expect(target.query.filters).to.deep.equal({ season: ["summer"] });
    // A host that stops the request keeps the gallery as it was: the bar has no other way in.
    wall.addEventListener("thron-filter-request", (event) => event.stopPropagation());
    choose(select(filters), "winter");
    await filters.updateComplete;
    expect(target.query.filters).to.deep.equal({ season: ["summer"] });
  });

  it("works placed after its gallery, by keyboard, and passes axe", async () => {
    const target = gallery({ locale: "de" });
    const filters = bar(target);
    const firstPage = firstEvent(target, "thron-gallery-load");
    mount().append(target, filters);
    await firstPage;
    await controls(filters);
    expect(options(filters)[0]).to.equal("Alle", "the gallery's locale");
    filters.shadowRoot?.querySelector<HTMLInputElement>('[part="search"]')?.focus();
    await sendKeys({ type: "lake" });
    // However slowly the keys come (each may end the search's pause), the gallery ends on the word.
    await until(() => target.query.q === "lake", "the gallery to search the typed word");
    await expect(filters).to.be.accessible();
  });

  it("follows its gallery when the gallery's locale changes", async () => {
    const target = gallery({ locale: "it" });
    const filters = bar(target);
    const firstPage = firstEvent(target, "thron-gallery-load");
    mount().append(filters, target);
    await firstPage;
    await until(() => options(filters)[0] === "Tutti", "the bar in the gallery's Italian");
    target.setAttribute("locale", "de");
    await until(() => options(filters)[0] === "Alle", "the bar to follow the gallery into German");
  });

  it("lets two bars drive one gallery: each one's choice reaches it", async () => {
    const target = gallery();
    const search = bar(target, { keys: "none" });
    const seasons = bar(target, { keys: "season" });
    const section = mount();
    section.innerHTML = "<section><h2>Photos</h2></section>";
    const firstPage = firstEvent(target, "thron-gallery-load");
    section.firstElementChild?.append(search, seasons, target);
    await firstPage;
    await controls(seasons);
    expect(search.shadowRoot?.querySelector("select"), "keys=none: the search only").to.equal(null);
    select(seasons).focus();
    const loaded = firstEvent<GalleryLoadDetail>(target, "thron-gallery-load");
    await sendKeys({ press: "ArrowDown" });
    await loaded;
    expect(target.query.filters?.season).to.have.length(1);
    search.shadowRoot?.querySelector<HTMLInputElement>('[part="search"]')?.focus();
    await sendKeys({ type: "glacier" });
    await until(() => target.query.q === "glacier", "the gallery to search the typed word");
    await expect(search).to.be.accessible();
    await expect(seasons).to.be.accessible();
  });
});
