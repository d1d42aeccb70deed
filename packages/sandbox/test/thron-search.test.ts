import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pngSize, RESTRICTED_CONTENTS, THRON_SANDBOX, VISIBLE_CONTENTS } from "../src/index.ts";
import { inDemoFolder, newSandbox } from "./thron-client.ts";

interface Item {
  id: string;
  contentType: string;
  creationDate: string;
  details: { locales?: { locale: string; name: string }[]; imetadata?: { key: string; value: string }[] };
  thumbs: { id: string; url: string }[];
}
interface Page {
  resultCode: string;
  items: Item[];
  nextPageToken: string | null;
  estimatedTotalResults: number;
}

describe("THRON sandbox: content search", () => {
  it("pages through the whole visible folder tree with no duplicates or gaps, newest first", async () => {
    const { login, search } = newSandbox();
    const { legacyToken } = await login();
    const seen: Item[] = [];
    let pageToken: string | null = null;
    let pages = 0;
    do {
      const page = (await (
        await search(legacyToken, { criteria: inDemoFolder, ...(pageToken && { pageToken }), responseOptions: { resultsPageSize: 50 } })
      ).json()) as Page;
      assert.equal(page.resultCode, "OK");
      assert.equal(page.estimatedTotalResults, VISIBLE_CONTENTS);
      seen.push(...page.items);
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    assert.equal(pages, Math.ceil(VISIBLE_CONTENTS / 50));
    assert.equal(new Set(seen.map((i) => i.id)).size, VISIBLE_CONTENTS);
    const dates = seen.map((i) => i.creationDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const years = new Set(dates.map((d) => d.slice(0, 4)));
    assert.ok(years.size >= 4, `creation dates spread over years, got ${[...years]}`);
  });

  it("honours cascade: without it, contents of the sub-folder are left out", async () => {
    const { login, search } = newSandbox();
    const { legacyToken } = await login();
    const total = async (cascade: boolean) =>
      (
        (await (
          await search(legacyToken, { criteria: { linkedCategories: { haveAtLeastOne: [{ id: THRON_SANDBOX.folderId, cascade }] } } })
        ).json()) as Page
      ).estimatedTotalResults;
    assert.equal(await total(true), VISIBLE_CONTENTS);
    assert.ok((await total(false)) < VISIBLE_CONTENTS);
  });

  it("filters by contentType, lemma (any, all, phrase) and imetadata (haveAll, haveAtLeastOne, haveNot)", async () => {
    const { login, search } = newSandbox();
    const { legacyToken } = await login();
    const run = async (criteria: object) =>
      (await (
        await search(legacyToken, {
          criteria: { ...inDemoFolder, ...criteria },
          responseOptions: { resultsPageSize: 50, returnDetailsFields: ["locales", "imetadata"] },
        })
      ).json()) as Page;
    const videos = await run({ contentType: ["VIDEO"] });
    assert.ok(videos.items.length > 0 && videos.items.every((i) => i.contentType === "VIDEO"));
    const typesSeen = new Set((await run({ contentType: ["IMAGE", "VIDEO", "AUDIO", "OTHER"] })).items.map((i) => i.contentType));
    assert.deepEqual([...typesSeen].sort(), ["AUDIO", "IMAGE", "OTHER", "VIDEO"]);

    const lake = await run({ lemma: { text: "lake", textMatch: "any_word_match", lang: "EN" } });
    assert.ok(lake.estimatedTotalResults > 0);
    assert.ok(lake.items.every((i) => i.details.locales?.some((l) => l.locale === "EN" && /\blake\b/i.test(l.name))));
    const any = (await run({ lemma: { text: "lake glacier", textMatch: "any_word_match" } })).estimatedTotalResults;
    const all = (await run({ lemma: { text: "lake glacier", textMatch: "all_word_match" } })).estimatedTotalResults;
    assert.ok(any > lake.estimatedTotalResults && all === 0, `any=${any} all=${all}`);
    const phrase = await run({ lemma: { text: "golden lake", textMatch: "phrase_match", lang: "EN" } });
    assert.ok(phrase.items.every((i) => i.details.locales?.some((l) => /golden lake/i.test(l.name))));

    const meta = (key: string, value: string) => ({ classificationId: THRON_SANDBOX.classificationId, key, value });
    const has = (i: Item, key: string, value: string) => i.details.imetadata?.some((m) => m.key === key && m.value === value);
    const winter = await run({ imetadata: { haveAll: [meta("season", "winter")] } });
    assert.ok(winter.items.length > 0 && winter.items.every((i) => has(i, "season", "winter")));
    const either = await run({ imetadata: { haveAtLeastOne: [meta("topic", "food"), meta("topic", "sport")] } });
    assert.ok(either.items.every((i) => has(i, "topic", "food") || has(i, "topic", "sport")));
    const notWinter = await run({ imetadata: { haveNot: [meta("season", "winter")] } });
    assert.equal(notWinter.estimatedTotalResults + winter.estimatedTotalResults, VISIBLE_CONTENTS);
    // Values match exactly and case-sensitively.
    assert.equal((await run({ imetadata: { haveAll: [meta("season", "Winter")] } })).estimatedTotalResults, 0);
  });

  it("returns only the details asked for, and protocol-relative thumbs for each thumbsOption", async () => {
    const { login, search } = newSandbox();
    const { legacyToken } = await login();
    const page = (await (
      await search(legacyToken, {
        criteria: inDemoFolder,
        responseOptions: { resultsPageSize: 2, returnDetailsFields: ["locales"], thumbsOptions: [{ id: "s", divArea: "320x0" }] },
      })
    ).json()) as Page;
    const [item] = page.items;
    assert.ok(item);
    assert.deepEqual(Object.keys(item.details), ["locales"]);
    assert.equal(item.thumbs[0]?.id, "s");
    assert.match(item.thumbs[0]?.url ?? "", /^\/\/sandbox\.test\/thron\/delivery\/public\/thumbnail\/sandbox\/.+\/std\/320x0\//);
  });

  it("refuses more than 50 results a page, a forged page token, and a folder the user has no rights on", async () => {
    const { login, search } = newSandbox();
    const { legacyToken } = await login();
    const tooMany = await search(legacyToken, { criteria: inDemoFolder, responseOptions: { resultsPageSize: 51 } });
    assert.equal(tooMany.status, 418, "errors with a result code come as 418 with the envelope");
    assert.equal(((await tooMany.json()) as { resultCode: string }).resultCode, "INVALID_ARGUMENTS");
    assert.equal((await search(legacyToken, { criteria: inDemoFolder, pageToken: "garbage" })).status, 418);
    const restricted = await search(legacyToken, {
      criteria: { linkedCategories: { haveAtLeastOne: [{ id: THRON_SANDBOX.restrictedFolderId, cascade: true }] } },
    });
    assert.equal(restricted.status, 403);
    assert.equal(await restricted.text(), "Access Denied", "a bare 403, as THRON sends it");
  });

  it("takes sort as a list of sorts (the SDK's model) or as a single one, with the same order", async () => {
    const { login, search } = newSandbox();
    const { legacyToken } = await login();
    const ids = async (sort: unknown) =>
      (
        (await (await search(legacyToken, { criteria: inDemoFolder, responseOptions: { resultsPageSize: 20, sort } })).json()) as Page
      ).items.map((i) => i.id);
    const oldest = await ids([{ creationDate: { order: "asc" } }]);
    assert.deepEqual(await ids({ creationDate: { order: "asc" } }), oldest);
    assert.notDeepEqual(await ids([{ creationDate: { order: "desc" } }]), oldest);
    const byName = await ids([{ name: { locale: "EN", order: "asc" } }, { creationDate: { order: "desc" } }]);
    assert.notDeepEqual(byName, oldest);
    const unsupported = await search(legacyToken, { criteria: inDemoFolder, responseOptions: { sort: [{ popularity: {} }] } });
    assert.equal(unsupported.status, 418);
  });

  it("never returns restricted contents, whatever the criteria", async () => {
    const { login, search } = newSandbox();
    const { legacyToken } = await login();
    const page = (await (await search(legacyToken, { criteria: {}, responseOptions: { resultsPageSize: 50 } })).json()) as Page;
    assert.equal(page.estimatedTotalResults, VISIBLE_CONTENTS);
    assert.ok(RESTRICTED_CONTENTS > 0);
  });

  it("answers the GET twin with ?param=<JSON> exactly like the POST", async () => {
    const { login, search, request } = newSandbox();
    const { legacyToken } = await login();
    const body = { criteria: inDemoFolder, responseOptions: { resultsPageSize: 5 } };
    const viaPost = (await (await search(legacyToken, body)).json()) as Page;
    const viaGet = (await (
      await request(`/api/xcontents/resources/content/search/${THRON_SANDBOX.tenant}?param=${encodeURIComponent(JSON.stringify(body))}`, {
        headers: { "x-tokenid": legacyToken },
      })
    ).json()) as Page;
    assert.deepEqual(
      viaGet.items.map((i) => i.id),
      viaPost.items.map((i) => i.id),
    );
  });

  it("serves 418 with the envelope when the fault switch injects server exceptions", async () => {
    const { sandbox, login, search } = newSandbox();
    const { legacyToken } = await login();
    sandbox.thron.faults.errorRate = 1;
    const response = await search(legacyToken, { criteria: inDemoFolder });
    assert.equal(response.status, 418);
    assert.equal(((await response.json()) as { resultCode: string }).resultCode, "EXCEPTION");
  });
});

describe("THRON sandbox: public delivery", () => {
  it("serves real PNG thumbnails resized to the requested area, keeping the aspect ratio", async () => {
    const { login, search, request } = newSandbox();
    const { legacyToken } = await login();
    const page = (await (
      await search(legacyToken, {
        criteria: { ...inDemoFolder, contentType: ["IMAGE"] },
        responseOptions: { resultsPageSize: 1, thumbsOptions: [{ id: "t", divArea: "320x0" }] },
      })
    ).json()) as Page;
    const path = (page.items[0]?.thumbs[0]?.url ?? "").replace("//sandbox.test/thron", "");
    const small = await request(path);
    assert.equal(small.status, 200);
    assert.equal(small.headers.get("content-type"), "image/png");
    const smallSize = pngSize(new Uint8Array(await small.arrayBuffer()));
    const large = pngSize(new Uint8Array(await (await request(path.replace("/320x0/", "/640x0/"))).arrayBuffer()));
    assert.equal(smallSize.width, 320);
    assert.equal(large.width, 640);
    assert.ok(Math.abs(large.height - 2 * smallSize.height) <= 1);
  });

  it("refuses a wrong pKey and serves audio and documents a browser can open", async () => {
    const { login, search, request } = newSandbox();
    const { legacyToken } = await login();
    const first = async (type: string) =>
      (
        (await (
          await search(legacyToken, { criteria: { ...inDemoFolder, contentType: [type] }, responseOptions: { resultsPageSize: 1 } })
        ).json()) as Page
      ).items[0]?.id;
    const image = await first("IMAGE");
    assert.equal((await request(`/delivery/public/thumbnail/sandbox/${image}/wrong-pkey/std/100x0/x`)).status, 404);
    const audio = await request(`/delivery/public/audio/sandbox/${await first("AUDIO")}/${THRON_SANDBOX.pkey}/WEB/x`);
    assert.equal(audio.headers.get("content-type"), "audio/mpeg");
    const mp3 = new Uint8Array(await audio.arrayBuffer());
    assert.ok(new TextDecoder().decode(mp3.slice(0, 3)) === "ID3" || (mp3[0] === 0xff && ((mp3[1] ?? 0) & 0xe0) === 0xe0), "an MP3 stream");
    const pdf = await request(`/delivery/public/document/sandbox/${await first("OTHER")}/${THRON_SANDBOX.pkey}/WEB/x`);
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    assert.match(await pdf.text(), /^%PDF-1\.4[\s\S]*%%EOF\n$/);
  });
});

describe("THRON sandbox: criteria.ids", () => {
  it("answers only the listed contents, ANDed with the folder and the other criteria, in its own sort order", async () => {
    const { sandbox, login, search } = newSandbox();
    const { legacyToken } = await login();
    const contents = sandbox.thron.catalogue.contents;
    const id = (index: number) => contents[index]?.id ?? assert.fail(`no content ${index}`);
    const restricted = contents.find((c) => c.folderId !== THRON_SANDBOX.folderId && c.folderId !== THRON_SANDBOX.sportFolderId);
    const listed = [id(150), id(2), "no-such-id", id(77), id(0), restricted?.id ?? assert.fail("no restricted content")];
    const found = async (criteria: Record<string, unknown>) => {
      const page = (await (await search(legacyToken, { criteria, responseOptions: { resultsPageSize: 50 } })).json()) as Page;
      assert.equal(page.resultCode, "OK");
      return page.items.map((item) => item.id);
    };
    // Newest first, as any search: not the list's order.
    assert.deepEqual(await found({ ...inDemoFolder, ids: listed }), [id(0), id(2), id(77), id(150)]);
    assert.deepEqual(await found({ ...inDemoFolder, ids: listed, contentType: ["IMAGE"] }), [id(0), id(2)]);
    const outside = await search(legacyToken, { criteria: { ...inDemoFolder, ids: "not-a-list" } });
    assert.equal(((await outside.json()) as Page).resultCode, "INVALID_ARGUMENTS");
  });
});
