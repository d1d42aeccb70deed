/**
 * The gallery's and filter bar's DOM-free logic: the preset an editor writes, how a filter bar
 * narrows it, the state kept in the page URL, and keyboard movement through the grid. Run in
 * node, where Stryker can plant bugs in it; the elements themselves are tested in Chromium.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Filter } from "@embedkit/contracts";
import { sandboxBff } from "../../bff/test/helpers.ts";
import { nextIndex } from "../src/internal/roving-grid.ts";
import { readQuery, writeQuery } from "../src/thron-filter-bar/url-state.ts";
import { checkPreset } from "../src/thron-gallery/preset-check.ts";
import { composeQuery, handPickedIds, PresetController, readPreset, VOCABULARY } from "../src/thron-gallery/query-preset.ts";

/** An element's attributes, as readPreset reads them (getAttribute and the attributes list). */
function element(attributes: Record<string, string>): Element {
  const list = Object.entries(attributes).map(([name, value]) => ({ name, value }));
  return { getAttribute: (name: string) => attributes[name] ?? null, attributes: list } as unknown as Element;
}

/** Tiles laid out `perRow` to a row, as the grid measures them. */
function tiles(count: number, perRow: number): HTMLElement[] {
  return Array.from({ length: count }, (_, i) => ({ getBoundingClientRect: () => ({ top: Math.floor(i / perRow) * 100 }) }) as HTMLElement);
}

describe("a gallery's preset", () => {
  it("reads type, q, sort and filter-<key> attributes, and keeps aside what the BFF would refuse", () => {
    const preset = readPreset(
      element({ type: " Video, image,film ", q: "  harbour ", sort: "Title", "filter-topic": "food, ,city", "filter-empty": " , " }),
    );
    assert.deepEqual(preset, {
      types: ["video", "image"],
      q: "harbour",
      filters: { topic: ["food", "city"] },
      sort: "title",
      rejected: { types: ["film"] },
    });
    assert.deepEqual(readPreset(element({ sort: "random" })), { types: [], q: "", filters: {}, rejected: { types: [], sort: "random" } });
    assert.deepEqual(readPreset(element({})), { types: [], q: "", filters: {}, rejected: { types: [] } }, "no preset, nothing rejected");
  });

  it("reads a hand-picked list split on commas or spaces; none at all means the whole gallery", () => {
    assert.deepEqual(handPickedIds(" a1, b2  c3,,d4 "), ["a1", "b2", "c3", "d4"]);
    assert.deepEqual(handPickedIds("x-1"), ["x-1"]);
    for (const empty of ["", " , ", null, undefined]) assert.equal(handPickedIds(empty), null, String(empty));
  });

  it("lets a filter bar narrow inside the preset, never outside it", () => {
    const preset = readPreset(element({ type: "video", q: "harbour", sort: "oldest", "filter-topic": "food,city" }));
    assert.deepEqual(composeQuery(preset, { q: " night ", filters: { topic: ["city", "nature"], mood: ["calm"] } }), {
      q: "harbour night",
      "filter.topic": ["city"],
      "filter.mood": ["calm"],
      type: ["video"],
      sort: "oldest",
    });
    assert.deepEqual(composeQuery(preset, { filters: { topic: ["nature"] } }), {
      q: "harbour",
      "filter.topic": ["food", "city"],
      type: ["video"],
      sort: "oldest",
    });
    assert.deepEqual(composeQuery(readPreset(element({})), {}), {});
  });

  it("matches filter keys without regard to case, and tells the editor what the gallery does not offer and what it does", () => {
    const offered: Filter[] = [
      {
        key: "Topic",
        label: "Topic",
        multiple: true,
        options: [
          { value: "food", label: "Food" },
          { value: "city", label: "City" },
        ],
      },
      { key: "Mood", label: "Mood", multiple: false, options: [{ value: "calm", label: "Calm" }] },
    ];
    const warnings: string[] = [];
    const warn = (attribute: string, value: string, expected: string) => warnings.push(`${attribute}="${value}": expected ${expected}`);
    const preset = readPreset(
      element({ type: "film,Clip", sort: "random", "filter-topic": "food,space", "filter-season": "summer,winter" }),
    );
    const checked = checkPreset(preset, offered, warn, VOCABULARY);
    assert.deepEqual(checked.filters, { Topic: ["food"] });
    assert.deepEqual(warnings, [
      'type="film": expected a comma list of image, video, audio, document',
      'type="clip": expected a comma list of image, video, audio, document',
      'sort="random": expected one of newest, oldest, title; showing newest first',
      'filter-topic="space": expected values of Topic: food, city',
      'filter-season="summer,winter": expected a filter this gallery has (it has no "season"): filter-Topic, filter-Mood',
    ]);
    assert.deepEqual(
      checkPreset(readPreset(element({ "filter-topic": "space" })), offered, () => {}, VOCABULARY).filters,
      {},
      "no value left",
    );
  });

  it("says a gallery without filters has none, and passes the filters on unchecked when they could not be read", () => {
    const warnings: string[] = [];
    const warn = (attribute: string, value: string, expected: string) => warnings.push(`${attribute}="${value}": expected ${expected}`);
    assert.deepEqual(checkPreset(readPreset(element({ "filter-topic": "food" })), [], warn, VOCABULARY).filters, {});
    assert.deepEqual(warnings, ['filter-topic="food": expected a filter this gallery has (it has no "topic"): none']);
    warnings.length = 0;
    const preset = readPreset(element({ type: "film", "filter-topic": "food,space" }));
    assert.deepEqual(checkPreset(preset, null, warn, VOCABULARY), preset);
    assert.deepEqual(warnings, ['type="film": expected a comma list of image, video, audio, document'], "the type is still checked");
    warnings.length = 0;
    assert.deepEqual(checkPreset({ types: ["video"], q: "", filters: {} }, [], warn, VOCABULARY).types, ["video"]);
    assert.deepEqual(warnings, [], "a preset that lists nothing rejected is not warned about");
  });
});

