/**
 * The public API's contract (packages/contracts): what each schema takes, refuses, defaults and
 * says, as a client of the BFF reads it in a 400's `errors` (field and message) or in the typed
 * value an element or the BFF works with.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { z } from "zod";
import {
  Asset,
  AssetIdList,
  AssetPage,
  AssetParams,
  AssetsQuery,
  Contact,
  FilterBarAttributes,
  GalleryAttributes,
  GalleryParams,
  Health,
  HelplineEvent,
  HelplinesAttributes,
  HelplinesQuery,
  healthOf,
  LaunchButtonAttributes,
  LaunchRequest,
  LaunchResponse,
  Locale,
  OpeningPeriod,
  Thumbnail,
} from "../src/index.ts";
import { isLaunchMethod, isMessageMethod, LAUNCH_IDS, LAUNCH_METHODS, MESSAGE_METHODS } from "../src/thunder-vocabulary.ts";

/** What a client reads of a refusal: each issue's field (dotted path) and message; [] when taken. */
function refusals(schema: z.ZodType, value: unknown): { field: string; message: string }[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
}

/** The value a schema makes of an input it takes (fails the test if refused). */
function taken<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  assert.ok(result.success, `refused ${JSON.stringify(value)}: ${result.error?.message}`);
  return result.data;
}

const refused = (schema: z.ZodType, value: unknown) => refusals(schema, value).length > 0;
const many = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

describe("contracts: names and ids", () => {
  it("a locale is a BCP 47 tag; anything else is refused with words that say so", () => {
    for (const tag of ["en", "fil", "it-IT", "zh-Hant-TW", "de-CH-1996"]) assert.equal(taken(Locale, tag), tag);
    for (const bad of ["e", "engl", "it_IT", "en-", "-en", "en-x", "en-abcdefghi", "", "en IT"])
      assert.deepEqual(refusals(Locale, bad), [{ field: "", message: "must be a BCP 47 language tag such as en or it-IT" }], bad);
  });

  it("a gallery name is lower-case letters, digits, - and _, 64 at most, starting with a letter or digit", () => {
    for (const name of ["default", "a", "9-lives_x", `a${"b".repeat(63)}`])
      assert.equal(taken(GalleryParams, { gallery: name }).gallery, name);
    for (const bad of ["", "Default", "-a", "_a", "a b", "a/b", `a${"b".repeat(64)}`, "sport\n"])
      assert.deepEqual(
        refusals(GalleryParams, { gallery: bad }),
        [{ field: "gallery", message: "must be a gallery name (lower-case letters, digits, - and _)" }],
        bad,
      );
  });

  it("an asset id is letters, digits, - and _, 100 at most", () => {
    for (const id of ["a", "A-b_9", "x".repeat(100)]) assert.equal(taken(AssetParams, { gallery: "default", id }).id, id);
    for (const bad of ["", "a/b", "a.b", "x".repeat(101), "é"])
      assert.deepEqual(refusals(AssetParams, { gallery: "default", id: bad }), [{ field: "id", message: "must be an asset id" }], bad);
  });

  it("a hand-picked list: comma or space separated, 1 to 50 ids, each once, in the order given", () => {
    assert.deepEqual(taken(AssetIdList, " b, a  c,,d "), ["b", "a", "c", "d"]);
    assert.deepEqual(taken(AssetIdList, many(50, (i) => `id${i}`).join(",")).length, 50);
    const message = (value: string) => refusals(AssetIdList, value).map((issue) => issue.message);
    assert.deepEqual(message(" , "), ["must name at least one asset id"]);
    assert.deepEqual(message(many(51, (i) => `id${i}`).join(",")), ["must name at most 50 asset ids"]);
    assert.deepEqual(message("a,b,a"), ["must name each asset id once"]);
    assert.deepEqual(message("a,b/c"), ["must be asset ids (letters, digits, - and _), comma separated"]);
    // 50 ids of 100 characters and their commas fit; a longer string is refused before it is split.
    assert.equal(taken(AssetIdList, many(50, (i) => `${i}`.padStart(100, "x")).join(",")).length, 50);
    const longest = "x".repeat(100) + " ".repeat(50 * 101 - 100);
    assert.deepEqual(taken(AssetIdList, longest), ["x".repeat(100)]);
    assert.ok(refused(AssetIdList, `${longest} `), "a string longer than 50 ids and their commas");
  });
});

