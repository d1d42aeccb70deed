/**
 * THRON's legacy API through the BFF configured for a real tenant, against the simulator: a
 * `403 Session Expired` replaces the session and retries the call once, and only once; what the
 * BFF sends THRON; and how each kind of answer THRON gives reaches the visitor.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { Asset, AssetPage, Gallery, Health } from "@embedkit/contracts";
import { createSandbox, THRON_SANDBOX } from "@embedkit/sandbox";
import { runDoctor } from "../src/doctor/run.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { ASSETS, problemOf, thronSimulatorEnv } from "./helpers.ts";
import { SIMULATED_THRON, type SimulatedThronOptions, simulatedThronBff } from "./thron-simulated.ts";

const HOST = SIMULATED_THRON;

/** The BFF on the simulator; `beforeSearch` runs before each search reaches THRON. */
function bffOnSimulator(beforeSearch: () => void) {
  return simulatedThronBff({
    env: { ALLOWED_ORIGINS: "https://www.host.example" },
    answer: (request) => {
      if (request.url.includes("/content/search/")) beforeSearch();
      return undefined;
    },
  });
}

describe("THRON session renewal", () => {
  it("renews an expired session once and retries the search once", async () => {
    let expireNext = false;
    const bff = bffOnSimulator(() => {
      if (expireNext) bff.thron.expireSessions();
      expireNext = false;
    });
    assert.equal((await bff.get("/v1/thron/galleries/default/assets?limit=2")).status, 200);
    const before = { searches: bff.thron.stats.searches, tokens: bff.thron.stats.tokenRequests };
    expireNext = true;
    assert.equal((await bff.get("/v1/thron/galleries/default/assets?limit=3")).status, 200);
    assert.deepEqual([bff.thron.stats.searches - before.searches, bff.thron.stats.tokenRequests - before.tokens], [2, 1]);
  });

  // THRON's 403 carries no reason: one that survives a renewal is read as access denied.
  it("answers a 502 after one renewal and one retry when THRON keeps refusing the session", async () => {
    const bff = bffOnSimulator(() => bff.thron.expireSessions());
    const response = await bff.get("/v1/thron/galleries/default/assets?limit=2");
    assert.equal(response.status, 502);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    const problem = (await response.json()) as { title: string; detail: string };
    assert.equal(problem.title, "THRON denied access to this gallery's folder");
    assert.equal(bff.thron.stats.searches, 2, "the search and its single retry");
    assert.equal(bff.thron.stats.tokenRequests, 2, "the first login and one renewal");
  });
});

const SEARCH = "/content/search/";
const DEFINITIONS = "/imetadatadefinition/listGet/";
const DETAIL = "/delivery/getContentDetail";

/**
 * The BFF for a real tenant on the simulator, with filters and metrics on. `answer` may answer a
 * call to THRON itself (undefined: the simulator answers); every request the BFF sent is kept.
 */
function bffAnswering(answer?: SimulatedThronOptions["answer"]) {
  return simulatedThronBff({
    env: { THRON_CLASSIFICATION_ID: THRON_SANDBOX.classificationId, THRON_FILTER_KEYS: THRON_SANDBOX.filterKeys.join(",") },
    ...(answer && { answer }),
  });
}

/** THRON's legacy envelope with `status`. */
const envelope = (status: number, fields: Record<string, unknown>) =>
  Response.json({ resultCode: "OK", errorDescription: "", ssoCode: null, ...fields }, { status });