describe("the filter bar's URL state", () => {
  it("reads q and repeated filter.<key> values under an optional prefix", () => {
    assert.deepEqual(readQuery("?q=boat&filter.topic=food&filter.topic=city&filter.mood=&other=1"), {
      q: "boat",
      filters: { topic: ["food", "city"] },
    });
    assert.deepEqual(readQuery("?sport.q=goal&q=boat&sport.filter.team=a", "sport."), { q: "goal", filters: { team: ["a"] } });
    assert.deepEqual(readQuery(""), { q: "", filters: {} });
  });

  it("writes the query, replacing its own parameters and keeping the host page's", () => {
    const written = writeQuery("https://site.example/p?page=2&q=old&filter.topic=x#top", { q: "new", filters: { topic: ["a", "b"] } });
    assert.equal(written, "https://site.example/p?page=2&q=new&filter.topic=a&filter.topic=b#top");
    assert.equal(writeQuery("https://site.example/p?q=old&filter.topic=x&keep=1", { q: "", filters: {} }), "https://site.example/p?keep=1");
    assert.equal(
      writeQuery("https://site.example/?q=host&sport.q=old", { q: "goal" }, "sport."),
      "https://site.example/?q=host&sport.q=goal",
      "another bar's (or the page's own) q is left alone",
    );
  });
});

describe("keyboard movement through the grid", () => {
  const grid = tiles(10, 4);
  it("moves by one tile, one row, or to the ends, and stops at the edges", () => {
    assert.equal(nextIndex("ArrowRight", 1, grid), 2);
    assert.equal(nextIndex("ArrowLeft", 1, grid), 0);
    assert.equal(nextIndex("ArrowLeft", 0, grid), 0);
    assert.equal(nextIndex("ArrowRight", 9, grid), 9);
    assert.equal(nextIndex("ArrowDown", 1, grid), 5);
    assert.equal(nextIndex("ArrowDown", 7, grid), 9, "the last row is short: the last tile");
    assert.equal(nextIndex("ArrowUp", 5, grid), 1);
    assert.equal(nextIndex("ArrowUp", 2, grid), 0);
    assert.equal(nextIndex("Home", 6, grid), 0);
    assert.equal(nextIndex("End", 2, grid), 9);
    assert.equal(nextIndex("Enter", 2, grid), null);
  });

  it("swaps left and right in a right-to-left page, and reads the rows from the layout", () => {
    assert.equal(nextIndex("ArrowRight", 2, grid, true), 1);
    assert.equal(nextIndex("ArrowLeft", 2, grid, true), 3);
    assert.equal(nextIndex("ArrowDown", 0, tiles(6, 6)), 5, "one row: down goes to the end");
    assert.equal(nextIndex("ArrowDown", 0, tiles(6, 1)), 1, "one column");
  });
});