describe("contracts: the assets query", () => {
  it("defaults to 24 a page; takes 1 to 50 whole numbers as written in a URL", () => {
    assert.equal(taken(AssetsQuery, {}).limit, 24);
    assert.equal(taken(AssetsQuery, { limit: "1" }).limit, 1);
    assert.equal(taken(AssetsQuery, { limit: "50" }).limit, 50);
    for (const bad of ["0", "51", "1.5", "ten", "-1"])
      assert.deepEqual(
        refusals(AssetsQuery, { limit: bad }).map((i) => i.field),
        ["limit"],
        bad,
      );
  });

  it("trims the text query and takes 200 characters of it; a cursor up to 4 KB", () => {
    assert.equal(taken(AssetsQuery, { q: `  ${"q".repeat(200)}  ` }).q, "q".repeat(200));
    assert.deepEqual(
      refusals(AssetsQuery, { q: "q".repeat(201) }).map((i) => i.field),
      ["q"],
    );
    assert.equal(taken(AssetsQuery, { cursor: "c".repeat(4096) }).cursor?.length, 4096);
    assert.deepEqual(
      refusals(AssetsQuery, { cursor: "c".repeat(4097) }).map((i) => i.field),
      ["cursor"],
    );
  });

  it("takes a type once or repeated, and only the four types; sort is newest, oldest or title", () => {
    assert.deepEqual(taken(AssetsQuery, { type: "video" }).type, ["video"]);
    assert.deepEqual(taken(AssetsQuery, { type: ["image", "audio", "document"] }).type, ["image", "audio", "document"]);
    assert.equal(taken(AssetsQuery, {}).type, undefined);
    assert.deepEqual(
      refusals(AssetsQuery, { type: ["image", "gif"] }).map((i) => i.field),
      ["type.1"],
    );
    for (const sort of ["newest", "oldest", "title"]) assert.equal(taken(AssetsQuery, { sort }).sort, sort);
    assert.deepEqual(
      refusals(AssetsQuery, { sort: "random" }).map((i) => i.field),
      ["sort"],
    );
    assert.deepEqual(taken(AssetsQuery, { ids: "a,b" }).ids, ["a", "b"]);
    assert.deepEqual(
      refusals(AssetsQuery, { locale: "english" }).map((i) => i.field),
      ["locale"],
    );
  });
});

