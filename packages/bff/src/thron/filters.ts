/**
 * Gallery filters: the definitions THRON holds → the filters the elements show, and the
 * `filter.<key>=<value>` query → THRON search criteria. OR within a key, AND across keys.
 */
import type { Filter } from "@embedkit/contracts";
import type { Definition, SearchItem } from "./answers.ts";

const MAX_VALUES_PER_KEY = 50;
const MAX_VALUE_LENGTH = 200;

/** THRON's label in `lang`, else English, else the first one there is. */
function label(labels: { lang?: string | null; label?: string | null }[], lang: string): string | undefined {
  const find = (l: string) => labels.find((entry) => entry.lang?.toUpperCase() === l && entry.label)?.label ?? undefined;
  return find(lang) ?? find("EN") ?? labels.find((entry) => entry.label)?.label ?? undefined;
}

/**
 * The filters of a gallery, in the order of its configured keys. Values are read from THRON
 * every time the cache refreshes, never hard-coded; removed or hidden definitions are left out.
 */
export function toFilters(definitions: Definition[], keys: readonly string[], lang: string): Filter[] {
  return keys.flatMap((key) => {
    const definition = definitions.find((d) => d.key === key && !d.removed && d.visible);
    if (!definition) return [];
    const values = Object.values(definition.options).flatMap((option) => option?.values ?? []);
    // Values repeat once per language: group them by value, keeping first-seen order.
    const byValue = new Map<string, typeof values>();
    for (const value of values) byValue.set(value.value, [...(byValue.get(value.value) ?? []), value]);
    return [
      {
        key,
        label: label(definition.names, lang) ?? key,
        multiple: definition.metadataType === "ALTERNATIVE_M",
        options: [...byValue].map(([value, labels]) => ({ value, label: label(labels, lang) ?? value })),
      },
    ];
  });
}

export type SelectedFilters = Map<string, string[]>;

/** Reads `filter.<key>` parameters; errors name each offending parameter as the client sent it. */
export function parseFilters(
  queries: Record<string, string[]>,
  allowedKeys: readonly string[],
): { filters: SelectedFilters; errors: { field: string; message: string }[] } {
  const filters: SelectedFilters = new Map();
  const errors: { field: string; message: string }[] = [];
  for (const [name, rawValues] of Object.entries(queries)) {
    if (!name.startsWith("filter.")) continue;
    const key = name.slice("filter.".length);
    if (!allowedKeys.includes(key)) {
      errors.push({ field: name, message: `is not a filter of this gallery (filters: ${allowedKeys.join(", ") || "none"})` });
      continue;
    }
    const values = [...new Set(rawValues)];
    if (values.some((v) => v.length === 0 || v.length > MAX_VALUE_LENGTH))
      errors.push({ field: name, message: `values must be 1 to ${MAX_VALUE_LENGTH} characters` });
    else if (values.length > MAX_VALUES_PER_KEY) errors.push({ field: name, message: `at most ${MAX_VALUES_PER_KEY} values` });
    else filters.set(key, values.sort());
  }
  return { filters, errors };
}

export interface MetadataCriteria {
  /** For THRON's `criteria.imetadata`; undefined with no filters. */
  imetadata?: {
    haveAll?: { classificationId: string; key: string; value: string }[];
    haveAtLeastOne?: { classificationId: string; key: string; value: string }[];
  };
  /**
   * Keys THRON cannot combine in one search (a second key with several values): the BFF keeps
   * only the items that match them, so such pages may hold fewer items than asked for.
   */
  remaining: SelectedFilters;
}

/** Single values go to `haveAll`; the first key with several values to `haveAtLeastOne`. */
export function toMetadataCriteria(filters: SelectedFilters, classificationId: string): MetadataCriteria {
  const ref = (key: string, value: string) => ({ classificationId, key, value });
  const haveAll: NonNullable<MetadataCriteria["imetadata"]>["haveAll"] = [];
  let haveAtLeastOne: NonNullable<MetadataCriteria["imetadata"]>["haveAtLeastOne"];
  const remaining: SelectedFilters = new Map();
  for (const [key, values] of filters) {
    if (values.length === 1) haveAll.push(ref(key, values[0] as string));
    else if (!haveAtLeastOne) haveAtLeastOne = values.map((value) => ref(key, value));
    else remaining.set(key, values);
  }
  if (haveAll.length === 0 && !haveAtLeastOne) return { remaining };
  return {
    imetadata: { ...(haveAll.length > 0 && { haveAll }), ...(haveAtLeastOne && { haveAtLeastOne }) },
    remaining,
  };
}

export function matchesRemaining(item: SearchItem, remaining: SelectedFilters): boolean {
  const metadata = item.details?.imetadata ?? [];
  return [...remaining].every(([key, values]) => metadata.some((m) => m.key === key && values.includes(m.value)));
}