/** Attribute changes as the browser reports them to a MutationObserver: node has none of its own. */
class AttributeObserver {
  static watching: { target: object; callback: (records: { attributeName: string }[]) => void }[] = [];
  readonly #callback: (records: { attributeName: string }[]) => void;
  constructor(callback: (records: { attributeName: string }[]) => void) {
    this.#callback = callback;
  }
  observe(target: object, options: { attributes?: boolean }): void {
    if (options.attributes) AttributeObserver.watching.push({ target, callback: this.#callback });
  }
  disconnect(): void {
    AttributeObserver.watching = AttributeObserver.watching.filter((w) => w.callback !== this.#callback);
  }
}

/** A <thron-gallery> as its preset controller sees it: attributes, whether it rendered, and each reload it was asked for. */
class GalleryElement {
  readonly localName = "thron-gallery";
  readonly #attributes: Map<string, string>;
  hasUpdated = true;
  reloads = 0;
  controller?: PresetController;
  constructor(attributes: Record<string, string>) {
    this.#attributes = new Map(Object.entries(attributes));
  }
  get attributes() {
    return [...this.#attributes].map(([name, value]) => ({ name, value }));
  }
  get assets() {
    return this.getAttribute("assets");
  }
  getAttribute(name: string) {
    return this.#attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.setAttributes({ [name]: value });
  }
  /** Several attributes set in one task: the browser reports them to an observer together. */
  setAttributes(attributes: Record<string, string>) {
    for (const [name, value] of Object.entries(attributes)) this.#attributes.set(name, value);
    const records = Object.keys(attributes).map((attributeName) => ({ attributeName }));
    for (const w of AttributeObserver.watching) if (w.target === this) w.callback(records);
  }
  addController(controller: PresetController) {
    this.controller = controller;
  }
  async reload() {
    this.reloads++;
  }
}

/** A gallery with its preset controller; what it writes to the console; the BFF requests made. */
function gallery(attributes: Record<string, string>) {
  const element = new GalleryElement(attributes);
  const controller = new PresetController(element as unknown as ConstructorParameters<typeof PresetController>[0]);
  return { element, controller };
}

describe("a gallery's preset, kept by its controller", () => {
  const bff = sandboxBff();
  const requests: string[] = [];
  const warnings: string[] = [];
  const saved = { fetch: globalThis.fetch, warn: console.warn };
  // Each test its own BFF host: the elements keep a gallery's description per URL.
  let host = 0;
  const base = () => `http://bff-${++host}.test`;
  before(() => {
    Object.assign(globalThis, { MutationObserver: AttributeObserver });
    globalThis.fetch = async (input, init) => {
      requests.push(new URL(String(input)).pathname);
      return bff.app.request(String(input), init);
    };
    console.warn = (message: string) => warnings.push(message);
  });
  after(() => {
    Object.assign(globalThis, { MutationObserver: undefined, fetch: saved.fetch });
    console.warn = saved.warn;
  });
  const reset = () => {
    requests.length = 0;
    warnings.length = 0;
  };

  it("asks for the preset as written when it needs no check, without reading the gallery's filters", async () => {
    reset();
    const { controller } = gallery({ type: "video", q: "harbour", sort: "title" });
    assert.deepEqual(await controller.params(base(), "default", "en", { q: "night" }), {
      q: "harbour night",
      type: ["video"],
      sort: "title",
    });
    assert.deepEqual([requests, warnings], [[], []]);
  });

  it("checks filters against the gallery's own, spelled as it spells them, and tells the editor once what it leaves out", async () => {
    reset();
    const { controller } = gallery({ "filter-Topic": "food,space", "filter-mood": "calm", type: "video" });
    const url = base();
    const params = await controller.params(url, "default", "en", { filters: { season: ["winter"] } });
    assert.deepEqual(params, { "filter.topic": ["food"], "filter.season": ["winter"], type: ["video"] });
    assert.deepEqual(requests, ["/v1/thron/galleries/default"]);
    assert.deepEqual(warnings, [
      '<thron-gallery> filter-Topic="space": expected values of topic: nature, city, people, sport, food, technology.',
      '<thron-gallery> filter-mood="calm": expected a filter this gallery has (it has no "mood"): filter-season, filter-topic.',
    ]);
    await controller.params(url, "default", "en", {});
    assert.equal(warnings.length, 2, "a reload repeats no warning");
  });

  it("checks a rejected type or sort without reading the gallery's filters", async () => {
    reset();
    const { controller } = gallery({ sort: "random", q: "boat" });
    assert.deepEqual(await controller.params(base(), "default", "en", {}), { q: "boat" });
    assert.deepEqual(requests, []);
    assert.deepEqual(warnings, ['<thron-gallery> sort="random": expected one of newest, oldest, title; showing newest first.']);
    warnings.length = 0;
    assert.deepEqual(await gallery({ type: "film,image" }).controller.params(base(), "default", "en", {}), { type: ["image"] });
    assert.deepEqual([requests, warnings], [[], ['<thron-gallery> type="film": expected a comma list of image, video, audio, document.']]);
  });

  it("asks for a hand-picked list as given, each id once, and tells the editor what it skips and that the preset is ignored", async () => {
    reset();
    const [first, second] = ["2afd266e-95c1-42ec-8dd3-c589faf81fa5", "474cb4c1-4e67-422a-8935-b7928e82d553"];
    const { controller } = gallery({ assets: `${first}, ${first} b.2,${second}`, type: "video" });
    assert.deepEqual(await controller.params(base(), "default", "en", { q: "night" }), { ids: `${first},${second}`, q: "night" });
    assert.deepEqual(requests, [], "the gallery's filters are not read for a hand-picked list");
    assert.deepEqual(warnings, [
      '<thron-gallery> type="video": expected no preset beside assets: a hand-picked list shows exactly its assets.',
      `<thron-gallery> assets="${first}": expected each asset id once; it is shown where it first appears.`,
      '<thron-gallery> assets="b.2": expected asset ids (letters, digits, - and _), comma separated; this one is skipped.',
    ]);
    warnings.length = 0;
    controller.reportMissing("default", [first, second], []);
    assert.deepEqual(warnings, [
      `<thron-gallery> assets="${first},${second}": expected ids of assets in the folder of the gallery "default": 2 of the 2 listed are not there, and are skipped.`,
    ]);
    assert.equal(await gallery({ assets: "b.2" }).controller.params(base(), "default", "en", {}), null, "no id it could ask for");
  });

  it("says nothing of missing ids before it has asked for any", () => {
    reset();
    gallery({ assets: "a1" }).controller.reportMissing("default", ["a1"], []);
    assert.deepEqual(warnings, []);
  });

  it("reloads the gallery when a preset attribute changes once it has rendered, until it is disconnected", () => {
    const { element, controller } = gallery({ type: "video" });
    controller.hostConnected();
    element.setAttribute("q", "boat");
    element.setAttribute("filter-topic", "food");
    element.setAttribute("type", "image");
    element.setAttribute("sort", "title");
    assert.equal(element.reloads, 4);
    element.setAttribute("class", "wide");
    element.setAttribute("layout", "carousel");
    element.setAttribute("data-filter-x", "y");
    assert.equal(element.reloads, 4, "other attributes are not the preset");
    element.setAttributes({ class: "narrow", q: "ferry" });
    assert.equal(element.reloads, 5, "a preset attribute changed beside another");
    element.hasUpdated = false;
    element.setAttribute("q", "harbour");
    assert.equal(element.reloads, 5, "before its first render, it loads once anyway");
    element.hasUpdated = true;
    controller.hostDisconnected();
    element.setAttribute("q", "night");
    assert.equal(element.reloads, 5, "disconnected");
    assert.equal(element.controller, controller, "the controller follows its element's life");
  });
});
