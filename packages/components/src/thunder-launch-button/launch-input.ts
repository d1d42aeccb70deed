/**
 * What a launch may carry, checked in the page before the BFF is asked (the BFF checks again):
 * the methods, the id shape each takes, the leagues and angles of the MessageXML family, and
 * the URLs the element will navigate to.
 */
import type { LaunchMethod, ThunderAngle, ThunderLeague } from "@embedkit/contracts";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GSIS = /^\d{1,10}\|\d{1,10}(:[A-Za-z]{2,4})?$/;
const GSIS_SHAPE = "GAMEKEY|PLAYID or GAMEKEY|PLAYID:TEAM";

export const METHOD_IDS: Record<LaunchMethod, { pattern: RegExp; shape: string }> = {
  plays: { pattern: GUID, shape: "XOS play GUIDs" },
  edits: { pattern: GUID, shape: "XOS edit GUIDs" },
  gsis: { pattern: GSIS, shape: GSIS_SHAPE },
  "gsis-nonpro": { pattern: GSIS, shape: GSIS_SHAPE },
  stats: { pattern: /^\d{1,12}$/, shape: "STATS play ids (digits)" },
  "xos-message": { pattern: GUID, shape: "XOS play GUIDs" },
  "gsis-message": { pattern: GSIS, shape: GSIS_SHAPE },
  "pff-message": { pattern: GSIS, shape: `${GSIS_SHAPE} (PFF ids)` },
};
export const METHODS = Object.keys(METHOD_IDS) as LaunchMethod[];
export const MESSAGE_METHODS: readonly LaunchMethod[] = ["xos-message", "gsis-message", "pff-message"];
export const LEAGUES: readonly ThunderLeague[] = ["NFL", "NCAA", "AAF", "XFL", "CFL"];
export const ANGLES: readonly ThunderAngle[] = ["sideline", "endzone", "scoreboard", "tv-broadcast", "no-media"];

export const isMethod = (value: string): value is LaunchMethod => METHODS.includes(value as LaunchMethod);

/** Splits a comma or space separated attribute. */
export const listOf = (value: string | undefined) => (value ?? "").split(/[\s,]+/).filter(Boolean);

/**
 * Each attribute that cannot launch, with what it accepts: the console says so, since a
 * disabled button alone does not tell an author why.
 */
export function attributeProblems(method: string, ids: string[], league: string | undefined, angles: string[]): string[] {
  if (!isMethod(method)) return [`method="${method}" is not one of ${METHODS.join(", ")}`];
  const problems: string[] = [];
  const bad = ids.filter((id) => !METHOD_IDS[method].pattern.test(id));
  if (bad.length > 0)
    problems.push(`ids: ${bad.map((id) => `"${id}"`).join(", ")} not accepted; method="${method}" takes ${METHOD_IDS[method].shape}`);
  const message = MESSAGE_METHODS.includes(method);
  if (league !== undefined && !message) problems.push(`league is taken only by ${MESSAGE_METHODS.join(", ")}`);
  else if (league !== undefined && !LEAGUES.includes(league as ThunderLeague))
    problems.push(`league="${league}" is not one of ${LEAGUES.join(", ")}`);
  if (angles.length > 0 && !message) problems.push(`angles is taken only by ${MESSAGE_METHODS.join(", ")}`);
  else if (angles.some((a) => !ANGLES.includes(a as ThunderAngle)))
    problems.push(`angles="${angles.join(" ")}" may list only ${ANGLES.join(", ")}`);
  return problems;
}

/**
 * Where a launch may take the page: Thunder Cloud's own scheme, or an http(s) address (local
 * Thunder, a configured base URL, Hub Pro's lookup page). Never `javascript:` or `data:`, even
 * from a BFF that was tampered with.
 */
export function isLaunchable(url: string): boolean {
  try {
    return ["thundercloud:", "http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