describe("what the BFF sends THRON's legacy API", () => {
  it("a search is a JSON POST, definitions and details GETs, each asking for JSON; the legacy token goes in X-TokenID only", async () => {
    const bff = bffAnswering();
    const page = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=5&type=video`)).json());
    Gallery.parse(await (await bff.get("/v1/thron/galleries/default")).json());
    const [search] = bff.sentTo(SEARCH);
    assert.ok(search);
    assert.equal(search.url, `${HOST}/thron/api/xcontents/resources/content/search/${THRON_SANDBOX.tenant}`);
    assert.equal(search.method, "POST");
    assert.equal(search.headers.get("content-type"), "application/json");
    assert.equal(search.headers.get("accept"), "application/json");
    const legacyToken = search.headers.get("x-tokenid") ?? "";
    assert.ok(bff.thron.issuedTokens.has(legacyToken), "a legacy token THRON issued");
    assert.deepEqual((await search.json()).responseOptions.resultsPageSize, 5);

    const [definitions] = bff.sentTo(DEFINITIONS);
    assert.equal(
      definitions?.url,
      `${HOST}/thron/api/xintelligence/resources/imetadatadefinition/listGet/${THRON_SANDBOX.tenant}/${THRON_SANDBOX.classificationId}?offset=0&limit=50`,
    );
    assert.deepEqual([definitions?.method, definitions?.headers.get("accept")], ["GET", "application/json"]);
    assert.equal(definitions?.headers.get("x-tokenid"), legacyToken);

    const details = bff.sentTo(DETAIL);
    assert.ok(page.items.length > 0 && details.length === page.items.length, "one detail a video, for its duration");
    const detail = new URL(details[0]?.url ?? "");
    assert.equal(`${detail.origin}${detail.pathname}`, `${HOST}/thron/api/xcontents/resources/delivery/getContentDetail`);
    assert.deepEqual(Object.fromEntries(detail.searchParams), {
      clientId: THRON_SANDBOX.tenant,
      xcontentId: page.items[0]?.id,
      locale: "EN",
      pkey: THRON_SANDBOX.pkey,
    });
    assert.deepEqual([details[0]?.method, details[0]?.headers.get("accept")], ["GET", "application/json"]);
    assert.equal(details[0]?.headers.get("x-tokenid"), null, "a detail is opened by the gallery's pKey, not a session");
    for (const request of bff.sent) assert.ok(!request.url.includes(legacyToken), `no token in ${request.url}`);
  });

  it("searches the gallery's folder and its sub-folders for every type, newest first, asking for names and files", async () => {
    const bff = bffAnswering();
    const page = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=5`)).json());
    await bff.get(`${ASSETS}?limit=5&cursor=${page.nextCursor}`);
    const [first, next] = await Promise.all(bff.sentTo(SEARCH).map((request) => request.json()));
    assert.deepEqual(first, {
      criteria: {
        linkedCategories: { haveAtLeastOne: [{ id: THRON_SANDBOX.folderId, cascade: true }] },
        contentType: ["IMAGE", "VIDEO", "AUDIO", "OTHER"],
      },
      responseOptions: { resultsPageSize: 5, returnDetailsFields: ["locales", "source"], sort: [{ creationDate: { order: "desc" } }] },
    });
    assert.deepEqual(next, { ...first, pageToken: next.pageToken });
    assert.ok(next.pageToken, "the next page carries THRON's page token");
  });

  it("sends the text to match in every word, the types asked, and the sort: oldest first, or by title in the page's language", async () => {
    const bff = bffAnswering();
    await bff.get(`${ASSETS}?limit=5&q=city%20night&type=video&type=audio&sort=oldest`);
    await bff.get(`${ASSETS}?limit=5&sort=title&locale=it`);
    const [searched, byTitle] = await Promise.all(bff.sentTo(SEARCH).map((request) => request.json()));
    assert.deepEqual(searched.criteria.lemma, { text: "city night", textMatch: "all_word_match" });
    assert.deepEqual(searched.criteria.contentType, ["VIDEO", "AUDIO"]);
    assert.deepEqual(searched.responseOptions.sort, [{ creationDate: { order: "asc" } }]);
    assert.deepEqual(byTitle.responseOptions.sort, [{ name: { order: "asc", langPreferred: "IT" } }]);
    assert.ok(!("lemma" in byTitle.criteria), "no text, no lemma");
  });

  it("asks for details only for videos and audio: a page of images and documents costs one search", async () => {
    const bff = bffAnswering();
    const page = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=10&type=image&type=document`)).json());
    assert.equal(page.items.length, 10);
    assert.deepEqual([bff.sentTo(SEARCH).length, bff.sentTo(DETAIL).length], [1, 0]);
  });

  it("a hand-picked list is searched in THRON's own order, whatever sort is asked: with or without one, one search", async () => {
    const bff = bffAnswering();
    const ids = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=3&type=image`)).json()).items.map((item) => item.id);
    const listed = await bff.get(`${ASSETS}?ids=${ids.join(",")}&type=image`);
    const sorted = await bff.get(`${ASSETS}?ids=${ids.join(",")}&type=image&sort=title`);
    assert.deepEqual(AssetPage.parse(await sorted.json()), AssetPage.parse(await listed.json()));
    assert.equal(sorted.headers.get("x-cache"), "hit");
    const [, search] = await Promise.all(bff.sentTo(SEARCH).map((request) => request.json()));
    assert.deepEqual(search.criteria.ids, ids);
    assert.deepEqual(search.responseOptions.resultsPageSize, 3);
    assert.equal(bff.sentTo(SEARCH).length, 2, "the page the ids come from, and the list");
  });

  it("counts each call in /metrics under its operation: search, definitions, content-detail", async () => {
    const bff = bffAnswering();
    await bff.get(`${ASSETS}?limit=3&type=audio`);
    await bff.get("/v1/thron/galleries/default");
    const text = await bff.metrics();
    for (const operation of ["search", "definitions", "content-detail"])
      assert.match(text, new RegExp(`embedkit_upstream_calls_total\\{provider="THRON",operation="${operation}",outcome="ok"\\} [1-9]`));
  });
});

