/**
 * A filter bar and its gallery server-rendered by the BFF (GET /v1/render/<tag>) with the
 * visitor's query from the page URL, then defined from the bundle the BFF serves: the bar takes
 * over the server's form with its options and choices, asking the BFF for neither its filters nor
 * the gallery's page; with `sync-url` the URL wins when it says something else, at the cost of the
 * one page that query needs and without the bar moving. `pnpm build` first, as for the demo's tests.
 */
import { expect } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { frames, mount, recordBffCalls, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { ThronGallery } from "../thron-gallery/thron-gallery.component.ts";
import type { ThronFilterBar } from "./thron-filter-bar.component.ts";

const { calls: bffCalls, fetch: originalFetch } = recordBffCalls();
const galleryCalls = () => bffCalls.filter((url) => /\/v1\/thron\/galleries\/[^/?]+\?/.test(url));
const pageCalls = () => bffCalls.filter((url) => url.includes("/assets?"));

async function fragment(tag: string, attributes: [string, string][]): Promise<string> {
  const response = await originalFetch(`${TEST_BFF}/v1/render/${tag}?${new URLSearchParams([["bff", TEST_BFF], ...attributes])}`);
  expect(response.status).to.equal(200);
  return response.text();
}

/** A bar and its gallery, as a server inlines them for a page whose URL holds `visitor` (`query.…` pairs). */
async function inlinePair(id: string, visitor: [string, string][]): Promise<{ bar: ThronFilterBar; gallery: ThronGallery }> {
  const barHtml = await fragment("thron-filter-bar", [["for", id], ["sync-url", ""], ...visitor]);
  const galleryHtml = await fragment("thron-gallery", [["id", id], ["page-size", "6"], ...visitor]);
  const container = mount();
  (container as HTMLElement & { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(
    `<section><h2>Photos</h2>${barHtml}${galleryHtml}</section>`,
  );
  return {
    bar: container.querySelector("thron-filter-bar") as ThronFilterBar,
    gallery: container.querySelector("thron-gallery") as ThronGallery,
  };
}

const checkboxes = (bar: ThronFilterBar) => [...(bar.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])];
const checked = (bar: ThronFilterBar) =>
  checkboxes(bar)
    .filter((box) => box.checked)
    .map((box) => box.value);
const height = (element: Element) => Math.round(element.getBoundingClientRect().height);

describe("a server-rendered <thron-filter-bar> and its gallery", () => {
  const originalUrl = location.href;
  let bar: ThronFilterBar;
  let gallery: ThronGallery;
  let serverSearch: Element | null;
  let serverSelect: Element | null;

  before(async () => {
    history.replaceState(null, "", "?filter.topic=food");
    ({ bar, gallery } = await inlinePair("ssr-linked", [["query.filter.topic", "food"]]));
    serverSearch = bar.shadowRoot?.querySelector('[part="search"]') ?? null;
    serverSelect = bar.shadowRoot?.querySelector("select") ?? null;
    expect(serverSelect, "the browser attached the server's shadow root").to.not.equal(null);
    expect(checked(bar), "without scripts, the URL's choice shows checked").to.deep.equal(["food"]);
    bffCalls.length = 0;
    await import(`${TEST_BFF}/components.js`);
    await until(() => bar.hasUpdated && gallery.hasUpdated, "the bar and its gallery to hydrate");
    await frames();
    await bar.updateComplete;
    await gallery.updateComplete;
  });
  after(() => history.replaceState(null, "", originalUrl));

  it("hydrate the server's form and page with no BFF call: neither the filters nor the filtered page", () => {
    expect(galleryCalls(), "calls for the gallery's filters").to.deep.equal([]);
    expect(pageCalls(), "calls for a page").to.deep.equal([]);
    expect(bar.shadowRoot?.querySelector("select")).to.equal(serverSelect, "the server's select, not a new one");
    expect(bar.shadowRoot?.querySelector('[part="search"]')).to.equal(serverSearch);
    expect(checked(bar)).to.deep.equal(["food"]);
    expect(bar.value).to.deep.equal({ q: "", filters: { topic: ["food"] } });
    expect(gallery.items.length).to.be.greaterThan(0);
    expect(bar.shadowRoot?.querySelector('[role="search"]')?.getAttribute("aria-label")).to.equal(
      "Search: Photos",
      "its section's heading, once hydrated",
    );
    expect(bar.shadowRoot?.querySelector("noscript button"), "the no-JS submit is no button with scripts").to.equal(null);
  });

  it("then filter from the keyboard as ever (one page asked), keep the URL, and pass axe", async () => {
    await expect(bar).to.be.accessible();
    const city = checkboxes(bar).find((box) => box.value === "city") as HTMLInputElement;
    city.focus();
    const loaded = new Promise((resolve) => gallery.addEventListener("thron-gallery-load", resolve, { once: true }));
    await sendKeys({ press: "Space" });
    await loaded;
    expect(checked(bar).sort()).to.deep.equal(["city", "food"]);
    expect(new URLSearchParams(location.search).getAll("filter.topic")).to.deep.equal(["food", "city"]);
    expect(pageCalls().length).to.equal(1);
    expect(galleryCalls(), "still no call for the filters").to.deep.equal([]);
    await expect(bar).to.be.accessible();
  });

  it("with sync-url, the URL wins over a fragment rendered without it: one page for its query, and the bar does not move", async () => {
    unmountAll(); // one bar on the URL's keys at a time
    history.replaceState(null, "", "?q=leaf&filter.topic=nature");
    const pair = await inlinePair("ssr-unforwarded", []);
    const before = height(pair.bar);
    bffCalls.length = 0;
    await until(() => pair.bar.hasUpdated && pair.gallery.hasUpdated, "the late pair to hydrate");
    await until(() => pair.bar.value.q === "leaf", "the URL's query in the bar");
    await until(() => pageCalls().length === 1 && !pair.gallery.shadowRoot?.querySelector(".skeleton"), "the URL's page");
    await pair.bar.updateComplete;
    expect(checked(pair.bar)).to.deep.equal(["nature"]);
    expect(pair.bar.shadowRoot?.querySelector<HTMLInputElement>('[part="search"]')?.value).to.equal("leaf");
    expect(new URL(pageCalls()[0] as string).searchParams.get("q")).to.equal("leaf");
    expect(galleryCalls(), "no call for the filters").to.deep.equal([]);
    expect(height(pair.bar)).to.equal(before, "the bar keeps its height");
    await expect(pair.bar).to.be.accessible();
  });

  it("asked without locale, in the caller's Accept-Language: on an English page it hydrates in that language, no text swapped", async () => {
    unmountAll();
    history.replaceState(null, "", originalUrl);
    const query = new URLSearchParams({ bff: TEST_BFF, for: "ssr-italian" });
    const response = await originalFetch(`${TEST_BFF}/v1/render/thron-filter-bar?${query}`, {
      headers: { "accept-language": "it-IT,it;q=0.9" },
    });
    const container = mount();
    (container as HTMLElement & { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(await response.text());
    const italian = container.querySelector("thron-filter-bar") as ThronFilterBar;
    expect(italian.getAttribute("lang")).to.equal("it");
    const textOf = () => [...(italian.shadowRoot?.querySelector(".label")?.childNodes ?? [])].find((n) => n.nodeType === Node.TEXT_NODE);
    const label = italian.shadowRoot?.querySelector(".label");
    const text = textOf();
    expect(label?.textContent).to.equal("Cerca", "rendered in Italian");
    await until(() => italian.hasUpdated, "the Italian bar to hydrate");
    await italian.updateComplete;
    await frames();
    expect(italian.shadowRoot?.querySelector(".label")?.textContent).to.equal("Cerca", "still Italian on an English page");
    expect(text?.textContent).to.equal("Cerca");
    expect(textOf() === text, "the server's text node, not a new one").to.equal(true);
    expect(document.documentElement.lang).to.equal("en");
    // What the element computes once running (its landmark's name) is Italian too: it speaks its own lang.
    expect(italian.shadowRoot?.querySelector('[role="search"]')?.getAttribute("aria-label")).to.equal("Cerca: ssr-italian");
  });
});
