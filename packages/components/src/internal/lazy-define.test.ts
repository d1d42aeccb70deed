import { expect } from "@open-wc/testing";
import { lazyDefine } from "./lazy-define.ts";
import { mount, unmountAll, until } from "./test-support.ts";

describe("lazyDefine", () => {
  afterEach(() => unmountAll());

  it("loads an element once, when its tag first appears in the document", async () => {
    let loads = 0;
    lazyDefine("lazy-probe", async () => {
      loads++;
      customElements.define("lazy-probe", class extends HTMLElement {});
    });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(loads).to.equal(0, "nothing loads while no page uses the tag");
    const wrapper = document.createElement("div");
    wrapper.innerHTML = "<p><lazy-probe></lazy-probe></p>";
    mount().append(wrapper);
    await until(() => customElements.get("lazy-probe") !== undefined, "the element to be defined");
    expect(document.querySelector("lazy-probe")?.matches(":defined")).to.equal(true);
    mount().append(document.createElement("lazy-probe"));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(loads).to.equal(1);
  });

  it("loads at once when the tag is already on the page", async () => {
    mount().innerHTML = "<lazy-probe-2></lazy-probe-2>";
    let loads = 0;
    lazyDefine("lazy-probe-2", async () => {
      loads++;
    });
    expect(loads).to.equal(1);
  });
});
