/**
 * What Thunder does with a launch URL, for tests: split prefix and method, read the XML,
 * check its token and vendor against the sandbox, and list the ids it launches.
 */
import type { ThunderSandbox } from "./app.ts";

const PREFIXES = { "thundercloud://": "cloud", "https://localhost:8081/": "local-https", "http://localhost:8080/": "local-http" } as const;
const METHODS: Record<string, { parameter: string; method: string }> = {
  "XOS/launchplayerbyplays": { parameter: "plays", method: "plays" },
  "XOS/launchplayerbyedits": { parameter: "edits", method: "edits" },
  "XOS/launchplayerbygsis": { parameter: "gameCodePlayId", method: "gsis" },
  "XOS/launchplayerbygsisnonpro": { parameter: "gameCodePlayId", method: "gsis-nonpro" },
  "XOS/launchplayer": { parameter: "plays", method: "stats" },
};

export interface VerifiedLaunch {
  target: string;
  method: string;
  token: string;
  vendor: string;
  tokenState: ReturnType<ThunderSandbox["checkToken"]>;
  payload: string;
}

const unescapeXml = (text: string) =>
  text.replaceAll("&apos;", "'").replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

/** Parses `url` strictly; throws with the reason when Thunder would not accept it. */
export function verifyLaunchUrl(url: string, sandbox: ThunderSandbox, customBase?: string): VerifiedLaunch {
  const prefixes: Record<string, string> = { ...PREFIXES, ...(customBase && { [customBase]: "custom" }) };
  const prefix = Object.keys(prefixes).find((p) => url.startsWith(p));
  if (!prefix) throw new Error(`unknown launch prefix in ${url.slice(0, 30)}`);
  const rest = url.slice(prefix.length);
  const question = rest.indexOf("?");
  const path = rest.slice(0, question);
  const spec = METHODS[path];
  if (!spec) throw new Error(`unknown launch method ${path}`);
  const query = rest.slice(question + 1);
  if (!query.startsWith(`${spec.parameter}=`)) throw new Error(`expected ${spec.parameter}=`);
  const xml = query.slice(spec.parameter.length + 1);
  // The documented shape, single-quoted attributes; nothing else may be in the document.
  const match = /^<root><authentication token='([^'<>&]*)' vendor='([^'<>&]*)'\/><payload>([^<>]*)<\/payload><\/root>$/.exec(xml);
  if (!match) throw new Error(`malformed launch XML: ${xml}`);
  const [, token = "", vendor = "", payload = ""] = match;
  return {
    target: prefixes[prefix] as string,
    method: spec.method,
    token: unescapeXml(token),
    vendor: unescapeXml(vendor),
    tokenState: sandbox.checkToken(unescapeXml(token), unescapeXml(vendor)),
    payload: unescapeXml(payload),
  };
}
