/**
 * Filters THRON cannot combine in one search (a second and third key with several values each):
 * the BFF checks them itself, and an item must match every one of them, as it must THRON's.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage, Gallery, Problem } from "@embedkit/contracts";
import { THRON_SANDBOX } from "@embedkit/sandbox";
import { ASSETS, sandboxBff } from "./helpers.ts";
import { simulatedThronBff } from "./thron-simulated.ts";

/** A BFF for a real tenant, on the simulator, offering three of its metadata keys as filters. */
function bffWithThreeFilters() {
  /** The search bodies the BFF sent THRON, in order. */
  const searches: { criteria: { imetadata?: unknown }; responseOptions: { returnDetailsFields: string[] } }[] = [];
  const bff = simulatedThronBff({
    env: { THRON_CLASSIFICATION_ID: THRON_SANDBOX.classificationId, THRON_FILTER_KEYS: "season,topic,licence" },
    answer: async (request) => {
      if (request.method === "POST" && request.url.includes("/content/search/")) searches.push(await request.clone().json());
      return undefined;
    },
  });
  const metadataOf = (id: string) => bff.thron.catalogue.byId.get(id)?.imetadata.map((m) => `${m.key}=${m.value}`) ?? [];
  return { get: bff.get, metadataOf, thron: bff.thron, searches };
}