describe("contracts: a Thunder launch", () => {
  it("takes 1 to 200 ids of 1 to 64 characters, 5 angles at most, a ticket of 4 KB at most, a known method", () => {
    const launch = (fields: Record<string, unknown>) => ({ method: "stats", ids: ["1"], ...fields });
    assert.deepEqual(taken(LaunchRequest, launch({ ids: many(200, (i) => `${i}`) })).ids.length, 200);
    assert.equal(
      taken(LaunchRequest, launch({ ids: ["x".repeat(64)], angles: ["sideline", "endzone", "scoreboard", "tv-broadcast", "no-media"] }))
        .angles?.length,
      5,
    );
    assert.equal(taken(LaunchRequest, launch({ ticket: "t".repeat(4096), league: "CFL" })).league, "CFL");
    const field = (fields: Record<string, unknown>) => refusals(LaunchRequest, launch(fields)).map((issue) => issue.field);
    assert.deepEqual(field({ ids: [] }), ["ids"]);
    assert.deepEqual(field({ ids: many(201, (i) => `${i}`) }), ["ids"]);
    assert.deepEqual(field({ ids: ["1", ""] }), ["ids.1"]);
    assert.deepEqual(field({ ids: ["x".repeat(65)] }), ["ids.0"]);
    assert.deepEqual(field({ angles: ["sideline", "sideline", "sideline", "sideline", "sideline", "sideline"] }), ["angles"]);
    assert.deepEqual(field({ angles: ["drone"] }), ["angles.0"]);
    assert.deepEqual(field({ ticket: "t".repeat(4097) }), ["ticket"]);
    assert.deepEqual(field({ league: "NBA" }), ["league"]);
    assert.deepEqual(field({ method: "play" }), ["method"]);
  });

  it("names the id each method takes, and knows the MessageXML family", () => {
    const guid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const takes = (method: keyof typeof LAUNCH_IDS, id: string) => LAUNCH_IDS[method].pattern.test(id);
    for (const method of ["plays", "edits", "xos-message"] as const) {
      assert.ok(takes(method, guid) && takes(method, guid.toUpperCase()), method);
      assert.ok(
        !takes(method, guid.slice(1)) && !takes(method, `x${guid}`) && !takes(method, `${guid}0`) && !takes(method, "123|45"),
        method,
      );
    }
    for (const method of ["gsis", "gsis-nonpro", "gsis-message", "pff-message"] as const) {
      for (const id of ["1|2", "2019090500|3456", "123|45:NE", "123|45:ABCD"]) assert.ok(takes(method, id), `${method} ${id}`);
      for (const id of [
        "123",
        "|45",
        "123|",
        "12345678901|1",
        "1|12345678901",
        "123|45:N",
        "123|45:ABCDE",
        "123|45:N1",
        "a|1",
        `x${"1|2"}`,
      ])
        assert.ok(!takes(method, id), `${method} ${id}`);
    }
    assert.ok(takes("stats", "1") && takes("stats", "123456789012"));
    assert.ok(!takes("stats", "1234567890123") && !takes("stats", "12a") && !takes("stats", ""));
    assert.equal(LAUNCH_IDS.plays.expected, "an XOS play GUID");
    assert.equal(LAUNCH_IDS.edits.expected, "an XOS edit GUID");
    assert.equal(LAUNCH_IDS.stats.expected, "a STATS play id (digits)");
    assert.match(LAUNCH_IDS["pff-message"].expected, /PFF ids/);
    assert.equal(LAUNCH_IDS.gsis.expected, "GAMEKEY|PLAYID or GAMEKEY|PLAYID:TEAM (digits, team 2–4 letters)");
    assert.deepEqual(LAUNCH_METHODS.filter(isMessageMethod), [...MESSAGE_METHODS]);
    assert.deepEqual(LAUNCH_METHODS.filter(isLaunchMethod), [...LAUNCH_METHODS]);
    assert.ok(!isLaunchMethod("message") && !isMessageMethod("plays"));
  });

  it("answers a URL and the time its token expires, as an ISO date", () => {
    assert.ok(!refused(LaunchResponse, { url: "https://x.test/launch", expiresAt: "2026-12-06T12:00:00Z" }));
    assert.deepEqual(
      refusals(LaunchResponse, { url: "u", expiresAt: "tomorrow" }).map((i) => i.field),
      ["expiresAt"],
    );
  });
});

