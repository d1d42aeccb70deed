import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CountriesResponse, HelplinesResponse, Problem, TopicsResponse } from "@embedkit/contracts";
import { THROUGHLINE_SANDBOX } from "@embedkit/sandbox";
import { applyPairing, toHelpline } from "../src/throughline/mapping.ts";
import { sandboxBff } from "./helpers.ts";

const HELPLINES = "/v1/throughline/helplines";

async function ok<T>(response: Response, schema: { parse: (v: unknown) => T }): Promise<T> {
  assert.equal(response.status, 200, await response.clone().text());
  return schema.parse(await response.json());
}

describe("ThroughLine through the BFF", () => {
  it("answers countries, topics and ranked helplines in our own shapes", async () => {
    const bff = sandboxBff();
    const { countries } = await ok(await bff.get("/v1/throughline/countries"), CountriesResponse);
    assert.deepEqual(
      countries.map((c) => c.code),
      ["US", "NZ"],
    );
    const { topics } = await ok(await bff.get("/v1/throughline/topics"), TopicsResponse);
    assert.ok(topics.some((t) => t.code === "anxiety"));
    const body = await ok(await bff.get(`${HELPLINES}?country=us&topic=suicidal-thoughts`), HelplinesResponse);
    assert.equal(body.country?.emergencyNumber, "911");
    assert.equal(body.stale, false);
    const lifeline = body.helplines[0];
    assert.equal(lifeline?.name, "988 Suicide & Crisis Lifeline", "ThroughLine's ranking is kept");
    assert.deepEqual(
      lifeline?.contacts.map((c) => [c.type, c.href]),
      [
        ["phone", "tel:988"],
        ["sms", "sms:988"],
        ["webchat", "https://988lifeline.example/chat"],
        ["website", "https://988lifeline.example/"],
      ],
    );
    assert.equal(lifeline?.description, "Free, confidential support for people in distress.\nCall, text or chat, any time.");
    assert.equal(lifeline?.hours?.alwaysOpen, true);
  });

  it("accepts the topic by name or by code, and applies priority and limit", async () => {
    const bff = sandboxBff();
    const byName = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=Suicidal%20thoughts`), HelplinesResponse);
    const byCode = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=suicidal-thoughts`), HelplinesResponse);
    assert.deepEqual(
      byName.helplines.map((h) => h.id),
      byCode.helplines.map((h) => h.id),
    );
    const all = await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    const priority = await ok(await bff.get(`${HELPLINES}?country=US&priority=true`), HelplinesResponse);
    assert.ok(priority.helplines.length < all.helplines.length);
    assert.equal((await ok(await bff.get(`${HELPLINES}?country=US&limit=2`), HelplinesResponse)).helplines.length, 2);
  });

  it("keeps paired services together and never lets the limit split a pair", async () => {
    const bff = sandboxBff();
    const pair = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=anxiety&priority=true`), HelplinesResponse);
    assert.deepEqual(
      pair.helplines.map((h) => h.name),
      ["Lifeline Aotearoa", "Youthline"],
    );
    const one = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=anxiety&priority=true&limit=1`), HelplinesResponse);
    assert.deepEqual(one.helplines, [], "both or neither");
  });

  it("gives the country and its emergency number even when no helpline matches", async () => {
    const bff = sandboxBff();
    const body = await ok(await bff.get(`${HELPLINES}?country=NZ&topic=grief-and-loss&priority=true`), HelplinesResponse);
    assert.equal(body.country?.emergencyNumber, "111");
  });

  it("refuses bad queries naming the field", async () => {
    const bff = sandboxBff();
    for (const [query, field] of [
      ["", "country"],
      ["country=USA", "country"],
      ["country=US&limit=0", "limit"],
      ["country=US&priority=maybe", "priority"],
    ]) {
      const response = await bff.get(`${HELPLINES}?${query}`);
      assert.equal(response.status, 400, query);
      assert.deepEqual(
        Problem.parse(await response.json()).errors?.map((e) => e.field),
        [field],
        query,
      );
    }
  });

  it("reuses one token and caches answers: many page views, few upstream calls", async () => {
    const bff = sandboxBff();
    for (let i = 0; i < 50; i++) {
      await bff.get(`${HELPLINES}?country=US&topic=anxiety&limit=${1 + (i % 5)}`);
      await bff.get("/v1/throughline/countries");
    }
    assert.equal(bff.sandbox.throughline.stats.tokenRequests, 1);
    assert.equal(bff.sandbox.throughline.stats.apiCalls, 2, "one helplines call (any limit) and one countries call");
    const health = (await (await bff.get("/health")).json()) as { quota: { throughline: { used: number; limit: number } } };
    assert.deepEqual(health.quota.throughline, { used: 2, limit: 1000 });
  });

  it("gets one fresh token and retries once when ThroughLine answers 401", async () => {
    const bff = sandboxBff();
    await ok(await bff.get("/v1/throughline/topics"), TopicsResponse);
    bff.sandbox.throughline.revokeTokens();
    await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    assert.equal(bff.sandbox.throughline.stats.tokenRequests, 2);
  });

  it("serves the last good answer, marked stale, once the quota is spent, and calls no more", async () => {
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "2" }, { ttl: { throughline: { freshMs: 0, staleMs: 0 } } });
    const first = await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    await ok(await bff.get("/v1/throughline/topics"), TopicsResponse); // the second and last call of the day
    const later = await ok(await bff.get(`${HELPLINES}?country=US`), HelplinesResponse);
    assert.equal(later.stale, true);
    assert.deepEqual(later.helplines, first.helplines);
    assert.equal(bff.sandbox.throughline.stats.apiCalls, 2, "the BFF stops at its own count");
    const uncached = await bff.get(`${HELPLINES}?country=NZ`);
    assert.equal(uncached.status, 503);
    assert.equal(Problem.parse(await uncached.json()).title, "ThroughLine's daily quota is spent");
  });

  it("serves stale when ThroughLine itself answers 429", async () => {
    const bff = sandboxBff({}, { ttl: { throughline: { freshMs: 0, staleMs: 0 } } });
    await ok(await bff.get(`${HELPLINES}?country=NZ`), HelplinesResponse);
    bff.sandbox.throughline.settings.dailyQuota = 1;
    const later = await ok(await bff.get(`${HELPLINES}?country=NZ`), HelplinesResponse);
    assert.equal(later.stale, true);
    assert.equal(bff.sandbox.throughline.stats.refusedForQuota, 1);
  });

  it("reports display and click events upstream, and drops them when the quota runs low", async () => {
    const bff = sandboxBff({ THROUGHLINE_DAILY_QUOTA: "10" });
    const post = (body: unknown) =>
      bff.get("/v1/throughline/events", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const display = await post({ type: "display", helplineId: "h1", sessionId: "s1" });
    assert.equal(display.status, 202);
    assert.deepEqual(await display.json(), { reported: true });
    assert.equal((await post({ type: "click", helplineId: "h1", sessionId: "s1" })).status, 400, "a click needs its method");
    await post({ type: "click", helplineId: "h1", sessionId: "s1", contactMethod: "phone" });
    assert.deepEqual(
      bff.sandbox.throughline.stats.events.map((e) => [e.type, e.contact_method]),
      [
        ["helpline_display", undefined],
        ["helpline_click", "phone"],
      ],
    );
    for (let i = 0; i < 8; i++) await post({ type: "display", helplineId: `h${i}`, sessionId: "s1" });
    assert.deepEqual(await (await post({ type: "display", helplineId: "hx", sessionId: "s1" })).json(), { reported: false });
  });

  // URLs are covered by the sandbox itself: its token endpoint refuses credentials in a query string.
  it("never puts the client secret or an access token in a response or log line", async () => {
    const bff = sandboxBff();
    const seen: string[] = [];
    for (const path of [
      "/v1/throughline/countries",
      "/v1/throughline/topics",
      `${HELPLINES}?country=US`,
      "/health",
      `${HELPLINES}?country=X`,
    ])
      seen.push(await (await bff.get(path)).text());
    const haystack = [...seen, ...bff.logs].join("\n");
    for (const secret of [THROUGHLINE_SANDBOX.clientSecret, ...bff.sandbox.throughline.issuedTokens()])
      assert.ok(!haystack.includes(secret), `leaked ${secret.slice(0, 6)}…`);
  });
});

describe("ThroughLine mapping", () => {
  const base = { id: "x", name: "X", country: { name: "US", code: "us" }, topics: [] };
  it("turns only http(s) URLs into links", () => {
    const helpline = toHelpline({
      ...base,
      website: "javascript:alert(1)",
      webChatUrl: "https://chat.example/x",
      whatsappUrl: "data:text/html,x",
    });
    assert.deepEqual(
      helpline.contacts.map((c) => c.type),
      ["webchat"],
    );
  });
  it("drops a paired service whose partner is missing", () => {
    const a = toHelpline({ ...base, id: "a", pairedHelplineId: "b" });
    const c = toHelpline({ ...base, id: "c" });
    assert.deepEqual(
      applyPairing([a, c], 10).map((h) => h.id),
      ["c"],
    );
  });
});
