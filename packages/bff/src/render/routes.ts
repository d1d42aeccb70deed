/**
 * GET /v1/render/<tag>?<attributes>: the element server-rendered (fragment.ts), for crawlers,
 * visitors without JavaScript and CMS servers. Its data comes from the JSON route the element
 * itself would call, answered in-process by the same handlers and caches: a fragment costs no
 * upstream call the JSON would not, and its Cache-Control is the JSON answer's.
 */
import {
  AssetAttributes,
  FilterBarAttributes,
  GalleryAttributes,
  HelplinesAttributes,
  LaunchButtonAttributes,
  RenderTag,
} from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { invalidRequest, ProblemError, problemSpec } from "../core/problem.ts";
import { validationHook } from "../http/validation.ts";
import { firstData } from "./first-data.ts";
import { hostTag } from "./host-tag.ts";
import { STYLESHEET_FILE } from "./stylesheet.ts";

/** Asks a JSON route of this BFF (`/v1/thron/…`) in-process, through its own handlers and caches. */
export type AskJson = (path: string) => Promise<Response>;

const DESCRIPTION =
  "The query is the element's attributes, as written on its tag; any other is refused. The answer is the tag with those attributes, " +
  'a `<template shadowrootmode="open">` holding what the element renders (styles included), and its first data in a ' +
  '`<script type="application/json" data-embedkit-state>`: the element hydrates from it without asking the BFF again. ' +
  "Cache-Control is the JSON route's. Without `locale`, the language is the caller's `Accept-Language` among en, it, de, fr, es " +
  "(else English), written on the tag as `lang` so the element keeps it, and the answer says `Vary: Accept-Language`. " +
  "Inline it with a short timeout and fall back to the bare tag on any other answer.";

/** For the gallery and its filter bar: the visitor's query, as the bar keeps it in the page URL. */
const VISITOR_QUERY =
  " Besides the attributes, `query.q` and `query.filter.<key>` (repeatable) carry the visitor's query as a linked " +
  "`<thron-filter-bar sync-url>` keeps it in the page URL (`q`, `filter.<key>`): forward them so the gallery shows it and the bar " +
  "shows it chosen (a visitor without JavaScript filters by submitting the bar's form, which reloads the page with them).";

/** The visitor's text, documented (so the fuzzer sends it too); `query.filter.<key>` is open-ended, as `filter-<key>`. */
const VisitorText = z.object({
  "query.q": z.string().max(200).optional().openapi({ description: "The visitor's search text, as the page URL's `q`" }),
});

/** The route of one tag: its attributes as the documented query. */
function renderRoute(tag: RenderTag, attributes: z.ZodObject, extra = "") {
  const query = tag === "thron-gallery" || tag === "thron-filter-bar" ? attributes.extend(VisitorText.shape) : attributes;
  return createRoute({
    method: "get",
    path: `/${tag}`,
    summary: `<${tag}> server-rendered, for inlining into a page`,
    description: DESCRIPTION + extra,
    request: { query },
    responses: {
      200: { description: "The element as HTML", content: { "text/html": { schema: z.string() } } },
      400: problemSpec("An attribute the element does not take, or a value it refuses"),
      ...((tag === "thron-gallery" || tag === "thron-filter-bar") && { 404: problemSpec("Unknown gallery") }),
      ...(tag === "thron-asset" && { 404: problemSpec("Unknown gallery or asset") }),
      ...(tag !== "thunder-launch-button" && {
        502: problemSpec("The upstream failed or refused"),
        503: problemSpec("The upstream is unavailable"),
        504: problemSpec("The upstream timed out"),
      }),
    },
  });
}

/** As the bundle's entries: what the element renders changes with a deploy, not with data. */
const STATIC_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400";

/** The JSON route's names for the attributes they come from, so a 400 names what the editor wrote. */
// Stryker disable next-line ObjectLiteral,StringLiteral: attributes.ts checks page-size and assets with the JSON route's own schemas first, so the JSON route never refuses limit or ids
const ATTRIBUTE_OF: Record<string, string> = { limit: "page-size", ids: "assets" };
// Stryker disable next-line Regex: the JSON route's fields hold "filter." only at their start (filter.<key>)
const attributeOf = (field: string) => ATTRIBUTE_OF[field] ?? field.replace(/^filter\./, "filter-");

/** A problem from the JSON route, its fields renamed to the attributes they came from. */
async function relayProblem(answer: Response): Promise<ProblemError> {
  const problem = (await answer.json().catch(() => ({}))) as {
    title?: string;
    detail?: string;
    errors?: { field: string; message: string }[];
  };
  // Stryker disable next-line ConditionalExpression: only a 400 problem carries errors (invalidRequest), so `true && problem.errors` picks the same problems
  if (answer.status === 400 && problem.errors) return invalidRequest(problem.errors.map((e) => ({ ...e, field: attributeOf(e.field) })));
  return new ProblemError(
    answer.status,
    answer.status === 404 ? "not-found" : "upstream",
    // Stryker disable next-line StringLiteral: every problem a JSON route answers has a title (problemBody); a default no answer reaches
    problem.title ?? "Upstream failure",
    problem.detail,
  );
}

