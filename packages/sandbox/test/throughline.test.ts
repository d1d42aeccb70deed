import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSandbox, THROUGHLINE_SANDBOX } from "../src/index.ts";

function throughline(options: { dailyQuota?: number; now?: () => number } = {}) {
  const sandbox = createSandbox({ baseUrl: "http://sandbox.test", throughline: options });
  const request = (path: string, init?: RequestInit) => sandbox.app.request(`/throughline${path}`, init);
  const token = async () => {
    const response = await request("/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: THROUGHLINE_SANDBOX.clientId,
        client_secret: THROUGHLINE_SANDBOX.clientSecret,
      }),
    });
    return (await response.json()) as { access_token: string; expires_in: number; token_type: string; scope: string };
  };
  const api = async (path: string, init: RequestInit = {}) => {
    const { access_token } = await token();
    const versioned = path.startsWith("/v1/") ? path : `/v2${path}`;
    return request(versioned, { ...init, headers: { ...init.headers, authorization: `Bearer ${access_token}` } });
  };
  return { sandbox, request, token, api };
}

interface ContactMethod {
  contactMethodType: string;
  value: string;
  alwaysOpen: boolean;
  openingHours: { localDayOfWeek: string; open: string; close: string }[];
}
interface Helpline {
  id: string;
  name: string;
  description?: string;
  website?: string;
  timezone: string;
  country: { code: string };
  topics: string[];
  contactMethods: ContactMethod[];
}

