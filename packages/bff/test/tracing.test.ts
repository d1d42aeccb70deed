/**
 * OTEL_EXPORTER_OTLP_ENDPOINT: spans reach an OTLP/HTTP receiver (in process, on loopback): one
 * server span per request, a child span per upstream call, nothing users typed, no secret.
 */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { THRON_SANDBOX } from "@embedkit/sandbox";
import { startNodeServer } from "../src/runtime/node-server.ts";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
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

  before(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    bff = await startNodeServer({ env: { BFF_SANDBOX: "1", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, port: 0, deps: { logSink: () => {} } });
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
});
