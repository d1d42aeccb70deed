/**
 * Where focus lands after the dialog, when it differs from where it started: Chromium's own
 * dialog focus restoration puts it back on the tile that opened the dialog, which hides a
 * gallery that forgets to move it to the asset the user stepped to.
 */
import { expect } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { mountGallery, unmountAll, until } from "../internal/test-support.ts";
import "./thron-gallery.ts";

const tiles = (shadow: ShadowRoot) => [...shadow.querySelectorAll<HTMLButtonElement>('button[part="tile"]')];
const dialogOf = (shadow: ShadowRoot) => shadow.querySelector("dialog") as HTMLDialogElement;

describe("<thron-gallery> focus after the dialog", () => {
  afterEach(() => unmountAll());

  it("returns focus to the tile of the asset shown last: Enter on tile 2, Next, Next, Previous, Escape → tile 3", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "6", player: "native" });
    tiles(shadow)[1]?.focus();
    await sendKeys({ press: "Enter" });
    await until(() => dialogOf(shadow).open, "the dialog to open");
    const title = () => shadow.querySelector('[part="dialog-title"]')?.textContent;
    const press = async (part: "next" | "previous", expected: number) => {
      shadow.querySelector<HTMLButtonElement>(`[part="${part}"]`)?.focus();
      await sendKeys({ press: "Enter" });
      await until(() => title() === el.items[expected]?.title, `asset ${expected + 1}`);
    };
    await press("next", 2);
    await press("next", 3);
    await press("previous", 2);
    await sendKeys({ press: "Escape" });
    await until(() => !dialogOf(shadow).open, "the dialog to close");
    await el.updateComplete;
    await until(() => shadow.activeElement === tiles(shadow)[2], "focus on the third tile", 2_000);
    expect(tiles(shadow).map((tile) => tile.tabIndex)).to.deep.equal([-1, -1, 0, -1, -1, -1], "the third tile is the grid's tab stop");
    await sendKeys({ press: "ArrowRight" });
    expect(shadow.activeElement).to.equal(tiles(shadow)[3], "arrow keys go on from there");
  });
});
