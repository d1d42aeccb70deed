/**
 * Thunder launch vocabulary without zod: the methods, the MessageXML family, leagues, angles and
 * the id each method takes. The BFF's schemas and route, and `<thunder-launch-button>` in the
 * page, read this one table.
 */

export const LAUNCH_METHODS = ["plays", "edits", "gsis", "gsis-nonpro", "stats", "xos-message", "gsis-message", "pff-message"] as const;
export type LaunchMethodName = (typeof LAUNCH_METHODS)[number];

/** The MessageXML family: one launch carries a league and the camera angles to show. */
export const MESSAGE_METHODS = ["xos-message", "gsis-message", "pff-message"] as const;
export type MessageMethod = (typeof MESSAGE_METHODS)[number];

export const THUNDER_LEAGUES = ["NFL", "NCAA", "AAF", "XFL", "CFL"] as const;
export const THUNDER_ANGLES = ["sideline", "endzone", "scoreboard", "tv-broadcast", "no-media"] as const;

export const isLaunchMethod = (value: string): value is LaunchMethodName => (LAUNCH_METHODS as readonly string[]).includes(value);
export const isMessageMethod = (value: string): value is MessageMethod => (MESSAGE_METHODS as readonly string[]).includes(value);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `GAMEKEY|PLAYID` or `GAMEKEY|PLAYID:TEAM`; the groups are the game, the play and the team. */
export const GSIS_ID = /^(\d{1,10})\|(\d{1,10})(?::([A-Za-z]{2,4}))?$/;
const GSIS_SHAPE = "GAMEKEY|PLAYID or GAMEKEY|PLAYID:TEAM (digits, team 2–4 letters)";

/** The id each method takes, and how to say so ("must be …"). */
export const LAUNCH_IDS: Record<LaunchMethodName, { pattern: RegExp; expected: string }> = {
  plays: { pattern: GUID, expected: "an XOS play GUID" },
  edits: { pattern: GUID, expected: "an XOS edit GUID" },
  gsis: { pattern: GSIS_ID, expected: GSIS_SHAPE },
  "gsis-nonpro": { pattern: GSIS_ID, expected: GSIS_SHAPE },
  stats: { pattern: /^\d{1,12}$/, expected: "a STATS play id (digits)" },
  "xos-message": { pattern: GUID, expected: "an XOS play GUID" },
  "gsis-message": { pattern: GSIS_ID, expected: GSIS_SHAPE },
  "pff-message": { pattern: GSIS_ID, expected: "GAMEKEY|PLAYID or GAMEKEY|PLAYID:TEAM (PFF ids: digits, team 2–4 letters)" },
};
