/** Hostile requests the fuzzer and an attack on loopback found: each is the client's 4xx, never a 500 or a 502. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AssetPage, Problem } from "@embedkit/contracts";
import { createSandbox } from "@embedkit/sandbox";
import { createApp } from "../src/app.ts";
import { ByteBoundedMap } from "../src/core/byte-bounded-map.ts";
import { CursorSeal } from "../src/http/cursor-seal.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { gallerySearchBody } from "../src/thron/search-body.ts";
import { planKey } from "../src/thron/search-pages.ts";
import { ASSETS, bundleOf, PUBLIC_URL, sandboxBff, thronSimulatorEnv } from "./helpers.ts";

const BODY_ROUTES = ["/v1/thunder/launch", "/v1/throughline/events"];
const levels = (logs: string[]) => logs.map((line) => (JSON.parse(line) as { level: string }).level);

describe("hostile request bodies", () => {
  for (const path of BODY_ROUTES) {
    it(`${path}: a body over a few KB is a 413 problem, whether or not it says its length`, async () => {
      const bff = sandboxBff();
      const huge = JSON.stringify({ padding: "x".repeat(100_000) });
      const declared = await bff.get(path, { method: "POST", headers: { "content-type": "application/json" }, body: huge });
      assert.equal(declared.status, 413);
      assert.equal(declared.headers.get("content-type"), "application/problem+json");
      const streamed = await bff.get(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new Blob([huge]).stream(),
        duplex: "half",
      } as RequestInit);
      assert.equal(streamed.status, 413);
      const problem = Problem.parse(await streamed.json());
      assert.deepEqual(
        [problem.type, problem.title, problem.detail],
        ["https://embedkit.dev/problems/body-too-large", "Request body too large", "The body may hold at most 8192 bytes."],
      );
    });

    it(`${path}: malformed JSON is a 400 naming the body and a wrong type a 415, both logged at info`, async () => {
      const bff = sandboxBff();
      const malformed = await bff.get(path, { method: "POST", headers: { "content-type": "application/json" }, body: "{bad" });
      assert.equal(malformed.status, 400);
      assert.deepEqual(Problem.parse(await malformed.json()).errors, [{ field: "(body)", message: "is not valid JSON" }]);
      const plain = await bff.get(path, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
      assert.equal(plain.status, 415);
      assert.equal(plain.headers.get("content-type"), "application/problem+json");
      const untyped = await bff.get(path, { method: "POST", body: new Uint8Array([123, 125]) });
      assert.equal(untyped.status, 415);
      assert.deepEqual([...new Set(levels(bff.logs))], ["info"]);
    });

    it(`${path}: JSON that is not an object is a 400 naming the body as a whole`, async () => {
      const bff = sandboxBff();
      for (const body of ["[]", '"launch"', "42"]) {
        // From the BFF's own page (a launch takes only an allowed origin's).
        const headers = { "content-type": "application/json", origin: PUBLIC_URL };
        const response = await bff.get(path, { method: "POST", headers, body });
        assert.equal(response.status, 400, body);
        assert.deepEqual(
          Problem.parse(await response.json()).errors?.map((e) => e.field),
          ["(body)"],
          body,
        );
      }
    });
  }

  for (const method of ["PUT", "PATCH"]) {
    it(`a ${method} body is held to the same limits, though no route takes one: 413 over a few KB, 415 when not JSON`, async () => {
      const bff = sandboxBff();
      const huge = JSON.stringify({ padding: "x".repeat(100_000) });
      const json = { "content-type": "application/json" };
      assert.equal((await bff.get("/v1/thunder/launch", { method, headers: json, body: huge })).status, 413);
      const text = { "content-type": "text/plain" };
      assert.equal((await bff.get("/v1/thunder/launch", { method, headers: text, body: "{}" })).status, 415);
    });
  }

  it("a GET or HEAD that announces a body is a 400 naming the body, on /health, the bundle and the demo as on /v1", async () => {
    const bff = sandboxBff({}, { staticFiles: bundleOf({ "components.js": "export {};\n" }) });
    for (const method of ["GET", "HEAD"]) {
      for (const path of ["/health", "/components.js", "/", ASSETS]) {
        for (const headers of [{ "content-length": "5" }, { "transfer-encoding": "chunked" }] as Record<string, string>[]) {
          const response = await bff.get(path, { method, headers });
          const at = `${method} ${path} ${JSON.stringify(headers)}`;
          assert.equal(response.status, 400, at);
          assert.equal(response.headers.get("content-type"), "application/problem+json", at);
          if (method === "GET") {
            assert.deepEqual(Problem.parse(await response.json()).errors, [
              { field: "(body)", message: "must be absent on a GET request" },
            ]);
          }
        }
      }
      assert.equal((await bff.get("/components.js", { method })).status, 200, `${method} without a body is served`);
    }
  });

  it("a small JSON body still reaches the route", async () => {
    const bff = sandboxBff();
    const response = await bff.get("/v1/throughline/events", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ type: "display", helplineId: "x", sessionId: "s" }),
    });
    assert.notEqual(response.status, 413);
    assert.notEqual(response.status, 415);
    assert.ok(response.status < 500);
  });
});

describe("gallery names", () => {
  for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"]) {
    it(`"${name}" is an unknown gallery on every route, and THRON is never asked`, async () => {
      const bff = sandboxBff();
      for (const path of [`/v1/thron/galleries/${name}`, `/v1/thron/galleries/${name}/assets`, `/v1/thron/galleries/${name}/assets/x1`]) {
        const response = await bff.get(path);
        assert.ok(response.status === 404 || response.status === 400, `${path}: ${response.status}`);
        assert.equal(response.headers.get("content-type"), "application/problem+json");
      }
      assert.equal(bff.thron.stats.searches, 0);
      assert.equal(bff.thron.stats.contentDetails, 0);
    });
  }

  it("a search body without the gallery's folder cannot be built", () => {
    const search = { contentTypes: ["IMAGE"], metadata: { remaining: new Map() }, limit: 5, sort: [] };
    for (const folderId of ["", undefined, null, 42])
      assert.throws(() => gallerySearchBody({ ...search, folderId: folderId as string }), /folder id/);
    const body = gallerySearchBody({ ...search, folderId: "f1" }) as { criteria: { linkedCategories: unknown } };
    assert.deepEqual(body.criteria.linkedCategories, { haveAtLeastOne: [{ id: "f1", cascade: true }] });
  });
});

describe("cursors", () => {
  const firstCursor = async (bff: ReturnType<typeof sandboxBff>) => {
    const page = AssetPage.parse(await (await bff.get(`${ASSETS}?limit=2`)).json());
    assert.ok(page.nextCursor);
    return page.nextCursor;
  };

  it("a tampered, forged or foreign cursor is a 400 naming cursor; THRON is not asked and /health stays ok", async () => {
    const bff = sandboxBff();
    const cursor = await firstCursor(bff);
    const value = cursor.slice(0, cursor.lastIndexOf("."));
    const tag = cursor.slice(cursor.lastIndexOf(".") + 1);
    const forged = `v1.${btoa("page-9999").replaceAll("=", "")}`;
    const flipped = `${value.slice(0, -1)}${value.endsWith("A") ? "B" : "A"}.${tag}`;
    const foreign = await firstCursor(sandboxBff()); // another process's key
    const searches = bff.thron.stats.searches;
    // Only the cursor as issued: not its tag padded, spaced or in the other base64 alphabet, though each decodes to the same bytes.
    const respelled = [
      `${cursor}=`,
      `${value}.${tag.slice(0, 4)} ${tag.slice(4)}`,
      `${value}.${tag.replaceAll("-", "+").replaceAll("_", "/")}`,
    ].filter((bad) => bad !== cursor); // a tag with no - or _ reads the same in both alphabets
    for (const bad of ["v1.abcd", forged, `${forged}.${tag}`, flipped, `${value}.`, foreign, "%00", "x".repeat(4000), ...respelled]) {
      const response = await bff.get(`${ASSETS}?limit=2&cursor=${encodeURIComponent(bad)}`);
      assert.equal(response.status, 400, bad);
      assert.deepEqual(
        Problem.parse(await response.json()).errors?.map((e) => `${e.field} ${e.message}`),
        ["cursor is not a cursor this API issued for this gallery and search"],
      );
    }
    assert.equal(bff.thron.stats.searches, searches, "no bad cursor reaches THRON");
    assert.equal(((await (await bff.get("/health")).json()) as { status: string }).status, "ok");
    const next = await bff.get(`${ASSETS}?limit=2&cursor=${encodeURIComponent(cursor)}`);
    assert.equal(next.status, 200, "the cursor as issued still works");
  });

  it("a cursor reused on another gallery or search is a 400 naming cursor; THRON is not asked and /health stays ok", async () => {
    const bff = sandboxBff();
    const query = "limit=2&type=image&sort=newest";
    const page = AssetPage.parse(await (await bff.get(`${ASSETS}?${query}`)).json());
    const cursor = encodeURIComponent(page.nextCursor ?? "");
    const searches = bff.thron.stats.searches;
    const elsewhere = [
      `/v1/thron/galleries/sport/assets?${query}&cursor=${cursor}`,
      `${ASSETS}?${query}&q=goal&cursor=${cursor}`,
      `${ASSETS}?limit=2&type=video&sort=newest&cursor=${cursor}`,
      `${ASSETS}?limit=2&type=image&sort=oldest&cursor=${cursor}`,
      `${ASSETS}?${query}&filter.season=summer&cursor=${cursor}`,
    ];
    for (const path of elsewhere) {
      const response = await bff.get(path);
      assert.equal(response.status, 400, path);
      assert.deepEqual(
        Problem.parse(await response.json()).errors?.map((e) => e.field),
        ["cursor"],
        path,
      );
    }
    assert.equal(bff.thron.stats.searches, searches, "no reused cursor reaches THRON");
    assert.equal(((await (await bff.get("/health")).json()) as { status: string }).status, "ok");
    assert.equal((await bff.get(`${ASSETS}?${query}&cursor=${cursor}`)).status, 200, "on its own search it works");
    assert.equal((await bff.get(`${ASSETS}?limit=5&type=image&sort=newest&cursor=${cursor}`)).status, 200, "whatever the page size");
  });

  it("instances configured with the same THRON secret open each other's cursors", async () => {
    const seal = (secret: string) => new CursorSeal(secret);
    const sealed = await seal("same secret").seal("v1.abc");
    assert.equal(await seal("same secret").open(sealed), "v1.abc");
    assert.equal(await seal("other secret").open(sealed), null);
    // Deployed: an instance opens another's cursor when their THRON client secret is the same, and only then.
    const sandbox = createSandbox({ baseUrl: "https://thron.simulated" });
    const instance = (env: Record<string, string> = {}) => {
      const config = loadConfig({ ...thronSimulatorEnv("https://thron.simulated/thron"), ALLOWED_ORIGINS: "https://www.acme.com", ...env });
      const { app } = createApp(config, {
        publicUrl: "https://bff.example",
        logSink: () => {},
        fetch: async (input, init) => sandbox.app.fetch(new Request(input, init)),
      });
      return (path: string) => app.request(`https://bff.example${path}`);
    };
    const first = AssetPage.parse(await (await instance()(`${ASSETS}?limit=2`)).json());
    const next = `${ASSETS}?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? "")}`;
    assert.equal((await instance()(next)).status, 200, "the same secret");
    const other = await instance({ THRON_CLIENT_SECRET: "another-client-secret" })(next);
    assert.deepEqual([other.status, Problem.parse(await other.json()).errors?.map((e) => e.field)], [400, ["cursor"]], "another secret");
  });
});

describe("search plans", () => {
  it("are keyed by the parameters a search uses: an ignored 15 KB parameter adds nothing to the key", () => {
    const plain = planKey(`http://bff.test${ASSETS}?limit=5&q=red&type=image&type=video`);
    const padded = planKey(`http://bff.test${ASSETS}?pad=${"x".repeat(15_000)}&type=image&q=red&type=video&limit=5&utm_source=x`);
    assert.equal(padded, plain);
    assert.ok(padded.length < 200);
    assert.notEqual(planKey(`http://bff.test${ASSETS}?type=video&type=image`), planKey(`http://bff.test${ASSETS}?type=image`));
  });

  it("answer each search as its own, whatever was asked before: searches that differ in one value never share a plan", async () => {
    /** What a client sees of a page: its titles and total (cursors are sealed with each BFF's own key). */
    const seen = async (bff: ReturnType<typeof sandboxBff>, query: string) => {
      const response = await bff.get(`${ASSETS}?${query}`);
      assert.equal(response.status, 200, query);
      const page = AssetPage.parse(await response.json());
      return { titles: page.items.map((item) => item.title), total: page.total };
    };
    const differing = [
      ["limit=3&q=harbour", "limit=3&q=stadium"],
      ["limit=3&sort=oldest", "limit=3&sort=title"],
      ["limit=3&type=image", "limit=3&type=video"],
      ["limit=2", "limit=3"],
      ["limit=3&filter.season=winter", "limit=3&filter.season=summer"],
      ["limit=3&locale=en", "limit=3&locale=de"],
    ];
    for (const [first, second] of differing as [string, string][]) {
      const alone = await seen(sandboxBff(), second);
      assert.notDeepEqual(await seen(sandboxBff(), first), alone, `${first} and ${second} are different searches`);
      const bff = sandboxBff();
      await seen(bff, first);
      assert.deepEqual(await seen(bff, second), alone, `${second} after ${first}`);
      assert.deepEqual(await seen(bff, second), alone, `${second} again, as remembered`);
    }
  });

  it("answer only URLs that pass validation: an invalid URL sharing a remembered URL's decoded query still gets its 400", async () => {
    // URLSearchParams reads both as 200 U+FFFD; the route reads the second as 600 characters, over q's 200.
    const valid = `${ASSETS}?q=${"%EF%BF%BD".repeat(200)}`;
    const invalid = `${ASSETS}?q=${"%FF".repeat(200)}`;
    const bff = sandboxBff();
    assert.equal((await bff.get(valid)).status, 200);
    assert.equal((await bff.get(valid)).status, 200, "the remembered plan answers its own URL");
    const refused = await bff.get(invalid);
    assert.equal(refused.status, 400);
    assert.equal((await refused.json()).errors[0].field, "q");
    // An encoded name is the name the route validates: it is part of the key too.
    assert.equal((await bff.get(`${ASSETS}?limit=5`)).status, 200);
    assert.equal((await bff.get(`${ASSETS}?limit=5&%6Cimit=abc`)).status, 400);
  });

  it("answer a remembered URL only for GET: another method gets what the route answers it", async () => {
    const bff = sandboxBff();
    assert.equal((await bff.get(`${ASSETS}?limit=5`)).status, 200);
    for (const method of ["POST", "PUT", "DELETE"]) {
      const init = { method, headers: { "content-type": "application/json" }, ...(method !== "DELETE" && { body: "{}" }) };
      assert.equal((await bff.get(`${ASSETS}?limit=5`, init)).status, 404, method);
    }
    assert.equal((await bff.get(`${ASSETS}?limit=5`, { method: "HEAD" })).status, 200);
  });

  it("are bounded by bytes, the oldest going first", () => {
    const map = new ByteBoundedMap<string>(10_000, (value) => value.length * 2);
    for (let i = 0; i < 100; i++) map.set(`key-${i}`, "v".repeat(500));
    assert.ok(map.bytes <= 10_000);
    assert.equal(map.get("key-0"), undefined);
    assert.equal(map.get("key-99"), "v".repeat(500));
    map.set("huge", "v".repeat(20_000));
    assert.equal(map.get("huge"), undefined, "an entry larger than the bound is not kept");
    assert.equal(map.get("key-99"), "v".repeat(500), "nor does it push out what was kept");
  });

  it("count a key set again once: repeats of one search never push the others out", () => {
    const map = new ByteBoundedMap<string>(10_000, (value) => value.length * 2);
    map.set("other", "v".repeat(1_000));
    for (let i = 0; i < 10; i++) map.set("repeated", "v".repeat(1_000));
    assert.equal(map.bytes, 2 * (2 * "other".length + 2_000) + 2 * ("repeated".length - "other".length));
    assert.equal(map.size, 2);
    assert.equal(map.get("other"), "v".repeat(1_000));
  });

  it("fill their bound exactly before anything goes: an entry of the bound's size, or entries adding up to it, are kept", () => {
    const map = new ByteBoundedMap<string>(100, (value) => value.length * 2);
    map.set("k", "v".repeat(49)); // 2 + 98 bytes
    assert.equal(map.get("k"), "v".repeat(49), "an entry of exactly the bound is kept");
    map.set("a", "v".repeat(24)); // 50 bytes
    map.set("b", "v".repeat(24)); // 50 more: exactly the bound
    assert.equal(map.get("k"), undefined, "the oldest went to make room");
    assert.deepEqual([map.get("a"), map.get("b"), map.bytes], ["v".repeat(24), "v".repeat(24), 100]);
  });

  it("make a key set again the newest, and forget a deleted key", () => {
    const map = new ByteBoundedMap<string>(100, (value) => value.length * 2);
    map.set("a", "v".repeat(24));
    map.set("b", "v".repeat(24));
    map.set("a", "w".repeat(24)); // "a" is now newer than "b"
    map.set("c", "v".repeat(24));
    assert.deepEqual([map.get("a"), map.get("b"), map.get("c")], ["w".repeat(24), undefined, "v".repeat(24)]);
    map.delete("a");
    assert.deepEqual([map.get("a"), map.size, map.bytes], [undefined, 1, 50]);
  });

  it("a request padded with an ignored parameter is answered from the plan and cache like the plain one", async () => {
    const bff = sandboxBff();
    assert.equal((await bff.get(`${ASSETS}?limit=3`)).status, 200);
    for (let i = 0; i < 20; i++) {
      const response = await bff.get(`${ASSETS}?limit=3&pad${i}=${"x".repeat(15_000)}`);
      assert.equal(response.headers.get("x-cache"), "hit");
    }
    assert.equal(bff.thron.stats.searches, 1);
  });
});

