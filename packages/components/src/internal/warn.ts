/**
 * Messages for the editor who wrote the embed, in the browser console: which attribute is wrong
 * and what it should be. Once per element and attribute, so a re-render does not repeat them.
 */
const warned = new WeakMap<Element, Set<string>>();

export function warnAttribute(element: Element, attribute: string, value: string | null | undefined, expected: string): void {
  const seen = warned.get(element) ?? new Set<string>();
  const key = `${attribute}=${value}`;
  if (seen.has(key)) return;
  seen.add(key);
  warned.set(element, seen);
  console.warn(`<${element.localName}> ${attribute}="${value ?? ""}": expected ${expected}.`, element);
}
