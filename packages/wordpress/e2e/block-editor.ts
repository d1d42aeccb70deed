/** Driving WordPress 6.5's block editor in Chromium as an editor does: the inserter, the sidebar, Publish. */
import type { ElementHandle, Page } from "puppeteer-core";
import { until } from "./site.ts";

/** A new post in the block editor, its welcome guide closed. */
export async function openBlockEditor(signedIn: Page, base: string): Promise<Page> {
  const page = await signedIn.browserContext().newPage();
  // An error the editor's scripts throw is in the test log, where a timeout alone would not say it.
  page.on("pageerror", (error) => console.log(`# block editor: ${String(error).slice(0, 500)}`));
  page.setDefaultTimeout(60_000);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${base}/wp-admin/post-new.php`, { timeout: 120_000 });
  await page.waitForSelector(".block-editor-writing-flow");
  // The welcome guide is turned off in the editor's preferences rather than closed: on a loaded
  // machine it can open after a first look found none, and its modal takes the clicks.
  await page.evaluate(() => {
    const wp = (
      window as unknown as { wp: { data: { dispatch(store: string): { set(scope: string, name: string, value: unknown): void } } } }
    ).wp;
    wp.data.dispatch("core/preferences").set("core/edit-post", "welcomeGuide", false);
  });
  const close = await page.$(".edit-post-welcome-guide button[aria-label='Close']");
  await close?.click();
  return page;
}

/** Inserts a block through the toolbar's inserter, searched by its title; waits until it is selected. */
export async function insertBlock(page: Page, title: string, blockClass: string): Promise<void> {
  const search = ".block-editor-inserter__search input";
  // On a loaded machine the editor is still starting up when the test begins: a click on the
  // toggle can open nothing, the panel can close again as the editor re-renders, and keys typed
  // while the panel mounts can be lost. Each attempt opens the panel if it is closed, types the
  // title and waits for the block; any of those steps failing starts the attempt again.
  let lastFailure = "";
  for (let attempt = 1; attempt <= 4; attempt++) {
    // Said in the test log, so a slow editor shows up as retries before it shows up as a failure.
    if (lastFailure) console.log(`# inserting "${title}": attempt ${attempt}, after: ${lastFailure}`);
    const pressed = await page.$(
      ".editor-document-tools__inserter-toggle.is-pressed, .edit-post-header-toolbar__inserter-toggle.is-pressed",
    );
    if (!pressed) await page.click(".editor-document-tools__inserter-toggle, .edit-post-header-toolbar__inserter-toggle");
    const input = await page.waitForSelector(search, { visible: true, timeout: 20_000 }).catch(() => null);
    if (!input) {
      lastFailure = "the inserter did not open";
      continue;
    }
    try {
      await input.click({ count: 3 });
      await page.keyboard.press("Backspace");
      await input.type(title);
      const item = await page.waitForSelector(`button.editor-block-list-item-${blockClass}`, { visible: true, timeout: 20_000 });
      await item!.click();
      lastFailure = "";
      break;
    } catch {
      const typed = await page.$eval(search, (element) => (element as HTMLInputElement).value).catch(() => "(the panel closed)");
      lastFailure = `the inserter showed no "${title}" block (search: "${typed}")`;
    }
  }
  if (lastFailure) throw new Error(`${lastFailure}, after four attempts`);
  // The inserter closed and the settings sidebar open on the inserted block (it may start closed).
  await page.evaluate(() => {
    document.querySelector<HTMLButtonElement>(".editor-document-tools__inserter-toggle.is-pressed")?.click();
    const wp = (window as unknown as { wp: { data: { dispatch(store: string): { openGeneralSidebar(name: string): void } } } }).wp;
    wp.data.dispatch("core/edit-post").openGeneralSidebar("edit-post/block");
  });
  // As long as any other step may take (the page's default, 60 s): a 20 s wait for the sidebar ran
  // out in one CI run on a loaded machine; why, the editor did not say then (its errors are printed now).
  await until(page, `the ${title} block's settings`, () => !!document.querySelector(".block-editor-block-inspector"), 60_000);
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
  const link = await page
    .waitForSelector(".post-publish-panel__postpublish-header a, .post-publish-panel__postpublish a[href*='?p=']")
    .catch(async (error) => {
      // What the editor showed instead: a notice, or the panel as it stood.
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll(".components-notice, .components-snackbar, .editor-post-publish-panel")]
          .map((element) => (element.textContent ?? "").replace(/\s+/g, " ").slice(0, 400))
          .join(" | "),
      );
      console.log(`# publishing did not finish; the editor showed: ${shown || "(nothing)"}`);
      throw error;
    });
  return link!.evaluate((a) => (a as HTMLAnchorElement).href);
}
