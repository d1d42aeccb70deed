// A page of its own: here the THRON Player script never loads.
import { expect } from "@open-wc/testing";
import { mountGallery, setFaults, unmountAll, until } from "../internal/test-support.ts";
import "./thron-gallery.ts";

describe("<thron-gallery> without the THRON Player", () => {
  before(() => setFaults({ playerScriptDown: true }));
  after(async () => {
    unmountAll();
    await setFaults();
  });

  it("falls back to the browser's players when the Player script cannot load", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "20" });
    await el.open(el.items.findIndex((a) => a.type === "video"));
    await until(() => !!shadow.querySelector('[part="stage"] video source'), "the native video");
    expect(el.querySelector('[slot="player"]')).to.equal(null);
    expect((globalThis as { THRONContentExperience?: unknown }).THRONContentExperience).to.equal(undefined);
    el.close();
  });
});
