/**
 * The language of a fragment whose request names no `locale`. The element's own rule in the
 * browser is `locale`, else the closest `lang`, else English (components/src/internal/localize.ts);
 * a server cannot see the page, so it takes the visitor's `Accept-Language` (a CMS forwarding its
 * visitor's header, or a browser asking directly), among the languages the elements speak, else
 * English. The fragment then carries `lang="<language>"` on its tag: the element's closest `lang`
 * is its own, so it hydrates in the language it was rendered in, never swapping its text.
 */

/** Languages every element has strings for (each element's lang/ folder). */
export const ELEMENT_LANGUAGES: readonly string[] = ["en", "it", "de", "fr", "es"];

/** The caller's most preferred language the elements speak (`q` weights honoured), else `en`. */
export function languageOf(acceptLanguage: string | undefined): string {
  let best = { language: "en", weight: 0 };
  // Stryker disable next-line StringLiteral: any text naming no element language reads as no header (English)
  const header = acceptLanguage ?? "";
  for (const [index, item] of header.slice(0, 1_000).split(",").entries()) {
    // Stryker disable next-line MethodExpression: redundant with range.trim() and the \s* around the q pattern, which trim the same characters
    const parts = item.trim().split(";");
    // Stryker disable next-line StringLiteral: split always yields a first part
    const [range = "", ...params] = parts;
    const subtags = range.trim().split("-");
    // Stryker disable next-line StringLiteral: split always yields a first subtag
    const language = subtags[0]?.toLowerCase() ?? "";
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    // Earlier items win ties: weights are equal by default, and the header lists by preference.
    const weight = (q === undefined ? 1 : Number(q)) - index * 1e-6;
    if (ELEMENT_LANGUAGES.includes(language) && weight > best.weight) best = { language, weight };
  }
  return best.language;
}
