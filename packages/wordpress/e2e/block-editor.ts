/** Driving WordPress 6.5's block editor in Chromium as an editor does: the inserter, the sidebar, Publish. */
import type { ElementHandle, Page } from "puppeteer-core";
import { until } from "./site.ts";

/** A new post in the block editor, its welcome guide closed. */
export async function openBlockEditor(signedIn: Page, base: string): Promise<Page> {
  const page = await signedIn.browserContext().newPage();
  page.setDefaultTimeout(60_000);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${base}/wp-admin/post-new.php`, { timeout: 120_000 });
  await page.waitForSelector(".block-editor-writing-flow");
  const close = await page.$(".edit-post-welcome-guide button[aria-label='Close']");
  await close?.click();
  return page;
}

/** Inserts a block through the toolbar's inserter, searched by its title; waits until it is selected. */
export async function insertBlock(page: Page, title: string, blockClass: string): Promise<void> {
  // A click that lands while the editor is still starting up (a loaded machine) opens nothing: click again.
  for (let attempt = 1; ; attempt++) {
    const pressed = await page.$(
      ".editor-document-tools__inserter-toggle.is-pressed, .edit-post-header-toolbar__inserter-toggle.is-pressed",
    );
    if (!pressed) await page.click(".editor-document-tools__inserter-toggle, .edit-post-header-toolbar__inserter-toggle");
    const opened = await page.waitForSelector(".block-editor-inserter__search input", { timeout: 20_000 }).catch(() => null);
    if (opened) break;
    if (attempt === 3) throw new Error("the inserter did not open after three clicks");
  }
  // The results follow the typing after a debounce. Keys typed while the panel still mounts can
  // be lost (a loaded machine): when the block does not show, the search is typed again.
  const search = ".block-editor-inserter__search input";
  for (let attempt = 1; ; attempt++) {
    await page.click(search, { count: 3 });
    await page.keyboard.press("Backspace");
    await page.type(search, title);
    const item = await page
      .waitForSelector(`button.editor-block-list-item-${blockClass}`, { visible: true, timeout: 20_000 })
      .catch(() => null);
    if (item) {
      await item.click();
      break;
    }
    const typed = await page.$eval(search, (input) => (input as HTMLInputElement).value);
    if (attempt === 3) throw new Error(`the inserter showed no "${title}" block (search: "${typed}")`);
  }
  // The inserter closed and the settings sidebar open on the inserted block (it may start closed).
  await page.evaluate(() => {
    document.querySelector<HTMLButtonElement>(".editor-document-tools__inserter-toggle.is-pressed")?.click();
    const wp = (window as unknown as { wp: { data: { dispatch(store: string): { openGeneralSidebar(name: string): void } } } }).wp;
    wp.data.dispatch("core/edit-post").openGeneralSidebar("edit-post/block");
  });
  await until(page, `the ${title} block's settings`, () => !!document.querySelector(".block-editor-block-inspector"));
}

/** The sidebar's form control labelled `label` (the label's `for`), once it is there. */
export async function control(page: Page, label: string): Promise<ElementHandle<HTMLElement>> {
  const id = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll(".block-editor-block-inspector label")]
        .find((element) => element.textContent === text)
        ?.getAttribute("for"),
    { polling: 100 },
    label,
  );
  return (await page.$(`[id="${await id.jsonValue()}"]`)) as ElementHandle<HTMLElement>;
}

/** Publish → Publish in the pre-publish panel; the post's address once it is live. */
export async function publishFromEditor(page: Page): Promise<string> {
  await page.click(".editor-post-publish-panel__toggle");
  await page.click(".editor-post-publish-panel .editor-post-publish-button");
  const link = await page.waitForSelector(".post-publish-panel__postpublish-header a, .post-publish-panel__postpublish a[href*='?p=']");
  return link!.evaluate((a) => (a as HTMLAnchorElement).href);
}