describe("the JSON content type, as a whole", () => {
  // A cross-site page can send text/plain without a preflight; a parameter or suffix naming JSON does not make it JSON.
  for (const type of ["text/plain; charset=application/json", "text/plain;application/json", "application/jsonx", "application/json-seq"]) {
    it(`refuses a valid JSON body sent as ${type} with a 415, before Thunder is asked anything`, async () => {
      const bff = sandboxBff();
      const response = await bff.get("/v1/thunder/launch", {
        method: "POST",
        headers: { "content-type": type, origin: PUBLIC_URL },
        body: JSON.stringify({ method: "stats", ids: ["1"] }),
      });
      assert.equal(response.status, 415, await response.clone().text());
      const problem = Problem.parse(await response.json());
      assert.deepEqual(
        [problem.type, problem.title, problem.detail],
        [
          "https://embedkit.dev/problems/unsupported-media-type",
          "Unsupported media type",
          "The body must be JSON, sent with Content-Type: application/json.",
        ],
      );
      assert.equal(bff.sandbox.thunder.stats.tokenRequests, 0);
    });
  }

  it("takes application/json and its +json kin, with parameters", async () => {
    const bff = sandboxBff();
    for (const type of ["application/json", "Application/JSON; charset=utf-8", "application/vnd.api+json"]) {
      const response = await bff.get("/v1/thunder/launch", {
        method: "POST",
        headers: { "content-type": type, origin: PUBLIC_URL },
        body: JSON.stringify({ method: "stats", ids: ["1"] }),
      });
      assert.equal(response.status, 200, `${type}: ${await response.text()}`);
    }
  });
});

