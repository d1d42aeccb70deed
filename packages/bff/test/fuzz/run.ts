/**
 * The fuzz property, shared by the test suite (a short run) and `pnpm fuzz` (a long one): every
 * generated request goes to the real app wired to the sandbox, and every answer must hold up.
 * - no 5xx, except 502/503/504 problems while the sandbox injects upstream faults;
 * - every error is an application/problem+json problem;
 * - JSON answers parse, and nothing the client sent comes back outside JSON (bodies or headers),
 *   except a server-rendered element's attributes, escaped (assertEscaped);
 * - no request ends in an unhandled error in the log, and without faults /health stays ok.
 */
import assert from "node:assert/strict";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { Problem } from "@embedkit/contracts";
import fc from "fast-check";
import { PUBLIC_URL, sandboxBff } from "../helpers.ts";
import { type FuzzRequest, MARKER, type OpenApiDoc, openApiRequests, type RequestFocus } from "./openapi-requests.ts";

export interface FuzzOptions {
  runs: number;
  /** Share of upstream calls the sandbox fails (0: none); then 502/503/504 are expected answers. */
  faultRate?: number;
  seed?: number;
  /** Only some routes, with requests shaped to get past validation (see RequestFocus). */
  focus?: RequestFocus;
}

export interface FuzzReport {
  requests: number;
  statuses: Record<string, number>;
  seed: number;
}

/** Headers that echo the client by design: its allowed Origin, its plain-token request id. */
const ECHOING_HEADERS = new Set(["access-control-allow-origin", "x-request-id"]);

export async function fuzzTheApp({ runs, faultRate = 0, seed = Date.now() % 2 ** 31, focus }: FuzzOptions): Promise<FuzzReport> {
  // Budgets a long run would spend (rate limits, ThroughLine's daily and per-second quotas) are
  // lifted: their 429/503 answers are tested elsewhere.
  const unlimited = "100000000";
  const bff = sandboxBff({ RATE_LIMIT_PER_MINUTE: unlimited, THUNDER_LAUNCHES_PER_MINUTE: unlimited, THROUGHLINE_DAILY_QUOTA: unlimited });
  Object.assign(bff.sandbox.throughline.settings, { dailyQuota: Number(unlimited), perSecond: Number(unlimited) });
  for (const provider of [bff.sandbox.thron, bff.sandbox.thunder, bff.sandbox.throughline]) provider.faults.errorRate = faultRate;
  const doc = (await (await bff.get("/openapi.json")).json()) as OpenApiDoc;
  const statuses: Record<string, number> = {};
  let requests = 0;

  const check = async (request: FuzzRequest) => {
    const response = await bff.app.request(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
    });
    requests++;
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const type = response.headers.get("content-type") ?? "";
    const text = decode(response.headers.get("content-encoding"), new Uint8Array(await response.arrayBuffer()));
    const where = `${request.method} ${request.url.slice(0, 300)} → ${response.status}`;
    if (response.status >= 500) {
      // The sandbox's "restricted" gallery is an ACL mistake on purpose: THRON refuses it (502).
      const injected = faultRate > 0 || /\/galleries\/restricted(\/|$|\?)/.test(request.url);
      assert.ok(injected && [502, 503, 504].includes(response.status), `${where}: a 5xx the sandbox did not cause\n${text.slice(0, 500)}`);
    }
    if (response.status >= 400) {
      assert.equal(type, "application/problem+json", `${where}: error is not a problem`);
      Problem.parse(JSON.parse(text));
    }
    if (/^application\/(problem\+)?json/.test(type)) JSON.parse(text);
    else if (type.startsWith("text/html") && request.url.includes("/v1/render/")) assertEscaped(text, request.url, where);
    else assert.ok(!text.includes(MARKER), `${where}: input reflected in a ${type} body`);
    response.headers.forEach((value, name) => {
      if (!ECHOING_HEADERS.has(name)) assert.ok(!value.includes(MARKER), `${where}: input reflected in header ${name}`);
    });
  };

  await fc.assert(fc.asyncProperty(openApiRequests(doc, PUBLIC_URL, focus), check), { numRuns: runs, seed, endOnFailure: true });
  const unhandled = bff.logs.filter((line) => line.includes('"unhandled error"'));
  assert.deepEqual(unhandled, [], "no request ended in an unhandled error");
  if (!statuses["502"] && !statuses["503"] && !statuses["504"]) {
    // Thousands of bad requests, all the clients' fault: no provider may look degraded for it.
    const health = (await (await bff.get("/health")).json()) as { status: string; providers: Record<string, string> };
    assert.equal(health.status, "ok", `client errors degraded a provider: ${JSON.stringify(health.providers)}`);
  }
  return { requests, statuses, seed };
}

/**
 * A server-rendered element writes its attributes back on its tag, by design: escaped, so none
 * of what the client sent is markup, and its only script is the data that never runs.
 */
function assertEscaped(html: string, url: string, where: string): void {
  for (const value of new URL(url).searchParams.values())
    if (value.includes(MARKER) && /[<>"'&]/.test(value)) assert.ok(!html.includes(value), `${where}: input reflected unescaped`);
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  // At most the data, which never runs (an element without data, the launch button, has none).
  assert.ok(scripts.length <= 1, `${where}: ${scripts.length} scripts`);
  for (const script of scripts)
    assert.equal(script, '<script type="application/json" data-embedkit-state>', `${where}: a script that could run`);
  // Quoted values set aside (an escaped value holds no quote), no tag may carry an event handler.
  const tags = html.replace(/"[^"]*"/g, '""').match(/<[a-z][^>]*>/gi) ?? [];
  assert.deepEqual(
    tags.filter((tag) => /\son\w+\s*=/i.test(tag)),
    [],
    `${where}: an event handler attribute`,
  );
}

/** The body as the client reads it: a compressed answer must decompress. */
function decode(encoding: string | null, bytes: Uint8Array): string {
  const raw =
    encoding === "gzip"
      ? gunzipSync(bytes)
      : encoding === "br"
        ? brotliDecompressSync(bytes)
        : encoding === "deflate"
          ? inflateSync(bytes)
          : bytes;
  return new TextDecoder().decode(raw);
}

export const formatReport = (label: string, report: FuzzReport) =>
  `${label}: ${report.requests} requests (seed ${report.seed}), statuses ${Object.entries(report.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(" ")}`;
