/**
 * What a launch may carry, checked in the page before the BFF is asked (the BFF checks again):
 * the methods, the id shape each takes, the leagues and angles of the MessageXML family, and
 * the URLs the element will navigate to.
 */
import {
  isLaunchMethod,
  isMessageMethod,
  LAUNCH_IDS,
  LAUNCH_METHODS,
  MESSAGE_METHODS,
  THUNDER_ANGLES,
  THUNDER_LEAGUES,
} from "@embedkit/contracts/thunder-vocabulary";

/** Splits a comma or space separated attribute. */
export const listOf = (value: string | undefined) => (value ?? "").split(/[\s,]+/).filter(Boolean);

/** An attribute that cannot launch, and what it accepts (for warnAttribute). */
export interface AttributeProblem {
  attribute: "method" | "ids" | "league" | "angles";
  value: string;
  expected: string;
}

/**
 * Each attribute that cannot launch, with what it accepts: the console says so, since a
 * disabled button alone does not tell an author why.
 */
export function attributeProblems(method: string, ids: string[], league: string | undefined, angles: string[]): AttributeProblem[] {
  if (!isLaunchMethod(method)) return [{ attribute: "method", value: method, expected: `one of ${LAUNCH_METHODS.join(", ")}` }];
  const problems: AttributeProblem[] = [];
  const rule = LAUNCH_IDS[method];
  const bad = ids.filter((id) => !rule.pattern.test(id));
  if (bad.length > 0) problems.push({ attribute: "ids", value: bad.join(" "), expected: `with method="${method}", each ${rule.expected}` });
  const message = isMessageMethod(method);
  const onlyMessage = `none: only ${MESSAGE_METHODS.join(", ")} take it`;
  if (league !== undefined && !message) problems.push({ attribute: "league", value: league, expected: onlyMessage });
  else if (league !== undefined && !(THUNDER_LEAGUES as readonly string[]).includes(league))
    problems.push({ attribute: "league", value: league, expected: `one of ${THUNDER_LEAGUES.join(", ")}` });
  if (angles.length > 0 && !message) problems.push({ attribute: "angles", value: angles.join(" "), expected: onlyMessage });
  else if (angles.some((a) => !(THUNDER_ANGLES as readonly string[]).includes(a)))
    problems.push({ attribute: "angles", value: angles.join(" "), expected: `only ${THUNDER_ANGLES.join(", ")}` });
  return problems;
}

/**
 * Where a launch may take the page: Thunder Cloud's own scheme, or an http(s) address (local
 * Thunder, a configured base URL, Hub Pro's lookup page). Never `javascript:` or `data:`, even
 * from a BFF that was tampered with.
 */
export function isLaunchable(url: string): boolean {
  const protocol = protocolOf(url);
  return protocol === "thundercloud:" || protocol === "http:" || protocol === "https:";
}

/** Whether the URL opens the Thunder app (its scheme in any case: `THUNDERCLOUD:` too). */
export const opensThunderApp = (url: string) => protocolOf(url) === "thundercloud:";

/** The URL's scheme, lower-cased by the URL parser; "" when it is no URL. */
function protocolOf(url: string): string {
  return URL.canParse(url) ? new URL(url).protocol : "";
}
