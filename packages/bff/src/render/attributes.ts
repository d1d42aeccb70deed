/**
 * The render route's query is the element's attributes: each checked as the JSON route checks
 * the value it becomes, any other refused, a 400 naming the attribute as the editor wrote it.
 */
import {
  AssetAttributes,
  FILTER_ATTRIBUTE_PREFIX,
  FilterBarAttributes,
  GalleryAttributes,
  HelplinesAttributes,
  LaunchButtonAttributes,
  PAGE_QUERY_LIMITS,
  PAGE_QUERY_PREFIX,
  type RenderTag,
  VISITOR_QUERY_PREFIX,
} from "@embedkit/contracts";
import type { z } from "zod";
import { invalidRequest } from "../core/problem.ts";

type Issue = { field: string; message: string };

/** A filter key as THRON's metadata keys are written; its values are checked by the assets route. */
const FILTER_KEY = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_FILTER_LENGTH = 1_000;
/** As the assets route takes `q`, and a bar's selection at most. */
const MAX_QUERY_TEXT = 200;
const MAX_QUERY_VALUES = 20;

/** The visitor's query (`query.q`, `query.filter.<key>`), as a filter bar keeps it in the page URL. */
export interface VisitorQuery {
  q: string;
  filters: Record<string, string[]>;
}

export interface ParsedAttributes<T> {
  /** The checked values. */
  values: T;
  /** The attributes as they go out on the tag (only those given, unchanged). */
  written: Record<string, string>;
  /** `filter-<key>` presets: key → values. */
  filters: Record<string, string[]>;
  /** The visitor's query (gallery and filter bar only; empty elsewhere). */
  query: VisitorQuery;
  /** The page URL's other parameters, name and value, in their order (filter bar only; empty elsewhere). */
  page: [string, string][];
}

/** Takes the `query.` parameters out of `queries` (repeatable, as in the page URL): checked, never written on the tag. */
function visitorQueryOf(queries: Record<string, string[]>, issues: Issue[]): VisitorQuery {
  const query: VisitorQuery = { q: "", filters: {} };
  for (const [name, values] of Object.entries(queries)) {
    if (!name.startsWith(VISITOR_QUERY_PREFIX)) continue;
    delete queries[name];
    const rest = name.slice(VISITOR_QUERY_PREFIX.length);
    const key = rest.startsWith("filter.") ? rest.slice("filter.".length) : null;
    if (rest === "q") {
      // Stryker disable next-line StringLiteral: c.req.queries() lists each name with at least one value: the default is never used
      const [text = ""] = values;
      if (values.length > 1) issues.push({ field: name, message: "is given more than once" });
      else if (text.length > MAX_QUERY_TEXT) issues.push({ field: name, message: `is longer than ${MAX_QUERY_TEXT} characters` });
      else query.q = text.trim();
    } else if (key === null || !FILTER_KEY.test(key)) issues.push({ field: name, message: "is not query.q or query.filter.<key>" });
    else if (values.length > MAX_QUERY_VALUES) issues.push({ field: name, message: `is given more than ${MAX_QUERY_VALUES} times` });
    else if (values.some((v) => v.length > MAX_FILTER_LENGTH))
      issues.push({ field: name, message: `is longer than ${MAX_FILTER_LENGTH} characters` });
    else if (values.some(Boolean)) query.filters[key] = values.filter(Boolean);
  }
  return query;
}

/**
 * Takes the `page.` parameters out of `queries`: the page URL's other parameters, as the host
 * forwards them, for the bar's form to carry. Any name a URL can hold, each value bounded. The
 * bar's own fields (`q`, `filter.<key>`, after its `sync-url` prefix) are its to write: left out
 * before anything is counted, so a host may forward the whole page URL.
 */
function pageQueryOf(queries: Record<string, string[]>, issues: Issue[]): [string, string][] {
  const syncUrl = queries["sync-url"]?.[0];
  const prefix = syncUrl ? `${syncUrl}.` : "";
  const isTheBarsOwn = (name: string) => name === `${prefix}q` || name.startsWith(`${prefix}filter.`);
  const page: [string, string][] = [];
  for (const [name, values] of Object.entries(queries)) {
    if (!name.startsWith(PAGE_QUERY_PREFIX)) continue;
    delete queries[name];
    const rest = name.slice(PAGE_QUERY_PREFIX.length);
    if (isTheBarsOwn(rest)) continue;
    if (rest === "" || rest.length > PAGE_QUERY_LIMITS.nameLength)
      issues.push({ field: name, message: `must name the page's parameter in 1 to ${PAGE_QUERY_LIMITS.nameLength} characters` });
    else if (values.some((v) => v.length > PAGE_QUERY_LIMITS.valueLength))
      issues.push({ field: name, message: `is longer than ${PAGE_QUERY_LIMITS.valueLength} characters` });
    else page.push(...values.map((value): [string, string] => [rest, value]));
  }
  if (page.length > PAGE_QUERY_LIMITS.values)
    issues.push({ field: `${PAGE_QUERY_PREFIX}<name>`, message: `carries more than ${PAGE_QUERY_LIMITS.values} of the page's parameters` });
  return page;
}