/** The public API's contracts at their edges: one past a limit is a 400 problem naming the field and saying what it takes. */
const GALLERY = "/v1/thron/galleries/default";
const HELPLINES = "/v1/throughline/helplines";
const LOCALE = "must be a BCP 47 language tag such as en or it-IT";
const GALLERY_NAME = "must be a gallery name (lower-case letters, digits, - and _)";
const ids = (count: number) => Array.from({ length: count }, (_, i) => `id${i}`).join(",");
const OUT_OF_RANGE: [path: string, field: string, message: string][] = [
  ...["e", "engl", "1en", "en!", "en-A", "en-ABCDEFGHI", "en_US", "en-US-"].map((l): [string, string, string] => [
    `${GALLERY}?locale=${l}`,
    "locale",
    LOCALE,
  ]),
  ["/v1/thron/galleries/Default", "gallery", GALLERY_NAME],
  ["/v1/thron/galleries/-x", "gallery", GALLERY_NAME],
  ["/v1/thron/galleries/x!", "gallery", GALLERY_NAME],
  [`/v1/thron/galleries/${"a".repeat(65)}`, "gallery", GALLERY_NAME],
  [`${ASSETS}/${"a".repeat(101)}`, "id", "must be an asset id"],
  [`${ASSETS}/a.b`, "id", "must be an asset id"],
  [`${ASSETS}?ids=,,`, "ids", "must name at least one asset id"],
  [`${ASSETS}?ids=a1,b2,a1`, "ids", "must name each asset id once"],
  [`${ASSETS}?ids=${ids(51)}`, "ids", "must name at most 50 asset ids"],
  [`${ASSETS}?ids=a1,b.2`, "ids", "must be asset ids (letters, digits, - and _), comma separated"],
  [`${ASSETS}?q=${"x".repeat(201)}`, "q", "Too big: expected string to have <=200 characters"],
  [`${ASSETS}?sort=random`, "sort", 'Invalid option: expected one of "newest"|"oldest"|"title"'],
  [`${ASSETS}?type=image&type=film`, "type", 'Invalid option: expected one of "image"|"video"|"audio"|"document"'],
  [`${ASSETS}?limit=0`, "limit", "Too small: expected number to be >=1"],
  [`${ASSETS}?limit=51`, "limit", "Too big: expected number to be <=50"],
  [`${ASSETS}?cursor=${"x".repeat(4097)}`, "cursor", "Too big: expected string to have <=4096 characters"],
  [`${HELPLINES}?country=USA`, "country", "must be an ISO 3166 country code such as US"],
  [`${HELPLINES}?country=U1`, "country", "must be an ISO 3166 country code such as US"],
  [`${HELPLINES}?country=US&limit=0`, "limit", "Too small: expected number to be >=1"],
  [`${HELPLINES}?country=US&limit=51`, "limit", "Too big: expected number to be <=50"],
  [`${HELPLINES}?country=US&topic=%20`, "topic", "Too small: expected string to have >=1 characters"],
  [`${HELPLINES}?country=US&topic=${"x".repeat(101)}`, "topic", "Too big: expected string to have <=100 characters"],
];
/** The same contracts' last values in range: answered (404: a well-formed name of nothing there). */
const IN_RANGE: [path: string, status: number][] = [
  ...["en", "eng", "it-IT", "en-12345678-ab", "zh-Hant-TW"].map((l): [string, number] => [`${GALLERY}?locale=${l}`, 200]),
  [`/v1/thron/galleries/${"a".repeat(64)}`, 404],
  [`/v1/thron/galleries/0a_b-c`, 404],
  [`${ASSETS}/${"A_z-9".repeat(20)}`, 404],
  [`${ASSETS}?ids=${ids(50)}`, 200],
  [`${ASSETS}?ids=${encodeURIComponent(" a1 b2,,c3 ")}`, 200],
  [`${ASSETS}?q=${encodeURIComponent(`  ${"x".repeat(200)}  `)}`, 200],
  [`${ASSETS}?limit=1&sort=title`, 200],
  [`${ASSETS}?sort=oldest&type=image&type=video`, 200],
  [`${ASSETS}?sort=newest&type=document`, 200],
  [`${ASSETS}?limit=50`, 200],
  [`${HELPLINES}?country=US&limit=1`, 200],
  [`${HELPLINES}?country=US&limit=50`, 200],
  [`${HELPLINES}?country=US&topic=${encodeURIComponent(` ${"x".repeat(100)} `)}`, 200],
];

