/**
 * Thunder launch URLs exactly as the vendor documents them: a prefix per target, a path per
 * method, and the XML payload with single-quoted attributes, every value XML-escaped and every
 * id validated before it reaches the XML.
 */
import type { LaunchMethod, ThunderAngle, ThunderLeague } from "@embedkit/contracts";
import { GSIS_ID, isMessageMethod, LAUNCH_IDS, type MessageMethod } from "@embedkit/contracts/thunder-vocabulary";
import type { ThunderTarget } from "./config.ts";

type PlayerMethod = Exclude<LaunchMethod, MessageMethod>;

const METHODS: Record<PlayerMethod, { path: string; parameter: string }> = {
  plays: { path: "XOS/launchplayerbyplays", parameter: "plays" },
  edits: { path: "XOS/launchplayerbyedits", parameter: "edits" },
  gsis: { path: "XOS/launchplayerbygsis", parameter: "gameCodePlayId" },
  "gsis-nonpro": { path: "XOS/launchplayerbygsisnonpro", parameter: "gameCodePlayId" },
  stats: { path: "XOS/launchplayer", parameter: "plays" },
};

/** The MessageXML family: the XML is the whole query; the content type names the id kind. */
const MESSAGE_PATHS: Record<MessageMethod, { path: string; contentType: string }> = {
  "xos-message": { path: "XOS/XOSMessageXMLGet", contentType: "XOS Plays" },
  "gsis-message": { path: "XOS/MessageXMLGet", contentType: "GSIS Plays" },
  "pff-message": { path: "XOS/PFFMessageXMLGet", contentType: "PFF Plays" },
};

/** One error per id that does not fit the method, named `ids[i]`. */
export function invalidIds(method: LaunchMethod, ids: readonly string[]): { field: string; message: string }[] {
  const rule = LAUNCH_IDS[method];
  return ids.flatMap((id, i) => (rule.pattern.test(id) ? [] : [{ field: `ids[${i}]`, message: `must be ${rule.expected}` }]));
}

export function escapeXml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}

/** `^55514|944,4340:MIA^55526|1583`: plays grouped under their game, in the order given. */
function gsisPayload(ids: readonly string[]): string {
  const games = new Map<string, string[]>();
  for (const id of ids) {
    // Stryker disable next-line StringLiteral,ArrayDeclaration: ids are validated against GSIS_ID first, so the match and its two groups always exist
    const [, game = "", play = "", team] = GSIS_ID.exec(id) ?? [];
    games.set(game, [...(games.get(game) ?? []), team ? `${play}:${team.toUpperCase()}` : play]);
  }
  return [...games].map(([game, plays]) => `^${game}|${plays.join(",")}`).join("");
}

/** The vendor's example shows sideline, end zone and scoreboard, without broadcast or no-media. */
export const DEFAULT_ANGLES: readonly ThunderAngle[] = ["sideline", "endzone", "scoreboard"];
const ANGLE_ATTRIBUTES: Record<ThunderAngle, string> = {
  sideline: "Sideline",
  endzone: "Endzone",
  scoreboard: "Scoreboard",
  "tv-broadcast": "TVBroadcast",
  "no-media": "NoMedia",
};

/** `<Play PlayId='GUID'/>` for XOS plays; `<Play Gamekey='57511' PlayId='763' ScoutedTeam='MIA'/>` for GSIS and PFF. */
function messagePlay(method: MessageMethod, id: string): string {
  if (method === "xos-message") return `<Play PlayId='${escapeXml(id)}'/>`;
  // Stryker disable next-line StringLiteral,ArrayDeclaration: ids are validated against GSIS_ID first, so the match and its two groups always exist
  const [, game = "", play = "", team] = GSIS_ID.exec(id) ?? [];
  const scouted = team ? ` ScoutedTeam='${escapeXml(team.toUpperCase())}'` : "";
  return `<Play Gamekey='${escapeXml(game)}' PlayId='${escapeXml(play)}'${scouted}/>`;
}

function messagePayload(method: MessageMethod, ids: readonly string[], league: ThunderLeague, angles: readonly ThunderAngle[]): string {
  const flags = (Object.entries(ANGLE_ATTRIBUTES) as [ThunderAngle, string][])
    .map(([angle, attribute]) => `${attribute}='${angles.includes(angle) ? "True" : "False"}'`)
    .join(" ");
  return (
    `<ContentType value='${escapeXml(MESSAGE_PATHS[method].contentType)}'><League value='${escapeXml(league)}'>` +
    `<Plays>${ids.map((id) => messagePlay(method, id)).join("")}</Plays></League><Angles ${flags}/></ContentType>`
  );
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
  /** MessageXML methods only. */
  league?: ThunderLeague;
  angles?: readonly ThunderAngle[];
}

export function buildLaunchUrl({ target, method, ids, token, vendor, league, angles }: LaunchUrlInput): string {
  const authentication = `<authentication token='${escapeXml(token)}' vendor='${escapeXml(vendor)}'/>`;
  // The vendor's documented form: the XML goes into the query as it is.
  if (isMessageMethod(method)) {
    const payload = messagePayload(method, ids, league ?? "NFL", angles ?? DEFAULT_ANGLES);
    return `${targetPrefix(target)}${MESSAGE_PATHS[method].path}?<root>${authentication}<payload>${payload}</payload></root>`;
  }
  const { path, parameter } = METHODS[method];
  const payload = method === "gsis" || method === "gsis-nonpro" ? gsisPayload(ids) : ids.join(",");
  return `${targetPrefix(target)}${path}?${parameter}=<root>${authentication}<payload>${escapeXml(payload)}</payload></root>`;
}

/** Hub Pro: the lookup URL the browser opens instead of the launch URL (THUNDER_HUB_PRO_LOOKUP_URL with `{guid}`). */
export function hubProLookupUrl(template: string, guid: string): string {
  return template.replaceAll("{guid}", encodeURIComponent(guid));
}