describe("contracts: ThroughLine", () => {
  it("a helplines query: a two-letter country, upper-cased with a message if not; 1 to 50 helplines, 10 by default", () => {
    assert.deepEqual(taken(HelplinesQuery, { country: "us" }), { country: "US", limit: 10 });
    for (const bad of ["USA", "U", "U1", ""])
      assert.deepEqual(
        refusals(HelplinesQuery, { country: bad }),
        [{ field: "country", message: "must be an ISO 3166 country code such as US" }],
        bad,
      );
    assert.equal(taken(HelplinesQuery, { country: "NZ", limit: "50" }).limit, 50);
    for (const bad of ["0", "51", "2.5"])
      assert.deepEqual(
        refusals(HelplinesQuery, { country: "NZ", limit: bad }).map((i) => i.field),
        ["limit"],
        bad,
      );
  });

  it("a topic is trimmed, 1 to 100 characters; priority is a flag written true, false, 1 or 0", () => {
    assert.equal(taken(HelplinesQuery, { country: "NZ", topic: "  self-harm " }).topic, "self-harm");
    assert.equal(taken(HelplinesQuery, { country: "NZ", topic: "t".repeat(100) }).topic?.length, 100);
    for (const bad of ["   ", "t".repeat(101)])
      assert.deepEqual(
        refusals(HelplinesQuery, { country: "NZ", topic: bad }).map((i) => i.field),
        ["topic"],
      );
    for (const [written, on] of [
      ["true", true],
      ["1", true],
      ["false", false],
      ["0", false],
    ] as const)
      assert.equal(taken(HelplinesQuery, { country: "NZ", priority: written }).priority, on, written);
    assert.deepEqual(
      refusals(HelplinesQuery, { country: "NZ", priority: "yes" }).map((i) => i.field),
      ["priority"],
    );
  });

  it("an event: a click names its contact method; ids and sessions are 1 to 100 characters", () => {
    const event = (fields: Record<string, unknown>) => ({ type: "display", helplineId: "h1", sessionId: "s1", ...fields });
    assert.ok(!refused(HelplineEvent, event({})));
    assert.ok(
      !refused(HelplineEvent, event({ type: "click", contactMethod: "sms", helplineId: "h".repeat(100), sessionId: "s".repeat(100) })),
    );
    assert.deepEqual(refusals(HelplineEvent, event({ type: "click" })), [
      { field: "contactMethod", message: "clicks need a contactMethod" },
    ]);
    for (const [name, bad] of [
      ["helplineId", ""],
      ["helplineId", "h".repeat(101)],
      ["sessionId", ""],
      ["sessionId", "s".repeat(101)],
      ["type", "hover"],
      ["contactMethod", "fax"],
    ])
      assert.deepEqual(
        refusals(HelplineEvent, event({ [name as string]: bad })).map((i) => i.field),
        [name],
        `${name}=${bad}`,
      );
  });

  it("a contact's link is tel:, sms: or https only; hours are HH:MM", () => {
    const contact = (href: string) => ({ type: "phone", label: "111", href, alwaysOpen: false, hours: [] });
    for (const href of ["tel:111", "sms:111", "https://example.org"]) assert.ok(!refused(Contact, contact(href)), href);
    for (const href of ["javascript:alert(1)", "http://example.org", "//example.org", " tel:111", "data:text/html,x"])
      assert.deepEqual(
        refusals(Contact, contact(href)).map((i) => i.field),
        ["href"],
        href,
      );
    assert.ok(!refused(OpeningPeriod, { day: "monday", open: "09:00", close: "17:30" }));
    for (const time of ["9:00", "09:0", "0900", "09:00 "])
      assert.ok(refused(OpeningPeriod, { day: "monday", open: time, close: "17:00" }), time);
    assert.ok(refused(OpeningPeriod, { day: "funday", open: "09:00", close: "17:00" }));
  });
});

