import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildCatalogue } from "../src/thron/catalogue.ts";
import { SAMPLE_MP3_BASE64, SAMPLE_MP4_BASE64 } from "../src/thron/sample-media.ts";

/** The MP4's own duration from its movie header (mvhd, version 0: timescale then duration). */
function mp4DurationMs(bytes: Buffer): number {
  const at = bytes.indexOf("mvhd") + 4;
  const timescale = bytes.readUInt32BE(at + 12);
  return (bytes.readUInt32BE(at + 16) / timescale) * 1000;
}

describe("the sandbox catalogue", () => {
  const catalogue = buildCatalogue();

  it("gives videos and audio the durations of the sample files they play", () => {
    const video = mp4DurationMs(Buffer.from(SAMPLE_MP4_BASE64, "base64"));
    // The MP3 is constant 32 kbit/s: its length in seconds is its bits over 32 000.
    const audio = (Buffer.from(SAMPLE_MP3_BASE64, "base64").length * 8) / 32;
    for (const content of catalogue.contents) {
      if (content.contentType === "VIDEO") assert.equal(content.durationMs, video, content.fileName);
      if (content.contentType === "AUDIO") assert.ok(Math.abs((content.durationMs ?? 0) - audio) < 200, `${content.fileName}: ${audio}`);
    }
  });

  it("makes Italian adjectives agree with their nouns", () => {
    const italian = catalogue.contents.flatMap((c) => c.locales.filter((l) => l.locale === "IT").map((l) => l.name));
    const feminine = /^(Piazza|Foresta|Cucina|Maratona) (\w+),/;
    const masculine = /^(Lago|Porto|Mercato|Stadio|Vigneto|Laboratorio|Ghiacciaio) (\w+),/;
    let checked = 0;
    for (const name of italian) {
      const f = feminine.exec(name);
      if (f) assert.match(f[2] ?? "", /(a|blu)$/, name);
      const m = masculine.exec(name);
      if (m) assert.match(m[2] ?? "", /(o|blu)$/, name);
      if (f || m) checked++;
    }
    assert.ok(checked > 100);
    assert.ok(
      italian.some((n) => /^Piazza \w+a,/.test(n)),
      "a feminine agreement seen",
    );
  });
});