const LEGACY = "/authentication/token/legacy";

/** The BFF whose first `times` searches THRON answers with `refusal` (the simulator answers the rest). */
function searchesAnswered(refusal: () => Response, times = 1) {
  let refused = 0;
  return bffAnswering((request) => (request.url.includes(SEARCH) && refused++ < times ? refusal() : undefined));
}

describe("a session THRON ends, in its envelope", () => {
  const ended: [string, Record<string, unknown>][] = [
    ["resultCode SESSION_EXPIRED", { resultCode: "SESSION_EXPIRED" }],
    ["resultCode AUTHENTICATION_ERROR", { resultCode: "AUTHENTICATION_ERROR" }],
    ["ssoCode SESSION_EXPIRED alone", { resultCode: null, ssoCode: "SESSION_EXPIRED" }],
    ["ssoCode AUTHENTICATION_ERROR alone", { resultCode: null, ssoCode: "AUTHENTICATION_ERROR" }],
  ];
  for (const [name, fields] of ended)
    it(`with ${name}: a new legacy session, the search retried once, and the visitor gets the page`, async () => {
      const bff = searchesAnswered(() => envelope(418, fields));
      const response = await bff.get(`${ASSETS}?limit=2`);
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(AssetPage.parse(await response.json()).items.length, 2);
      assert.deepEqual([bff.sentTo(SEARCH).length, bff.sentTo(LEGACY).length], [2, 2], "the search and its retry; a legacy token for each");
    });

  it("ended again right after the renewal: a 502 that says so, not 'access denied'", async () => {
    const bff = searchesAnswered(() => envelope(418, { resultCode: "SESSION_EXPIRED", ssoCode: "SESSION_EXPIRED" }), 2);
    const problem = await problemOf(await bff.get(`${ASSETS}?limit=2`), 502);
    assert.equal(problem.title, "THRON answered with an error");
    assert.equal(problem.detail, "THRON refused the session again right after it was renewed.");
    assert.equal(bff.sentTo(SEARCH).length, 2);
  });
});

