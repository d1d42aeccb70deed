/**
 * OTEL_EXPORTER_OTLP_ENDPOINT: spans reach an OTLP/HTTP receiver (in process, on loopback): one
 * server span per request, a child span per upstream call, nothing users typed, no secret.
 */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { THRON_SANDBOX } from "@embedkit/sandbox";
import type { MiddlewareHandler } from "hono";
import { startNodeServer } from "../src/runtime/node-server.ts";
import { THRON } from "./helpers.ts";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
  status?: { code?: number };
}
const SERVER = 2;
const CLIENT = 3;

describe("OpenTelemetry traces", () => {
  const bodies: string[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces") bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  let bff: Awaited<ReturnType<typeof startNodeServer>>;
  let endpoint = "";

  before(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    // Written with trailing slashes, as operators do: spans still go to <endpoint>/v1/traces.
    endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}//`;
    const failOn500Path: MiddlewareHandler = async (c, next) => {
      if (c.req.path === "/v1/thron/galleries/default/assets/broken") throw new Error("a bug of ours");
      await next();
    };
    bff = await startNodeServer({
      env: { BFF_SANDBOX: "1", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
      port: 0,
      deps: { logSink: () => {}, middleware: [failOn500Path] },
    });
  });
  after(async () => {
    await bff?.close();
    receiver.close();
  });

  const spans = (): OtlpSpan[] =>
    bodies.flatMap((body) =>
      (JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap((r) =>
        r.scopeSpans.flatMap((s) => s.spans),
      ),
    );

  it("a cold request is a server span named by its route, with a child span per upstream call", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await fetch(`${bff.url}/v1/thron/galleries/default/assets?limit=3&q=secret-words-a-user-typed`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    assert.equal(response.status, 200);
    await bff.tracing?.flush();

    const all = spans();
    const server = all.find((s) => s.kind === SERVER && s.name === "GET /v1/thron/galleries/:gallery/assets");
    assert.ok(server, `a server span for the request among ${all.map((s) => s.name).join(", ")}`);
    assert.equal(server.traceId, traceId, "the caller's trace carries on");
    const children = all.filter((s) => s.kind === CLIENT && s.parentSpanId === server.spanId);
    const names = children.map((s) => s.name);
    assert.ok(names.includes("THRON search"), names.join(", "));
    assert.ok(names.includes("THRON token"), names.join(", "));
    assert.ok(children.every((s) => s.traceId === traceId));
    const search = children.find((s) => s.name === "THRON search");
    assert.equal(search?.attributes.find((a) => a.key === "http.response.status_code")?.value.intValue?.toString(), "200");

    const exported = bodies.join("\n");
    assert.ok(!exported.includes("secret-words-a-user-typed"), "no query string in any span");
    assert.ok(!exported.includes(THRON_SANDBOX.clientSecret), "no secret in any span");
  });

  it("names the service and the tracer embedkit-bff, and describes each span by its method, path, route, host and status", async () => {
    const traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
    const headers = { traceparent: `00-${traceId}-00f067aa0ba902b7-01` };
    assert.equal((await fetch(`${bff.url}/v1/thron/galleries/default/assets?limit=4`, { headers })).status, 200);
    await bff.tracing?.flush();
    const batches = bodies.map((body) => JSON.parse(body)).flatMap((b) => b.resourceSpans);
    const serviceNames = batches.flatMap((r) => r.resource.attributes.filter((a: { key: string }) => a.key === "service.name"));
    assert.ok(serviceNames.length > 0 && serviceNames.every((a) => a.value.stringValue === "embedkit-bff"), JSON.stringify(serviceNames));
    assert.ok(batches.flatMap((r) => r.scopeSpans).every((s) => s.scope.name === "embedkit-bff"));
    const mine = spans().filter((s) => s.traceId === traceId);
    const attributes = (span?: OtlpSpan) =>
      Object.fromEntries((span?.attributes ?? []).map((a) => [a.key, a.value.stringValue ?? String(a.value.intValue)]));
    assert.deepEqual(attributes(mine.find((s) => s.kind === SERVER)), {
      "http.request.method": "GET",
      "url.path": "/v1/thron/galleries/default/assets",
      "http.route": "/v1/thron/galleries/:gallery/assets",
      "http.response.status_code": "200",
    });
    const search = mine.find((s) => s.name === "THRON search");
    assert.deepEqual(attributes(search), {
      "embedkit.provider": "THRON",
      "embedkit.operation": "search",
      "http.request.method": "POST",
      "server.address": "127.0.0.1",
      "http.response.status_code": "200",
    });
    assert.ok(
      mine.every((s) => !s.status?.code),
      "answers below 500 are not errors",
    );
  });

  it("marks as errors the answers of 500 and above, ours and upstreams', and not a client's 400", async () => {
    const [UNSET, ERROR] = [0, 2];
    const traced = async (path: string, traceId: string) => {
      const response = await fetch(`${bff.url}${path}`, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
      await response.arrayBuffer();
      return response.status;
    };
    assert.equal(await traced("/v1/thron/galleries/default/assets/broken", "6bf92f3577b34da6a3ce929d0e0e4738"), 500);
    assert.equal(await traced("/v1/thron/galleries/default/assets?limit=0", "7bf92f3577b34da6a3ce929d0e0e4739"), 400);
    const throughline = bff.sandbox?.throughline.faults;
    assert.ok(throughline);
    throughline.errorRate = 1; // ThroughLine answers 500 to everything
    try {
      assert.ok((await traced("/v1/throughline/helplines?country=NZ", "8bf92f3577b34da6a3ce929d0e0e4730")) >= 500);
    } finally {
      throughline.errorRate = 0;
    }
    await bff.tracing?.flush();
    const inTrace = (id: string) => spans().filter((s) => s.traceId.startsWith(id));
    const statusOf = (span?: OtlpSpan) => [
      span?.attributes.find((a) => a.key === "http.response.status_code")?.value.intValue?.toString(),
      span?.status?.code ?? UNSET,
    ];
    assert.deepEqual(statusOf(inTrace("6bf9").find((s) => s.kind === SERVER)), ["500", ERROR]);
    assert.deepEqual(statusOf(inTrace("7bf9").find((s) => s.kind === SERVER)), ["400", UNSET]);
    const upstream = inTrace("8bf9").filter((s) => s.kind === CLIENT && s.name !== "ThroughLine token"); // its token endpoint still answers
    assert.ok(
      upstream.length > 0,
      inTrace("8bf9")
        .map((s) => s.name)
        .join(", "),
    );
    for (const span of upstream) assert.deepEqual(statusOf(span), ["500", ERROR]);
  });

  it("marks an upstream call whose fetch failed without an Error as failed", async () => {
    const env = { ...THRON, ALLOWED_ORIGINS: "https://a.example", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
    // An integrator's fetch (AppDeps.fetch) that rejects with a bare string.
    const fetchThatThrowsText = async () => Promise.reject("connection refused");
    const real = await startNodeServer({ env, port: 0, deps: { logSink: () => {}, fetch: fetchThatThrowsText } });
    try {
      const traceId = "9bf92f3577b34da6a3ce929d0e0e4731";
      const response = await fetch(`${real.url}/v1/thron/galleries/default/assets?limit=2`, {
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      assert.equal(response.status, 503);
      await real.tracing?.flush();
      const calls = spans().filter((s) => s.traceId === traceId && s.kind === CLIENT);
      assert.ok(calls.length > 0);
      for (const span of calls) assert.deepEqual(span.status, { code: 2, message: "failed" });
    } finally {
      await real.close();
    }
  });
});
