/**
 * Strings of a language other than English arrive after the element: it renders them from its
 * first paint (no English flash for a screen reader to announce), follows the nearest `lang`,
 * and keeps the host's overrides.
 */
import { expect } from "@open-wc/testing";
import type { ThronGallery } from "../thron-gallery/thron-gallery.ts";
import type { ThunderLaunchButton } from "../thunder-launch-button/thunder-launch-button.ts";
import "../thunder-launch-button/thunder-launch-button.ts";
import { mount, TEST_BFF, unmountAll } from "./test-support.ts";

/** A launch button under `lang` ancestors, with every text its shadow root ever held. */
async function launchButton(...languages: string[]) {
  let host = mount();
  for (const lang of languages) {
    const inner = document.createElement("div");
    inner.lang = lang;
    host.append(inner);
    host = inner;
  }
  const el = document.createElement("thunder-launch-button") as ThunderLaunchButton;
  for (const [name, value] of Object.entries({ bff: TEST_BFF, method: "stats", ids: "123 456" })) el.setAttribute(name, value);
  host.append(el);
  const shown: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) shown.push(node.textContent ?? "");
    shown.push(el.shadowRoot?.textContent ?? "");
  });
  observer.observe(el.shadowRoot as ShadowRoot, { childList: true, subtree: true, characterData: true });
  await el.updateComplete;
  observer.disconnect();
  return { el, label: () => el.shadowRoot?.querySelector("button")?.textContent?.trim(), shown: shown.join(" ") };
}

describe("element strings in the browser", () => {
  afterEach(() => unmountAll());

  it("renders the page's language from the first render, never English first", async () => {
    const { el, label, shown } = await launchButton("es");
    expect(label()).to.equal("Abrir en Thunder");
    expect(shown).not.to.contain("Open in Thunder");
    await expect(el).to.be.accessible();
  });

  it("follows the nearest lang attribute and keeps the host's overrides", async () => {
    const { el, label } = await launchButton("es", "de");
    expect(label()).to.equal("In Thunder öffnen");
    el.strings = { launch: "Los" };
    await el.updateComplete;
    expect(label()).to.equal("Los");
    el.locale = "en";
    await el.updateComplete;
    expect(label()).to.equal("Los", "an override holds in every language");
  });

  it("types each element's strings on its own", () => {
    const gallery = document.createElement("thron-gallery") as ThronGallery;
    // @ts-expect-error the gallery has no launch errors: a Thunder key is a type error
    gallery.strings = { launchErrors: { ticket: "" } };
    gallery.strings = { loadMore: "More" };
    expect(gallery.strings.loadMore).to.equal("More");
  });
});