const EVENTS = "/v1/throughline/events";
const LAUNCH = "/v1/thunder/launch";
const event = { type: "display", helplineId: "h1", sessionId: "s1" };
const launch = { method: "stats", ids: ["1"] };
const GUID = "00000000-0000-0000-0000-000000000000";
const ANGLES = ["sideline", "endzone", "scoreboard", "tv-broadcast", "no-media"];
const BODIES_OUT_OF_RANGE: [path: string, body: object, field: string, message: string][] = [
  [EVENTS, { ...event, type: "click" }, "contactMethod", "clicks need a contactMethod"],
  [EVENTS, { ...event, type: "view" }, "type", 'Invalid option: expected one of "display"|"click"'],
  [EVENTS, { ...event, helplineId: "" }, "helplineId", "Too small: expected string to have >=1 characters"],
  [EVENTS, { ...event, helplineId: "h".repeat(101) }, "helplineId", "Too big: expected string to have <=100 characters"],
  [EVENTS, { ...event, sessionId: "" }, "sessionId", "Too small: expected string to have >=1 characters"],
  [EVENTS, { ...event, sessionId: "s".repeat(101) }, "sessionId", "Too big: expected string to have <=100 characters"],
  [LAUNCH, { ...launch, ids: [] }, "ids", "Too small: expected array to have >=1 items"],
  [LAUNCH, { ...launch, ids: [""] }, "ids[0]", "Too small: expected string to have >=1 characters"],
  [LAUNCH, { ...launch, ids: ["1".repeat(65)] }, "ids[0]", "Too big: expected string to have <=64 characters"],
  [LAUNCH, { ...launch, ids: Array.from({ length: 201 }, (_, i) => String(i)) }, "ids", "Too big: expected array to have <=200 items"],
  [LAUNCH, { method: "xos-message", ids: [GUID], angles: [...ANGLES, "sideline"] }, "angles", "Too big: expected array to have <=5 items"],
  [LAUNCH, { ...launch, ticket: "t".repeat(4097) }, "ticket", "Too big: expected string to have <=4096 characters"],
];

