/** The assets route's hand-picked list (`ids=`): exactly those assets, in that order, in one THRON search. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage, Problem } from "@embedkit/contracts";
import { FOLDERS } from "@embedkit/sandbox";
import { ASSETS, sandboxBff } from "./helpers.ts";

type Bff = ReturnType<typeof sandboxBff>;

async function page(response: Response) {
  assert.equal(response.status, 200, await response.clone().text());
  return AssetPage.parse(await response.json());
}

/** Ids of the sandbox's contents by catalogue index (index 0 is the newest: THRON's default order). */
const idsAt = (bff: Bff, indexes: number[]) => indexes.map((i) => bff.thron.catalogue.contents[i]?.id ?? assert.fail(`no content ${i}`));

const inFolder = (bff: Bff, folderId: string) => bff.thron.catalogue.contents.filter((c) => c.folderId === folderId).map((c) => c.id);

async function problem(response: Response, field: string, message?: RegExp) {
  assert.equal(response.status, 400, await response.clone().text());
  assert.match(response.headers.get("content-type") ?? "", /^application\/problem\+json/);
  const body = Problem.parse(await response.json());
  assert.ok(
    body.errors?.some((e) => e.field === field && (!message || message.test(e.message))),
    `expected a problem naming ${field}${message ? ` (${message})` : ""}: ${JSON.stringify(body.errors)}`,
  );
}

describe("GET …/assets?ids=: a hand-picked, ordered list", () => {
  it("answers exactly the listed assets in the list's order, not THRON's", async () => {
    const bff = sandboxBff();
    // Oldest first, then mixed: the sandbox (as THRON) answers newest first.
    const ids = idsAt(bff, [150, 2, 77, 0, 31]);
    const body = await page(await bff.get(`${ASSETS}?ids=${ids.join(",")}`));
    assert.deepEqual(
      body.items.map((a) => a.id),
      ids,
    );
    assert.equal(body.nextCursor, null);
    assert.equal(body.total, 5);
    // Spaces separate ids too, as in the element's attribute.
    const spaced = await page(await bff.get(`${ASSETS}?ids=${encodeURIComponent(ids.join(" , "))}`));
    assert.deepEqual(
      spaced.items.map((a) => a.id),
      ids,
    );
    // The simulator answers newest first (catalogue order, see the sandbox's search tests): the reordering is the BFF's.
    assert.notDeepEqual(ids, idsAt(bff, [0, 2, 31, 77, 150]));
  });

  it("costs one THRON search for 50 ids, whatever `limit` says", async () => {
    const bff = sandboxBff();
    const ids = idsAt(
      bff,
      Array.from({ length: 50 }, (_, i) => (i * 37) % 300),
    );
    const before = bff.thron.stats.searches;
    const body = await page(await bff.get(`${ASSETS}?limit=5&ids=${ids.join(",")}`));
    assert.equal(bff.thron.stats.searches - before, 1);
    assert.deepEqual(
      body.items.map((a) => a.id),
      ids,
    );
  });

  it("never shows an asset outside the gallery's folder, nor one that does not exist: they are skipped", async () => {
    const bff = sandboxBff();
    const sport = inFolder(bff, FOLDERS.demoSport.id).slice(0, 2);
    const root = inFolder(bff, FOLDERS.demo.id).slice(0, 2);
    const restricted = inFolder(bff, FOLDERS.restricted.id).slice(0, 1);
    const ids = [root[0], sport[0], "no-such-asset", restricted[0], sport[1], root[1]];
    const body = await page(await bff.get(`/v1/thron/galleries/sport/assets?ids=${ids.join(",")}`));
    assert.deepEqual(
      body.items.map((a) => a.id),
      sport,
    );
    assert.equal(body.total, 2);
    // The default gallery's folder holds the sport folder: both of each, in the list's order.
    const all = await page(await bff.get(`${ASSETS}?ids=${ids.join(",")}`));
    assert.deepEqual(
      all.items.map((a) => a.id),
      [root[0], sport[0], sport[1], root[1]],
    );
  });

  it("narrows by type, text and filters as any search does (AND)", async () => {
    const bff = sandboxBff();
    // Catalogue slots: 0–7 of every 20 are images, 8–12 videos.
    const ids = idsAt(bff, [9, 1, 10, 3]);
    const body = await page(await bff.get(`${ASSETS}?type=image&ids=${ids.join(",")}`));
    assert.deepEqual(
      body.items.map((a) => a.id),
      idsAt(bff, [1, 3]),
    );
    assert.ok(body.items.every((a) => a.type === "image"));
  });

  it("caches per list and order: a repeat costs nothing, another order is another answer", async () => {
    const bff = sandboxBff();
    const ids = idsAt(bff, [5, 6, 7]);
    const first = await bff.get(`${ASSETS}?ids=${ids.join(",")}`);
    assert.equal(first.headers.get("x-cache"), "miss");
    const before = bff.thron.stats.searches;
    const again = await bff.get(`${ASSETS}?ids=${ids.join(",")}&locale=en`);
    assert.equal(again.headers.get("x-cache"), "hit");
    assert.equal(bff.thron.stats.searches, before);
    const reversed = [...ids].reverse();
    const other = await page(await bff.get(`${ASSETS}?ids=${reversed.join(",")}`));
    assert.deepEqual(
      other.items.map((a) => a.id),
      reversed,
    );
    // The plain gallery's first page is not the list's, nor the other way round.
    const plain = await page(await bff.get(`${ASSETS}?limit=3`));
    assert.deepEqual(
      plain.items.map((a) => a.id),
      idsAt(bff, [0, 1, 2]),
    );
    const again2 = await page(await bff.get(`${ASSETS}?ids=${ids.join(",")}`));
    assert.deepEqual(
      again2.items.map((a) => a.id),
      ids,
    );
  });

  it("refuses a bad list with a 400 problem naming `ids` (or `cursor`)", async () => {
    const bff = sandboxBff();
    const ids = idsAt(bff, [1, 2]);
    const many = Array.from({ length: 51 }, (_, i) => `id-${i}`).join(",");
    await problem(await bff.get(`${ASSETS}?ids=${many}`), "ids");
    await problem(await bff.get(`${ASSETS}?ids=${ids[0]},<script>`), "ids");
    await problem(await bff.get(`${ASSETS}?ids=${ids[0]},${ids[0]}`), "ids");
    await problem(await bff.get(`${ASSETS}?ids=,`), "ids");
    await problem(await bff.get(`${ASSETS}?ids=${ids[0]}&ids=${ids[1]}`), "ids");
    await problem(
      await bff.get(`${ASSETS}?ids=${ids.join(",")}&cursor=v1.abc`),
      "cursor",
      /^does not apply with ids: a hand-picked list is one page$/,
    );
    assert.equal(bff.thron.stats.searches, 0, "nothing bad reaches THRON");
  });
});
