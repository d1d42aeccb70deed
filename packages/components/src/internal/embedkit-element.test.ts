/**
 * Every element's events as a host page meets them: the element sits inside the shadow root of
 * the host's own component, and the listener is on `document`. Events that stopped being
 * `composed` (or bubbling) would never get there; a listener on the element itself cannot tell.
 */
import { expect } from "@open-wc/testing";
import { executeServerCommand } from "@web/test-runner-commands";
import { ThronAsset } from "../thron-asset/thron-asset.ts";
import { ThronFilterBar } from "../thron-filter-bar/thron-filter-bar.ts";
import { ThronGallery } from "../thron-gallery/thron-gallery.ts";
import { ThroughLineHelplines } from "../throughline-helplines/throughline-helplines.ts";
import { ThunderLaunchButton } from "../thunder-launch-button/thunder-launch-button.ts";
import type { EmbedkitErrorDetail } from "./embedkit-element.ts";
import { captureWarnings, firstEvent, mount, TEST_BFF, unmountAll, until } from "./test-support.ts";

const PLAY = "0f8fad5b-d9cb-469f-a165-70867728950e";

function element<T extends HTMLElement>(tag: string, attributes: Record<string, string>): T {
  const el = document.createElement(tag) as T;
  el.setAttribute("bff", TEST_BFF);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** A host page's own component, with `elements` in its shadow root. */
function insideHostComponent(...elements: HTMLElement[]): ShadowRoot {
  const host = document.createElement("host-widget");
  mount().append(host);
  const root = host.attachShadow({ mode: "open" });
  root.append(...elements);
  return root;
}

/** The next `name` event heard on document, checked (while it is dispatched) to come from `source` through its shadow root. */
async function heardOnDocument<T>(name: string, source: HTMLElement, action: () => unknown = () => {}): Promise<CustomEvent<T>> {
  const heard = new Promise<{ event: CustomEvent<T>; path: EventTarget[]; target: EventTarget | null }>((resolve, reject) => {
    document.addEventListener(
      name,
      (event) => resolve({ event: event as CustomEvent<T>, path: event.composedPath(), target: event.target }),
      {
        once: true,
      },
    );
    setTimeout(() => reject(new Error(`${name} never reached the document`)), 5_000);
  });
  await action();
  const { event, path, target } = await heard;
  expect(path, `${name} comes from the element`).to.include(source);
  expect((target as Element).localName, `${name} retargeted to the host component`).to.equal("host-widget");
  return event;
}

const shadowOf = (el: HTMLElement) => el.shadowRoot as ShadowRoot;

describe("element events reach the host page's document across shadow roots", () => {
  afterEach(() => unmountAll());

  it("<thron-gallery>: thron-gallery-load, thron-asset-open (cancelable from the document) and thron-error", async () => {
    const gallery = element<HTMLElement & { updateComplete: Promise<boolean> }>("thron-gallery", { "page-size": "3" });
    const load = await heardOnDocument<{ count: number }>("thron-gallery-load", gallery, () => insideHostComponent(gallery));
    expect(load.detail.count).to.equal(3);
    await gallery.updateComplete;

    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener("thron-asset-open", cancel, { once: true });
    const tile = shadowOf(gallery).querySelector<HTMLButtonElement>('button[part="tile"]') as HTMLButtonElement;
    const open = await heardOnDocument<{ index: number }>("thron-asset-open", gallery, () => tile.click());
    expect(open.detail.index).to.equal(0);
    await gallery.updateComplete;
    expect(shadowOf(gallery).querySelector("dialog")?.open ?? false, "cancelled on the document: no dialog").to.equal(false);

    const unknown = element("thron-gallery", { gallery: "no-such-gallery" });
    const error = await heardOnDocument<{ status: number }>("thron-error", unknown, () => insideHostComponent(unknown));
    expect(error.detail.status).to.equal(404);
  });

  it("<thron-filter-bar>: thron-filter-change", async () => {
    const gallery = element("thron-gallery", { id: "shadow-gallery", "page-size": "3" });
    const bar = element("thron-filter-bar", { for: "shadow-gallery" });
    await heardOnDocument("thron-gallery-load", gallery, () => insideHostComponent(bar, gallery));
    await until(() => !!shadowOf(bar).querySelector("select"), "the filter controls");
    const select = shadowOf(bar).querySelector("select") as HTMLSelectElement;
    const change = await heardOnDocument<{ filters: Record<string, string[]> }>("thron-filter-change", bar, () => {
      select.value = "winter";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(change.detail.filters).to.deep.equal({ season: ["winter"] });
  });

  it("<thunder-launch-button>: thunder-launch (cancelable from the document) and thunder-error", async () => {
    const ticket = (await executeServerCommand("thunder-ticket", { ids: [PLAY] })) as string;
    const button = element<HTMLElement & { updateComplete: Promise<boolean> }>("thunder-launch-button", {
      method: "plays",
      ids: PLAY,
      ticket,
    });
    insideHostComponent(button);
    await button.updateComplete;
    const stayHere = (event: Event) => event.preventDefault();
    document.addEventListener("thunder-launch", stayHere);
    try {
      const inner = () => shadowOf(button).querySelector("button") as HTMLButtonElement;
      const launch = await heardOnDocument<{ url: string }>("thunder-launch", button, () => inner().click());
      expect(launch.detail.url).to.be.a("string").and.not.equal("");

      const forged = element<HTMLElement & { updateComplete: Promise<boolean> }>("thunder-launch-button", {
        method: "plays",
        ids: PLAY,
        ticket: "not-a-ticket",
      });
      insideHostComponent(forged);
      await forged.updateComplete;
      const error = await heardOnDocument<{ status: number }>("thunder-error", forged, () =>
        (shadowOf(forged).querySelector("button") as HTMLButtonElement).click(),
      );
      expect(error.detail.status).to.equal(401);
    } finally {
      document.removeEventListener("thunder-launch", stayHere);
    }
  });

  it("<throughline-helplines>: throughline-contact (cancelable from the document)", async () => {
    const helplines = element("throughline-helplines", { country: "NZ", topic: "domestic-violence" });
    insideHostComponent(helplines);
    await until(() => !!shadowOf(helplines).querySelector('a[href^="tel:0"]'), "the helplines");
    document.addEventListener("throughline-contact", (event) => event.preventDefault(), { once: true });
    const phone = shadowOf(helplines).querySelector<HTMLAnchorElement>('a[href^="tel:0"]') as HTMLAnchorElement;
    const contact = await heardOnDocument<{ type: string }>("throughline-contact", helplines, () => phone.click());
    expect(contact.detail.type).to.equal("phone");
  });
});

describe("what every element shares", () => {
  afterEach(() => unmountAll());

  it("thron-error from <thron-asset> and throughline-error reach the document with the one error detail", async () => {
    const asset = element("thron-asset", { asset: "no-such-asset" });
    const missing = await heardOnDocument<EmbedkitErrorDetail>("thron-error", asset, () => insideHostComponent(asset));
    expect(missing.detail.status).to.equal(404);
    expect(missing.detail.title).to.be.a("string").and.not.equal("");
    expect(missing.detail.detail).to.be.a("string").and.not.equal("");

    // Nothing listens there: the BFF cannot be reached (status 0), as when CORS refuses the page.
    const helplines = element("throughline-helplines", { country: "US", bff: "http://127.0.0.1:9" });
    const failed = await heardOnDocument<EmbedkitErrorDetail>("throughline-error", helplines, () => insideHostComponent(helplines));
    expect(failed.detail).to.deep.equal({ status: 0, title: "Network error" });
  });

  it("a second bundle defining the same tags does not throw, and the first definitions stay", () => {
    const elements = [
      ["thron-gallery", ThronGallery],
      ["thron-asset", ThronAsset],
      ["thron-filter-bar", ThronFilterBar],
      ["thunder-launch-button", ThunderLaunchButton],
      ["throughline-helplines", ThroughLineHelplines],
    ] as const;
    for (const [tag, element] of elements) {
      // Another copy of the script: the same source, so another class of the same name.
      const secondCopy = class extends (element as typeof ThronGallery) {};
      expect(() => secondCopy.define(tag), tag).not.to.throw();
      expect(() => element.define(tag), tag).not.to.throw();
      expect(customElements.get(tag), tag).to.equal(element);
    }
  });

  it("keeps a page size within what the BFF answers, and tells the editor", async () => {
    const warnings = captureWarnings();
    try {
      const gallery = element("thron-gallery", { "page-size": "500" });
      const loaded = firstEvent<{ count: number }>(gallery, "thron-gallery-load");
      mount().append(gallery);
      expect((await loaded).detail.count).to.equal(50);
      const helplines = element("throughline-helplines", { country: "US", limit: "none" });
      mount().append(helplines);
      await until(() => (helplines as ThroughLineHelplines).helplines.length > 0, "the helplines");
      expect((helplines as ThroughLineHelplines).helplines.length).to.be.within(1, 5);
      expect(warnings.messages.some((m) => m.includes('page-size="500": expected a whole number from 1 to 50; using 50'))).to.equal(true);
      expect(warnings.messages.some((m) => m.includes('limit="none": expected a whole number from 1 to 50; using 5'))).to.equal(true);
    } finally {
      warnings.restore();
    }
  });
});
