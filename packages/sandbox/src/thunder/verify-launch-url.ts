/**
 * What Thunder does with a launch URL, for tests: split prefix and method, read the XML,
 * check its token and vendor against the sandbox, check every id has the shape the method
 * takes, and list the ids it launches.
 */
import type { ThunderSandbox } from "./app.ts";

const PREFIXES = { "thundercloud://": "cloud", "https://localhost:8081/": "local-https", "http://localhost:8080/": "local-http" } as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_LIST = /^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i;
const DIGIT_LIST = /^\d{1,12}(,\d{1,12})*$/;
/** `^55514|944,4340:MIA^55526|1583`. */
const GSIS_GAMES = /^(\^\d{1,10}\|\d{1,10}(:[A-Z]{2,4})?(,\d{1,10}(:[A-Z]{2,4})?)*)+$/;

const METHODS: Record<string, { parameter: string; method: string; payload: RegExp }> = {
  "XOS/launchplayerbyplays": { parameter: "plays", method: "plays", payload: GUID_LIST },
  "XOS/launchplayerbyedits": { parameter: "edits", method: "edits", payload: GUID_LIST },
  "XOS/launchplayerbygsis": { parameter: "gameCodePlayId", method: "gsis", payload: GSIS_GAMES },
  "XOS/launchplayerbygsisnonpro": { parameter: "gameCodePlayId", method: "gsis-nonpro", payload: GSIS_GAMES },
  "XOS/launchplayer": { parameter: "plays", method: "stats", payload: DIGIT_LIST },
};

/** The MessageXML family: the XML is the whole query, its content type fixed by the path. */
const MESSAGE_METHODS: Record<string, { method: string; contentType: string }> = {
  "XOS/XOSMessageXMLGet": { method: "xos-message", contentType: "XOS Plays" },
  "XOS/MessageXMLGet": { method: "gsis-message", contentType: "GSIS Plays" },
  "XOS/PFFMessageXMLGet": { method: "pff-message", contentType: "PFF Plays" },
};
const LEAGUES = ["NFL", "NCAA", "AAF", "XFL", "CFL"];
const ANGLES = ["Sideline", "Endzone", "Scoreboard", "TVBroadcast", "NoMedia"];

export interface VerifiedLaunch {
  target: string;
  method: string;
  token: string;
  vendor: string;
  tokenState: ReturnType<ThunderSandbox["checkToken"]>;
  /** Player methods: the payload as Thunder reads it; MessageXML: the plays as `GUID` or `GAMEKEY|PLAYID[:TEAM]`, comma-separated. */
  payload: string;
  /** MessageXML only. */
  league?: string;
  /** MessageXML only: the angle attributes set to True. */
  angles?: string[];
}

const unescapeXml = (text: string) =>
  text.replaceAll("&apos;", "'").replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

const AUTH = /^<root><authentication token='([^'<>&]*)' vendor='([^'<>&]*)'\/><payload>(.*)<\/payload><\/root>$/;

/** Reads a MessageXML payload strictly; throws when an attribute or id is not what Thunder takes. */
function readMessage(xml: string, contentType: string): { payload: string; league: string; angles: string[] } {
  const match =
    /^<ContentType value='([^'<>]*)'><League value='([^'<>]*)'><Plays>((?:<Play [^<>]*\/>)+)<\/Plays><\/League><Angles ([^<>]*)\/><\/ContentType>$/.exec(
      xml,
    );
  if (!match) throw new Error(`malformed MessageXML payload: ${xml}`);
  const [, type = "", league = "", plays = "", angleText = ""] = match;
  if (type !== contentType) throw new Error(`content type ${type} on the ${contentType} method`);
  if (!LEAGUES.includes(league)) throw new Error(`unknown league ${league}`);
  const angleMatch = new RegExp(`^${ANGLES.map((a) => `${a}='(True|False)'`).join(" ")}$`).exec(angleText);
  if (!angleMatch) throw new Error(`malformed angles: ${angleText}`);
  const angles = ANGLES.filter((_, i) => angleMatch[i + 1] === "True");
  const ids = [...plays.matchAll(/<Play ([^<>]*)\/>/g)].map(([, attributes = ""]) => {
    if (contentType === "XOS Plays") {
      const id = /^PlayId='([^']*)'$/.exec(attributes)?.[1] ?? "";
      if (!GUID.test(id)) throw new Error(`XOS play id is not a GUID: ${attributes}`);
      return id;
    }
    const play = /^Gamekey='(\d{1,10})' PlayId='(\d{1,10})'(?: ScoutedTeam='([A-Z]{2,4})')?$/.exec(attributes);
    if (!play) throw new Error(`play attributes are not Gamekey, PlayId and ScoutedTeam: ${attributes}`);
    return `${play[1]}|${play[2]}${play[3] ? `:${play[3]}` : ""}`;
  });
  return { payload: ids.join(","), league, angles };
}

/** Parses `url` strictly; throws with the reason when Thunder would not accept it. */
export function verifyLaunchUrl(url: string, sandbox: ThunderSandbox, customBase?: string): VerifiedLaunch {
  const prefixes: Record<string, string> = { ...PREFIXES, ...(customBase && { [customBase]: "custom" }) };
  const prefix = Object.keys(prefixes).find((p) => url.startsWith(p));
  if (!prefix) throw new Error(`unknown launch prefix in ${url.slice(0, 30)}`);
  const rest = url.slice(prefix.length);
  const question = rest.indexOf("?");
  const path = rest.slice(0, question);
  const player = METHODS[path];
  const message = MESSAGE_METHODS[path];
  if (!player && !message) throw new Error(`unknown launch method ${path}`);
  let xml = rest.slice(question + 1);
  if (player) {
    if (!xml.startsWith(`${player.parameter}=`)) throw new Error(`expected ${player.parameter}=`);
    xml = xml.slice(player.parameter.length + 1);
  }
  // The documented shape, single-quoted attributes; nothing else may be in the document.
  const match = AUTH.exec(xml);
  if (!match) throw new Error(`malformed launch XML: ${xml}`);
  const [, token = "", vendor = "", body = ""] = match;
  const launch = {
    target: prefixes[prefix] as string,
    token: unescapeXml(token),
    vendor: unescapeXml(vendor),
    tokenState: sandbox.checkToken(unescapeXml(token), unescapeXml(vendor)),
  };
  if (message) return { ...launch, method: message.method, ...readMessage(body, message.contentType) };
  if (/[<>]/.test(body)) throw new Error(`markup inside the payload: ${body}`);
  const payload = unescapeXml(body);
  if (!player?.payload.test(payload)) throw new Error(`payload ${payload} is not what ${path} takes`);
  return { ...launch, method: player.method, payload };
}