describe("filters THRON cannot combine", () => {
  it("ANDs every key with several values: each item shown matches a value of each key", async () => {
    const bff = bffWithThreeFilters();
    const query = [
      "filter.season=winter&filter.season=summer", // THRON's haveAtLeastOne
      "filter.topic=food&filter.topic=city", // left to the BFF
      "filter.licence=royalty-free&filter.licence=editorial", // left to the BFF, and every item has one
    ].join("&");
    const response = await bff.get(`/v1/thron/galleries/default/assets?limit=50&${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    const page = AssetPage.parse(await response.json());
    assert.ok(page.items.length > 0, "the sandbox holds such items");
    assert.deepEqual(
      bff.searches[0]?.responseOptions.returnDetailsFields,
      ["locales", "source", "imetadata"],
      "each item's metadata, to check",
    );
    for (const { id } of page.items) {
      const metadata = bff.metadataOf(id);
      assert.ok(metadata.includes("season=winter") || metadata.includes("season=summer"), metadata.join());
      assert.ok(metadata.includes("topic=food") || metadata.includes("topic=city"), `an item outside the topics: ${metadata.join()}`);
    }
  });
});

describe("searches THRON is asked alike, apart only in the filters the BFF checks", () => {
  it("share one THRON search, yet each page is filtered by its own filters, and one's cursor is refused on the other", async () => {
    const bff = bffWithThreeFilters();
    const seasons = "/v1/thron/galleries/default/assets?limit=10&filter.season=winter&filter.season=summer";
    const foodOrCity = await bff.get(`${seasons}&filter.topic=food&filter.topic=city`);
    const sportOrPeople = await bff.get(`${seasons}&filter.topic=sport&filter.topic=people`);
    assert.equal(sportOrPeople.headers.get("x-cache"), "hit", "THRON was asked the same");
    assert.equal(bff.searches.length, 1);
    const first = AssetPage.parse(await foodOrCity.json());
    const second = AssetPage.parse(await sportOrPeople.json());
    assert.ok(first.items.length > 0 && second.items.length > 0);
    for (const { id } of second.items)
      assert.ok(
        bff.metadataOf(id).some((m) => m === "topic=sport" || m === "topic=people"),
        bff.metadataOf(id).join(),
      );
    assert.ok(first.nextCursor);
    const reused = await bff.get(`${seasons}&filter.topic=sport&filter.topic=people&cursor=${encodeURIComponent(first.nextCursor)}`);
    assert.equal(reused.status, 400);
    assert.deepEqual(
      Problem.parse(await reused.json()).errors?.map((e) => e.field),
      ["cursor"],
    );
  });

  it("a hand-picked list counts only the assets shown, after the BFF's own check, in the list's order", async () => {
    const bff = bffWithThreeFilters();
    const seasons = "/v1/thron/galleries/default/assets?limit=12&filter.season=winter&filter.season=summer";
    const ids = AssetPage.parse(await (await bff.get(seasons)).json()).items.map((item) => item.id);
    const listed = AssetPage.parse(await (await bff.get(`${seasons}&filter.topic=food&filter.topic=city&ids=${ids.join(",")}`)).json());
    const expected = ids.filter((id) => bff.metadataOf(id).some((m) => m === "topic=food" || m === "topic=city"));
    assert.ok(expected.length > 0 && expected.length < ids.length, "the check leaves some out");
    assert.deepEqual(
      listed.items.map((item) => item.id),
      expected,
    );
    assert.deepEqual([listed.total, listed.nextCursor], [expected.length, null]);
  });
});

describe("filter values and labels as THRON holds them", () => {
  it("labels an option in the visitor's language, else in English, else in the first language THRON has", async () => {
    const bff = bffWithThreeFilters();
    const season = bff.thron.catalogue.definitions.find((d) => d.key === "season");
    season?.values.push({ value: "monsoon", labels: { DE: "Monsun", EN: "Monsoon" } }, { value: "dry", labels: { FR: "Saison sèche" } });
    const response = await bff.get("/v1/thron/galleries/default?locale=it");
    assert.equal(response.status, 200, await response.clone().text());
    const options = Gallery.parse(await response.json()).filters.find((f) => f.key === "season")?.options ?? [];
    assert.deepEqual(options.slice(-2), [
      { value: "monsoon", label: "Monsoon" },
      { value: "dry", label: "Saison sèche" },
    ]);
    assert.equal(options[0]?.label, season?.values[0]?.labels.IT, "Italian where THRON has it");
  });
});

describe("what THRON is asked for the filters", () => {
  const CLASSIFICATION = THRON_SANDBOX.classificationId;

  it("no metadata criteria without filters; one value in haveAll; several values of one key in haveAtLeastOne alone", async () => {
    const bff = bffWithThreeFilters();
    for (const query of ["", "&filter.season=winter", "&filter.topic=food&filter.topic=city"]) {
      const response = await bff.get(`/v1/thron/galleries/default/assets?limit=5${query}`);
      assert.equal(response.status, 200, await response.clone().text());
    }
    assert.deepEqual(
      bff.searches.map((body) => body.criteria.imetadata),
      [
        undefined,
        { haveAll: [{ classificationId: CLASSIFICATION, key: "season", value: "winter" }] },
        {
          haveAtLeastOne: [
            { classificationId: CLASSIFICATION, key: "topic", value: "city" },
            { classificationId: CLASSIFICATION, key: "topic", value: "food" },
          ],
        },
      ],
    );
    assert.ok(!("imetadata" in (bff.searches[0]?.criteria ?? {})), "no empty imetadata criteria either");
    for (const body of bff.searches)
      assert.deepEqual(body.responseOptions.returnDetailsFields, ["locales", "source"], "THRON checks them all: no metadata asked");
  });

  it("the same values in another order are the same search: answered from the cache, THRON asked once", async () => {
    const bff = bffWithThreeFilters();
    const first = await bff.get("/v1/thron/galleries/default/assets?limit=5&filter.topic=food&filter.topic=city");
    const second = await bff.get("/v1/thron/galleries/default/assets?limit=5&filter.topic=city&filter.topic=food");
    assert.deepEqual([first.status, second.status], [200, 200]);
    assert.equal(second.headers.get("x-cache"), "hit");
    assert.equal(bff.searches.length, 1);
    assert.deepEqual(AssetPage.parse(await second.json()), AssetPage.parse(await first.json()));
  });

  it("a key the BFF checks itself matches that key's values only, not the same value under another key", async () => {
    const bff = bffWithThreeFilters();
    const winter = AssetPage.parse(await (await bff.get("/v1/thron/galleries/default/assets?limit=49&filter.season=winter")).json());
    const other = winter.items.find(({ id }) => !bff.metadataOf(id).some((m) => m === "topic=food" || m === "topic=city"));
    assert.ok(other, "a winter item outside the two topics");
    // Its licence is named like a topic: still not a food item.
    bff.thron.catalogue.byId.get(other.id)?.imetadata.push({ classificationId: CLASSIFICATION, key: "licence", value: "food", lang: null });
    const query = "filter.season=winter&filter.season=summer&filter.topic=food&filter.topic=city";
    const page = AssetPage.parse(await (await bff.get(`/v1/thron/galleries/default/assets?limit=50&${query}`)).json());
    assert.ok(page.items.length > 0);
    assert.ok(!page.items.some(({ id }) => id === other.id));
  });
});

describe("filter parameters a gallery refuses (400, naming the parameter and what is wrong)", () => {
  async function errorsOf(path: string) {
    const response = await sandboxBff().get(path);
    assert.equal(response.status, 400, await response.clone().text());
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    return Problem.parse(await response.json()).errors ?? [];
  }
  const ok = async (path: string) => assert.equal((await sandboxBff().get(path)).status, 200, path);

  it("a key that is not one of the gallery's filters: the message lists the filters there are, or says there are none", async () => {
    assert.deepEqual(await errorsOf(`${ASSETS}?filter.colour=red`), [
      { field: "filter.colour", message: "is not a filter of this gallery (filters: season, topic)" },
    ]);
    assert.deepEqual(await errorsOf("/v1/thron/galleries/restricted/assets?filter.season=winter"), [
      { field: "filter.season", message: "is not a filter of this gallery (filters: none)" },
    ]);
  });

  it("an empty value, or one over 200 characters, even beside a good one; 200 characters is fine", async () => {
    const message = "values must be 1 to 200 characters";
    assert.deepEqual(await errorsOf(`${ASSETS}?filter.season=`), [{ field: "filter.season", message }]);
    assert.deepEqual(await errorsOf(`${ASSETS}?filter.season=winter&filter.season=`), [{ field: "filter.season", message }]);
    assert.deepEqual(await errorsOf(`${ASSETS}?filter.topic=${"x".repeat(201)}&filter.topic=food`), [{ field: "filter.topic", message }]);
    await ok(`${ASSETS}?filter.topic=${"x".repeat(200)}`);
  });

  it("more than 50 values for one key; 50 are fine", async () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `filter.topic=t${i}`).join("&");
    assert.deepEqual(await errorsOf(`${ASSETS}?${values(51)}`), [{ field: "filter.topic", message: "at most 50 values" }]);
    await ok(`${ASSETS}?${values(50)}`);
  });
});
