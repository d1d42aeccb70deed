// A page of its own: here the THRON Player script never loads.
import type { AssetPage } from "@embedkit/contracts";
import { expect } from "@open-wc/testing";
import { mount, setFaults, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import "./thron-asset.ts";

describe("<thron-asset> without the THRON Player", () => {
  before(() => setFaults({ playerScriptDown: true }));
  after(async () => {
    unmountAll();
    await setFaults();
  });

  it("falls back to the browser's video player when the Player script cannot load", async () => {
    const page = (await (await fetch(`${TEST_BFF}/v1/thron/galleries/default/assets?type=video&limit=1`)).json()) as AssetPage;
    const el = document.createElement("thron-asset");
    el.setAttribute("bff", TEST_BFF);
    el.setAttribute("asset", page.items[0]?.id ?? "");
    mount().append(el);
    const shadow = el.shadowRoot as ShadowRoot;
    await until(() => !!shadow.querySelector("video source"), "the native video");
    expect(shadow.querySelector("video")?.getAttribute("poster")).to.equal(el.detail?.thumbnail.url);
    expect(el.querySelector('[slot="player"]')).to.equal(null);
    expect((globalThis as { THRONContentExperience?: unknown }).THRONContentExperience).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