describe("ACCESS_DENIED in THRON's envelope: no renewal changes it", () => {
  const denials: [string, Record<string, unknown>][] = [
    ["resultCode", { resultCode: "ACCESS_DENIED" }],
    ["ssoCode", { resultCode: null, ssoCode: "ACCESS_DENIED" }],
  ];
  for (const [field, fields] of denials) {
    it(`in its ${field}: the gallery's folder is denied at once, without a retry`, async () => {
      const bff = searchesAnswered(() => envelope(418, fields));
      const problem = await problemOf(await bff.get(`${ASSETS}?limit=2`), 502);
      assert.equal(problem.title, "THRON denied access to this gallery's folder");
      assert.match(problem.type, /\/thron-access-denied$/);
      assert.deepEqual([bff.sentTo(SEARCH).length, bff.sentTo(LEGACY).length], [1, 1]);
    });

    it(`in its ${field}, for the definitions: the gallery without filters, and /health names the role to grant`, async () => {
      const bff = bffAnswering((request) => (request.url.includes(DEFINITIONS) ? envelope(418, fields) : undefined));
      const gallery = Gallery.parse(await (await bff.get("/v1/thron/galleries/default")).json());
      assert.deepEqual(gallery.filters, []);
      const health = Health.parse(await (await bff.get("/health")).json());
      assert.match(health.problems?.[0] ?? "", new RegExp(`THRON_CLASS_${THRON_SANDBOX.classificationId}_VIEWER`));
      assert.equal(bff.sentTo(DEFINITIONS).length, 1, "asked once");
    });
  }
});

describe("THRON's other failures, as the visitor gets them (never THRON's words)", () => {
  it("a 500 that its retry gets too is 'unavailable' (503), naming the status", async () => {
    const bff = searchesAnswered(() => new Response("Internal Server Error", { status: 500 }), 2);
    const problem = await problemOf(await bff.get(`${ASSETS}?limit=2`), 503);
    assert.equal(problem.title, "THRON is unavailable");
    assert.equal(problem.detail, "THRON answered status 500.");
  });

  const errors: [string, () => Response, string][] = [
    ["a 418 without the envelope", () => new Response("Exception", { status: 418 }), "THRON reported an exception (EXCEPTION)."],
    [
      "a 418 with another result code",
      () => envelope(418, { resultCode: "INVALID_ARGUMENTS", errorDescription: "the words of THRON" }),
      "THRON answered status 418 with result INVALID_ARGUMENTS.",
    ],
    [
      "a 200 whose result is not OK",
      () => envelope(200, { resultCode: "INVALID_CLIENTID", errorDescription: "the words of THRON" }),
      "THRON answered status 200 with result INVALID_CLIENTID.",
    ],
    [
      "a 404 whose body reads as an OK answer",
      () => envelope(404, { items: [], errorDescription: "the words of THRON" }),
      "THRON answered status 404 with result OK.",
    ],
    ["a 400 without the envelope", () => new Response("Bad Request", { status: 400 }), "THRON answered status 400 with result none."],
    ["a 200 OK that is not a search answer", () => envelope(200, { items: "the words of THRON" }), "THRON answered an unexpected shape."],
  ];
  for (const [name, answer, detail] of errors)
    it(`${name}: a 502 naming what THRON answered`, async () => {
      const bff = searchesAnswered(answer);
      const problem = await problemOf(await bff.get(`${ASSETS}?limit=2`), 502);
      assert.equal(problem.title, "THRON answered with an error");
      assert.match(problem.type, /\/upstream-error$/);
      assert.equal(problem.detail, detail);
      assert.doesNotMatch(JSON.stringify(problem), /words of THRON/);
      assert.equal(bff.sentTo(SEARCH).length, 1, "an error THRON considered is not retried");
    });
});

/** The id of an image the gallery shows. */
const anImage = async (bff: ReturnType<typeof bffAnswering>) =>
  AssetPage.parse(await (await bff.get(`${ASSETS}?limit=1&type=image`)).json()).items[0]?.id ?? "";

