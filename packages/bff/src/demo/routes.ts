/** The sandbox's demo: the page at `/` and its script at `/demo.js` (sandbox mode only). */
import { PAGE_QUERY_LIMITS, PAGE_QUERY_PREFIX } from "@embedkit/contracts";
import type { SimulatedSandbox } from "@embedkit/sandbox";
import type { Hono } from "hono";
import { respond } from "../http/response-headers.ts";
import type { StaticFiles } from "../http/static-assets.ts";
import { DEMO_CSP, DEMO_SCRIPT, demoPage, SERVER_RENDERED } from "./page.ts";
import { elementModules } from "./preload.ts";

/** The demo waits this long for a fragment, then shows the bare tag: the recipe the README gives any server. */
const FRAGMENT_TIMEOUT_MS = 1_500;

/** `render` asks the render route in-process (`/v1/render/<tag>?…`). */
export function mountDemo(
  app: Hono,
  sandbox: SimulatedSandbox,
  staticFiles: StaticFiles | null | undefined,
  render: (path: string, signal: AbortSignal) => Promise<Response>,
): void {
  // The elements at the top of the page (<thron-asset>, further down, is left to the loader).
  const preload = elementModules(staticFiles, ["thron-gallery", "thron-filter-bar", "throughline-helplines", "thunder-launch-button"]);
  /** `visitor`: the page URL's query (the first bar's `q` and `filter.<key>`), forwarded to the bar and its gallery. */
  const fragment = async ({ tag, attributes }: (typeof SERVER_RENDERED)[keyof typeof SERVER_RENDERED], visitor: string[][] = []) => {
    const query = [...attributes.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [
      // Stryker disable next-line StringLiteral: unreachable default, the pattern's first group takes part in every match
      name ?? "",
      value ?? "",
    ]);
    query.push(...visitor);
    try {
      const answer = await render(`/v1/render/${tag}?${new URLSearchParams(query)}`, AbortSignal.timeout(FRAGMENT_TIMEOUT_MS));
      return answer.ok ? await answer.text() : undefined;
    } catch {
      // too slow or failed: the element renders in the browser, as without server rendering
    }
    return undefined;
  };
  // Stryker disable next-line StringLiteral: Hono routes "" as it does "/"
  app.get("/", async (c) => {
    // `?render=client`: the same page with bare tags, to compare (pnpm bench).
    const clientOnly = c.req.query("render") === "client";
    // The bar's query in the address (a shared link, or its form submitted without JavaScript).
    const address = [...new URL(c.req.url).searchParams];
    const isBars = (name: string) => name === "q" || name.startsWith("filter.");
    const visitor = address.filter(([name]) => isBars(name)).map(([name, value]) => [`query.${name}`, value]);
    // The address's other parameters, which the bar's form keeps when submitted without JavaScript:
    // those it can carry, so that an odd link (an empty name, a long value) never costs the first paint.
    const { values, nameLength, valueLength } = PAGE_QUERY_LIMITS;
    const carried = ([name, value]: [string, string]) =>
      !isBars(name) && name.length > 0 && name.length <= nameLength && value.length <= valueLength;
    const others = address
      .filter(carried)
      .slice(0, values)
      .map(([name, value]) => [`${PAGE_QUERY_PREFIX}${name}`, value]);
    const [filterBar, gallery, helplines] = clientOnly
      ? []
      : await Promise.all([
          fragment(SERVER_RENDERED.filterBar, [...visitor, ...others]),
          fragment(SERVER_RENDERED.gallery, visitor),
          fragment(SERVER_RENDERED.helplines),
        ]);
    const fragments = { ...(filterBar && { filterBar }), ...(gallery && { gallery }), ...(helplines && { helplines }) };
    const page = demoPage({ preload, thron: sandbox.thron, fragments });
    // Through c.html(), not respond(): the page then goes out compressed like the other answers.
    c.header("content-security-policy", DEMO_CSP);
    return c.html(page);
  });
  app.get("/demo.js", (c) =>
    respond(c, DEMO_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }),
  );
}
