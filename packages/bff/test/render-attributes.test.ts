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
import { ASSETS, sandboxBff } from "./helpers.ts";

const GALLERY = "/v1/render/thron-gallery";
const BAR = "/v1/render/thron-filter-bar";
const HELPLINES = "/v1/render/throughline-helplines";
const BUTTON = "/v1/render/thunder-launch-button";
const TICKET_MESSAGE = "must never travel in a URL: set it on the element in the browser, or use ticket-url";

function stateOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/json" data-embedkit-state>([^<]*)<\/script>/.exec(html);
  assert.ok(match, "the fragment carries its data");
  return JSON.parse(match[1] ?? "");
}

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
    assert.deepEqual(stateOf(html), json);
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
