/**
 * The gallery's sort names mapped to THRON's content sort. The SDK's `MContentSort` has one
 * field per sort (`creationDate`, `lastUpdate`, `ranking`: `{order}`; `name`: `{order,
 * langPreferred}`, the title in the preferred language with THRON's fallback chain), and the
 * search takes a list of them. Assumed: `order` is `asc`/`desc` (the SDK's MESortOrder values
 * are not public); change it here if THRON answers otherwise.
 */
import type { AssetsQuery } from "@embedkit/contracts";

export type SortName = NonNullable<AssetsQuery["sort"]>;

export type ThronSort = Record<string, { order: "asc" | "desc"; langPreferred?: string }>;

/** `lang` is THRON's upper-case language (`EN`), used for the title sort. */
export function thronSort(sort: SortName | undefined, lang: string): ThronSort[] {
  switch (sort) {
    case "oldest":
      return [{ creationDate: { order: "asc" } }];
    case "title":
      return [{ name: { order: "asc", langPreferred: lang } }];
    default:
      return [{ creationDate: { order: "desc" } }];
  }
}