const RENDER = "/v1/render/";
const ELEMENT_ID = "must be an id of letters, digits, - and _";
const CLASSES = "must be class names of letters, digits, - and _";
const AUTOPLAY = "must be empty or a number of seconds";
const PREFIX = "must be empty or a prefix of letters, digits, - and _";
const KEYS = "must be a comma list of filter keys";
const presence = (name: string) => `Invalid option: expected one of ""|"${name}"|"true"`;
const HELPLINES_TAG = "throughline-helplines?country=US";
/** Attributes as an editor writes them on a tag, one past what the element takes. */
const ATTRIBUTES_OUT_OF_RANGE: [query: string, field: string, message: string][] = [
  [`${HELPLINES_TAG}&bff=ftp://x.example`, "bff", "Invalid URL"],
  [`${HELPLINES_TAG}&bff=httpsx://x.example`, "bff", "Invalid URL"],
  [`${HELPLINES_TAG}&bff=xhttp://x.example`, "bff", "Invalid URL"],
  [`${HELPLINES_TAG}&bff=https://x.example/${"a".repeat(2048)}`, "bff", "Too big: expected string to have <=2048 characters"],
  [`${HELPLINES_TAG}&id=1a`, "id", ELEMENT_ID],
  [`${HELPLINES_TAG}&id=a.b`, "id", ELEMENT_ID],
  [`${HELPLINES_TAG}&id=${"a".repeat(65)}`, "id", ELEMENT_ID],
  [`${HELPLINES_TAG}&class=a%3Bb`, "class", CLASSES],
  [`${HELPLINES_TAG}&class=${"a".repeat(201)}`, "class", CLASSES],
  [`${HELPLINES_TAG}&priority=yes`, "priority", presence("priority")],
  [`${HELPLINES_TAG}&report-events=x`, "report-events", presence("report-events")],
  [`${HELPLINES_TAG}&limit=0`, "limit", "Too small: expected number to be >=1"],
  [`${HELPLINES_TAG}&limit=51`, "limit", "Too big: expected number to be <=50"],
  ["thron-gallery?type=image,film", "type", 'Invalid option: expected one of "image"|"video"|"audio"|"document"'],
  [`thron-gallery?type=${"image,".repeat(17)}`, "type", "Too big: expected string to have <=100 characters"],
  ["thron-gallery?layout=list", "layout", 'Invalid option: expected one of "grid"|"carousel"|"viewer"'],
  ["thron-gallery?player=flash", "player", 'Invalid option: expected one of "thron"|"native"'],
  ["thron-asset?asset=x&player=flash", "player", 'Invalid option: expected one of "thron"|"native"'],
  ["thron-gallery?autoplay=1234", "autoplay", AUTOPLAY],
  ["thron-gallery?autoplay=12a", "autoplay", AUTOPLAY],
  ["thron-gallery?autoplay=a12", "autoplay", AUTOPLAY],
  ["thron-gallery?infinite=x", "infinite", presence("infinite")],
  ["thron-gallery?sync-url=x", "sync-url", presence("sync-url")],
  ["thron-filter-bar?for=1g", "for", "must be the id of a <thron-gallery>"],
  [`thron-filter-bar?for=${"g".repeat(65)}`, "for", "must be the id of a <thron-gallery>"],
  ["thron-filter-bar?for=g&sync-url=a.b", "sync-url", PREFIX],
  [`thron-filter-bar?for=g&sync-url=${"a".repeat(33)}`, "sync-url", PREFIX],
  ["thron-filter-bar?for=g&keys=a%3Bb", "keys", KEYS],
  [`thron-filter-bar?for=g&keys=${"a".repeat(501)}`, "keys", KEYS],
  ["thron-asset?asset=x&caption=no", "caption", presence("caption")],
  [`thunder-launch-button?ids=${Array.from({ length: 201 }, (_, i) => i).join(",")}`, "ids", "Too big: expected array to have <=200 items"],
  ["thunder-launch-button?ids=,", "ids", "Too small: expected array to have >=1 items"],
  [`thunder-launch-button?ids=1&angles=${[...ANGLES, "sideline"].join(",")}`, "angles", "Too big: expected array to have <=5 items"],
  ["thunder-launch-button?ids=1&angles=,", "angles", "Too small: expected array to have >=1 items"],
  ["thunder-launch-button?ids=1&ticket-url=ftp://x.example", "ticket-url", "Invalid URL"],
  ["thunder-launch-button?ids=1&ticket-url=httpsx://x.example", "ticket-url", "Invalid URL"],
  ["thunder-launch-button?ids=1&ticket-url=xhttp://x.example", "ticket-url", "Invalid URL"],
  [
    `thunder-launch-button?ids=1&ticket-url=https://x.example/${"a".repeat(2048)}`,
    "ticket-url",
    "Too big: expected string to have <=2048 characters",
  ],
];
/** The same attributes' last values in range: the element is rendered. */
const ATTRIBUTES_IN_RANGE = [
  `${HELPLINES_TAG}&bff=http://x.example&id=a${"b".repeat(63)}&class=${encodeURIComponent(`a b_c-D ${"e".repeat(190)}`)}`,
  `${HELPLINES_TAG}&priority&report-events=report-events&limit=50`,
  `${HELPLINES_TAG}&priority=priority&limit=1`,
  "thron-gallery?type=%20Image%20,,video&autoplay=999&infinite=infinite&sync-url=true",
  "thron-gallery?autoplay=&layout=carousel&player=thron",
  "thron-gallery?layout=viewer&player=native",
  "thron-gallery?layout=grid",
  `thron-filter-bar?for=g${"-".repeat(63)}&sync-url=${"a".repeat(32)}&keys=${encodeURIComponent(`a.b, c_d-E ${"f".repeat(480)}`)}`,
  `thron-filter-bar?for=g&sync-url=`,
  `thunder-launch-button?ids=${GUID}%20${GUID}&angles=${ANGLES.join(",")}&ticket-url=https://x.example/t`,
  `thunder-launch-button?ids=${GUID}&ticket-url=http://x.example/t`,
];