describe("contracts: an element's attributes, as the render route takes them", () => {
  it("any element: bff and ticket-url are http(s) URLs of 2 KB at most; id and class are plain names", () => {
    const helplines = (fields: Record<string, unknown>) => ({ country: "us", ...fields });
    assert.deepEqual(taken(HelplinesAttributes, helplines({})), { country: "US", limit: 5 });
    assert.ok(!refused(HelplinesAttributes, helplines({ bff: "https://bff.example/", id: "h_1-a", class: "wide dark_1 x-y" })));
    const field = (fields: Record<string, unknown>) => refusals(HelplinesAttributes, helplines(fields)).map((issue) => issue.field);
    const longest = `https://bff.example/${"p".repeat(2048 - 20)}`;
    assert.equal(taken(HelplinesAttributes, helplines({ bff: longest })).bff, longest);
    for (const bff of ["javascript:alert(1)", "ftp://bff.example/", "bff.example", `${longest}p`])
      assert.deepEqual(field({ bff }), ["bff"], bff.slice(0, 30));
    assert.deepEqual(refusals(HelplinesAttributes, helplines({ id: "1a" })), [
      { field: "id", message: "must be an id of letters, digits, - and _" },
    ]);
    assert.deepEqual(field({ id: `a${"b".repeat(64)}` }), ["id"]);
    assert.deepEqual(refusals(HelplinesAttributes, helplines({ class: 'a" onclick="x' })), [
      { field: "class", message: "must be class names of letters, digits, - and _" },
    ]);
    assert.deepEqual(field({ class: "c".repeat(201) }), ["class"]);
    assert.deepEqual(field({ limit: "51" }), ["limit"]);
    assert.deepEqual(field({ priority: "false" }), ["priority"]);
    for (const on of ["", "priority", "true"]) assert.equal(taken(HelplinesAttributes, helplines({ priority: on })).priority, on);
    assert.equal(taken(HelplinesAttributes, helplines({ "report-events": "report-events" }))["report-events"], "report-events");
  });

  it("a gallery: defaults, a type list, an autoplay of seconds, boolean attributes as HTML has them", () => {
    const gallery = taken(GalleryAttributes, {});
    assert.equal(gallery.gallery, "default");
    assert.equal(gallery.layout, "grid");
    assert.equal(gallery["page-size"], 24);
    assert.deepEqual(taken(GalleryAttributes, { type: " Image, video,," }).type, ["image", "video"]);
    assert.deepEqual(
      refusals(GalleryAttributes, { type: "image,gif" }).map((i) => i.field),
      ["type.1"],
    );
    assert.deepEqual(
      refusals(GalleryAttributes, { type: `image${",image".repeat(20)}` }).map((i) => i.field),
      ["type"],
    );
    for (const autoplay of ["", "5", "120"]) assert.equal(taken(GalleryAttributes, { autoplay }).autoplay, autoplay);
    for (const autoplay of ["1000", "5s", "-1"])
      assert.deepEqual(
        refusals(GalleryAttributes, { autoplay }),
        [{ field: "autoplay", message: "must be empty or a number of seconds" }],
        autoplay,
      );
    assert.equal(taken(GalleryAttributes, { infinite: "infinite", "sync-url": "" }).infinite, "infinite");
    assert.deepEqual(
      refusals(GalleryAttributes, { infinite: "sync-url" }).map((i) => i.field),
      ["infinite"],
    );
    assert.deepEqual(
      refusals(GalleryAttributes, { layout: "masonry" }).map((i) => i.field),
      ["layout"],
    );
    assert.deepEqual(taken(GalleryAttributes, { assets: "b,a" }).assets, ["b", "a"]);
  });

  it("a filter bar names its gallery element; its URL prefix and keys are plain", () => {
    assert.deepEqual(taken(FilterBarAttributes, { for: "g1" }), { for: "g1", gallery: "default" });
    assert.deepEqual(refusals(FilterBarAttributes, { for: "1g" }), [{ field: "for", message: "must be the id of a <thron-gallery>" }]);
    assert.deepEqual(
      refusals(FilterBarAttributes, {}).map((i) => i.field),
      ["for"],
    );
    for (const prefix of ["", "sport", "a_b-9".padEnd(32, "x")])
      assert.equal(taken(FilterBarAttributes, { for: "g", "sync-url": prefix })["sync-url"], prefix);
    for (const prefix of ["a.b", "x".repeat(33)])
      assert.deepEqual(refusals(FilterBarAttributes, { for: "g", "sync-url": prefix }), [
        { field: "sync-url", message: "must be empty or a prefix of letters, digits, - and _" },
      ]);
    assert.ok(!refused(FilterBarAttributes, { for: "g", keys: "topic, year,team.name" }));
    for (const keys of ["a;b", "k".repeat(501)])
      assert.deepEqual(refusals(FilterBarAttributes, { for: "g", keys }), [
        { field: "keys", message: "must be a comma list of filter keys" },
      ]);
  });

  it("a launch button: plays by default; 1 to 200 ids and 5 angles as comma lists; the ticket URL is http(s)", () => {
    const button = taken(LaunchButtonAttributes, { ids: "a1, b2 c3" });
    assert.equal(button.method, "plays");
    assert.deepEqual(button.ids, ["a1", "b2", "c3"]);
    assert.equal(taken(LaunchButtonAttributes, { ids: many(200, (i) => `${i}`).join(",") }).ids.length, 200);
    const field = (fields: Record<string, unknown>) =>
      refusals(LaunchButtonAttributes, { ids: "1", ...fields }).map((issue) => issue.field);
    assert.deepEqual(field({ ids: many(201, (i) => `${i}`).join(",") }), ["ids"]);
    assert.deepEqual(field({ ids: " , " }), ["ids"]);
    assert.deepEqual(field({ ids: "x".repeat(16_001) }), ["ids"]);
    assert.deepEqual(taken(LaunchButtonAttributes, { ids: "1", angles: "endzone,no-media" }).angles, ["endzone", "no-media"]);
    assert.deepEqual(field({ angles: "sideline,endzone,scoreboard,tv-broadcast,no-media,sideline" }), ["angles"]);
    const longest = `https://host.example/${"t".repeat(2048 - 21)}`;
    assert.equal(taken(LaunchButtonAttributes, { ids: "1", "ticket-url": longest })["ticket-url"], longest);
    for (const url of ["javascript:alert(1)", "ftp://host.example/t", `${longest}t`])
      assert.deepEqual(field({ "ticket-url": url }), ["ticket-url"]);
  });
});

