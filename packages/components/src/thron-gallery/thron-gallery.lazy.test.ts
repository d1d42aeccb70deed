// A page of its own: which modules the page has fetched is the point.
import { expect } from "@open-wc/testing";
import { mountGallery, unmountAll, until } from "../internal/test-support.ts";
import "./thron-gallery.ts";

/** Whether the page has downloaded a module whose file name is `file`. */
const fetched = (file: string) =>
  performance.getEntriesByType("resource").some((entry) => new URL(entry.name).pathname.endsWith(`/${file}`));
const DIALOG_MODULES = ["gallery-dialog.ts", "gallery-dialog.styles.ts", "player-loader.ts", "native-player.ts"];

describe("<thron-gallery> loads its dialog and players on first open", () => {
  afterEach(() => unmountAll());

  it("shows a grid without them, downloads nothing for an open a host cancels, and fetches them on the first open", async () => {
    const { el, shadow } = await mountGallery({ player: "native" });
    expect(el.items.length).to.equal(6);
    expect(DIALOG_MODULES.filter(fetched), "downloaded before any open").to.deep.equal([]);
    expect(shadow.querySelector("dialog")?.open).to.equal(false, "the closed dialog is there already");

    el.addEventListener("thron-asset-open", (event) => event.preventDefault(), { once: true });
    await el.open(0);
    expect(DIALOG_MODULES.filter(fetched), "downloaded for a cancelled open").to.deep.equal([]);

    await el.open(1);
    await until(() => shadow.querySelector("dialog")?.open === true, "the dialog to open");
    expect(DIALOG_MODULES.filter(fetched)).to.deep.equal(DIALOG_MODULES);
    expect(shadow.querySelector('[part="dialog-title"]')?.textContent).to.equal(el.items[1]?.title);
    // The dialog's styles came with it: the box is laid out as styled, not as the browser's default.
    expect(getComputedStyle(shadow.querySelector("dialog") as HTMLDialogElement).display).to.equal("flex");
    await expect(el).to.be.accessible();
    el.close();
    await until(() => shadow.querySelector("dialog")?.open === false, "the dialog to close");
  });
});
