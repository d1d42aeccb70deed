/**
 * GET /v1/render/<tag>: the attributes and the visitor's query a fragment takes, each refused with
 * a 400 naming it and saying what is wrong; what they change in the first data; and the markup
 * around the element's own render (its stylesheet link, its <noscript> part, its closing tag).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { ProblemError } from "../src/core/problem.ts";
import { parseAttributes } from "../src/render/attributes.ts";
import { ASSETS, renderedStateOf, sandboxBff } from "./helpers.ts";

const GALLERY = "/v1/render/thron-gallery";
const BAR = "/v1/render/thron-filter-bar";
const HELPLINES = "/v1/render/throughline-helplines";
const BUTTON = "/v1/render/thunder-launch-button";
const TICKET_MESSAGE = "must never travel in a URL: set it on the element in the browser, or use ticket-url";

/** The problem's errors and detail, after checking it is a 400 problem nobody caches. */
async function refusal(response: Response) {
  assert.equal(response.status, 400, await response.clone().text());
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  assert.equal(response.headers.get("cache-control"), "no-store");
  const problem = Problem.parse(await response.json());
  return { errors: problem.errors, detail: problem.detail };
}

/** The fragment's HTML, after checking it was rendered. */
async function rendered(response: Response): Promise<string> {
  const html = await response.text();
  assert.equal(response.status, 200, html.slice(0, 500));
  return html;
}

const one = (field: string, message: string) => ({ errors: [{ field, message }], detail: `${field}: ${message}` });

describe("the attributes a fragment takes", () => {
  it("refuses a gallery's attribute given twice, a preset that is no filter key or too long, and an attribute it lacks", async () => {
    const bff = sandboxBff();
    const cases: [string, ReturnType<typeof one>][] = [
      ["filter-topic=food&filter-topic=city", one("filter-topic", "is given more than once")],
      ["filter-a%20b=x", one("filter-a b", "is not a filter key (letters, digits, _ . and -)")],
      [`filter-topic=${"x".repeat(1001)}`, one("filter-topic", "is longer than 1000 characters")],
      ["onclick=alert(1)", one("onclick", "is not an attribute of this element")],
    ];
    for (const [query, expected] of cases)
      assert.deepEqual(await refusal(await bff.get(`${GALLERY}?page-size=2&${query}`)), expected, query);
    assert.equal(bff.thron.stats.searches, 0, "nothing refused reaches THRON");
  });

  it("takes a preset of up to 1,000 characters as a comma list, blank items and the spaces around values left out", async () => {
    const bff = sandboxBff();
    const preset = `food,,${" ".repeat(990)}city`;
    assert.equal(preset.length, 1000);
    const html = await rendered(await bff.get(`${GALLERY}?page-size=6&locale=en&filter-topic=${encodeURIComponent(preset)}`));
    const json = await (await bff.get(`${ASSETS}?limit=6&locale=en&filter.topic=food&filter.topic=city`)).json();
    assert.deepEqual(renderedStateOf(html), json);
    const unfiltered = await (await bff.get(`${ASSETS}?limit=6&locale=en`)).json();
    assert.notDeepEqual(json, unfiltered, "the preset narrows the page");
  });

  it("refuses the visitor's query and filter presets on an element that has neither", async () => {
    const bff = sandboxBff();
    for (const name of ["query.q", "query.filter.topic", "filter-topic"]) {
      const response = await bff.get(`${HELPLINES}?country=US&${name}=x`);
      assert.deepEqual(await refusal(response), one(name, "is not an attribute of this element"), name);
    }
    assert.equal(bff.sandbox.throughline.stats.apiCalls, 0);
  });

  it("refuses a launch ticket in the URL with one error that says where it belongs, never echoing it", async () => {
    const bff = sandboxBff();
    const ticket = "eyJhbGciOiJIUzI1NiJ9.e30.sig";
    const problem = await refusal(await bff.get(`${BUTTON}?ids=1&method=stats&ticket=${ticket}`));
    assert.deepEqual(problem, one("ticket", TICKET_MESSAGE));
    const alsoBad = await refusal(await bff.get(`${BUTTON}?ids=1&method=stats&ticket=${ticket}&onclick=x`));
    assert.deepEqual(alsoBad.errors, [
      { field: "ticket", message: TICKET_MESSAGE },
      { field: "onclick", message: "is not an attribute of this element" },
    ]);
    assert.doesNotMatch(JSON.stringify(alsoBad), /eyJhbGciOiJIUzI1NiJ9/);
  });
});

