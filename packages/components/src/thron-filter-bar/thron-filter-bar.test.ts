import { expect } from "@open-wc/testing";
import { sendKeys, setViewport } from "@web/test-runner-commands";
import { captureWarnings, choose, executeStats, firstEvent, mount, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { GalleryLoadDetail, ThronGallery } from "../thron-gallery/thron-gallery.ts";
import "../thron-gallery/thron-gallery.ts";
import type { FilterChangeDetail, ThronFilterBar } from "./thron-filter-bar.ts";
import "./thron-filter-bar.ts";

let ids = 0;

/** A filter bar driving a gallery, both on the test BFF, once the bar shows its filters and the gallery its first page. */
async function setup(options: { locale?: string; syncUrl?: boolean | string; container?: HTMLElement } = {}) {
  const container = options.container ?? mount();
  const id = `gallery-${++ids}`;
  const gallery = document.createElement("thron-gallery") as ThronGallery;
  gallery.id = id;
  gallery.setAttribute("bff", TEST_BFF);
  gallery.setAttribute("page-size", "50");
  if (options.locale) gallery.setAttribute("locale", options.locale);
  const bar = document.createElement("thron-filter-bar") as ThronFilterBar;
  bar.setAttribute("for", id);
  if (options.syncUrl !== undefined && options.syncUrl !== false)
    bar.setAttribute("sync-url", options.syncUrl === true ? "" : options.syncUrl);
  const firstPage = firstEvent<GalleryLoadDetail>(gallery, "thron-gallery-load");
  container.append(bar, gallery);
  await firstPage;
  const shadow = bar.shadowRoot as ShadowRoot;
  await until(() => !!shadow.querySelector("select"), "the filter controls");
  /** Runs `action` and resolves with the gallery's next load. */
  const reload = async (action: () => unknown) => {
    const loaded = firstEvent<GalleryLoadDetail>(gallery, "thron-gallery-load");
    await action();
    return (await loaded).detail;
  };
  return { bar, gallery, shadow, reload };
}

const select = (shadow: ShadowRoot) => shadow.querySelector("select") as HTMLSelectElement;
const checkbox = (shadow: ShadowRoot, label: string) =>
  [...shadow.querySelectorAll("fieldset label")].find((l) => l.textContent?.trim() === label)?.querySelector("input") as HTMLInputElement;
const chips = (shadow: ShadowRoot) => [...shadow.querySelectorAll('[part="chip"]')].map((c) => c.textContent?.replace("✕", "").trim());

describe("<thron-filter-bar>", () => {
  const originalUrl = location.href;
  afterEach(() => {
    unmountAll();
    history.replaceState(null, "", originalUrl);
  });

  it("builds its controls from the BFF's filters, labelled in the gallery's locale", async () => {
    const { shadow } = await setup({ locale: "it" });
    expect(shadow.querySelector("label.field:has(select)")?.textContent).to.contain("Stagione");
    expect([...select(shadow).options].map((o) => o.textContent)).to.deep.equal(["Tutti", "Primavera", "Estate", "Autunno", "Inverno"]);
    expect(shadow.querySelector("legend")?.textContent).to.equal("Argomenti");
    expect(shadow.querySelectorAll('fieldset input[type="checkbox"]')).to.have.length(6);
    expect(shadow.querySelector('[part="search"]')?.closest("label")?.textContent).to.contain("Cerca");
  });

  it("filters the gallery by a single-select value, shows it as a chip, and clears all", async () => {
    const { bar, gallery, shadow, reload } = await setup();
    const change = firstEvent<FilterChangeDetail>(bar, "thron-filter-change");
    const filtered = await reload(() => choose(select(shadow), "winter"));
    expect((await change).detail).to.deep.equal({ q: "", filters: { season: ["winter"] } });
    expect(filtered.total).to.be.within(1, 319);
    expect(gallery.query).to.deep.equal({ q: "", filters: { season: ["winter"] } });
    await bar.updateComplete;
    expect(chips(shadow)).to.deep.equal(["Winter"]);
    const all = await reload(() => shadow.querySelector<HTMLButtonElement>('[part="clear"]')?.click());
    expect(all.total).to.equal(320);
    await bar.updateComplete;
    expect(chips(shadow)).to.deep.equal([]);
    expect(select(shadow).value).to.equal("");
  });

  it("ORs the values of a multi-select, and a chip removes its value", async () => {
    const { bar, shadow, reload } = await setup();
    const food = await reload(() => checkbox(shadow, "Food").click());
    await bar.updateComplete;
    const foodOrSport = await reload(() => checkbox(shadow, "Sport").click());
    expect(foodOrSport.total).to.be.greaterThan(food.total);
    expect(bar.value.filters).to.deep.equal({ topic: ["food", "sport"] });
    await bar.updateComplete;
    expect(chips(shadow)).to.deep.equal(["Food", "Sport"]);
    await reload(() => shadow.querySelector<HTMLButtonElement>('[part="chip"][aria-label="Remove Food"]')?.click());
    expect(bar.value.filters).to.deep.equal({ topic: ["sport"] });
    expect(checkbox(shadow, "Food").checked).to.equal(false);
  });

  it("debounces the text search: keystrokes in quick succession make one change", async () => {
    const { bar, shadow, reload } = await setup();
    const changes: FilterChangeDetail[] = [];
    bar.addEventListener("thron-filter-change", (e) => changes.push((e as CustomEvent<FilterChangeDetail>).detail));
    const input = shadow.querySelector<HTMLInputElement>('[part="search"]') as HTMLInputElement;
    const page = await reload(() => {
      for (const text of ["l", "la", "lak", "lake"]) {
        input.value = text;
        input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
      }
    });
    expect(changes).to.deep.equal([{ q: "lake", filters: {} }]);
    expect(page.total).to.be.within(1, 319);
  });

  it("searches what is typed on the keyboard", async () => {
    const { gallery, shadow } = await setup();
    shadow.querySelector<HTMLInputElement>('[part="search"]')?.focus();
    await sendKeys({ type: "glacier" });
    await until(() => gallery.query?.q === "glacier", "the gallery to search the typed word");
  });

  it("is reachable by keyboard: Tab moves from the search to the first filter", async () => {
    const { shadow } = await setup();
    shadow.querySelector<HTMLInputElement>('[part="search"]')?.focus();
    await sendKeys({ press: "Tab" });
    expect(shadow.activeElement).to.equal(select(shadow));
  });

  it("restores the query from the URL, writes changes into it, and follows Back", async () => {
    history.replaceState(null, "", `${location.pathname}${location.search}&filter.season=winter&q=lake`);
    const { gallery, shadow, reload } = await setup({ syncUrl: true });
    await until(() => gallery.query?.filters?.season?.[0] === "winter", "the gallery to get the URL's filter");
    expect(gallery.query.q).to.equal("lake");
    expect(select(shadow).value).to.equal("winter");
    await reload(() => choose(select(shadow), "summer"));
    expect(new URL(location.href).searchParams.getAll("filter.season")).to.deep.equal(["summer"]);
    expect(new URL(location.href).searchParams.get("wtr-session-id")).to.not.equal(null, "the host page's own parameters stay");
    await reload(() => history.back());
    expect(gallery.query.filters?.season).to.deep.equal(["winter"]);
    await until(() => select(shadow).value === "winter", "the select to follow Back");
  });

  it("takes a cleared search out of the URL", async () => {
    const { gallery, shadow, reload } = await setup({ syncUrl: true });
    const search = shadow.querySelector('[part="search"]') as HTMLInputElement;
    search.focus();
    await reload(() => sendKeys({ type: "lake" }));
    expect(new URL(location.href).searchParams.get("q")).to.equal("lake");
    await reload(async () => {
      for (let i = 0; i < 4; i++) await sendKeys({ press: "Backspace" });
    });
    expect(gallery.query.q).to.equal("");
    expect(new URL(location.href).searchParams.has("q"), location.href).to.equal(false);
  });

  it("on a phone, lines the search up with Clear all and fades the filters' end while more lie past it", async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const { bar, shadow } = await setup();
      const right = (selector: string) => Math.round(shadow.querySelector(selector)?.getBoundingClientRect().right ?? 0);
      expect(right('[part="search"]')).to.equal(right('[part="clear"]'), "the search's end on Clear all's");
      const row = shadow.querySelector(".filters") as HTMLElement;
      expect(row.scrollWidth).to.be.greaterThan(row.clientWidth, "the Topics run past the screen");
      await until(() => row.classList.contains("more-after"), "the hint that more lie to the right");
      expect(getComputedStyle(row).maskImage).to.contain("gradient");
      await expect(bar).to.be.accessible();
      // By keyboard to the last Topic: it scrolls into view, and the fade goes once at the end.
      checkbox(shadow, "Nature").focus();
      for (let i = 0; i < 5; i++) await sendKeys({ press: "Tab" });
      const last = checkbox(shadow, "Technology");
      expect(shadow.activeElement).to.equal(last);
      await until(() => getComputedStyle(row).maskImage === "none", "no fade once at the end");
      const box = last.getBoundingClientRect();
      const view = row.getBoundingClientRect();
      expect(box.left >= view.left && box.right <= view.right, "the focused checkbox is in view").to.equal(true);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("passes axe with filters selected", async () => {
    const { bar, shadow, reload } = await setup();
    await reload(() => checkbox(shadow, "Nature").click());
    await bar.updateComplete;
    await expect(bar).to.be.accessible();
  });

  it("moves focus to the search field after Clear all, and to the filter's control after its last chip goes", async () => {
    const { bar, shadow, reload } = await setup();
    await reload(() => choose(select(shadow), "winter"));
    await bar.updateComplete;
    await reload(() => shadow.querySelector<HTMLButtonElement>('[part="chip"]')?.click());
    await until(() => shadow.activeElement === select(shadow), "focus on the Season select");
    await reload(() => checkbox(shadow, "Food").click());
    await bar.updateComplete;
    shadow.querySelector<HTMLButtonElement>('[part="clear"]')?.focus();
    await reload(() => sendKeys({ press: "Enter" }));
    await until(() => shadow.activeElement === shadow.querySelector('[part="search"]'), "focus on the search field");
  });

  it("keeps the chips' row when empty, so choosing a filter does not push the gallery down", async () => {
    const { bar, gallery, shadow, reload } = await setup();
    const top = gallery.getBoundingClientRect().top;
    await reload(() => checkbox(shadow, "Food").click());
    await bar.updateComplete;
    expect(chips(shadow)).to.deep.equal(["Food"]);
    expect(gallery.getBoundingClientRect().top).to.equal(top);
  });

  it("reloads once, with one history entry, when the arrow keys walk a closed select", async () => {
    const { gallery, shadow } = await setup({ syncUrl: true });
    const before = (await executeStats()).searches;
    let pushes = 0;
    const push = history.pushState;
    history.pushState = function (this: History, ...args: Parameters<History["pushState"]>) {
      pushes++;
      return push.apply(this, args);
    };
    try {
      select(shadow).focus();
      const loaded = firstEvent(gallery, "thron-gallery-load");
      await sendKeys({ press: "ArrowDown" });
      await sendKeys({ press: "ArrowDown" });
      await sendKeys({ press: "ArrowDown" });
      await loaded;
      expect(select(shadow).value).to.equal("autumn");
      expect(gallery.query.filters).to.deep.equal({ season: ["autumn"] });
      expect((await executeStats()).searches - before).to.equal(1, "one search upstream");
    } finally {
      history.pushState = push; // the next tests get the real one even when this one fails
    }
    expect(pushes).to.equal(1, "one history entry");
  });

  it("warns the editor when for names no gallery", async () => {
    const warnings = captureWarnings();
    const bar = document.createElement("thron-filter-bar");
    bar.setAttribute("for", "missing");
    bar.setAttribute("bff", TEST_BFF);
    mount().append(bar);
    await until(() => warnings.messages.length > 0, "a warning");
    warnings.restore();
    expect(warnings.messages[0]).to.contain('for="missing"');
    expect(warnings.messages[0]).to.contain("<thron-gallery>");
  });

  it("keeps two sync-url bars apart with their prefixes, and names each search landmark", async () => {
    history.replaceState(null, "", `${location.pathname}${location.search}&q=stadium&sport.q=glacier`);
    const first = document.createElement("section");
    first.innerHTML = "<h2>News</h2>";
    const second = document.createElement("section");
    second.innerHTML = "<h2>Sport</h2>";
    mount().append(first, second);
    const news = await setup({ syncUrl: true, container: first });
    const sport = await setup({ syncUrl: "sport", container: second });
    await until(() => news.gallery.query?.q === "stadium" && sport.gallery.query?.q === "glacier", "each bar's own query");
    await sport.reload(() => choose(select(sport.shadow), "summer"));
    const params = new URL(location.href).searchParams;
    expect(params.getAll("sport.filter.season")).to.deep.equal(["summer"]);
    expect(params.getAll("filter.season")).to.deep.equal([]);
    expect(news.bar.value.filters).to.deep.equal({});
    const labels = [news.shadow, sport.shadow].map((s) => s.querySelector('[role="search"]')?.getAttribute("aria-label"));
    expect(labels).to.deep.equal(["Search: News", "Search: Sport"]);
    await expect(news.bar).to.be.accessible();
  });

  it("passes axe, contrast included, on a dark host page", async () => {
    const dark = document.createElement("section");
    dark.style.cssText = "background:#15171c;color:#eceef3;color-scheme:dark;padding:1rem";
    dark.innerHTML = "<h2>Sport</h2>";
    mount().append(dark);
    const { bar, gallery, shadow, reload } = await setup({ container: dark });
    await reload(() => checkbox(shadow, "Sport").click());
    await bar.updateComplete;
    await expect(bar).to.be.accessible();
    await expect(gallery).to.be.accessible();
  });
});
