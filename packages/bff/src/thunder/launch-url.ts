/**
 * Thunder launch URLs exactly as the vendor documents them: a prefix per target, a path per
 * method, and the XML payload with single-quoted attributes, every value XML-escaped and every
 * id validated before it reaches the XML.
 */
import type { LaunchMethod } from "@embedkit/contracts";
import type { ThunderTarget } from "../config.ts";

const METHODS: Record<LaunchMethod, { path: string; parameter: string }> = {
  plays: { path: "XOS/launchplayerbyplays", parameter: "plays" },
  edits: { path: "XOS/launchplayerbyedits", parameter: "edits" },
  gsis: { path: "XOS/launchplayerbygsis", parameter: "gameCodePlayId" },
  "gsis-nonpro": { path: "XOS/launchplayerbygsisnonpro", parameter: "gameCodePlayId" },
  stats: { path: "XOS/launchplayer", parameter: "plays" },
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d{1,12}$/;
const GSIS = /^(\d{1,10})\|(\d{1,10})(?::([A-Za-z]{2,4}))?$/;

const ID_RULES: Record<LaunchMethod, { pattern: RegExp; expected: string }> = {
  plays: { pattern: GUID, expected: "an XOS play GUID" },
  edits: { pattern: GUID, expected: "an XOS edit GUID" },
  gsis: { pattern: GSIS, expected: "GAMEKEY|PLAYID or GAMEKEY|PLAYID:TEAM (digits, team 2–4 letters)" },
  "gsis-nonpro": { pattern: GSIS, expected: "GAMEKEY|PLAYID or GAMEKEY|PLAYID:TEAM (digits, team 2–4 letters)" },
  stats: { pattern: DIGITS, expected: "a STATS play id (digits)" },
};

/** One error per id that does not fit the method, named `ids[i]`. */
export function invalidIds(method: LaunchMethod, ids: readonly string[]): { field: string; message: string }[] {
  const rule = ID_RULES[method];
  return ids.flatMap((id, i) => (rule.pattern.test(id) ? [] : [{ field: `ids[${i}]`, message: `must be ${rule.expected}` }]));
}

export function escapeXml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}

/** `^55514|944,4340:MIA^55526|1583`: plays grouped under their game, in the order given. */
function gsisPayload(ids: readonly string[]): string {
  const games = new Map<string, string[]>();
  for (const id of ids) {
    const [, game = "", play = "", team] = GSIS.exec(id) ?? [];
    games.set(game, [...(games.get(game) ?? []), team ? `${play}:${team.toUpperCase()}` : play]);
  }
  return [...games].map(([game, plays]) => `^${game}|${plays.join(",")}`).join("");
}

export function targetPrefix(target: ThunderTarget): string {
  if (target === "cloud") return "thundercloud://";
  if (target === "local-https") return "https://localhost:8081/";
  if (target === "local-http") return "http://localhost:8080/";
  return target.base;
}

export interface LaunchUrlInput {
  target: ThunderTarget;
  method: LaunchMethod;
  /** Already validated with invalidIds(). */
  ids: readonly string[];
  token: string;
  vendor: string;
}

export function buildLaunchUrl({ target, method, ids, token, vendor }: LaunchUrlInput): string {
  const { path, parameter } = METHODS[method];
  const payload = method === "gsis" || method === "gsis-nonpro" ? gsisPayload(ids) : ids.join(",");
  const xml = `<root><authentication token='${escapeXml(token)}' vendor='${escapeXml(vendor)}'/><payload>${escapeXml(payload)}</payload></root>`;
  // The vendor's documented form: the XML goes into the query as it is.
  return `${targetPrefix(target)}${path}?${parameter}=${xml}`;
}
