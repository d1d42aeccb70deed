import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildLaunchUrl, escapeXml, invalidIds } from "../src/thunder/launch-url.ts";
import { parseTokenAnswer } from "../src/thunder/sso.ts";

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

  it("reads the token from every shape the SSO service answers", () => {
    assert.equal(parseTokenAnswer('{"GenerateTokenResult":"ABC123DEF"}'), "ABC123DEF");
    assert.equal(parseTokenAnswer('{"GenerateTokenWithDurationResult":"XYZ98765"}'), "XYZ98765");
    assert.equal(parseTokenAnswer('"ABC123DEF"'), "ABC123DEF");
    assert.equal(parseTokenAnswer("ABC123DEF\n"), "ABC123DEF");
    assert.equal(parseTokenAnswer('{"Message":"An error has occurred."}'), null);
    assert.equal(parseTokenAnswer("<html>error</html>"), null);
  });
});