describe("the visitor's query a fragment takes", () => {
  it("refuses a query parameter that is neither query.q nor query.filter.<key>, a value given over 20 times or over 1,000 characters", async () => {
    const bff = sandboxBff();
    const repeated = (count: number) => Array.from({ length: count }, (_, i) => `query.filter.topic=v${i}`).join("&");
    const cases: [string, ReturnType<typeof one>][] = [
      ["query.filtertopic=food", one("query.filtertopic", "is not query.q or query.filter.<key>")],
      ["query.=x", one("query.", "is not query.q or query.filter.<key>")],
      [repeated(21), one("query.filter.topic", "is given more than 20 times")],
      [`query.filter.topic=food&query.filter.topic=${"x".repeat(1001)}`, one("query.filter.topic", "is longer than 1000 characters")],
    ];
    for (const [query, expected] of cases) {
      assert.deepEqual(await refusal(await bff.get(`${BAR}?for=g&locale=en&${query}`)), expected, query.slice(0, 80));
      assert.deepEqual(await refusal(await bff.get(`${GALLERY}?page-size=2&locale=en&${query}`)), expected, query.slice(0, 80));
    }
    assert.equal(bff.thron.stats.searches, 0, "nothing refused reaches THRON");
  });

  it("takes up to 20 values of up to 1,000 characters and a text of up to 200, trimmed, leaving blank values out", async () => {
    const bff = sandboxBff();
    const many = Array.from({ length: 20 }, (_, i) => `v${i}`);
    const long = "x".repeat(1000);
    const text = "y".repeat(200);
    const query = [
      ...many.map((v) => `query.filter.topic=${v}`),
      `query.filter.season=${long}`,
      "query.filter.people=",
      "query.filter.sport=&query.filter.sport=football",
      `query.q=${text}`,
    ].join("&");
    const html = await rendered(await bff.get(`${BAR}?for=g&locale=en&${query}`));
    assert.deepEqual(renderedStateOf(html).query, { q: text, filters: { topic: many, season: [long], sport: ["football"] } });
    const trimmed = await rendered(await bff.get(`${BAR}?for=g&locale=en&query.q=${encodeURIComponent("  goal ")}&query.filter.topic=`));
    assert.deepEqual(renderedStateOf(trimmed).query, { q: "goal", filters: {} });
    assert.match(trimmed, /name="q" value="goal"/, "the search box shows the text as searched");
  });
});

describe("the first page of a gallery asked with the visitor's query", () => {
  it("searches for the preset's text and the visitor's, both, and says which query it shows", async () => {
    const bff = sandboxBff();
    const html = await rendered(await bff.get(`${GALLERY}?page-size=6&locale=en&q=harbour&query.q=sunny`));
    const both = (await (await bff.get(`${ASSETS}?limit=6&locale=en&q=${encodeURIComponent("harbour sunny")}`)).json()) as object;
    const { query, ...page } = renderedStateOf(html);
    assert.deepEqual(page, both);
    assert.deepEqual(query, { q: "sunny", filters: {} }, "a text alone narrows: the element is told");
    for (const one of ["harbour", "sunny"]) {
      const alone = await (await bff.get(`${ASSETS}?limit=6&locale=en&q=${one}`)).json();
      assert.notDeepEqual(alone, both, `${one} alone finds more`);
    }
  });

  it("keeps the preset when the visitor chose only values outside it", async () => {
    const bff = sandboxBff();
    const html = await rendered(await bff.get(`${GALLERY}?page-size=6&locale=en&filter-topic=food&query.filter.topic=nature`));
    const preset = await (await bff.get(`${ASSETS}?limit=6&locale=en&filter.topic=food`)).json();
    const { query, ...page } = renderedStateOf(html);
    assert.deepEqual(page, preset);
    assert.deepEqual(query, { q: "", filters: { topic: ["nature"] } });
    assert.notDeepEqual(preset, await (await bff.get(`${ASSETS}?limit=6&locale=en`)).json(), "the preset narrows the page");
  });

  it("is the plain first page when the visitor's query holds only blank values", async () => {
    const bff = sandboxBff();
    const html = await rendered(await bff.get(`${GALLERY}?page-size=6&locale=en&query.filter.topic=&query.q=`));
    assert.deepEqual(renderedStateOf(html), await (await bff.get(`${ASSETS}?limit=6&locale=en`)).json());
  });
});

describe("parseAttributes, on its own", () => {
  /** The status and errors parseAttributes throws for `queries`. */
  const refused = (tag: "thron-gallery" | "thron-filter-bar", queries: Record<string, string[]>) => {
    try {
      parseAttributes(tag as "thron-gallery", queries);
    } catch (error) {
      assert.ok(error instanceof ProblemError);
      return [error.status, error.extra.errors];
    }
    assert.fail("expected a refusal");
  };

  it("refuses, naming the attribute as written, what the route's query schema refuses before it", () => {
    const type = 'Invalid option: expected one of "image"|"video"|"audio"|"document"';
    const cases: [Parameters<typeof refused>, { field: string; message: string }[]][] = [
      [["thron-filter-bar", { for: ["g"], "query.q": ["a", "b"] }], [{ field: "query.q", message: "is given more than once" }]],
      [["thron-gallery", { "query.q": ["x".repeat(201)] }], [{ field: "query.q", message: "is longer than 200 characters" }]],
      [["thron-gallery", { type: ["image,film"] }], [{ field: "type", message: type }]],
      [
        ["thron-gallery", { layout: ["list"], onclick: ["x"] }],
        [
          { field: "layout", message: 'Invalid option: expected one of "grid"|"carousel"|"viewer"' },
          { field: "onclick", message: "is not an attribute of this element" },
        ],
      ],
    ];
    for (const [args, errors] of cases) assert.deepEqual(refused(...args), [400, errors], JSON.stringify(args).slice(0, 80));
    assert.equal(parseAttributes("thron-gallery", { "query.q": ["x".repeat(200)] }).query.q, "x".repeat(200));
  });
});

