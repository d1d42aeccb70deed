import { expect } from "@open-wc/testing";
import { mount, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { ThroughLineHelplines } from "./throughline-helplines.ts";
import "./throughline-helplines.ts";

/** Every "12–24" or "09:00–23:00" in `root`'s text with the lines it is laid out on. */
function ranges(root: ShadowRoot): { text: string; lines: number }[] {
  const found: { text: string; lines: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of (node.textContent ?? "").matchAll(/\d{1,2}(?::\d\d)?–\d{1,2}(?::\d\d)?/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      found.push({ text: match[0], lines: tops.size });
    }
  }
  return found;
}

describe("<throughline-helplines> number ranges", () => {
  afterEach(() => unmountAll());

  it("never breaks '12–24' or '09:00–23:00' across two lines, at any width from a narrow phone up", async () => {
    const container = mount();
    const el = document.createElement("throughline-helplines") as ThroughLineHelplines;
    el.setAttribute("bff", TEST_BFF);
    el.setAttribute("country", "NZ");
    container.append(el);
    await until(() => !el._loading && el._answer !== null, "the helplines to load");
    await el.updateComplete;
    const shadow = el.shadowRoot as ShadowRoot;
    expect(ranges(shadow).map((r) => r.text)).to.include("12–24");
    for (let width = 200; width <= 420; width += 2) {
      container.style.width = `${width}px`;
      const broken = ranges(shadow).filter((r) => r.lines > 1);
      expect(broken, `at ${width} px`).to.deep.equal([]);
    }
  });
});