describe("contracts: answers", () => {
  it("health names each provider the BFF has, and takes any other provider's state", () => {
    const health = { status: "ok", sandbox: true, providers: { thron: "ready", extra: "degraded" } };
    assert.ok(!refused(healthOf(["thron"]), health));
    assert.deepEqual(
      refusals(healthOf(["thunder"]), health).map((i) => i.field),
      ["providers.thunder"],
    );
    assert.deepEqual(
      refusals(Health, { ...health, providers: { thron: "broken" } }).map((i) => i.field),
      ["providers.thron"],
    );
    assert.deepEqual(
      refusals(Health, { ...health, status: "down" }).map((i) => i.field),
      ["status"],
    );
    assert.ok(
      !refused(Health, { ...health, quota: { throughline: { used: 3, limit: 1000 } }, sharedCache: "unavailable", problems: ["x"] }),
    );
    assert.deepEqual(
      refusals(Health, { ...health, quota: { throughline: { used: 1.5, limit: 1000 } } }).map((i) => i.field),
      ["quota.throughline.used"],
    );
  });

  it("an asset page: URLs that are URLs, positive ratios, whole non-negative durations and totals", () => {
    const thumbnail = { url: "https://cdn.example/t.jpg", srcset: "" };
    const asset = { id: "a", type: "video", title: "T", thumbnail, sources: [{ url: "https://cdn.example/v.mp4", mimeType: "video/mp4" }] };
    assert.ok(!refused(AssetPage, { items: [asset], nextCursor: null, total: 0 }));
    assert.deepEqual(
      refusals(Thumbnail, { ...thumbnail, url: "t.jpg" }).map((i) => i.field),
      ["url"],
    );
    assert.deepEqual(
      refusals(Asset, { ...asset, aspectRatio: 0 }).map((i) => i.field),
      ["aspectRatio"],
    );
    assert.deepEqual(
      refusals(Asset, { ...asset, durationMs: -1 }).map((i) => i.field),
      ["durationMs"],
    );
    assert.deepEqual(
      refusals(Asset, { ...asset, durationMs: 1.5 }).map((i) => i.field),
      ["durationMs"],
    );
    assert.deepEqual(
      refusals(Asset, { ...asset, type: "gif" }).map((i) => i.field),
      ["type"],
    );
    assert.deepEqual(
      refusals(AssetPage, { items: [], nextCursor: null, total: -1 }).map((i) => i.field),
      ["total"],
    );
  });
});
