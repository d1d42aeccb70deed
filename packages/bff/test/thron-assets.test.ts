import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage, Problem } from "@embedkit/contracts";
import { createSandbox, THRON_SANDBOX, VISIBLE_CONTENTS } from "@embedkit/sandbox";
import { decodeCursor, encodeCursor } from "../src/thron/mapping.ts";
import { MemoryStore } from "../src/upstream/cache.ts";
import { MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";
import { SIMULATED_THRON, simulatedThronBff } from "./thron-simulated.ts";

/** One content of a sandbox's catalogue, which a test may edit as a Content Manager would. */
type Content = ReturnType<typeof sandboxBff>["thron"]["catalogue"]["contents"][number];

async function page(response: Response) {
  assert.equal(response.status, 200, await response.clone().text());
  return AssetPage.parse(await response.json());
}

describe("GET /v1/thron/galleries/:gallery/assets", () => {
  it("answers the contract's Asset shape, thumbnails with a srcset over public delivery URLs", async () => {
    const bff = sandboxBff();
    const body = await page(await bff.get(`${ASSETS}?limit=5`));
    assert.equal(body.items.length, 5);
    assert.equal(body.total, VISIBLE_CONTENTS);
    const [first] = body.items;
    assert.ok(first);
    assert.match(
      first.thumbnail.url,
      /^http:\/\/bff\.test\/_sandbox\/thron\/delivery\/public\/thumbnail\/sandbox\/[^/]+\/pk-demo-[^/]+\/std\/520x0\//,
    );
    const widths = first.thumbnail.srcset.split(", ").map((entry) => entry.split(" ")[1]);
    assert.deepEqual(widths, ["160w", "240w", "340w", "520w", "720w", "1024w", "1600w", "2048w"]);
  });

  it("serves thumbnails the browser can load from the URLs it answers", async () => {
    const bff = sandboxBff();
    const { items } = await page(await bff.get(`${ASSETS}?limit=10`));
    for (const asset of items) {
      const image = await bff.app.request(asset.thumbnail.url);
      assert.equal(image.status, 200, asset.thumbnail.url);
      assert.equal(image.headers.get("content-type"), "image/png");
    }
  });

  it("pages through the whole gallery with opaque cursors, no duplicates and no gaps", async () => {
    const bff = sandboxBff();
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const body = await page(await bff.get(`${ASSETS}?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
      ids.push(...body.items.map((a) => a.id));
      if (body.nextCursor) assert.match(body.nextCursor, /^v1\./);
      cursor = body.nextCursor;
    } while (cursor);
    assert.equal(ids.length, VISIBLE_CONTENTS);
    assert.equal(new Set(ids).size, VISIBLE_CONTENTS);
  });

  it("carries any THRON page token in a URL-safe cursor and reads it back; a cursor of another version or not base64 is none", () => {
    for (const token of ["~~~???>>>", "\xfb\xff\xbf", "a", "ab", "abc", "eyJvZmZzZXQiOjI0fQ"]) {
      const cursor = encodeCursor(token);
      assert.match(cursor, /^v1\.[A-Za-z0-9_-]+$/, token);
      assert.equal(decodeCursor(cursor), token);
    }
    assert.equal(decodeCursor(`v2.${encodeCursor("abc").slice(3)}`), null);
    assert.equal(decodeCursor("v1.a"), null);
  });

  it("follows the requested locale and falls back to English, then any locale the asset has", async () => {
    const bff = sandboxBff();
    const contentNumber = (n: number) => bff.thron.catalogue.contents[n - 1] as (typeof bff.thron.catalogue.contents)[number];
    // A vendor catalogue with gaps: content 7 lacks Italian and French (its English listed last), content 13 has only Italian.
    contentNumber(7).locales = contentNumber(7)
      .locales.filter((l) => l.locale !== "IT" && l.locale !== "FR")
      .reverse();
    contentNumber(13).locales = contentNumber(13).locales.filter((l) => l.locale === "IT");
    const { items: it13 } = await page(await bff.get(`${ASSETS}?limit=50&locale=it-IT`));
    const { items: en } = await page(await bff.get(`${ASSETS}?limit=50&locale=en`));
    const { items: fr } = await page(await bff.get(`${ASSETS}?limit=50&locale=fr-FR`));
    const byNumber = (items: typeof en, n: number) => items.find((a) => a.title.endsWith(` ${n}`));
    assert.equal(byNumber(it13, 1)?.title, "Porto soleggiato, foto 1");
    assert.equal(byNumber(en, 1)?.title, "Sunny harbour photo 1");
    assert.equal(byNumber(fr, 1)?.title, "Port ensoleillé, photo 1");
    // Content 7 has no Italian or French: English, not its first locale. Content 13 has no English: the first locale it has (Italian).
    const english7 = contentNumber(7).locales.find((l) => l.locale === "EN")?.name;
    assert.match(english7 ?? "", /photo 7$/);
    assert.equal(byNumber(it13, 7)?.title, english7);
    assert.equal(byNumber(fr, 7)?.title, english7);
    assert.match(byNumber(en, 13)?.title ?? "", /, video 13$/);
  });

  it("titles and describes an asset in each of THRON's twelve languages it has, in English in another", async () => {
    const bff = sandboxBff();
    const content = bff.thron.catalogue.contents[0] as (typeof bff.thron.catalogue.contents)[number];
    const codes = ["IT", "EN", "DE", "FR", "ES", "PT", "NL", "RU", "KO", "JA", "AR", "ZH"];
    content.locales = codes.map((code) => ({ locale: code as "EN", name: `Title ${code}`, description: `About ${code}` }));
    const inLocale = async (locale: string) => {
      const listed = (await page(await bff.get(`${ASSETS}?limit=50&locale=${locale}`))).items.find((a) => a.id === content.id);
      const opened = await (await bff.get(`${ASSETS}/${content.id}?locale=${locale}`)).json();
      return [listed, opened].map((asset) => [asset?.title, asset?.description]);
    };
    for (const code of codes) {
      const locale = `${code.toLowerCase()}-XX`;
      assert.deepEqual(
        await inLocale(locale),
        [
          [`Title ${code}`, `About ${code}`],
          [`Title ${code}`, `About ${code}`],
        ],
        locale,
      );
    }
    const details = bff.thron.stats.contentDetails;
    assert.deepEqual(await inLocale("pl"), [
      ["Title EN", "About EN"],
      ["Title EN", "About EN"],
    ]);
    assert.equal(bff.thron.stats.contentDetails, details, "a language THRON lacks is English: its details already read");
  });

  it("titles an asset from a locale that has a name, else its file name in the list and its id when opened", async () => {
    const bff = sandboxBff();
    const [named, unnamed] = bff.thron.catalogue.contents as [Content, Content];
    named.locales = [
      { locale: "EN", name: "", description: "" },
      { locale: "IT", name: "", description: "" },
      { locale: "DE", name: "Titel", description: "" },
    ];
    unnamed.locales = [];
    unnamed.fileName = "harbour-1.jpg";
    const listed = (await page(await bff.get(`${ASSETS}?limit=50&locale=it`))).items;
    const opened = async (content: Content) => (await bff.get(`${ASSETS}/${content.id}?locale=it`)).json();
    const titled = [listed.find((a) => a.id === named.id), await opened(named)];
    assert.deepEqual(
      titled.map((asset) => [asset?.title, asset && "description" in asset]),
      [
        ["Titel", false],
        ["Titel", false],
      ],
      "an empty description is none",
    );
    assert.equal(listed.find((a) => a.id === unnamed.id)?.title, "harbour-1.jpg");
    assert.equal((await opened(unnamed)).title, unnamed.id);
  });

  it("names a thumbnail readably: the file's name in the list, the title in the opened asset", async () => {
    const bff = sandboxBff();
    const content = bff.thron.catalogue.contents[0] as Content;
    content.fileName = "_Küche – Foto 3.v2.jpg";
    content.locales = [{ locale: "EN", name: "Sunny Küche, 2024!", description: "" }];
    const listed = (await page(await bff.get(`${ASSETS}?limit=50`))).items.find((a) => a.id === content.id);
    assert.match(listed?.thumbnail.url ?? "", /\/std\/520x0\/kuche-foto-3-v2$/);
    const opened = await (await bff.get(`${ASSETS}/${content.id}`)).json();
    assert.match(opened.thumbnail.url, /\/std\/520x0\/sunny-kuche-2024$/);
    const unnamed = bff.thron.catalogue.contents[1] as Content;
    unnamed.locales = [];
    const nameless = await (await bff.get(`${ASSETS}/${unnamed.id}`)).json();
    assert.match(nameless.thumbnail.url, /\/std\/520x0\/asset$/, "no name: asset");
  });

  it("titles every asset of the demo's galleries in each of the five languages", async () => {
    const bff = sandboxBff();
    const kinds = {
      en: /(photo|clip|soundscape|brochure) \d+$/,
      it: /, (foto|video|paesaggio sonoro|brochure) \d+$/,
      de: / – (Foto|Video|Klanglandschaft|Broschüre) \d+$/,
      fr: /, (photo|vidéo|paysage sonore|brochure) \d+$/,
      es: /, (foto|vídeo|paisaje sonoro|folleto) \d+$/,
    };
    for (const [locale, kind] of Object.entries(kinds)) {
      // The demo's preset (videos and audio by title) and the whole folder, page after page.
      const preset = await page(await bff.get(`${ASSETS}?type=video&type=audio&sort=title&limit=6&locale=${locale}`));
      for (const asset of preset.items) assert.match(asset.title, kind, `${locale}: ${asset.title}`);
      let cursor: string | null = null;
      do {
        const body = await page(
          await bff.get(`${ASSETS}?limit=50&locale=${locale}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
        );
        for (const asset of body.items) assert.match(asset.title, kind, `${locale}: ${asset.title}`);
        cursor = body.nextCursor;
      } while (cursor);
    }
  });

  it("gives videos and audio their duration in the list, read once per asset from its detail", async () => {
    const bff = sandboxBff();
    const { items } = await page(await bff.get(`${ASSETS}?type=video&type=audio&limit=12`));
    assert.equal(items.length, 12);
    for (const asset of items) assert.equal(asset.durationMs, bff.thron.catalogue.byId.get(asset.id)?.durationMs, asset.title);
    const details = bff.thron.stats.contentDetails;
    await page(await bff.get(`${ASSETS}?type=video&type=audio&limit=6`)); // another search over the same assets
    assert.equal(bff.thron.stats.contentDetails, details, "the details are cached");
    const images = await page(await bff.get(`${ASSETS}?type=image&limit=5`));
    assert.ok(images.items.every((a) => a.durationMs === undefined));
  });

  it("reads durations in the page's language: opening a listed video in that language asks THRON nothing more", async () => {
    const bff = sandboxBff();
    const { items } = await page(await bff.get(`${ASSETS}?type=video&limit=3&locale=it`));
    const [video] = items;
    assert.ok(video?.durationMs);
    const details = bff.thron.stats.contentDetails;
    const opened = await bff.get(`${ASSETS}/${video.id}?locale=it`);
    assert.equal(opened.status, 200);
    assert.equal(bff.thron.stats.contentDetails, details, "the Italian detail was read for the list");
  });

  it("filters by type (repeatable) and by free text", async () => {
    const bff = sandboxBff();
    const videos = await page(await bff.get(`${ASSETS}?type=video&limit=50`));
    assert.ok(videos.items.length > 0 && videos.items.every((a) => a.type === "video"));
    const avDocs = await page(await bff.get(`${ASSETS}?type=audio&type=document&limit=50`));
    assert.deepEqual([...new Set(avDocs.items.map((a) => a.type))].sort(), ["audio", "document"]);
    const lake = await page(await bff.get(`${ASSETS}?q=lake&limit=50&locale=en`));
    assert.ok(lake.total > 0 && lake.total < VISIBLE_CONTENTS);
    assert.ok(
      lake.items.every((a) => /lake|lago|see/i.test(a.title)),
      lake.items.map((a) => a.title).join(),
    );
  });

  it("answers a table of bad inputs with 400 problems naming the field", async () => {
    const bff = sandboxBff();
    const table: [string, string][] = [
      ["limit=0", "limit"],
      ["limit=51", "limit"],
      ["limit=ten", "limit"],
      ["type=gif", "type"],
      ["type=image&type=zip", "type"],
      ["locale=not_a_locale!", "locale"],
      ["cursor=forged", "cursor"],
      [`q=${"x".repeat(201)}`, "q"],
    ];
    for (const [query, field] of table) {
      const response = await bff.get(`${ASSETS}?${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(response.headers.get("content-type"), "application/problem+json", query);
      const problem = Problem.parse(await response.json());
      assert.deepEqual(
        problem.errors?.map((e) => e.field),
        [field],
        query,
      );
      assert.match(problem.detail ?? "", new RegExp(`^${field}: `), query);
    }
  });

  it("answers 404 for an unknown gallery and for a gallery name that is not one", async () => {
    const bff = sandboxBff();
    const unknown = await bff.get("/v1/thron/galleries/press/assets");
    assert.equal(unknown.status, 404);
    assert.deepEqual(
      [Problem.parse(await unknown.json())].map((p) => [p.type, p.title, p.detail]),
      [["https://embedkit.dev/problems/unknown-gallery", "Unknown gallery", 'No gallery is configured under the name "press".']],
    );
    assert.equal((await bff.get("/v1/thron/galleries/Bad%20Name/assets")).status, 400);
  });
});

describe("how long THRON's answers are kept", () => {
  const MINUTE = 60_000;
  /** What a second request for `path`, `afterMs` after the first, is answered from: hit, stale or miss (x-cache). */
  async function secondAnswerAfter(path: (bff: ReturnType<typeof sandboxBff>) => string, afterMs: number) {
    const clock = manualClock();
    const bff = sandboxBff({}, { now: clock.now });
    assert.equal((await bff.get(path(bff))).headers.get("x-cache"), "miss");
    clock.advance(afterMs);
    return (await bff.get(path(bff))).headers.get("x-cache");
  }

  it("keeps a page fresh a minute, then serves it stale for ten more while it is read again", async () => {
    const page = () => `${ASSETS}?limit=3`;
    const answers = [];
    for (const afterMs of [MINUTE - 1, MINUTE, 11 * MINUTE - 1, 11 * MINUTE]) answers.push(await secondAnswerAfter(page, afterMs));
    assert.deepEqual(answers, ["hit", "stale", "stale", "miss"]);
  });

  it("keeps an asset fresh five minutes, then serves it stale for an hour more while it is read again", async () => {
    const asset = (bff: ReturnType<typeof sandboxBff>) => `${ASSETS}/${bff.thron.catalogue.contents[0]?.id}`;
    const answers = [];
    for (const afterMs of [5 * MINUTE - 1, 5 * MINUTE, 65 * MINUTE - 1, 65 * MINUTE]) answers.push(await secondAnswerAfter(asset, afterMs));
    assert.deepEqual(answers, ["hit", "stale", "stale", "miss"]);
  });
});

describe("deployments sharing one cache", () => {
  it("never serve each other's THRON answers when their tenant or their user differs", async () => {
    const sandbox = createSandbox({ baseUrl: SIMULATED_THRON });
    const stores = { cache: new MemoryStore(), counters: new MemoryCounterStore() };
    const deployment = (env: Record<string, string>) => simulatedThronBff({ env, sandbox, deps: { stores } }).get;
    const ours = deployment({});
    assert.equal((await ours(`${ASSETS}?limit=3`)).status, 200);
    const others: Record<string, string>[] = [{ THRON_TENANT: "othertenant" }, { THRON_USERNAME: THRON_SANDBOX.userWithoutRights }];
    for (const env of others) {
      const response = await deployment(env)(`${ASSETS}?limit=3`);
      assert.equal(response.headers.get("x-cache"), null, JSON.stringify(env));
      assert.notEqual(response.status, 200, JSON.stringify(env));
    }
    assert.equal((await ours(`${ASSETS}?limit=3`)).headers.get("x-cache"), "hit", "the one store does serve its own deployment");
  });
});

describe("THRON sessions through the BFF", () => {
  it("200 concurrent cold requests cause 1 token request, 1 legacy token and 1 search per distinct query", async () => {
    const bff = sandboxBff();
    const queries = ["limit=24", "limit=12", "limit=24&type=video", "limit=24&q=lake"];
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => bff.get(`${ASSETS}?${queries[i % queries.length]}`)));
    assert.ok(responses.every((r) => r.status === 200));
    assert.equal(bff.thron.stats.tokenRequests, 1);
    assert.equal(bff.thron.stats.legacyTokenRequests, 1);
    assert.equal(bff.thron.stats.searches, queries.length);
  });

  it("equivalent queries share one upstream search; locales share it too", async () => {
    const bff = sandboxBff();
    await page(await bff.get(`${ASSETS}?type=video&type=audio&locale=it`));
    await page(await bff.get(`${ASSETS}?locale=de&type=video&type=audio`));
    assert.equal(bff.thron.stats.searches, 1);
  });

  it("recovers from a 403 Session Expired with one new login and one retry", async () => {
    const bff = sandboxBff();
    await page(await bff.get(`${ASSETS}?limit=3`));
    bff.thron.expireSessions();
    const before = { ...bff.thron.stats, byGrant: { ...bff.thron.stats.tokenRequestsByGrant } };
    await page(await bff.get(`${ASSETS}?limit=4`)); // a distinct query: not in the cache
    assert.equal(bff.thron.stats.searches - before.searches, 2, "the failed search and its single retry");
    assert.equal(bff.thron.stats.tokenRequests - before.tokenRequests, 1);
    // A refresh is tried first (rotation), which suffices: the refresh token survives a session expiry.
    assert.equal((bff.thron.stats.tokenRequestsByGrant.refresh_token ?? 0) - (before.byGrant.refresh_token ?? 0), 1);
  });

  it("refreshes ahead of expiry so callers never meet a 403, rotating the refresh token", async () => {
    const bff = sandboxBff({}, { refreshAheadMs: 1_500 });
    bff.thron.settings.tokenLifetimeSeconds = 2;
    await page(await bff.get(`${ASSETS}?limit=2`));
    await new Promise((resolve) => setTimeout(resolve, 700)); // now inside the 1.5 s headroom
    await page(await bff.get(`${ASSETS}?limit=3`));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(bff.thron.stats.tokenRequestsByGrant.refresh_token, 1);
    const searches = bff.thron.stats.searches;
    await page(await bff.get(`${ASSETS}?limit=5`));
    assert.equal(bff.thron.stats.searches - searches, 1, "no 403 and retry: the refreshed session was used");
  });

  it("renews a session five minutes before it expires, by default", async () => {
    const clock = manualClock();
    const bff = sandboxBff({}, { now: clock.now });
    bff.thron.settings.tokenLifetimeSeconds = 20 * 60;
    await page(await bff.get(`${ASSETS}?limit=2`));
    const refreshesAfter = async (ms: number, query: string) => {
      clock.advance(ms);
      await page(await bff.get(`${ASSETS}?${query}`)); // a query not in the cache: THRON is asked
      await new Promise((resolve) => setTimeout(resolve, 20));
      return bff.thron.stats.tokenRequestsByGrant.refresh_token ?? 0;
    };
    assert.equal(await refreshesAfter(15 * 60_000 - 1_000, "limit=3"), 0, "more than five minutes left");
    assert.equal(await refreshesAfter(2_000, "limit=4"), 1, "less than five minutes left");
  });

  it("opens a new legacy session once THRON let the last one lapse after an hour idle (the sandbox keeps the BFF's time)", async () => {
    const clock = manualClock();
    const bff = sandboxBff({}, { now: clock.now });
    await page(await bff.get(`${ASSETS}?limit=2`));
    clock.advance(61 * 60_000);
    await page(await bff.get(`${ASSETS}?limit=3`));
    assert.equal(bff.thron.stats.legacyTokenRequests, 2);
  });

  it("falls back to a full impersonation login when the refresh token is refused", async () => {
    const bff = sandboxBff({}, { refreshAheadMs: 0 });
    bff.thron.settings.tokenLifetimeSeconds = 1;
    await page(await bff.get(`${ASSETS}?limit=2`));
    // Someone else used our refresh token (rotation): ours is now dead.
    bff.thron.settings.tokenLifetimeSeconds = 60;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const grants = bff.thron.stats.tokenRequestsByGrant;
    const logins = grants["urn:thron:oauth:user-impersonation"] ?? 0;
    bff.thron.revokeRefreshTokens();
    await page(await bff.get(`${ASSETS}?limit=3`));
    assert.equal(grants.refresh_token, 1, "a refresh was tried");
    assert.equal((grants["urn:thron:oauth:user-impersonation"] ?? 0) - logins, 1, "then a full login");
  });
});

describe("GET /v1/thron/galleries/:gallery/assets?sort=", () => {
  const titles = async (bff: ReturnType<typeof sandboxBff>, query: string) =>
    (await page(await bff.get(`${ASSETS}?limit=50&${query}`))).items.map((a) => a.title);

  it("sorts newest first by default, oldest first with sort=oldest", async () => {
    const bff = sandboxBff();
    const newest = await titles(bff, "");
    assert.deepEqual(await titles(bff, "sort=newest"), newest);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const body = await page(await bff.get(`${ASSETS}?limit=50&sort=oldest${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
      all.push(...body.items.map((a) => a.title));
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(all.slice(-50).reverse(), newest, "oldest first is newest first reversed");
  });

  it("sorts by title in the requested locale with sort=title", async () => {
    const bff = sandboxBff();
    for (const locale of ["en", "it"]) {
      const sorted = await titles(bff, `sort=title&locale=${locale}`);
      assert.equal(sorted.length, 50);
      assert.deepEqual(
        sorted,
        [...sorted].sort((a, b) => a.localeCompare(b)),
        locale,
      );
    }
    assert.notDeepEqual(await titles(bff, "sort=title&locale=it"), await titles(bff, "sort=title&locale=en"));
  });

  it("sorts by English titles for a locale THRON lacks", async () => {
    const bff = sandboxBff();
    const content = bff.thron.catalogue.contents[0] as Content;
    content.locales = [
      { locale: "IT", name: "Zzz italiano", description: "" },
      { locale: "EN", name: "Aaa english", description: "" },
    ];
    assert.deepEqual(await titles(bff, "sort=title&locale=pl"), ["Aaa english", ...(await titles(bff, "sort=title&locale=en")).slice(1)]);
  });

  it("refuses another sort with a 400 problem naming sort and what is accepted", async () => {
    const bff = sandboxBff();
    const response = await bff.get(`${ASSETS}?sort=popular`);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    const problem = Problem.parse(await response.json());
    const error = problem.errors?.find((e) => e.field === "sort");
    assert.ok(error, JSON.stringify(problem));
    assert.match(error.message, /newest/);
    assert.equal(bff.thron.stats.searches, 0, "THRON was not asked");
  });
});
