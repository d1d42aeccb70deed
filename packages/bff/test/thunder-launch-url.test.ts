import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseWcfString } from "../src/thunder/client.ts";
import { buildLaunchUrl, escapeXml, hubProLookupUrl, invalidIds } from "../src/thunder/mapping.ts";

const PLAY = "0f8fad5b-d9cb-469f-a165-70867728950e";
const PLAY2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const VENDOR = "6f1c2a9e-3b7d-4e0a-9c5f-2d8b7a41e360";
const auth = `<authentication token='TOKEN123' vendor='${VENDOR}'/>`;

describe("Thunder launch URLs", () => {
  const table = [
    ["plays", [PLAY, PLAY2], `XOS/launchplayerbyplays?plays=<root>${auth}<payload>${PLAY},${PLAY2}</payload></root>`],
    ["edits", [PLAY], `XOS/launchplayerbyedits?edits=<root>${auth}<payload>${PLAY}</payload></root>`],
    [
      "gsis",
      ["55514|944", "55514|4340", "55514|4579", "55526|1583"],
      `XOS/launchplayerbygsis?gameCodePlayId=<root>${auth}<payload>^55514|944,4340,4579^55526|1583</payload></root>`,
    ],
    [
      "gsis-nonpro",
      ["57511|763:mia", "57511|800"],
      `XOS/launchplayerbygsisnonpro?gameCodePlayId=<root>${auth}<payload>^57511|763:MIA,800</payload></root>`,
    ],
    ["stats", ["123456", "789"], `XOS/launchplayer?plays=<root>${auth}<payload>123456,789</payload></root>`],
  ] as const;
  const targets = [
    ["cloud", "thundercloud://"],
    ["local-https", "https://localhost:8081/"],
    ["local-http", "http://localhost:8080/"],
    [{ base: "https://thunder.club.example/" }, "https://thunder.club.example/"],
  ] as const;
  for (const [method, ids, rest] of table) {
    for (const [target, prefix] of targets) {
      it(`${method} on ${typeof target === "string" ? target : "a custom base"}`, () => {
        assert.deepEqual(invalidIds(method, ids), []);
        assert.equal(buildLaunchUrl({ target, method, ids, token: "TOKEN123", vendor: VENDOR }), `${prefix}${rest}`);
      });
    }
  }

  it("builds the MessageXML family: content type, league, plays and angles as the vendor documents", () => {
    const xos = buildLaunchUrl({ target: "cloud", method: "xos-message", ids: [PLAY], token: "TOKEN123", vendor: VENDOR });
    assert.equal(
      xos,
      `thundercloud://XOS/XOSMessageXMLGet?<root>${auth}<payload><ContentType value='XOS Plays'><League value='NFL'><Plays>` +
        `<Play PlayId='${PLAY}'/></Plays></League>` +
        "<Angles Sideline='True' Endzone='True' Scoreboard='True' TVBroadcast='False' NoMedia='False'/></ContentType></payload></root>",
    );
    const gsis = buildLaunchUrl({
      target: "local-http",
      method: "gsis-message",
      ids: ["57511|763:mia", "57511|800"],
      league: "CFL",
      angles: ["tv-broadcast"],
      token: "TOKEN123",
      vendor: VENDOR,
    });
    assert.equal(
      gsis,
      `http://localhost:8080/XOS/MessageXMLGet?<root>${auth}<payload><ContentType value='GSIS Plays'><League value='CFL'><Plays>` +
        "<Play Gamekey='57511' PlayId='763' ScoutedTeam='MIA'/><Play Gamekey='57511' PlayId='800'/></Plays></League>" +
        "<Angles Sideline='False' Endzone='False' Scoreboard='False' TVBroadcast='True' NoMedia='False'/></ContentType></payload></root>",
    );
    const pff = buildLaunchUrl({ target: "cloud", method: "pff-message", ids: ["12|34"], token: "TOKEN123", vendor: VENDOR });
    assert.match(
      pff,
      /^thundercloud:\/\/XOS\/PFFMessageXMLGet\?<root>.*<ContentType value='PFF Plays'>.*<Play Gamekey='12' PlayId='34'\/>/,
    );
    assert.deepEqual(
      invalidIds("xos-message", [PLAY, "57511|763"]).map((e) => e.field),
      ["ids[1]"],
    );
    assert.deepEqual(
      invalidIds("pff-message", ["1|2", PLAY, "1|2:X'"]).map((e) => e.field),
      ["ids[1]", "ids[2]"],
    );
  });

  it("refuses ids that do not fit the method, injection attempts included, naming each", () => {
    assert.deepEqual(
      invalidIds("plays", [PLAY, "x'/><evil/>", `${PLAY}'`]).map((e) => e.field),
      ["ids[1]", "ids[2]"],
    );
    assert.deepEqual(
      invalidIds("gsis", ["55514|944", "55514|94a", "55514|944:M1A", "55514|944:TOOLONG", "^55514|944", "55514|944,1"]).map((e) => e.field),
      ["ids[1]", "ids[2]", "ids[3]", "ids[4]", "ids[5]"],
    );
    assert.deepEqual(
      invalidIds("stats", ["123", "12 3", "-1", "1e3"]).map((e) => e.field),
      ["ids[1]", "ids[2]", "ids[3]"],
    );
  });

  it("XML-escapes every value that reaches the payload", () => {
    assert.equal(escapeXml(`a'b"c<d>e&f`), "a&apos;b&quot;c&lt;d&gt;e&amp;f");
    const url = buildLaunchUrl({ target: "cloud", method: "stats", ids: ["1"], token: "t'<>&\"", vendor: VENDOR });
    assert.match(url, /token='t&apos;&lt;&gt;&amp;&quot;'/);
  });

  it("reads the token from every shape the SSO service answers: WCF JSON, a JSON string, WCF XML, plain text", () => {
    assert.equal(parseWcfString('{"GenerateTokenResult":"ABC123DEF"}'), "ABC123DEF");
    assert.equal(parseWcfString('{"GenerateTokenWithDurationResult":"XYZ98765"}'), "XYZ98765");
    assert.equal(parseWcfString('"ABC123DEF"'), "ABC123DEF");
    assert.equal(parseWcfString('<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">ABC123DEF</string>'), "ABC123DEF");
    assert.equal(
      parseWcfString(
        '<?xml version="1.0" encoding="utf-8"?>\n<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">ABC123DEF</string>\n',
      ),
      "ABC123DEF",
    );
    assert.equal(parseWcfString("ABC123DEF\n"), "ABC123DEF");
    // Well-formed XML variants: no namespace, more space before it or before `>`, a prolog on the same line or blank lines after it.
    assert.equal(parseWcfString("<string>ABC123DEF</string>"), "ABC123DEF");
    assert.equal(parseWcfString("<string>\n  ABC123DEF\n</string>"), "ABC123DEF");
    assert.equal(parseWcfString('<string  xmlns="http://schemas.microsoft.com/2003/10/Serialization/">ABC123DEF</string>'), "ABC123DEF");
    assert.equal(parseWcfString('<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/" >ABC123DEF</string>'), "ABC123DEF");
    assert.equal(parseWcfString('<?xml version="1.0"?><string>ABC123DEF</string>'), "ABC123DEF");
    assert.equal(parseWcfString('<?xml version="1.0"?>\r\n\r\n<string>ABC123DEF</string>'), "ABC123DEF");
    assert.equal(parseWcfString('{"Message":"An error has occurred."}'), null);
    assert.equal(parseWcfString("<html>error</html>"), null);
    assert.equal(parseWcfString('<string xmlns="x">bad token</string>'), null);
  });

  it("takes plain text for a token only when the whole answer is one (8 or more token characters), never an error sentence", () => {
    assert.equal(parseWcfString("ABCD1234"), "ABCD1234");
    assert.equal(parseWcfString("aZ09_.~+/=-x"), "aZ09_.~+/=-x");
    for (const answer of ["Invalid", "An error has occurred", "Unauthorized request", "Forbidden: vendor not enabled"])
      assert.equal(parseWcfString(answer), null, answer);
  });

  it("reads JSON answers trimmed, skipping Result fields that are no string, and an empty result as none", () => {
    assert.equal(parseWcfString('" ABC123DEF "'), "ABC123DEF");
    assert.equal(parseWcfString('{"GenerateTokenWithDurationResult":" ABC123DEF\\n"}'), "ABC123DEF");
    assert.equal(parseWcfString('{"StatusResult":0,"GenerateTokenWithDurationResult":"ABC123DEF"}'), "ABC123DEF");
    for (const empty of ['"  "', '{"GenerateTokenWithDurationResult":"  "}', '{"GenerateTokenWithDurationResult":null}', "12345678"])
      assert.equal(parseWcfString(empty), null, empty);
    assert.equal(parseWcfString('Error<?xml version="1.0"?>ABC123DEF'), null, "only a leading XML prolog is dropped");
  });

  it("takes WCF XML only when the whole answer is the string element, not an error page that quotes one", () => {
    const quoted = '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">ABC123DEF</string>';
    assert.equal(parseWcfString(`<html><body>Request failed; last answer:${quoted}`), null);
    assert.equal(parseWcfString(`Error ${quoted}`), null);
    assert.equal(parseWcfString(`${quoted}<Fault>the session ended before the token was kept</Fault>`), null);
  });

  it("puts the Hub Pro GUID into the lookup template, encoded", () => {
    assert.equal(hubProLookupUrl("https://hub.example/l/{guid}?x=1", "ab-12"), "https://hub.example/l/ab-12?x=1");
    assert.equal(hubProLookupUrl("https://hub.example/{guid}", "a/b?"), "https://hub.example/a%2Fb%3F");
  });
});