describe("an asset's detail, opened by the gallery's pKey", () => {
  const notFound: [string, () => Response][] = [
    ["a 404", () => new Response("Not Found", { status: 404 })],
    ["a bare 403", () => new Response("Access Denied", { status: 403, headers: { "content-type": "text/plain" } })],
    ["ACCESS_DENIED in the envelope", () => envelope(418, { resultCode: "ACCESS_DENIED", ssoCode: "ACCESS_DENIED" })],
    ["CONTENT_NOT_FOUND", () => envelope(418, { resultCode: "CONTENT_NOT_FOUND" })],
  ];
  for (const [name, answer] of notFound)
    it(`THRON answering ${name}: the asset is not found (404), THRON asked once`, async () => {
      const bff = bffAnswering((request) => (request.url.includes(DETAIL) ? answer() : undefined));
      const problem = await problemOf(await bff.get(`${ASSETS}/${await anImage(bff)}`), 404);
      assert.equal(problem.title, "Unknown asset");
      assert.equal(bff.sentTo(DETAIL).length, 1);
    });

  it("a detail THRON fails once with a 503 is asked again (a read): the asset", async () => {
    let failed = 0;
    const bff = bffAnswering((request) =>
      request.url.includes(DETAIL) && failed++ === 0 ? new Response("Service Unavailable", { status: 503 }) : undefined,
    );
    assert.equal((await bff.get(`${ASSETS}/${await anImage(bff)}`)).status, 200);
    assert.equal(bff.sentTo(DETAIL).length, 2);
  });

  it("THRON failing otherwise is THRON's failure, not a missing asset: a 502", async () => {
    const bff = bffAnswering((request) => (request.url.includes(DETAIL) ? envelope(418, { resultCode: "EXCEPTION" }) : undefined));
    const problem = await problemOf(await bff.get(`${ASSETS}/${await anImage(bff)}`), 502);
    assert.equal(problem.detail, "THRON reported an exception (EXCEPTION).");
  });
});

describe("a search item's file, as THRON answers it", () => {
  it("names the tile's thumbnail after the file; titles an item THRON names in no language by its file name", async () => {
    const bff = bffAnswering();
    const [first] = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=1`)).json()).items;
    const content = bff.thron.catalogue.byId.get(first?.id ?? "");
    assert.ok(first && content);
    const slug = content.fileName.replace(/\.[^.]+$/, "");
    assert.ok(first.thumbnail.url.endsWith(`x0/${slug}`), first.thumbnail.url);
    content.locales = [];
    const [unnamed] = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=2`)).json()).items; // another search: not the cached page
    assert.equal(unnamed?.id, first.id);
    assert.equal(unnamed?.title, content.fileName);
  });
});

/** A definition as THRON may send it, with no more than its id, key and type. */
const bareDefinition = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  key: "season",
  metadataType: "ALTERNATIVE_S",
  ...fields,
});

/** The BFF whose definition pages THRON answers with `page(offset)` (undefined: the simulator answers). */
function definitionsAnswered(page: (offset: number) => Response | undefined) {
  const bff = bffAnswering((request) =>
    request.url.includes(DEFINITIONS) ? page(Number(new URL(request.url).searchParams.get("offset"))) : undefined,
  );
  const gallery = async () => Gallery.parse(await (await bff.get("/v1/thron/galleries/default")).json());
  const offsets = () => bff.sentTo(DEFINITIONS).map((request) => Number(new URL(request.url).searchParams.get("offset")));
  return { ...bff, gallery, offsets };
}

