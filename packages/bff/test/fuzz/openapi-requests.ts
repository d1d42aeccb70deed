/**
 * Requests generated from /openapi.json with fast-check: for every route, its path and query
 * parameters, headers and body, values that fit the schema mixed with hostile ones (prototype
 * names, traversal, control characters, huge strings, numbers in odd notations, malformed JSON,
 * wrong content types). Strings carry a marker so a reflection of the input can be spotted.
 */
import fc from "fast-check";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  example?: unknown;
};

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzRequest {
  method: string;
  /** The route as documented, such as /v1/thron/galleries/{gallery}. */
  route: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Strings an input never reaches the response with, outside JSON. */
export const MARKER = "fzq7";

const HOSTILE_STRINGS = [
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "hasOwnProperty",
  "../../etc/passwd",
  "..%2f..%2f",
  "%00",
  "\u0000",
  "\r\nx-injected: 1",
  "\u202e\u200b",
  "<script>alert(1)</script>",
  "\"'><img src=x onerror=alert(1)>",
  "' OR 1=1--",
  "$" + "{7*7}{{7*7}}", // template injection, split so it reads as a plain string
  "NaN",
  "-1",
  "0",
  "1e3",
  "0x10",
  "Infinity",
  "9007199254740993",
  " ",
  "",
  "🙂".repeat(50),
  "x".repeat(5_000),
  "v1.AAAA",
  "v1.cGFnZS0y.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
];

const marked = (arb: fc.Arbitrary<string>) => arb.map((s) => `${s}${MARKER}`);

/** A hostile string: the fixed list, random text of any code points, or either with the marker. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 40 }),
  marked(fc.string({ maxLength: 20 })),
  marked(fc.constantFrom(...HOSTILE_STRINGS)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

export interface RequestFocus {
  /** Only the routes starting with this path. */
  under: string;
  /** Each request fits its schema but for one free-text parameter, marked and hostile: what gets past validation. */
  oneHostileText: true;
}

/** Arbitraries for the values a schema of `doc` describes (its `$ref`s resolved). */
function schemaArbitraries(doc: OpenApiDoc) {
  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema?.$ref) return schema ?? {};
    const name = schema.$ref.split("/").pop() ?? "";
    return doc.components?.schemas?.[name] ?? {};
  };

  /** Values that fit `schema`, as well as fast-check can tell from it. */
  const fitting = (raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(raw);
    // The documented example is a value the API knows (a gallery name): worth sending often.
    if (schema.example !== undefined) return fc.oneof(fc.constant(schema.example), fitting({ ...schema, example: undefined }, depth));
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants?.length) return fc.oneof(...variants.map((s) => fitting(s, depth + 1)));
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case "string":
        if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 10_000));
        return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
      case "integer":
        return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 });
      case "number":
        return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000, noNaN: true });
      case "boolean":
        return fc.boolean();
      case "array":
        return depth > 3 ? fc.constant([]) : fc.array(fitting(schema.items, depth + 1), { maxLength: 6 });
      case "object": {
        if (depth > 3 || !schema.properties) return fc.constant({});
        const required = new Set(schema.required ?? []);
        const shape = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, fitting(s, depth + 1)]));
        return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
      }
      default:
        return hostileValue;
    }
  };
  return { resolve, fitting };
}

/** Request headers a browser, a proxy or an attacker may send. */
const requestHeaders = fc.record(
  {
    origin: fc.oneof(fc.constant("https://www.host.example"), fc.constant("null"), marked(fc.webUrl().map((u) => new URL(u).origin))),
    "x-request-id": fc.oneof(marked(fc.stringMatching(/^[\w-]{1,30}$/)), hostileString),
    "x-forwarded-for": fc.oneof(fc.ipV4(), fc.ipV6(), hostileString),
    "accept-encoding": fc.constantFrom("gzip", "br", "gzip, br", "identity", "*", "deflate;q=0"),
    "content-type": fc.constantFrom(
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/json; charset=utf-8",
      "",
    ),
  },
  { requiredKeys: [] },
);

export function openApiRequests(doc: OpenApiDoc, base: string, focus?: RequestFocus): fc.Arbitrary<FuzzRequest> {
  const { resolve, fitting } = schemaArbitraries(doc);

  /** Mostly fitting, often hostile. */
  const value = (schema: Schema | undefined) => fc.oneof({ arbitrary: fitting(schema), weight: 3 }, { arbitrary: hostileValue, weight: 2 });

  const asText = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

  const operations = Object.entries(doc.paths)
    .filter(([route]) => !focus || route.startsWith(focus.under))
    .flatMap(([route, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route, method: method.toUpperCase(), operation })),
    );
  /** A free-text parameter: a string with no pattern or list of values to stop hostile text. */
  const freeText = (p: Parameter) => {
    const schema = resolve(p.schema);
    return schema.type === "string" && !schema.pattern && !schema.enum && !schema.format;
  };
  const queryOf = (params: Parameter[]): fc.Arbitrary<Record<string, unknown>> => {
    const texts = params.filter(freeText);
    if (!focus || texts.length === 0)
      return fc.record(Object.fromEntries(params.map((p) => [p.name, value(p.schema)])), { requiredKeys: [] });
    return fc.constantFrom(...texts).chain((hostile) =>
      fc.record(
        // The hostile one and the required ones, which fit: nothing else for validation to refuse.
        Object.fromEntries(
          params
            .filter((p) => p === hostile || p.required)
            .map((p) => [p.name, p === hostile ? marked(fc.constantFrom(...HOSTILE_STRINGS.slice(10, 14))) : fitting(p.schema)]),
        ),
      ),
    );
  };

  return fc.oneof(
    ...operations.map(({ route, method, operation }) => {
      const params = operation.parameters ?? [];
      const pathParams = params.filter((p) => p.in === "path");
      const queryParams = params.filter((p) => p.in === "query");
      const bodySchema = operation.requestBody?.content?.["application/json"]?.schema;
      return fc
        .record({
          path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, fc.oneof(fitting(p.schema), hostileString).map(asText)]))),
          query: queryOf(queryParams),
          extraQuery: fc.array(
            fc.tuple(fc.oneof(fc.constant("filter.topic"), marked(fc.string({ maxLength: 12 })), hostileString), hostileString),
            { maxLength: focus ? 0 : 3 },
          ),
          headers: requestHeaders,
          body: bodySchema
            ? fc.oneof(
                { arbitrary: fitting(bodySchema).map((v) => JSON.stringify(v)), weight: 3 },
                { arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? "null"), weight: 2 },
                { arbitrary: hostileString, weight: 1 },
                { arbitrary: fc.constant(`{"pad":"${"x".repeat(20_000)}"}`), weight: 1 },
              )
            : fc.option(hostileString, { nil: undefined }),
        })
        .map(({ path, query, extraQuery, headers, body }) => {
          let url = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(path[name] ?? "")));
          const search = new URLSearchParams();
          for (const [name, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) search.append(name, asText(item));
          for (const [name, v] of extraQuery) search.append(name, v);
          if ([...search].length > 0) url += `?${search}`;
          const sendsBody = method !== "GET" && method !== "HEAD";
          return {
            method,
            route,
            url: `${base}${url}`,
            headers: Object.fromEntries(
              Object.entries(headers).filter(([, v]) => v !== "" && !/[\r\n\0]/.test(v) && /^[\x20-\x7e]*$/.test(v)),
            ),
            ...(sendsBody && body !== undefined && { body }),
          };
        });
    }),
  );
}