/** Each name given once, at most; the element reads one value. */
function single(queries: Record<string, string[]>, issues: Issue[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (const [name, values] of Object.entries(queries)) {
    if (values.length > 1) issues.push({ field: name, message: "is given more than once" });
    // Stryker disable next-line StringLiteral: c.req.queries() lists each name with at least one value: values[0] is never undefined
    given[name] = values[0] ?? "";
  }
  return given;
}

function filtersOf(given: Record<string, string>, issues: Issue[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(given)) {
    if (!name.startsWith(FILTER_ATTRIBUTE_PREFIX)) continue;
    delete given[name];
    const key = name.slice(FILTER_ATTRIBUTE_PREFIX.length);
    if (!FILTER_KEY.test(key)) issues.push({ field: name, message: "is not a filter key (letters, digits, _ . and -)" });
    else if (value.length > MAX_FILTER_LENGTH) issues.push({ field: name, message: `is longer than ${MAX_FILTER_LENGTH} characters` });
    else
      filters[key] = value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
  }
  return filters;
}

/** The attribute a zod issue's path names. */
function fieldOf(path: readonly PropertyKey[]): string {
  const names = path.filter((p) => typeof p === "string");
  // Stryker disable next-line StringLiteral: no attribute schema nests an object, so a path holds one name (joined by "." or not, the same), never none (the query is an object)
  return names.join(".") || "(query)";
}

function check<S extends z.ZodType>(schema: S, given: Record<string, string>, issues: Issue[]): z.infer<S> {
  const result = schema.safeParse(given);
  if (!result.success)
    for (const issue of result.error.issues) {
      // An attribute the element does not have: zod names it in `keys`, not in `path`.
      const keys = "keys" in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : [];
      if (keys.length > 0) for (const key of keys) issues.push({ field: key, message: "is not an attribute of this element" });
      else issues.push({ field: fieldOf(issue.path), message: issue.message });
    }
  if (issues.length > 0) throw invalidRequest(issues);
  return result.data as z.infer<S>;
}

export function parseAttributes(tag: "thron-gallery", queries: Record<string, string[]>): ParsedAttributes<GalleryAttributes>;
export function parseAttributes(tag: "throughline-helplines", queries: Record<string, string[]>): ParsedAttributes<HelplinesAttributes>;
export function parseAttributes(tag: "thron-filter-bar", queries: Record<string, string[]>): ParsedAttributes<FilterBarAttributes>;
export function parseAttributes(tag: "thron-asset", queries: Record<string, string[]>): ParsedAttributes<AssetAttributes>;
export function parseAttributes(tag: "thunder-launch-button", queries: Record<string, string[]>): ParsedAttributes<LaunchButtonAttributes>;
export function parseAttributes(tag: RenderTag, queries: Record<string, string[]>): ParsedAttributes<unknown> {
  const issues: Issue[] = [];
  const visitor = tag === "thron-gallery" || tag === "thron-filter-bar";
  const remaining = { ...queries };
  // Stryker disable next-line StringLiteral: nothing reads the visitor's query of a tag that takes none (first-data.ts reads it for the gallery and the bar only)
  const query = visitor ? visitorQueryOf(remaining, issues) : { q: "", filters: {} };
  const page = tag === "thron-filter-bar" ? pageQueryOf(remaining, issues) : [];
  const given = single(remaining, issues);
  if ("ticket" in given) {
    issues.push({ field: "ticket", message: "must never travel in a URL: set it on the element in the browser, or use ticket-url" });
    delete given.ticket;
  }
  const written = { ...given };
  const filters = tag === "thron-gallery" ? filtersOf(given, issues) : {};
  const schemas = {
    "thron-gallery": GalleryAttributes,
    "thron-filter-bar": FilterBarAttributes,
    "thron-asset": AssetAttributes,
    "throughline-helplines": HelplinesAttributes,
    "thunder-launch-button": LaunchButtonAttributes,
  };
  const values = check(schemas[tag].strict(), given, issues);
  return { values, written, filters, query, page };
}