describe("a classification's definitions, page by page", () => {
  it("a page THRON sends without items ends the list", async () => {
    const bff = definitionsAnswered((offset) => (offset > 0 ? envelope(200, {}) : undefined));
    assert.deepEqual(
      (await bff.gallery()).filters.map((filter) => filter.key),
      ["season", "topic"],
    );
    assert.equal(bff.offsets().length, 2);
  });

  it("a page THRON fails once with a 503 is asked again (a read), and the gallery has its filters", async () => {
    let failed = 0;
    const bff = definitionsAnswered(() => (failed++ === 0 ? new Response("Service Unavailable", { status: 503 }) : undefined));
    assert.deepEqual(
      (await bff.gallery()).filters.map((filter) => filter.key),
      ["season", "topic"],
    );
    assert.deepEqual(bff.offsets(), [0, 0, bff.thron.catalogue.definitions.length], "the page, its retry, then the empty page");
  });

  it("a failure that is not a refusal is no missing role: /health names no role", async () => {
    const bff = definitionsAnswered(() => envelope(418, { resultCode: "EXCEPTION" }));
    await bff.gallery().catch(() => undefined);
    const health = Health.parse(await (await bff.get("/health")).json());
    assert.equal(health.problems, undefined);
  });

  it("THRON answering the same page whatever the offset: the BFF stops after 20 pages, and the gallery has its filter", async () => {
    const bff = definitionsAnswered(() => envelope(200, { items: [bareDefinition("def-season")] }));
    assert.deepEqual(
      (await bff.gallery()).filters.map((filter) => filter.key),
      ["season"],
    );
    assert.equal(bff.offsets().length, 20);
  });

  it("drops an odd entry yet counts it for the next offset; a definition with only its key and type is a filter labelled by its key", async () => {
    const bff = definitionsAnswered((offset) =>
      envelope(200, { items: offset === 0 ? ["odd", bareDefinition("def-season")] : offset === 2 ? [] : [bareDefinition("wrong")] }),
    );
    assert.deepEqual((await bff.gallery()).filters, [{ key: "season", label: "season", multiple: false, options: [] }]);
    assert.deepEqual(bff.offsets(), [0, 2]);
  });

  it("two definitions of one key (one removed, one current) are both read: the current one is the filter", async () => {
    const bff = definitionsAnswered((offset) =>
      envelope(200, {
        items:
          offset === 0
            ? [bareDefinition("def-current", { names: [{ lang: "EN", label: "Season" }] }), bareDefinition("def-old", { removed: true })]
            : [],
      }),
    );
    assert.deepEqual(
      (await bff.gallery()).filters.map((filter) => filter.label),
      ["Season"],
    );
  });
});

describe("a page of assets, as browsers and caches take it", () => {
  it("is JSON, public for 30 s and served stale for 300 s more, varying on Origin and Accept-Encoding", async () => {
    const bff = bffAnswering();
    for (const expected of ["miss", "hit"]) {
      const response = await bff.get(`${ASSETS}?limit=3`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("content-type"), "application/json");
      assert.equal(response.headers.get("cache-control"), "public, max-age=30, stale-while-revalidate=300");
      assert.equal(response.headers.get("vary"), "Origin, Accept-Encoding");
      assert.equal(response.headers.get("x-cache"), expected);
      assert.equal(AssetPage.parse(await response.json()).items.length, 3);
    }
  });

  it("ignores a parameter whose name does not decode, like any other it does not read: the same page, from the cache", async () => {
    const bff = bffAnswering();
    const plain = await bff.get(`${ASSETS}?limit=2`);
    for (const path of [`${ASSETS}?limit=2&%E0%A4%A=1`, `${ASSETS}?%ZZ&limit=2`]) {
      const odd = await bff.get(path);
      assert.equal(odd.status, 200, path);
      assert.equal(odd.headers.get("x-cache"), "hit");
      assert.deepEqual(await odd.json(), await plain.clone().json());
    }
    assert.equal(bff.sentTo(SEARCH).length, 1);
  });

  it("reads a parameter without '=' as empty, after a request that set it: never the earlier request's page", async () => {
    const bff = bffAnswering();
    const total = (page: unknown) => AssetPage.parse(page).total;
    assert.equal(total(await (await bff.get(`${ASSETS}?limit=2&q=q`)).json()), 0, "no asset has the word q");
    assert.ok(total(await (await bff.get(`${ASSETS}?limit=2&q`)).json()) > 0, "no text: every asset");
    assert.equal((await bff.get(`${ASSETS}?type=image`)).status, 200);
    assert.equal((await bff.get(`${ASSETS}?type=image&limit`)).status, 400, "an empty limit is refused, as it always is");
  });

  it("reads '+' in a parameter's name as a space, as the route does: `q+` is not `q`", async () => {
    const bff = bffAnswering();
    const total = async (path: string) => AssetPage.parse(await (await bff.get(path)).json()).total;
    assert.equal(await total(`${ASSETS}?limit=2&q=q`), 0, "no asset has the word q");
    assert.ok((await total(`${ASSETS}?limit=2&q+=q`)) > 0, "a parameter the route does not read: every asset");
  });

  it("is gzipped for a client that takes gzip (the same page once unzipped), and plain for one that does not", async () => {
    const bff = bffAnswering();
    const plain = await bff.get(`${ASSETS}?limit=20`, { headers: { "accept-encoding": "br" } });
    assert.equal(plain.headers.get("content-encoding"), null);
    const page = AssetPage.parse(await plain.json());
    for (let i = 0; i < 2; i++) {
      const zipped = await bff.get(`${ASSETS}?limit=20`, { headers: { "accept-encoding": "gzip, br" } });
      assert.equal(zipped.headers.get("content-encoding"), "gzip");
      assert.equal(zipped.headers.get("vary"), "Origin, Accept-Encoding");
      assert.deepEqual(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()), page);
    }
    assert.equal(bff.sentTo(SEARCH).length, 1, "one search for every encoding");
    const empty = await bff.get(`${ASSETS}?q=qwertyuiop`, { headers: { "accept-encoding": "gzip" } });
    assert.equal(empty.headers.get("content-encoding"), null, "too small to gain from gzip");
    assert.deepEqual(AssetPage.parse(await empty.json()), { items: [], nextCursor: null, total: 0 });
  });
});