describe("ThroughLine sandbox", () => {
  it("issues 2-hour bearer tokens for client credentials in the body", async () => {
    const body = await throughline().token();
    assert.deepEqual([body.token_type, body.expires_in, body.scope], ["Bearer", 7200, "public"]);
  });

  it("refuses credentials sent in a query string, and a wrong secret", async () => {
    const { request } = throughline();
    const inUrl = await request(
      `/oauth/token?client_id=${THROUGHLINE_SANDBOX.clientId}&client_secret=${THROUGHLINE_SANDBOX.clientSecret}`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      },
    );
    assert.equal(inUrl.status, 400);
    const wrong = await request("/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: THROUGHLINE_SANDBOX.clientId, client_secret: "nope" }),
    });
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { error: string }).error, "invalid_client");
  });

  it("requires a live token on every API call", async () => {
    const { request } = throughline();
    assert.equal((await request("/v2/countries")).status, 401);
    assert.equal((await request("/v2/countries", { headers: { authorization: "Bearer forged" } })).status, 401);
  });

  it("lists US and NZ, topics with codes, and helplines by country, topic name or code, priority and limit", async () => {
    const { api } = throughline();
    const { countries } = (await (await api("/countries")).json()) as { countries: { code: string; emergencyNumber: string }[] };
    assert.deepEqual(
      countries.map((c) => [c.code, c.emergencyNumber]),
      [
        ["US", "911"],
        ["NZ", "111"],
      ],
    );
    const { topics } = (await (await api("/topics")).json()) as { topics: { name: string; code: string }[] };
    assert.ok(topics.some((t) => t.name === "Suicidal thoughts" && t.code === "suicidal-thoughts"));
    const byName = (await (await api("/helplines?country_code=nz&topic=suicidal%20thoughts")).json()) as { helplines: Helpline[] };
    const byCode = (await (await api("/helplines?country_code=NZ&topic=suicidal-thoughts")).json()) as { helplines: Helpline[] };
    assert.deepEqual(
      byName.helplines.map((h) => h.id),
      byCode.helplines.map((h) => h.id),
    );
    assert.ok(
      byName.helplines.length >= 2 && byName.helplines.every((h) => h.country.code === "NZ" && h.topics.includes("Suicidal thoughts")),
    );
    const priority = (await (await api("/helplines?country_code=US&priority_only=true")).json()) as { helplines: Helpline[] };
    const all = (await (await api("/helplines?country_code=US")).json()) as { helplines: Helpline[] };
    assert.ok(priority.helplines.length < all.helplines.length);
    assert.equal(((await (await api("/helplines?limit=2")).json()) as { helplines: Helpline[] }).helplines.length, 2);
  });

  it("leaves absent fields out and keeps line breaks in descriptions", async () => {
    const { api } = throughline();
    const { helplines } = (await (await api("/helplines?country_code=US")).json()) as { helplines: Helpline[] };
    const textOnly = helplines.find((h) => h.name === "Crisis Text Line");
    assert.ok(textOnly && !("website" in textOnly) && !("phoneNumber" in textOnly) && !("hours" in textOnly));
    assert.ok(helplines.some((h) => h.description?.includes("\r\n")));
    const one = (await (await api(`/helplines/${helplines[0]?.id}`)).json()) as { helpline: Helpline };
    assert.equal(one.helpline.id, helplines[0]?.id);
    assert.equal((await api("/helplines/unknown")).status, 404);
  });

  it("gives each contact method its own hours as dated periods with the helpline's offset, past midnight as one period", async () => {
    // Wednesday 2026-11-18, 03:00 UTC = 16:00 in Auckland (+13:00) and Tuesday 21:00 in Chicago (-06:00).
    const { api } = throughline({ now: () => Date.parse("2026-11-18T03:00:00Z") });
    const { helplines } = (await (await api("/helplines?limit=50")).json()) as { helplines: Helpline[] };
    const byName = (name: string) => helplines.find((h) => h.name === name) as Helpline;
    const dv = byName("National Domestic Violence Hotline");
    const [phone, sms] = dv.contactMethods;
    assert.deepEqual([phone?.contactMethodType, phone?.alwaysOpen, sms?.contactMethodType], ["phone", false, "sms"]);
    assert.deepEqual(phone?.openingHours[0], {
      localDayOfWeek: "monday",
      open: "2026-11-16T08:00:00-06:00",
      close: "2026-11-16T20:00:00-06:00",
    });
    assert.deepEqual(sms?.openingHours[6], {
      localDayOfWeek: "sunday",
      open: "2026-11-22T17:00:00-06:00",
      close: "2026-11-23T05:00:00-06:00",
    });
    const lifeline = byName("988 Suicide & Crisis Lifeline");
    assert.ok(
      lifeline.contactMethods.every((m) => m.alwaysOpen && m.openingHours.length === 0),
      "open 24/7",
    );
    const youthline = byName("Youthline");
    assert.deepEqual(
      youthline.contactMethods.map((m) => m.contactMethodType),
      ["phone", "sms", "onlinechat", "whatsapp"],
    );
    assert.notDeepEqual(
      youthline.contactMethods[0]?.openingHours,
      youthline.contactMethods[2]?.openingHours,
      "phone and chat keep their own hours",
    );
    const closed = byName("Alcohol Drug Helpline").contactMethods[0] as ContactMethod;
    assert.deepEqual(
      closed.openingHours.map((p) => p.localDayOfWeek),
      ["saturday"],
      "open only three days after today in Auckland (a Wednesday): closed now, and still closed in a cached answer",
    );
    assert.equal(closed.openingHours[0]?.open, "2026-11-21T10:00:00+13:00");
    const types = new Set(helplines.flatMap((h) => h.contactMethods.map((m) => m.contactMethodType)));
    for (const type of ["phone", "sms", "onlinechat", "whatsapp", "telegram"]) assert.ok(types.has(type), type);
  });

  it("answers 410 Gone on the retired v1 directory", async () => {
    const { api } = throughline();
    for (const path of ["/v1/helplines?country_code=US", "/v1/countries", "/v1/topics", "/v1/helplines/x"])
      assert.equal((await api(path)).status, 410, path);
  });

  it("takes display and click events, refusing incomplete ones", async () => {
    const { api, sandbox } = throughline();
    const post = (path: string, body: unknown) =>
      api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const base = { helpline_id: "x", session_id: "s", timestamp: new Date().toISOString() };
    assert.equal((await post("/v1/events/helpline_display", base)).status, 204);
    assert.equal((await post("/v1/events/helpline_click", { ...base, contact_method: "phone" })).status, 204);
    assert.equal((await post("/v1/events/helpline_click", base)).status, 400);
    assert.equal(sandbox.throughline.stats.events.length, 2);
  });

  it("answers priority pairs as ThroughLine's rule describes them: exactly two services, with no field linking them", async () => {
    const { api } = throughline();
    const names = async (query: string) =>
      ((await (await api(`/helplines?${query}`)).json()) as { helplines: Helpline[] }).helplines.map((h) => h.name);
    assert.deepEqual(await names("country_code=nz&topic=Suicidal%20thoughts&priority_only=true"), ["Lifeline Aotearoa", "Youthline"]);
    assert.deepEqual(await names("country_code=nz&topic=domestic-violence&priority_only=true"), [
      "Women's Refuge Crisisline",
      "Te Waea Āwhina",
    ]);
    assert.equal((await names("country_code=us&topic=suicidal-thoughts&priority_only=true")).length, 3, "not every answer is a pair");
    const { helplines } = (await (await api("/helplines?limit=100")).json()) as { helplines: Record<string, unknown>[] };
    for (const helpline of helplines)
      assert.deepEqual(
        Object.keys(helpline).filter((k) => /pair/i.test(k)),
        [],
        String(helpline.name),
      );
  });

  it("counts the day in hours: spent at 5:50pm, it answers again at 6pm, and its 429 says so", async () => {
    let now = Date.parse("2026-11-18T18:10:00Z");
    const { api } = throughline({ dailyQuota: 2, now: () => now });
    assert.deepEqual([(await api("/topics")).status, (await api("/topics")).status], [200, 200]);
    now = Date.parse("2026-11-19T17:50:00Z"); // the window holds this hour and the 23 before: 18:00 yesterday onwards
    const refused = await api("/topics");
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get("retry-after"), "600", "ten minutes, to the next whole hour");
    now = Date.parse("2026-11-19T18:00:00Z");
    assert.equal((await api("/topics")).status, 200);
  });

  it("enforces the daily quota with 429", async () => {
    const { api, sandbox } = throughline({ dailyQuota: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api("/topics")).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    sandbox.throughline.resetQuota();
    assert.equal((await api("/topics")).status, 200);
  });

  it("exhausts the quota from the admin route, as reliability tests do over HTTP", async () => {
    const { api, sandbox } = throughline();
    const admin = await sandbox.app.request("/_admin/faults/throughline", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ dailyQuota: 0 }),
    });
    assert.equal(admin.status, 200);
    assert.equal((await api("/topics")).status, 429);
  });

  it("enforces 30 calls a second with 429", async () => {
    const { token, request } = throughline();
    const { access_token } = await token();
    const responses = await Promise.all(
      Array.from({ length: 35 }, () => request("/v2/topics", { headers: { authorization: `Bearer ${access_token}` } })),
    );
    assert.equal(responses.filter((r) => r.status === 429).length, 5);
  });
});
