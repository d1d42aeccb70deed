/**
 * Elements server-rendered by the BFF (GET /v1/render/<tag>) and then defined, as on a page that
 * inlines fragments: they take over the server's shadow root (the same nodes, no second render)
 * from the inline data, with no BFF call for their first page, then behave as ever. The
 * elements load only after the fragments are in the page, as a page's own script would, from the
 * bundle the BFF serves (`pnpm build` first, as for the demo's tests).
 */
import { expect } from "@open-wc/testing";
import { executeServerCommand, sendKeys } from "@web/test-runner-commands";
import type { ThronAsset } from "../thron-asset/thron-asset.component.ts";
import type { ThronGallery } from "../thron-gallery/thron-gallery.component.ts";
import type { ThroughLineHelplines } from "../throughline-helplines/throughline-helplines.component.ts";
import type { ThunderLaunchButton } from "../thunder-launch-button/thunder-launch-button.component.ts";
import { firstEvent, mount, recordBffCalls, TEST_BFF, until } from "./test-support.ts";

/** Every fetch the page makes to the BFF, from the moment the fragments are in the page. */
const { calls: bffCalls, fetch: originalFetch } = recordBffCalls();

async function fragment(tag: string, attributes: Record<string, string>): Promise<string> {
  const response = await originalFetch(`${TEST_BFF}/v1/render/${tag}?${new URLSearchParams({ bff: TEST_BFF, ...attributes })}`);
  expect(response.status).to.equal(200);
  return response.text();
}

