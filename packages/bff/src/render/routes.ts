/**
 * GET /v1/render/<tag>?<attributes>: the element server-rendered (fragment.ts), for crawlers,
 * visitors without JavaScript and CMS servers. Its data comes from the JSON route the element
 * itself would call, answered in-process by the same handlers and caches: a fragment costs no
 * upstream call the JSON would not, and its Cache-Control is the JSON answer's.
 */
import { AssetAttributes, GalleryAttributes, HelplinesAttributes, LaunchButtonAttributes, type RenderTag } from "@embedkit/contracts";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { invalidRequest, ProblemError, problemSpec } from "../core/problem.ts";
import { validationHook } from "../http/validation.ts";
import { parseAttributes } from "./attributes.ts";
import type { FragmentInput } from "./fragment.ts";
import { hostTag } from "./host-tag.ts";

/** Asks a JSON route of this BFF (`/v1/thron/…`) in-process, through its own handlers and caches. */
export type AskJson = (path: string) => Promise<Response>;

const DESCRIPTION =
  "The query is the element's attributes, as written on its tag; any other is refused. The answer is the tag with those attributes, " +
  'a `<template shadowrootmode="open">` holding what the element renders (styles included), and its first data in a ' +
  '`<script type="application/json" data-embedkit-state>`: the element hydrates from it without asking the BFF again. ' +
  "Cache-Control is the JSON route's. Inline it with a short timeout and fall back to the bare tag on any other answer.";

/** The route of one tag: its attributes as the documented query. */
function renderRoute(tag: RenderTag, query: z.ZodObject, extra = "") {
  return createRoute({
    method: "get",
    path: `/${tag}`,
    summary: `<${tag}> server-rendered, for inlining into a page`,
    description: DESCRIPTION + extra,
    request: { query },
    responses: {
      200: { description: "The element as HTML", content: { "text/html": { schema: z.string() } } },
      400: problemSpec("An attribute the element does not take, or a value it refuses"),
      ...(tag === "thron-gallery" && { 404: problemSpec("Unknown gallery") }),
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
const ATTRIBUTE_OF: Record<string, string> = { limit: "page-size", ids: "assets" };
const attributeOf = (field: string) => ATTRIBUTE_OF[field] ?? field.replace(/^filter\./, "filter-");

function query(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(name, item);
  return search.toString();
}

/** The element's first data, as the element would ask for it. */
function firstDataPath(tag: RenderTag, queries: Record<string, string[]>): { path: string | null; input: Omit<FragmentInput, "state"> } {
  if (tag === "thron-gallery") {
    const { values: a, written, filters } = parseAttributes(tag, queries);
    const locale = a.locale ?? "en";
    const params: Record<string, string | string[] | undefined> = {
      limit: String(a["page-size"]),
      locale,
      type: a.type,
      q: a.q,
      sort: a.sort,
      ids: a.assets?.join(","),
    };
    for (const [key, values] of Object.entries(filters)) params[`filter.${key}`] = values;
    return {
      path: `/v1/thron/galleries/${a.gallery}/assets?${query(params)}`,
      input: { tag, attributes: written, properties: { locale, layout: a.layout } },
    };
  }
  if (tag === "thron-asset") {
    const { values: a, written } = parseAttributes(tag, queries);
    const locale = a.locale ?? "en";
    const properties = { locale, player: a.player, caption: a.caption === undefined ? undefined : "caption" };
    return {
      path: `/v1/thron/galleries/${a.gallery}/assets/${a.asset}?${query({ locale })}`,
      input: { tag, attributes: written, properties },
    };
  }
  if (tag === "thunder-launch-button") {
    const { values: a, written } = parseAttributes(tag, queries);
    const properties = { locale: a.locale ?? "en", method: a.method, ids: a.ids.join(","), league: a.league, angles: a.angles?.join(",") };
    return { path: null, input: { tag, attributes: written, properties } };
  }
  const { values: a, written } = parseAttributes(tag, queries);
  const locale = a.locale ?? "en";
  const params = { country: a.country, topic: a.topic, priority: a.priority === undefined ? undefined : "true", limit: String(a.limit) };
  return {
    path: `/v1/throughline/helplines?${query(params)}`,
    input: { tag, attributes: written, properties: { locale, country: a.country } },
  };
}

/** A problem from the JSON route, its fields renamed to the attributes they came from. */
async function relayProblem(answer: Response): Promise<ProblemError> {
  const problem = (await answer.json().catch(() => ({}))) as {
    title?: string;
    detail?: string;
    errors?: { field: string; message: string }[];
  };
  if (answer.status === 400 && problem.errors) return invalidRequest(problem.errors.map((e) => ({ ...e, field: attributeOf(e.field) })));
  return new ProblemError(
    answer.status,
    answer.status === 404 ? "not-found" : "upstream",
    problem.title ?? "Upstream failure",
    problem.detail,
  );
}

/** `onRendererMissing`: told once why the server renderer could not load (the app logs it). */
export function renderRoutes(ask: AskJson, onRendererMissing: (error: unknown) => void = () => {}) {
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
    const { path, input } = firstDataPath(tag, c.req.queries());
    // An element without data (the launch button) depends only on its attributes and this build.
    let state: unknown;
    let cacheControl = STATIC_CACHE_CONTROL;
    if (path) {
      const json = await ask(path);
      if (!json.ok) throw await relayProblem(json);
      state = await json.json();
      // The data's own freshness: a fragment is as cacheable as the JSON it shows, and no more.
      cacheControl = json.headers.get("cache-control") ?? "no-store";
    }
    const html = (await (await renderer())?.renderFragment({ ...input, state })) ?? hostTag(input.tag, input.attributes, state);
    return c.body(html, 200, { "content-type": "text/html; charset=utf-8", "cache-control": cacheControl });
  };
  app.openapi(
    renderRoute("thron-gallery", GalleryAttributes, " Besides these, `filter-<key>=<value,…>` presets a filter of the gallery."),
    (c) => answer(c, "thron-gallery"),
  );
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