describe("the public API's limits", () => {
  it("refuses a value one past each limit with a 400 problem naming the field and what it takes; THRON is not asked", async () => {
    const bff = sandboxBff();
    for (const [path, field, message] of OUT_OF_RANGE) {
      const response = await bff.get(path);
      assert.equal(response.status, 400, path);
      assert.equal(response.headers.get("content-type"), "application/problem+json", path);
      assert.deepEqual(Problem.parse(await response.json()).errors, [{ field, message }], path);
    }
    assert.equal(bff.thron.stats.searches, 0);
  });

  it("answers the last value inside each limit", async () => {
    const bff = sandboxBff();
    for (const [path, status] of IN_RANGE) assert.equal((await bff.get(path)).status, status, path);
  });

  it("refuses a body one past each limit with a 400 problem naming the field; Thunder and ThroughLine are not asked", async () => {
    const bff = sandboxBff();
    const headers = { "content-type": "application/json", origin: PUBLIC_URL };
    for (const [path, body, field, message] of BODIES_OUT_OF_RANGE) {
      const response = await bff.get(path, { method: "POST", headers, body: JSON.stringify(body) });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.deepEqual(Problem.parse(await response.json()).errors, [{ field, message }], JSON.stringify(body).slice(0, 200));
    }
    assert.equal(bff.sandbox.thunder.stats.tokenRequests, 0);
    assert.equal(bff.sandbox.throughline.stats.events.length, 0);
    const longest = { ...event, helplineId: "h".repeat(100), sessionId: "s".repeat(100) };
    assert.equal((await bff.get(EVENTS, { method: "POST", headers, body: JSON.stringify(longest) })).status, 202);
    const most = { ...launch, ids: Array.from({ length: 200 }, (_, i) => String(i)) };
    assert.equal((await bff.get(LAUNCH, { method: "POST", headers, body: JSON.stringify(most) })).status, 200);
    const allAngles = { method: "xos-message", ids: [GUID], angles: ANGLES };
    assert.equal((await bff.get(LAUNCH, { method: "POST", headers, body: JSON.stringify(allAngles) })).status, 200);
  });

  it("refuses an element's attribute one past what it takes with a 400 naming the attribute, and renders the last value inside", async () => {
    const bff = sandboxBff();
    for (const [query, field, message] of ATTRIBUTES_OUT_OF_RANGE) {
      const response = await bff.get(`${RENDER}${query}`);
      assert.equal(response.status, 400, query);
      assert.deepEqual(Problem.parse(await response.json()).errors, [{ field, message }], query.slice(0, 200));
    }
    for (const query of ATTRIBUTES_IN_RANGE) assert.equal((await bff.get(`${RENDER}${query}`)).status, 200, query);
  });
});
