import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Asset, AssetPage, Gallery, GalleryList, Problem } from "@embedkit/contracts";
import { deliveryQuirk, THRON_SANDBOX, VISIBLE_CONTENTS } from "@embedkit/sandbox";
import type { AppDeps } from "../src/app.ts";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { ContentDetail } from "../src/thron/answers.ts";
import { detailToAsset, prettyName } from "../src/thron/mapping.ts";
import { MemoryStore } from "../src/upstream/cache.ts";
import { MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { ASSETS, sandboxBff, THRON } from "./helpers.ts";
import { simulatedThronBff } from "./thron-simulated.ts";

const GALLERY = "/v1/thron/galleries/default";
/** One content of a sandbox's catalogue, which a test may edit as a Content Manager would. */
type Content = ReturnType<typeof sandboxBff>["thron"]["catalogue"]["contents"][number];

async function json<T>(response: Response, schema: { parse: (v: unknown) => T }): Promise<T> {
  assert.equal(response.status, 200, await response.clone().text());
  return schema.parse(await response.json());
}

/**
 * A BFF with a real THRON configuration (`env` over the simulator tenant's), counting THRON's calls;
 * `answer` may answer a call to THRON itself (undefined: the simulator answers); `stores` shared with other BFFs.
 */
function realBff(env: Record<string, string>, answer?: (request: Request) => Response | undefined, stores?: AppDeps["stores"]) {
  const bff = simulatedThronBff({
    env: { ALLOWED_ORIGINS: "https://www.acme.com", ...env },
    ...(answer && { answer }),
    ...(stores && { deps: { stores } }),
  });
  return { get: bff.get, calls: () => bff.sent.length };
}

describe("GET /v1/thron/galleries", () => {
  it("names every gallery the BFF offers, default first, and each name opens its gallery", async () => {
    const bff = sandboxBff();
    const response = await bff.get("/v1/thron/galleries");
    const list = await json(response, GalleryList);
    assert.deepEqual(list, { items: [{ name: "default" }, { name: "restricted" }, { name: "sport" }] });
    assert.match(response.headers.get("cache-control") ?? "", /^public, max-age=60\b/);
    for (const { name } of list.items) assert.equal(Gallery.parse(await (await bff.get(`/v1/thron/galleries/${name}`)).json()).id, name);
  });

  it("gives names only: no folder id, pKey or tenant, and no call to THRON", async () => {
    const galleries = {
      sport: { folderId: "folder-sport-1", pkey: "pkey-sport-1" },
      archive: { folderId: "folder-old-2", pkey: "pkey-old-2" },
    };
    const bff = realBff({ THRON_GALLERIES: JSON.stringify(galleries) });
    const text = await (await bff.get("/v1/thron/galleries")).text();
    assert.deepEqual(GalleryList.parse(JSON.parse(text)).items, [{ name: "default" }, { name: "archive" }, { name: "sport" }]);
    for (const secret of [
      "folder-sport-1",
      "pkey-sport-1",
      "folder-old-2",
      "pkey-old-2",
      THRON_SANDBOX.folderId,
      THRON_SANDBOX.pkey,
      THRON_SANDBOX.tenant,
    ])
      assert.ok(!text.includes(secret), `${secret} stays in the BFF`);
    assert.equal(bff.calls(), 0, "the list is the BFF's own configuration");
  });

  it("without THRON_FOLDER_ID there is no default: only THRON_GALLERIES' names", async () => {
    const bff = realBff({ THRON_FOLDER_ID: "", THRON_PKEY: "", THRON_GALLERIES: JSON.stringify({ news: { folderId: "f", pkey: "p" } }) });
    assert.deepEqual((await json(await bff.get("/v1/thron/galleries"), GalleryList)).items, [{ name: "news" }]);
  });

  it("lets an allowed site read it (CORS like every /v1 route), and no other site", async () => {
    const bff = realBff({});
    const allowed = await bff.get("/v1/thron/galleries", { headers: { origin: "https://www.acme.com" } });
    assert.equal(allowed.headers.get("access-control-allow-origin"), "https://www.acme.com");
    const other = await bff.get("/v1/thron/galleries", { headers: { origin: "https://evil.example" } });
    assert.equal(other.headers.get("access-control-allow-origin"), null);
  });
});

describe("THRON in the metrics", () => {
  it("names THRON in embedkit_provider_up, 1 while its calls work", async () => {
    const token = "metrics-token-for-tests-0123456789";
    const bff = sandboxBff({ METRICS_TOKEN: token }, { metrics: createPrometheusMetrics });
    await json(await bff.get(`${ASSETS}?limit=1`), AssetPage);
    const metrics = await (await bff.get("/metrics", { headers: { authorization: `Bearer ${token}` } })).text();
    assert.match(metrics, /^embedkit_provider_up\{provider="THRON"\} 1$/m);
  });
});

describe("GET /v1/thron/galleries/:gallery", () => {
  it("gives the player's script URL, clientId and the gallery's pKey as sessId", async () => {
    const bff = sandboxBff();
    const gallery = await json(await bff.get(GALLERY), Gallery);
    assert.deepEqual(gallery.player, {
      scriptUrl: "http://bff.test/_sandbox/thron/shared/ce/bootstrap/1/scripts/embeds-min.js",
      clientId: THRON_SANDBOX.tenant,
      sessId: THRON_SANDBOX.pkey,
    });
    assert.equal((await bff.app.request(gallery.player.scriptUrl)).status, 200);
  });

  it("answers in English unless asked, for a minute in shared caches", async () => {
    const bff = sandboxBff();
    const response = await bff.get(GALLERY);
    assert.match(response.headers.get("cache-control") ?? "", /^public, max-age=60\b/);
    const gallery = await json(response, Gallery);
    assert.deepEqual([gallery.id, gallery.locale, gallery.filters[0]?.label], ["default", "en", "Season"]);
    assert.equal((await json(await bff.get(`${GALLERY}?locale=de-CH`), Gallery)).locale, "de-CH");
  });

  it("builds filters from THRON's definitions in the configured order, labelled in the locale with fallbacks", async () => {
    const bff = sandboxBff();
    const it = await json(await bff.get(`${GALLERY}?locale=it-IT`), Gallery);
    assert.deepEqual(
      it.filters.map((f) => [f.key, f.label, f.multiple]),
      [
        ["season", "Stagione", false],
        ["topic", "Argomenti", true],
      ],
    );
    assert.deepEqual(
      it.filters[0]?.options.map((o) => o.label),
      ["Primavera", "Estate", "Autunno", "Inverno"],
    );
    for (const [locale, labels] of Object.entries({
      fr: ["Saison", "Thèmes", "Printemps", "Ville"],
      es: ["Estación", "Temas", "Primavera", "Ciudad"],
      de: ["Jahreszeit", "Themen", "Frühling", "Stadt"],
    })) {
      const gallery = await json(await bff.get(`${GALLERY}?locale=${locale}`), Gallery);
      const city = gallery.filters[1]?.options.find((o) => o.value === "city")?.label;
      assert.deepEqual([gallery.filters[0]?.label, gallery.filters[1]?.label, gallery.filters[0]?.options[0]?.label, city], labels);
    }
    // A vendor catalogue with gaps (its own sandbox's): a Spanish name and a Spanish label taken away.
    const other = sandboxBff();
    const season = other.thron.catalogue.definitions.find((d) => d.key === "season");
    if (season) season.names = season.names.filter((n) => n.lang !== "ES");
    const city = other.thron.catalogue.definitions.find((d) => d.key === "topic")?.values.find((v) => v.value === "city");
    if (city) delete city.labels.ES;
    const es = await json(await other.get(`${GALLERY}?locale=es`), Gallery);
    assert.equal(es.filters[0]?.label, "Season", "no Spanish name: English");
    assert.equal(es.filters[1]?.label, "Temas");
    assert.equal(es.filters[1]?.options.find((o) => o.value === "city")?.label, "City", "no Spanish label: English");
    const sport = await json(await bff.get("/v1/thron/galleries/sport"), Gallery);
    assert.deepEqual(
      sport.filters.map((f) => f.key),
      ["topic"],
    );
  });

  it("remembers a missing viewer role a minute, or as long as definitions stay fresh if shorter, without asking THRON", async () => {
    const cases: [freshMs: number, memoryMs: number][] = [
      [10 * 60_000, 60_000],
      [30_000, 30_000],
    ];
    for (const [freshMs, memoryMs] of cases) {
      const clock = manualClock();
      const bff = sandboxBff({}, { now: clock.now, ttl: { definitions: { freshMs, staleMs: freshMs } } });
      const filterKeys = async () => (await json(await bff.get(GALLERY), Gallery)).filters.map((f) => f.key);
      bff.thron.faults.revokeViewerRole = true;
      assert.deepEqual(await filterKeys(), []);
      const asked = bff.thron.stats.definitionLists;
      bff.thron.faults.revokeViewerRole = false; // the Content Manager grants it
      clock.advance(memoryMs - 1);
      assert.deepEqual(await filterKeys(), [], `${memoryMs} ms`);
      assert.equal(bff.thron.stats.definitionLists, asked, "THRON is not asked again meanwhile");
      clock.advance(1);
      assert.deepEqual(await filterKeys(), ["season", "topic"], `${memoryMs} ms`);
    }
  });

  it("answers a problem, not a gallery without filters, when THRON fails to list the definitions", async () => {
    const bff = realBff({ THRON_CLASSIFICATION_ID: THRON_SANDBOX.classificationId, THRON_FILTER_KEYS: "season" }, (request) =>
      request.url.includes("/imetadatadefinition/") ? new Response("Internal Server Error", { status: 500 }) : undefined,
    );
    const response = await bff.get("/v1/thron/galleries/default");
    assert.equal(response.status, 503, await response.clone().text());
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    assert.equal(Problem.parse(await response.json()).title, "THRON is unavailable");
  });

  it("keeps definitions fresh ten minutes, then serves them stale for an hour more while they are read again", async () => {
    const MINUTE = 60_000;
    /** The season options a second request sees `afterMs` after the first, once a Content Manager added one; whether THRON was asked. */
    async function secondAfter(afterMs: number) {
      const clock = manualClock();
      const bff = sandboxBff({}, { now: clock.now });
      await json(await bff.get(GALLERY), Gallery);
      bff.thron.catalogue.definitions.find((d) => d.key === "season")?.values.push({ value: "monsoon", labels: { EN: "Monsoon" } });
      const asked = bff.thron.stats.definitionLists;
      clock.advance(afterMs);
      const gallery = await json(await bff.get(GALLERY), Gallery);
      await new Promise((resolve) => setTimeout(resolve, 20)); // a stale answer is read again in the background
      return [gallery.filters[0]?.options.length, bff.thron.stats.definitionLists > asked ? "asked" : "not asked"];
    }
    const answers = [];
    for (const afterMs of [10 * MINUTE - 1, 10 * MINUTE, 70 * MINUTE - 1, 70 * MINUTE]) answers.push(await secondAfter(afterMs));
    assert.deepEqual(answers, [
      [4, "not asked"],
      [4, "asked"],
      [4, "asked"],
      [5, "asked"],
    ]);
  });

  it("asks THRON no definitions for a gallery without filter keys", async () => {
    const bff = sandboxBff();
    const gallery = await json(await bff.get("/v1/thron/galleries/restricted"), Gallery);
    assert.deepEqual(gallery.filters, []);
    assert.equal(bff.thron.stats.definitionLists, 0);
  });

  it("reads definitions once for every gallery and locale while they are fresh", async () => {
    const bff = sandboxBff();
    await Promise.all(["en", "it", "de", "fr"].map((l) => bff.get(`${GALLERY}?locale=${l}`)));
    await bff.get("/v1/thron/galleries/sport");
    assert.equal(bff.thron.stats.definitionLists, 2, "one listing: a page, then the empty page that ends it");
  });

  it("pages definitions until an empty page: a short page is not the end", async () => {
    const bff = sandboxBff();
    bff.thron.settings.definitionsPageCap = 1; // THRON answers one definition a page, whatever the limit
    const gallery = await json(await bff.get(GALLERY), Gallery);
    assert.deepEqual(
      gallery.filters.map((f) => f.key),
      ["season", "topic"],
    );
    assert.equal(bff.thron.stats.definitionLists, bff.thron.catalogue.definitions.length + 1);
  });

  it("shows a Content Manager's edit without a deploy: values come from THRON, never from code", async () => {
    const bff = sandboxBff({}, { ttl: { definitions: { freshMs: 0, staleMs: 0 } } });
    const before = await json(await bff.get(GALLERY), Gallery);
    const season = bff.thron.catalogue.definitions.find((d) => d.key === "season");
    season?.values.push({ value: "monsoon", labels: { EN: "Monsoon" } });
    const after = await json(await bff.get(GALLERY), Gallery);
    assert.equal(before.filters[0]?.options.length, 4);
    assert.deepEqual(after.filters[0]?.options.at(-1), { value: "monsoon", label: "Monsoon" });
  });
});

describe("deployments sharing one cache", () => {
  it("never serve each other's filter definitions when their classification differs", async () => {
    const stores = { cache: new MemoryStore(), counters: new MemoryCounterStore() };
    const withClassification = (id: string) => realBff({ THRON_CLASSIFICATION_ID: id, THRON_FILTER_KEYS: "season" }, undefined, stores);
    const ours = withClassification(THRON_SANDBOX.classificationId);
    assert.deepEqual(
      (await json(await ours.get(GALLERY), Gallery)).filters.map((f) => f.key),
      ["season"],
    );
    const other = withClassification("another-classification");
    const response = await other.get(GALLERY);
    assert.equal(response.status, 502, await response.clone().text());
    assert.ok(other.calls() > 0, "THRON is asked for the other classification's definitions");
    assert.equal((await json(await ours.get(GALLERY), Gallery)).filters.length, 1, "its own are still served");
  });
});

describe("filters on GET …/assets", () => {
  const metadataOf = (bff: ReturnType<typeof sandboxBff>, id: string) =>
    bff.thron.catalogue.byId.get(id)?.imetadata.map((m) => `${m.key}=${m.value}`) ?? [];

  it("narrows by a single-select value, ORs values of one key and ANDs across keys", async () => {
    const bff = sandboxBff();
    const winter = await json(await bff.get(`${ASSETS}?limit=50&filter.season=winter`), AssetPage);
    assert.ok(winter.total > 0 && winter.total < VISIBLE_CONTENTS);
    assert.ok(winter.items.every((a) => metadataOf(bff, a.id).includes("season=winter")));
    const foodOrSport = await json(await bff.get(`${ASSETS}?limit=50&filter.topic=food&filter.topic=sport`), AssetPage);
    assert.ok(foodOrSport.items.every((a) => metadataOf(bff, a.id).some((m) => m === "topic=food" || m === "topic=sport")));
    const both = await json(await bff.get(`${ASSETS}?limit=50&filter.topic=food&filter.topic=sport&filter.season=winter`), AssetPage);
    assert.ok(both.total > 0 && both.total < foodOrSport.total && both.total < winter.total);
    assert.ok(
      both.items.every((a) => {
        const m = metadataOf(bff, a.id);
        return m.includes("season=winter") && (m.includes("topic=food") || m.includes("topic=sport"));
      }),
    );
  });

  it("combines two keys with several values each: every item returned matches both", async () => {
    const bff = sandboxBff({}, {});
    // Only "season" and "topic" are filter keys; both multi-valued exercises the BFF-side check.
    const page = await json(
      await bff.get(`${ASSETS}?limit=50&filter.season=winter&filter.season=summer&filter.topic=food&filter.topic=city`),
      AssetPage,
    );
    assert.ok(page.items.length > 0);
    for (const asset of page.items) {
      const m = metadataOf(bff, asset.id);
      assert.ok(m.includes("season=winter") || m.includes("season=summer"), m.join());
      assert.ok(m.includes("topic=food") || m.includes("topic=city"), m.join());
    }
  });

  it("refuses a key that is not one of the gallery's filters, naming the parameter", async () => {
    const bff = sandboxBff();
    const response = await bff.get("/v1/thron/galleries/sport/assets?filter.season=winter");
    assert.equal(response.status, 400);
    assert.deepEqual(
      Problem.parse(await response.json()).errors?.map((e) => e.field),
      ["filter.season"],
    );
  });
});

describe("GET …/assets/:id", () => {
  async function firstOf(bff: ReturnType<typeof sandboxBff>, type: string) {
    const page = await json(await bff.get(`${ASSETS}?type=${type}&limit=1`), AssetPage);
    const id = page.items[0]?.id ?? "";
    return json(await bff.get(`${ASSETS}/${id}`), Asset);
  }

  /** The gallery's assets of `type` (videos unless told) whose THRON detail comes with `quirk`. */
  async function videosWith(bff: ReturnType<typeof sandboxBff>, quirk: string, type = "video") {
    const page = await json(await bff.get(`${ASSETS}?type=${type}&limit=50`), AssetPage);
    return page.items.filter((a) => deliveryQuirk(a) === quirk).map((a) => a.id);
  }
  /** A sandbox whose pages and details are read afresh each time: a test edits contents after listing them. */
  const uncached = () => sandboxBff({}, { ttl: { assets: { freshMs: 0, staleMs: 0 }, detail: { freshMs: 0, staleMs: 0 } } });
  /** A content of the sandbox's catalogue, to edit as a Content Manager would. */
  const contentOf = (bff: ReturnType<typeof sandboxBff>, id: string | undefined) => {
    const content = bff.thron.catalogue.byId.get(id ?? "");
    assert.ok(content, id);
    return content;
  };
  const hd = (bff: ReturnType<typeof sandboxBff>, id: string) =>
    bff.thron.catalogue.byId.get(id)?.availableChannels.includes("WEBFULLHD") ?? false;

  it("gives a video its sources (HLS first, then MP4 by quality) and its duration; the sources play", async () => {
    const bff = sandboxBff();
    const ids = await videosWith(bff, "none");
    const plain = await json(await bff.get(`${ASSETS}/${ids.find((id) => !hd(bff, id))}`), Asset);
    assert.deepEqual(
      plain.sources.map((s) => [s.mimeType, s.quality]),
      [
        ["application/vnd.apple.mpegurl", "hls"],
        ["video/mp4", "hd"],
        ["video/mp4", "sd"],
      ],
    );
    assert.equal(plain.durationMs, bff.thron.catalogue.byId.get(plain.id)?.durationMs);
    // Channel names with suffixes (STREAMHTTPIOSHD, WEBFULLHD) match by prefix.
    const full = await json(await bff.get(`${ASSETS}/${ids.find((id) => hd(bff, id))}`), Asset);
    assert.deepEqual(
      full.sources.map((s) => s.quality),
      ["hls", "full-hd", "hd", "sd"],
    );
    assert.match(full.sources[0]?.url ?? "", /\/STREAMHTTPIOSHD\//);
    for (const source of [...plain.sources, ...full.sources]) assert.equal((await bff.app.request(source.url)).status, 200, source.url);
  });

  it("makes protocol-relative URLs absolute on the CDN's scheme, and the sources play", async () => {
    const bff = sandboxBff();
    const [id] = await videosWith(bff, "protocol-relative");
    const video = await json(await bff.get(`${ASSETS}/${id}`), Asset);
    assert.ok(video.sources.length >= 3);
    for (const source of video.sources) {
      assert.match(source.url, /^http:\/\/bff\.test\//);
      assert.equal((await bff.app.request(source.url)).status, 200, source.url);
    }
  });

  it("builds the public delivery URL for an entry without one, and skips an entry with nothing to play", async () => {
    const bff = sandboxBff();
    const [missing] = await videosWith(bff, "missing-url");
    const video = await json(await bff.get(`${ASSETS}/${missing}`), Asset);
    const channels = bff.thron.catalogue.byId.get(missing ?? "")?.availableChannels ?? [];
    assert.equal(video.sources.length, channels.length, "every channel has a source, the one without a URL too");
    // The sandbox leaves out the last channel's URL: the BFF builds THRON's public delivery URL for it.
    const channel = channels.at(-1) as string;
    const rebuilt = video.sources.find((s) => s.url.includes(`/${channel}/`))?.url ?? "";
    const expected = `${bff.config.thron?.cdnUrl}/delivery/public/video/${THRON_SANDBOX.tenant}/${missing}/${THRON_SANDBOX.pkey}/${channel}/`;
    assert.ok(rebuilt.startsWith(expected) && /^[a-z0-9-]+$/.test(rebuilt.slice(expected.length)), rebuilt);
    assert.equal((await bff.app.request(rebuilt)).status, 200, "the rebuilt URL plays");
    for (const source of video.sources) assert.equal((await bff.app.request(source.url)).status, 200, source.url);
    const [odd] = await videosWith(bff, "legacy-channel");
    const withOddEntry = await json(await bff.get(`${ASSETS}/${odd}`), Asset);
    const oddChannels = bff.thron.catalogue.byId.get(odd ?? "")?.availableChannels ?? [];
    assert.deepEqual(
      withOddEntry.sources.map((s) => s.quality),
      oddChannels.includes("WEBFULLHD") ? ["hls", "full-hd", "hd", "sd"] : ["hls", "hd", "sd"],
      "every playable channel, best first, and nothing for the Flash one",
    );
  });

  it("puts a 4K master first among the MP4s, and offers HLS only with the URL THRON gives for it", async () => {
    const bff = uncached();
    const [plain] = await videosWith(bff, "none");
    contentOf(bff, plain).availableChannels = ["WEB", "WEB4K", "STREAMHTTPIOS", "WEBHD"];
    const qualities = async (id: string | undefined) => (await json(await bff.get(`${ASSETS}/${id}`), Asset)).sources.map((s) => s.quality);
    assert.deepEqual(await qualities(plain), ["hls", "4k", "hd", "sd"]);
    // The sandbox leaves out the last channel's URL: an HLS playlist's name is not public, so it is not rebuilt.
    const [missing] = await videosWith(bff, "missing-url");
    contentOf(bff, missing).availableChannels = ["WEB", "WEBHD", "STREAMHTTPIOS"];
    assert.deepEqual(await qualities(missing), ["hd", "sd"]);
  });

  it("rebuilds the URL of an image, audio or document entry THRON gives without one, and it loads", async () => {
    const bff = sandboxBff();
    for (const [type, mimeTypes, served] of [
      ["image", ["image/*"], "image/png"],
      ["audio", ["audio/mpeg"], "audio/mpeg"],
      ["document", ["application/pdf", "application/octet-stream"], "application/pdf"],
    ] as const) {
      const [id] = await videosWith(bff, "missing-url", type);
      const asset = await json(await bff.get(`${ASSETS}/${id}`), Asset);
      assert.deepEqual(
        asset.sources.map((s) => s.mimeType),
        mimeTypes,
        type,
      );
      for (const { url } of asset.sources) {
        assert.ok(url.startsWith(`${bff.config.thron?.cdnUrl}/delivery/public/${type}/${THRON_SANDBOX.tenant}/${id}/`), url);
        const response = await bff.app.request(url);
        assert.equal(response.status, 200, url);
        assert.ok(response.headers.get("content-type")?.startsWith(served), url);
      }
    }
  });

  it("offers audio its MP3 channel only (no HLS, no video), and a document its PDF first, then the original file", async () => {
    const bff = uncached();
    const [audio] = await videosWith(bff, "none", "audio");
    contentOf(bff, audio).availableChannels = ["STREAMHTTPIOS", "WEBHD", "WEB", "WEBDOC"];
    const sources = async (id: string | undefined) =>
      (await json(await bff.get(`${ASSETS}/${id}`), Asset)).sources.map((s) => [s.mimeType, s.url.split("/").at(-2)]);
    assert.deepEqual(await sources(audio), [["audio/mpeg", "WEB"]]);
    const [document] = await videosWith(bff, "none", "document");
    contentOf(bff, document).availableChannels = ["STREAMHTTPIOS", "WEB", "WEBHD", "WEBDOC"];
    assert.deepEqual(await sources(document), [
      ["application/pdf", "WEBDOC"],
      ["application/octet-stream", "WEB"],
    ]);
  });

  it("gives no duration where THRON's is empty or not a number, in the list and the opened asset", async () => {
    const bff = uncached();
    const [empty, junk] = await videosWith(bff, "none");
    (contentOf(bff, empty) as { durationMs?: unknown }).durationMs = "";
    contentOf(bff, junk).durationMs = Number.NaN;
    const listed = (await json(await bff.get(`${ASSETS}?type=video&limit=50`), AssetPage)).items;
    for (const id of [empty, junk]) {
      assert.equal(listed.find((a) => a.id === id)?.durationMs, undefined, id);
      assert.equal((await json(await bff.get(`${ASSETS}/${id}`), Asset)).durationMs, undefined, id);
    }
  });

  it("gives an image its aspect ratio, audio an MP3 source and a document a PDF", async () => {
    const bff = sandboxBff();
    const image = await firstOf(bff, "image");
    const master = bff.thron.catalogue.byId.get(image.id);
    assert.ok(master && Math.abs((image.aspectRatio ?? 0) - master.width / master.height) < 1e-9);
    assert.equal((await firstOf(bff, "audio")).sources[0]?.mimeType, "audio/mpeg");
    const pdf = (await firstOf(bff, "document")).sources.find((s) => s.mimeType === "application/pdf");
    assert.ok(pdf);
    assert.equal((await bff.app.request(pdf.url)).headers.get("content-type"), "application/pdf");
  });

  it("follows the locale and answers 404 for an asset outside the gallery, 400 for a malformed id", async () => {
    const bff = sandboxBff();
    const page = await json(await bff.get(`${ASSETS}?limit=1`), AssetPage);
    const id = page.items[0]?.id ?? "";
    assert.equal((await json(await bff.get(`${ASSETS}/${id}?locale=de`), Asset)).title, "Sonniger Hafen – Foto 1");
    const outside = await bff.get(`/v1/thron/galleries/sport/assets/${id}`);
    assert.equal(outside.status, 404);
    assert.deepEqual(
      [Problem.parse(await outside.json())].map((p) => [p.type, p.title, p.detail]),
      [["https://embedkit.dev/problems/unknown-asset", "Unknown asset", `This gallery has no asset ${id}.`]],
    );
    assert.equal((await bff.get(`${ASSETS}/does-not-exist`)).status, 404);
    assert.equal((await bff.get(`${ASSETS}/bad%20id!`)).status, 400);
  });

  it("answers an asset for a minute in shared caches, and 404 for content THRON has that is not gallery material", async () => {
    const bff = sandboxBff();
    const [image, pagelet] = bff.thron.catalogue.contents as [Content, Content];
    const response = await bff.get(`${ASSETS}/${image.id}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("cache-control") ?? "", /^public, max-age=60\b/);
    (pagelet as { contentType: string }).contentType = "PAGELET";
    const notMaterial = await bff.get(`${ASSETS}/${pagelet.id}`);
    assert.equal(notMaterial.status, 404, await notMaterial.clone().text());
    assert.equal(Problem.parse(await notMaterial.json()).title, "Unknown asset");
  });

  it("makes readable URL slugs of any title", () => {
    assert.equal(prettyName("Küche – Foto 3.jpg"), "kuche-foto-3");
    assert.equal(prettyName(""), "asset");
  });
});

describe("THRON details the sandbox does not answer", () => {
  const thron = loadConfig({ ...THRON, ALLOWED_ORIGINS: "https://www.acme.com" }).thron;
  /** The asset the BFF makes of THRON's content detail `content` (a JSON answer's `content`). */
  const assetOf = (content: Record<string, unknown>) => {
    assert.ok(thron);
    const detail = ContentDetail.parse({ content: { locales: [{ locale: "EN", name: "Harbour" }], ...content } }).content;
    return detailToAsset("c-1", detail, thron, thron.galleries.get("default") as never, "EN");
  };
  const image = (deliverySize: Record<string, unknown>) => assetOf({ contentType: "IMAGE", deliverySize })?.aspectRatio;

  it("takes an image's aspect ratio from its ratio, else from its largest size, else gives none", () => {
    assert.equal(image({ aspectRatio: "4:3", maxWidth: 1600, maxHeight: 900 }), 4 / 3);
    assert.equal(image({ maxWidth: 1600, maxHeight: 900 }), 16 / 9);
    assert.equal(image({ aspectRatio: "16:0", maxWidth: 1600, maxHeight: 900 }), 16 / 9);
    assert.equal(image({ aspectRatio: "0:9", maxWidth: 1600, maxHeight: 900 }), 16 / 9);
    assert.equal(image({ maxWidth: 1600, maxHeight: 0 }), undefined);
    assert.equal(image({ maxWidth: 0, maxHeight: 900 }), undefined);
  });

  it("reads a duration from the first channel that has one, rounded to the millisecond", () => {
    const deliveryInfo = [
      { channelType: "STREAMHTTPIOS", contentUrl: "https://cdn.example/v.m3u8" },
      { channelType: "WEB", contentUrl: "https://cdn.example/v.mp4", sysMetadata: [{ name: "durationMs", value: "1500.4" }] },
      { channelType: "WEBHD", contentUrl: "https://cdn.example/hd.mp4", sysMetadata: [{ name: "DURATIONMS", value: "9000" }] },
    ];
    assert.equal(assetOf({ contentType: "VIDEO", deliveryInfo })?.durationMs, 1500);
  });

  it("leaves out an entry whose URL is neither http(s) nor protocol-relative", () => {
    const deliveryInfo = [
      { channelType: "WEB", contentUrl: "javascript:alert('https://x')" },
      { channelType: "WEBHD", contentUrl: "ftp://cdn.example/hd.mp4" },
      { channelType: "WEB4K", contentUrl: "https://cdn.example/4k.mp4" },
    ];
    assert.deepEqual(
      assetOf({ contentType: "VIDEO", deliveryInfo })?.sources.map((s) => s.url),
      ["https://cdn.example/4k.mp4"],
    );
  });
});

describe("CORS", () => {
  it("answers preflights from allowed origins (cached 10 min) and gives others nothing to read", async () => {
    const bff = sandboxBff({ ALLOWED_ORIGINS: "https://www.host.example,https://*.partner.example" });
    const preflight = await bff.get(ASSETS, {
      method: "OPTIONS",
      headers: { origin: "https://shop.partner.example", "access-control-request-method": "GET" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "https://shop.partner.example");
    assert.equal(preflight.headers.get("access-control-max-age"), "600");
    const allowed = await bff.get(`${ASSETS}?limit=1`, { headers: { origin: "https://www.host.example" } });
    assert.equal(allowed.headers.get("access-control-allow-origin"), "https://www.host.example");
    const other = await bff.get(`${ASSETS}?limit=1`, { headers: { origin: "https://evil.example" } });
    assert.equal(other.headers.get("access-control-allow-origin"), null);
  });
});