const stylesheetRoute = createRoute({
  method: "get",
  path: "/styles/{file}",
  summary: "A server-rendered element's stylesheet, linked from its shadow root",
  description:
    "`<tag>.<hash>.css`, as a fragment links it: the styles of this build, cached for good (immutable). " +
    "An older hash answers this build's styles, cached briefly. A host's CSP allows it with `style-src <the BFF's origin>`.",
  request: { params: z.object({ file: z.string().regex(STYLESHEET_FILE, "must be <tag>.<hash>.css") }) },
  responses: {
    200: { description: "The element's CSS", content: { "text/css": { schema: z.string() } } },
    400: problemSpec("Not a stylesheet's name"),
    404: problemSpec("No such element, or no server renderer on this runtime"),
  },
});

export interface RenderOptions {
  /** Told once why the server renderer could not load (the app logs it). */
  onRendererMissing?: (error: unknown) => void;
  /** The BFF's public URL when configured (PUBLIC_URL), for the stylesheet links of fragments asked without `bff`. */
  publicUrl?: string;
}

export function renderRoutes(ask: AskJson, { onRendererMissing = () => {}, publicUrl = "" }: RenderOptions = {}) {
  // Stryker disable next-line ObjectLiteral: mounted in the app (app.ts), whose own defaultHook answers these routes' validation failures the same
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // The renderer loads on the first render, so a BFF that never renders never loads it. Where it
  // cannot load (not built, or a runtime that cannot run it), the answer is the bare tag with its
  // data: the element renders in the browser, still without asking for its first page.
  let fragments: Promise<typeof import("./fragment.ts") | null> | undefined;
  const renderer = () => {
    fragments ??= import("./fragment.ts").catch((error: unknown) => {
      onRendererMissing(error);
      return null;
    });
    return fragments;
  };
  const answer = async (c: Context, tag: RenderTag) => {
    const { path, input, state: stateOf, negotiated } = firstData(tag, c.req.queries(), c.req.header("accept-language"));
    // An element without data (the launch button) depends only on its attributes and this build.
    let state: unknown;
    let cacheControl = STATIC_CACHE_CONTROL;
    if (path) {
      const json = await ask(path);
      if (!json.ok) throw await relayProblem(json);
      const data: unknown = await json.json();
      state = stateOf ? stateOf(data) : data;
      // The data's own freshness: a fragment is as cacheable as the JSON it shows, and no more.
      const fresh = json.headers.get("cache-control");
      // Stryker disable next-line StringLiteral: every JSON route sets Cache-Control on its 200; a default no answer reaches
      cacheControl = fresh ?? "no-store";
    }
    const stylesBase = input.attributes.bff ?? publicUrl;
    const html = (await (await renderer())?.renderFragment({ ...input, state, stylesBase })) ?? hostTag(input.tag, input.attributes, state);
    const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8", "cache-control": cacheControl };
    // Chosen by the caller's language: a shared cache keeps one answer per language (Origin: as
    // every /v1 answer, which CORS would add only were the header not set here).
    if (negotiated) headers.vary = "Origin, Accept-Language";
    return c.body(html, 200, headers);
  };
  app.openapi(
    renderRoute(
      "thron-gallery",
      GalleryAttributes,
      ` Besides these, \`filter-<key>=<value,…>\` presets a filter of the gallery.${VISITOR_QUERY}`,
    ),
    (c) => answer(c, "thron-gallery"),
  );
  app.openapi(
    renderRoute(
      "thron-filter-bar",
      FilterBarAttributes,
      " Its options are the gallery's filters (`gallery`: the bar's linked gallery, which the server cannot see; `default` unless given). " +
        'Without JavaScript the bar is a `<form method="get">` whose fields carry the URL\'s names (with the `sync-url` prefix), ' +
        "and a button applies them; `page.<name>` (repeatable) forwards the page URL's other parameters (a WordPress `page_id`), " +
        `which the form carries as hidden fields so that the reload stays on the page.${VISITOR_QUERY}`,
    ),
    (c) => answer(c, "thron-filter-bar"),
  );
  app.openapi(stylesheetRoute, async (c) => {
    const { file } = c.req.valid("param");
    // Stryker disable next-line StringLiteral,ArrayDeclaration: the file was validated against STYLESHEET_FILE, so exec always matches and captures a tag
    const [, tag = "", hash] = STYLESHEET_FILE.exec(file) ?? [];
    const fragments = RenderTag.safeParse(tag).success ? await renderer() : null;
    if (!fragments) throw new ProblemError(404, "not-found", "No such stylesheet");
    const current = await fragments.stylesheet(tag);
    const cacheControl = current.hash === hash ? "public, max-age=31536000, immutable" : STATIC_CACHE_CONTROL;
    return c.body(current.css, 200, { "content-type": "text/css; charset=utf-8", "cache-control": cacheControl });
  });
  app.openapi(renderRoute("thron-asset", AssetAttributes), (c) => answer(c, "thron-asset"));
  app.openapi(renderRoute("throughline-helplines", HelplinesAttributes), (c) => answer(c, "throughline-helplines"));
  app.openapi(
    renderRoute(
      "thunder-launch-button",
      LaunchButtonAttributes,
      " No `ticket`: a ticket never travels in a URL (set it in the browser, or use `ticket-url`).",
    ),
    (c) => answer(c, "thunder-launch-button"),
  );
  return app;
}