describe("what an attribute changes in a fragment", () => {
  it("shows an asset's title in a caption with the caption attribute, and no caption without it", async () => {
    const bff = sandboxBff();
    const page = (await (await bff.get(`${ASSETS}?limit=1&type=image&locale=en`)).json()) as { items: { id: string; title: string }[] };
    const asset = page.items[0] ?? assert.fail("no image");
    const caption = /<figcaption part="caption">[\s\S]*?<\/figcaption>/;
    const withCaption = await rendered(await bff.get(`/v1/render/thron-asset?asset=${asset.id}&caption&locale=en`));
    assert.ok(caption.exec(withCaption)?.[0].includes(asset.title), "the title in the caption");
    const without = await rendered(await bff.get(`/v1/render/thron-asset?asset=${asset.id}&locale=en`));
    assert.doesNotMatch(without, caption);
  });

  it("lists only the priority helplines with priority", async () => {
    const bff = sandboxBff();
    const html = await rendered(await bff.get(`${HELPLINES}?country=US&priority&locale=en`));
    const priority = (await (await bff.get("/v1/throughline/helplines?country=US&priority=true")).json()) as { helplines: unknown[] };
    const all = (await (await bff.get("/v1/throughline/helplines?country=US")).json()) as { helplines: unknown[] };
    assert.deepEqual(renderedStateOf(html), priority);
    assert.ok(priority.helplines.length < all.helplines.length, "priority leaves some out");
    assert.match(html, new RegExp(`role="status"><!--lit-part-->${priority.helplines.length} helplines<`));
  });

  it("renders a launch button that can launch for several ids and angles, and one that cannot for an id its method refuses", async () => {
    const bff = sandboxBff();
    const guids = ["0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7"].join(",");
    const button = (html: string) => /<button\b[^>]*>/.exec(html)?.[0] ?? assert.fail("no button");
    const disabled = /\sdisabled\s/;
    for (const query of [`ids=${guids}`, `ids=${guids}&method=xos-message&angles=sideline,endzone`]) {
      assert.doesNotMatch(button(await rendered(await bff.get(`${BUTTON}?${query}&locale=en`))), disabled, query);
    }
    assert.match(button(await rendered(await bff.get(`${BUTTON}?ids=${guids},x1&locale=en`))), disabled, "x1 is no play GUID");
  });
});

describe("the markup around an element's render", () => {
  it("opens the shadow root with the stylesheet link, then the element's own render, and closes the tag once", async () => {
    const html = await rendered(await sandboxBff().get(`${HELPLINES}?country=US&limit=1&locale=en`));
    assert.match(
      html,
      /^<throughline-helplines country="US" limit="1" locale="en"><template shadowroot="open" shadowrootmode="open"><link rel="stylesheet" href="[^"]+"><!--lit-part [^>]*--><!--lit-node 0--><div part="base"/,
    );
    assert.equal(html.split("</throughline-helplines>").length, 2);
    assert.match(html, /<\/template><script type="application\/json" data-embedkit-state>[^<]*<\/script><\/throughline-helplines>$/);
  });

  it("puts a gallery's <noscript> links first in its shadow root, and writes the filter bar's unchecked boxes as plain inputs", async () => {
    const bff = sandboxBff();
    const gallery = await rendered(await bff.get(`${GALLERY}?page-size=2&locale=en`));
    assert.match(
      gallery,
      /<template shadowroot="open" shadowrootmode="open"><link rel="stylesheet" href="[^"]+"><noscript><ul part="grid"/,
    );
    const bar = await rendered(await bff.get(`${BAR}?for=g&locale=en&query.filter.topic=food`));
    const inputs = [...bar.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]);
    const boxes = inputs.filter((input) => input.includes('type="checkbox"'));
    assert.ok(boxes.length > 1, "the topics are checkboxes");
    for (const input of inputs) assert.match(input, /^<input(\s+[a-z-]+(="[^"]*")?)*\s*\/>$/, input);
    assert.deepEqual(
      boxes.filter((box) => /\schecked\b/.test(box)).map((box) => /value="([^"]*)"/.exec(box)?.[1]),
      ["food"],
    );
  });
});
