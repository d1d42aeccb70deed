/**
 * The render route's query is the element's attributes: each checked as the JSON route checks
 * the value it becomes, any other refused, a 400 naming the attribute as the editor wrote it.
 */
import {
  AssetAttributes,
  FILTER_ATTRIBUTE_PREFIX,
  GalleryAttributes,
  HelplinesAttributes,
  LaunchButtonAttributes,
  type RenderTag,
} from "@embedkit/contracts";
import type { z } from "zod";
import { invalidRequest } from "../core/problem.ts";

type Issue = { field: string; message: string };

/** A filter key as THRON's metadata keys are written; its values are checked by the assets route. */
const FILTER_KEY = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_FILTER_LENGTH = 1_000;

export interface ParsedAttributes<T> {
  /** The checked values. */
  values: T;
  /** The attributes as they go out on the tag (only those given, unchanged). */
  written: Record<string, string>;
  /** `filter-<key>` presets: key → values. */
  filters: Record<string, string[]>;
}

/** Each name given once, at most; the element reads one value. */
function single(queries: Record<string, string[]>, issues: Issue[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (const [name, values] of Object.entries(queries)) {
    if (values.length > 1) issues.push({ field: name, message: "is given more than once" });
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

function check<S extends z.ZodType>(schema: S, given: Record<string, string>, issues: Issue[]): z.infer<S> {
  const result = schema.safeParse(given);
  if (!result.success)
    for (const issue of result.error.issues) {
      // An attribute the element does not have: zod names it in `keys`, not in `path`.
      const keys = "keys" in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : [];
      if (keys.length > 0) for (const key of keys) issues.push({ field: key, message: "is not an attribute of this element" });
      else issues.push({ field: issue.path.filter((p) => typeof p === "string").join(".") || "(query)", message: issue.message });
    }
  if (issues.length > 0) throw invalidRequest(issues);
  return result.data as z.infer<S>;
}

export function parseAttributes(tag: "thron-gallery", queries: Record<string, string[]>): ParsedAttributes<GalleryAttributes>;
export function parseAttributes(tag: "throughline-helplines", queries: Record<string, string[]>): ParsedAttributes<HelplinesAttributes>;
export function parseAttributes(tag: "thron-asset", queries: Record<string, string[]>): ParsedAttributes<AssetAttributes>;
export function parseAttributes(tag: "thunder-launch-button", queries: Record<string, string[]>): ParsedAttributes<LaunchButtonAttributes>;
export function parseAttributes(tag: RenderTag, queries: Record<string, string[]>): ParsedAttributes<unknown> {
  const issues: Issue[] = [];
  const given = single(queries, issues);
  if ("ticket" in given) {
    issues.push({ field: "ticket", message: "must never travel in a URL: set it on the element in the browser, or use ticket-url" });
    delete given.ticket;
  }
  const written = { ...given };
  const filters = tag === "thron-gallery" ? filtersOf(given, issues) : {};
  const schemas = {
    "thron-gallery": GalleryAttributes,
    "thron-asset": AssetAttributes,
    "throughline-helplines": HelplinesAttributes,
    "thunder-launch-button": LaunchButtonAttributes,
  };
  const values = check(schemas[tag].strict(), given, issues);
  return { values, written, filters };
}