/** Puts HTML with declarative shadow roots into the page, as the parser does with a server's page. */
function inline(html: string): HTMLElement {
  const container = mount();
  (container as HTMLElement & { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(html);
  return container;
}

describe("server-rendered elements", () => {
  let gallery: ThronGallery;
  /** A hand-picked gallery (`assets`), and the ids it lists, in their order. */
  let picked: ThronGallery;
  let pickedIds: string[];
  let helplines: ThroughLineHelplines;
  let button: ThunderLaunchButton;
  let asset: ThronAsset;
  let serverPoster: Element | null;
  let serverButton: Element | null;
  let serverTile: Element | null;
  let serverHelpline: Element | null;

  before(async () => {
    const galleryHtml = await fragment("thron-gallery", { id: "ssr-gallery", "page-size": "6", player: "native" });
    const helplinesHtml = await fragment("throughline-helplines", { country: "US", limit: "2" });
    // A linked bar with nothing chosen, as on the demo: it asks for its filters, not for another page.
    gallery = inline(`<thron-filter-bar for="ssr-gallery" sync-url bff="${TEST_BFF}"></thron-filter-bar>${galleryHtml}`).querySelector(
      "thron-gallery",
    ) as ThronGallery;
    helplines = inline(helplinesHtml).querySelector("throughline-helplines") as ThroughLineHelplines;
    const buttonHtml = await fragment("thunder-launch-button", { method: "plays", ids: "0f8fad5b-d9cb-469f-a165-70867728950e" });
    button = inline(buttonHtml).querySelector("thunder-launch-button") as ThunderLaunchButton;
    serverButton = button.shadowRoot?.querySelector('[part="button"]') ?? null;
    const image = (await (await originalFetch(`${TEST_BFF}/v1/thron/galleries/default/assets?limit=1&type=image`)).json()) as {
      items: { id: string }[];
    };
    const assetHtml = await fragment("thron-asset", { asset: image.items[0]?.id ?? "", caption: "" });
    asset = inline(assetHtml).querySelector("thron-asset") as ThronAsset;
    const newest = (await (await originalFetch(`${TEST_BFF}/v1/thron/galleries/default/assets?limit=9`)).json()) as {
      items: { id: string }[];
    };
    pickedIds = [8, 0, 4].map((i) => newest.items[i]?.id ?? "");
    picked = inline(await fragment("thron-gallery", { assets: pickedIds.join(","), player: "native" })).querySelector(
      "thron-gallery",
    ) as ThronGallery;
    serverPoster = asset.shadowRoot?.querySelector("img") ?? null;
    serverTile = gallery.shadowRoot?.querySelector('button[part="tile"]') ?? null;
    serverHelpline = helplines.shadowRoot?.querySelector('[part="helpline"]') ?? null;
    expect(serverTile, "the browser attached the server's shadow root").to.not.equal(null);
    const loaded = firstEvent(gallery, "thron-gallery-load");
    // The bundle the BFF serves: its templates are minified exactly as the server renderer's are.
    await import(`${TEST_BFF}/components.js`);
    await loaded;
    await until(() => customElements.get("throughline-helplines") !== undefined && helplines.hasUpdated, "the helplines to hydrate");
    await gallery.updateComplete;
    await until(() => button.hasUpdated, "the launch button to hydrate");
    await until(() => customElements.get("thron-asset") !== undefined && asset.hasUpdated, "the asset to hydrate");
    await until(() => picked.hasUpdated, "the hand-picked gallery to hydrate");
  });

  it("take over the server's shadow roots without asking the BFF for their first page", () => {
    const firstPages = bffCalls.filter((url) => url.includes("/assets") || url.includes("/v1/throughline/"));
    expect(asset.shadowRoot?.querySelector("img")).to.equal(serverPoster, "the asset's server image, not a new one");
    expect(asset.detail?.title).to.be.a("string");
    expect(firstPages, "BFF calls for a first page during hydration").to.deep.equal([]);
    expect(gallery.items.length).to.equal(6);
    expect(picked.items.map((a) => a.id)).to.deep.equal(pickedIds, "the hand-picked list, in its order");
    expect(picked.shadowRoot?.querySelectorAll('button[part="tile"]').length).to.equal(3);
    expect(picked.shadowRoot?.querySelector('[part="load-more"]')).to.equal(null);
    expect(gallery.shadowRoot?.querySelector('button[part="tile"]')).to.equal(serverTile, "the server's tile, not a new one");
    expect(helplines.helplines.length).to.equal(2);
    expect(helplines.shadowRoot?.querySelector('[part="helpline"]')).to.equal(serverHelpline);
    expect(helplines.shadowRoot?.querySelector('[part="emergency-link"]')?.getAttribute("href")).to.equal("tel:911");
  });

  it("hydrate a server-rendered viewer: the stage and strip the server wrote, no BFF call, then the keyboard works", async () => {
    const viewerHtml = await fragment("thron-gallery", { layout: "viewer", "page-size": "5", type: "image", sort: "oldest" });
    const calls = bffCalls.length;
    const container = document.createElement("div");
    document.body.append(container);
    try {
      (container as HTMLElement & { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(viewerHtml);
      const viewer = container.querySelector("thron-gallery") as ThronGallery;
      const shadow = viewer.shadowRoot as ShadowRoot;
      const serverStage = shadow.querySelector('.viewer [part="stage"] img');
      const serverTabs = [...shadow.querySelectorAll('[role="tab"]')];
      expect(serverStage, "the server rendered the stage's image").to.not.equal(null);
      expect(serverTabs).to.have.length(5);
      await until(() => viewer.hasUpdated, "the viewer to hydrate");
      await viewer.updateComplete;
      expect(shadow.querySelector('.viewer [part="stage"] img')).to.equal(serverStage, "the server's image, not a new one");
      expect(shadow.querySelector('[role="tab"]')).to.equal(serverTabs[0]);
      expect(
        bffCalls.slice(calls).filter((url) => url.includes("/assets")),
        "BFF calls for the first page",
      ).to.deep.equal([]);
      (serverTabs[0] as HTMLElement).focus();
      await sendKeys({ press: "ArrowRight" });
      await until(() => serverTabs[1]?.getAttribute("aria-selected") === "true", "the second thumbnail to be selected");
      expect(shadow.activeElement).to.equal(serverTabs[1]);
      await expect(viewer).to.be.accessible();
    } finally {
      container.remove();
    }
  });

  it("keep the server's page when a filter bar arrives later with nothing chosen", async () => {
    const bar = document.createElement("thron-filter-bar");
    for (const [name, value] of Object.entries({ for: "ssr-gallery", "sync-url": "later", bff: TEST_BFF })) bar.setAttribute(name, value);
    mount().append(bar);
    await until(() => (bar as HTMLElement & { hasUpdated: boolean }).hasUpdated, "the bar to start");
    await gallery.updateComplete;
    expect(gallery.items.length).to.equal(6, "no reload emptied it");
    expect(gallery.shadowRoot?.querySelector('button[part="tile"]')).to.equal(serverTile);
  });

  it("are styled by their own sheets, as on a client render (a strict CSP may block the inline <style>)", () => {
    expect(gallery.shadowRoot?.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(getComputedStyle(gallery.shadowRoot?.querySelector(".grid") as Element).display).to.equal("grid");
  });

  it("then behave as ever: arrow keys, the dialog, Load more (one BFF call), and pass axe", async () => {
    await expect(gallery).to.be.accessible();
    await expect(helplines).to.be.accessible();
    await expect(asset).to.be.accessible();
    const tiles = () => [...(gallery.shadowRoot?.querySelectorAll<HTMLButtonElement>('button[part="tile"]') ?? [])];
    tiles()[0]?.focus();
    await sendKeys({ press: "ArrowRight" });
    expect(gallery.shadowRoot?.activeElement).to.equal(tiles()[1]);
    await sendKeys({ press: "Enter" });
    const dialog = () => gallery.shadowRoot?.querySelector("dialog");
    await until(() => dialog()?.open === true, "the dialog to open");
    await expect(gallery).to.be.accessible();
    await sendKeys({ press: "Escape" });
    await until(() => dialog()?.open !== true, "the dialog to close");
    await until(() => gallery.shadowRoot?.activeElement === tiles()[1], "focus back on the tile");
    bffCalls.length = 0;
    const more = firstEvent(gallery, "thron-gallery-load");
    gallery.shadowRoot?.querySelector<HTMLButtonElement>('[part="load-more"]')?.click();
    await more;
    expect(gallery.items.length).to.equal(12);
    expect(bffCalls.filter((url) => url.includes("/assets?")).length).to.equal(1);
  });

  it("render in the browser from the inline data alone (the bare tag a runtime without the renderer answers), with no BFF call", async () => {
    const json = await (await originalFetch(`${TEST_BFF}/v1/throughline/helplines?country=NZ&limit=2`)).text();
    bffCalls.length = 0;
    const bare = inline(
      `<throughline-helplines country="NZ" limit="2" bff="${TEST_BFF}"><script type="application/json" data-embedkit-state>${json.replaceAll("<", "\\u003c")}</script></throughline-helplines>`,
    ).querySelector("throughline-helplines") as ThroughLineHelplines;
    await bare.updateComplete;
    expect(bare.helplines.length).to.equal(2);
    expect(bare.shadowRoot?.querySelector('[part="emergency-link"]')?.getAttribute("href")).to.equal("tel:111");
    expect(bffCalls.filter((url) => url.includes("/helplines"))).to.deep.equal([]);
    await expect(bare).to.be.accessible();
  });

  it("the launch button: the server's button taken over, then a keyboard launch as ever", async () => {
    expect(button.shadowRoot?.querySelector('[part="button"]')).to.equal(serverButton);
    await expect(button).to.be.accessible();
    button.ticket = (await executeServerCommand("thunder-ticket")) as string;
    const launched = firstEvent<{ url: string }>(button, "thunder-launch");
    button.addEventListener("thunder-launch", (event) => event.preventDefault(), { once: true });
    (serverButton as HTMLButtonElement).focus();
    await sendKeys({ press: "Enter" });
    expect((await launched).detail.url).to.be.a("string");
  });
});
