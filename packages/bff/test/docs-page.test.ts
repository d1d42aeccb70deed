/** /openapi.json and /docs (docs/page.ts): the API described from the schemas that validate it. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Health } from "@embedkit/contracts";
import { PROVIDERS } from "../src/provider.ts";
import { PUBLIC_URL, sandboxBff } from "./helpers.ts";

/** Each provider's public routes (a contract: a route gone is a failure here), by its id; the BFF's own under "". */
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  "": [
    "/health",
    "/v1/render/styles/{file}",
    "/v1/render/thron-asset",
    "/v1/render/thron-filter-bar",
    "/v1/render/thron-gallery",
    "/v1/render/throughline-helplines",
    "/v1/render/thunder-launch-button",
  ],
  thron: [
    "/v1/thron/galleries",
    "/v1/thron/galleries/{gallery}",
    "/v1/thron/galleries/{gallery}/assets",
    "/v1/thron/galleries/{gallery}/assets/{id}",
  ],
  thunder: ["/v1/thunder/launch"],
  throughline: ["/v1/throughline/countries", "/v1/throughline/events", "/v1/throughline/helplines", "/v1/throughline/topics"],
};

describe("the API's description", () => {
  it("documents the API from the same schemas: /openapi.json lists every route, /docs renders it", async () => {
    const bff = sandboxBff();
    const doc = (await (await bff.get("/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, "3.1.0");
    assert.deepEqual(
      Object.keys(ROUTES).slice(1),
      PROVIDERS.map((module) => module.id),
      "every provider's routes are listed here",
    );
    for (const module of PROVIDERS)
      for (const route of ROUTES[module.id] ?? [])
        assert.ok(route.startsWith(`/v1/${module.id}/`), `${route} is under ${module.name}'s path`);
    assert.deepEqual(Object.keys(doc.paths).sort(), Object.values(ROUTES).flat().sort());
    const docs = await bff.get("/docs");
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /\/openapi\.json/);
  });

  it("is what docs/openapi.json holds, so a change to the API shows in review (pnpm docs:api writes it)", async () => {
    const served = await (await sandboxBff().get("/openapi.json")).json();
    const committed = JSON.parse(readFileSync(new URL("../../../docs/openapi.json", import.meta.url), "utf8"));
    assert.deepEqual(served, committed);
  });
});

describe("/docs, Swagger UI served from this origin", () => {
  const swaggerUi = { css: new TextEncoder().encode(".swagger-ui{}"), js: new TextEncoder().encode("window.SwaggerUIBundle=1") };

  it("is a page that loads only this origin's files, under a CSP that allows no inline script nor framing, never cached stale", async () => {
    const docs = await sandboxBff({}, { swaggerUi }).get("/docs");
    assert.equal(docs.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(docs.headers.get("cache-control"), "no-cache");
    const csp = docs.headers.get("content-security-policy") ?? "";
    for (const directive of ["default-src 'none'", "script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"])
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    const page = await docs.text();
    assert.match(page, /^<!doctype html>/);
    assert.deepEqual(
      [...page.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((m) => m[1]),
      ["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/init.js"],
    );
    assert.doesNotMatch(page, /<script>/, "no inline script");
  });

  it("starts Swagger UI on /openapi.json from a script file of its own, cached a day", async () => {
    const init = await sandboxBff().get("/docs/init.js");
    assert.equal(init.status, 200);
    assert.equal(init.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(init.headers.get("cache-control"), "public, max-age=86400");
    assert.match(
      await init.text(),
      /SwaggerUIBundle\(\{ url: document\.getElementById\("swagger-ui"\)\.dataset\.spec, dom_id: "#swagger-ui" \}\)/,
    );
  });

  it("serves swagger-ui-dist's stylesheet and script as they are, cached a day; without them (Workers) they are not found", async () => {
    const bff = sandboxBff({}, { swaggerUi });
    const css = await bff.get("/docs/swagger-ui.css");
    assert.deepEqual(
      [css.status, css.headers.get("content-type"), css.headers.get("cache-control"), await css.text()],
      [200, "text/css; charset=utf-8", "public, max-age=86400", ".swagger-ui{}"],
    );
    const js = await bff.get("/docs/swagger-ui-bundle.js");
    assert.deepEqual(
      [js.status, js.headers.get("content-type"), js.headers.get("cache-control"), await js.text()],
      [200, "text/javascript; charset=utf-8", "public, max-age=86400", "window.SwaggerUIBundle=1"],
    );
    const without = sandboxBff();
    assert.equal((await without.get("/docs")).status, 200, "the page itself is still served");
    for (const path of ["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js"]) assert.equal((await without.get(path)).status, 404, path);
  });
});

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};
type OpenApi = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** Where `value` departs from `schema` as /openapi.json publishes it (an answer's field it does not document among them). */
function departures(doc: OpenApi, schema: JsonSchema, value: unknown, at = "$"): string[] {
  if (schema.$ref) return departures(doc, doc.components.schemas[schema.$ref.split("/").at(-1) ?? ""] ?? {}, value, at);
  // zod-openapi writes a nullable object as allOf: its schema, and the type object or null.
  if (schema.allOf) {
    if (value !== null) return schema.allOf.flatMap((s) => (s.$ref ? departures(doc, s, value, at) : []));
    return schema.allOf.some((s) => [s.type].flat().includes("null")) ? [] : [`${at}: null`];
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.some((s) => departures(doc, s, value, at).length === 0) ? [] : [`${at}: none of its alternatives`];
  const type = value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
  const types = [schema.type ?? []].flat();
  if (types.length > 0 && !types.includes(type) && !(type === "integer" && types.includes("number"))) return [`${at}: ${type}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${String(value)} is not one of ${schema.enum.join(", ")}`];
  if (schema.pattern && typeof value === "string" && !new RegExp(schema.pattern).test(value))
    return [`${at}: ${value} !~ ${schema.pattern}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => departures(doc, schema.items ?? {}, item, `${at}[${i}]`));
  if (type !== "object") return [];
  const object = value as Record<string, unknown>;
  const extra = typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined;
  return [
    ...(schema.required ?? []).filter((key) => !(key in object)).map((key) => `${at}.${key}: missing`),
    ...Object.entries(object).flatMap(([key, inner]) => {
      const property = schema.properties?.[key] ?? extra;
      return property ? departures(doc, property, inner, `${at}.${key}`) : [`${at}.${key}: not documented`];
    }),
  ];
}

const JSON_TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"];

describe("the API's answers as /openapi.json publishes them", () => {
  it("answers each route in the shape its description gives, every field documented", async () => {
    const bff = sandboxBff();
    const doc = (await (await bff.get("/openapi.json")).json()) as OpenApi;
    const headers = { "content-type": "application/json", origin: PUBLIC_URL };
    const assets = (await (await bff.get("/v1/thron/galleries/default/assets?limit=50")).json()) as { items: { id: string }[] };
    const calls: [route: string, path: string, init?: RequestInit][] = [
      ["/health", "/health"],
      ["/v1/thron/galleries", "/v1/thron/galleries"],
      ["/v1/thron/galleries/{gallery}", "/v1/thron/galleries/default?locale=it"],
      ["/v1/thron/galleries/{gallery}/assets", "/v1/thron/galleries/default/assets?limit=50"],
      ["/v1/thron/galleries/{gallery}/assets/{id}", `/v1/thron/galleries/default/assets/${assets.items[0]?.id}`],
      ["/v1/thron/galleries/{gallery}/assets", "/v1/thron/galleries/default/assets?limit=0"],
      ["/v1/throughline/countries", "/v1/throughline/countries"],
      ["/v1/throughline/topics", "/v1/throughline/topics"],
      ...["US", "NZ&topic=anxiety&priority=true", "ZZ"].map((q): [string, string] => [
        "/v1/throughline/helplines",
        `/v1/throughline/helplines?country=${q}`,
      ]),
      ["/v1/thunder/launch", "/v1/thunder/launch", { method: "POST", headers, body: JSON.stringify({ method: "stats", ids: ["1"] }) }],
    ];
    assert.ok(Health.safeParse(await (await bff.get("/health")).json()).success, "the contracts' Health reads any BFF's health");
    for (const [route, path, init] of calls) {
      const response = await bff.get(path, init);
      const method = init?.method?.toLowerCase() ?? "get";
      const content = doc.paths[route]?.[method]?.responses[String(response.status)]?.content ?? {};
      const schema = Object.values(content)[0]?.schema;
      assert.ok(schema, `${path}: ${response.status} is documented`);
      assert.deepEqual(departures(doc, schema, await response.json()), [], path);
    }
  });

  it("describes in words what it documents, with examples the API takes, under the names clients generate code from", async () => {
    const doc = (await (await sandboxBff().get("/openapi.json")).json()) as OpenApi;
    const blank: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (!value || typeof value !== "object") return;
      const node = value as Record<string, unknown>;
      const description = node.description;
      // (An object under "description" is a property of that name, not words.)
      if (typeof description === "string" ? !description.trim() : description === null) blank.push(`${at}.description`);
      if (
        "example" in node &&
        (node.example === "" || (typeof node.pattern === "string" && !new RegExp(node.pattern).test(String(node.example))))
      )
        blank.push(`${at}.example`);
      if (typeof node.type === "string" && !JSON_TYPES.includes(node.type)) blank.push(`${at}.type`);
      // A pattern a client checks a value with holds for the whole value (a link's, only for its scheme).
      const whole = at === "$.components.schemas.Contact.properties.href" ? /^\^/ : /^\^.*\$$/;
      if (typeof node.pattern === "string" && !whole.test(node.pattern)) blank.push(`${at}.pattern`);
      if ("in" in node && !(["path", "query"].includes(String(node.in)) && node.name)) blank.push(`${at}.in`);
      for (const [key, inner] of Object.entries(node)) walk(inner, `${at}.${key}`);
    };
    walk(doc, "$");
    assert.deepEqual(blank, []);
    const names = ["Asset", "AssetPage", "Contact", "Countries", "Country", "Filter", "Gallery", "GalleryList", "Health"];
    names.push("Helpline", "HelplineEvent", "Helplines", "LaunchRequest", "LaunchResponse", "OpeningPeriod", "Problem", "Topic", "Topics");
    assert.deepEqual(Object.keys(doc.components.schemas).sort(), names);
  });
});