describe("odd entries in THRON's answers are dropped, the rest kept", () => {
  it("an asset's detail with an odd locale, channel and subtitle entry: the asset, titled and playable, without them", async () => {
    const bff = bffAnswering(async (request, simulator) => {
      if (!request.url.includes(DETAIL)) return undefined;
      const answer = await (await simulator(request)).json();
      for (const list of ["locales", "deliveryInfo", "subtitlesUrls"]) answer.content[list].unshift({ odd: true });
      return Response.json(answer);
    });
    const [video] = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=1&type=video`)).json()).items;
    const response = await bff.get(`${ASSETS}/${video?.id}`);
    assert.equal(response.status, 200, await response.clone().text());
    const asset = Asset.parse(await response.json());
    assert.equal(asset.title, video?.title);
    assert.ok(asset.sources.length > 0, "its sources");
    assert.ok(asset.sources.every((source) => source.url.startsWith("http")));
  });

  it("a search answer with odd items: the others shown", async () => {
    const bff = bffAnswering(async (request, simulator) => {
      if (!request.url.includes(SEARCH)) return undefined;
      const answer = await (await simulator(request)).json();
      answer.items.splice(1, 0, { odd: true }, "odd");
      return Response.json({ ...answer, estimatedTotalResults: null });
    });
    const page = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=3&type=image`)).json());
    assert.equal(page.items.length, 3);
    assert.equal(page.total, 3, "without THRON's estimate, the items it answered");
  });
});

describe("contents that are not gallery material, in a search answer", () => {
  it("a pagelet and a playlist among the images: left out, every item shown an asset", async () => {
    const bff = bffAnswering(async (request, simulator) => {
      if (!request.url.includes(SEARCH)) return undefined;
      const answer = await (await simulator(request)).json();
      const [first] = answer.items;
      answer.items.splice(
        1,
        0,
        { ...first, id: "a-pagelet", contentType: "PAGELET" },
        { ...first, id: "a-playlist", contentType: "PLAYLIST" },
      );
      return Response.json(answer);
    });
    const response = await bff.get(`${ASSETS}?limit=3&type=image`);
    const page = AssetPage.parse(await response.json());
    assert.deepEqual(
      page.items.map((item) => item.type),
      ["image", "image", "image"],
    );
    assert.ok(!page.items.some((item) => item.id.startsWith("a-p")), "no pagelet, no playlist");
  });
});

describe("the doctor's check of the gallery's folder", () => {
  it("is the smallest search in that folder: one item, no details, no sort", async () => {
    const sandbox = createSandbox({ baseUrl: HOST });
    const bodies: unknown[] = [];
    await runDoctor(loadConfig(thronSimulatorEnv(`${HOST}/thron`)), {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.includes(SEARCH)) bodies.push(await request.clone().json());
        return sandbox.app.fetch(request);
      },
      write: () => {},
      secrets: [],
    });
    assert.deepEqual(bodies, [
      {
        criteria: { linkedCategories: { haveAtLeastOne: [{ id: THRON_SANDBOX.folderId, cascade: true }] } },
        responseOptions: { resultsPageSize: 1, returnDetailsFields: [] },
      },
    ]);
  });
});
