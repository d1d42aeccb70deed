/**
 * Tracing with the OpenTelemetry SDK, exported over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT.
 * Loaded only when that is set. Spans carry route patterns, hosts and statuses, never a query
 * string, a header or a body (they hold what users typed, and tokens).
 */
import { context, defaultTextMapGetter, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { routePath } from "hono/route";
import type { Tracing } from "./tracing.ts";

export function createOtelTracing(endpoint: string, serviceName = "embedkit-bff"): Tracing {
  // Parent and child spans find each other through async context (Node, Bun and Deno have it).
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer("embedkit-bff");
  const traceContext = new W3CTraceContextPropagator();

  return {
    request: async (c, next) => {
      // A trace started upstream of us (a proxy, the host site's backend) carries on here.
      const parent = traceContext.extract(context.active(), Object.fromEntries(c.req.raw.headers), defaultTextMapGetter);
      await tracer.startActiveSpan(
        c.req.method,
        { kind: SpanKind.SERVER, attributes: { "http.request.method": c.req.method, "url.path": c.req.path } },
        parent,
        async (span) => {
          try {
            await next();
            const route = routePath(c, -1);
            span.updateName(`${c.req.method} ${route}`);
            span.setAttributes({ "http.route": route, "http.response.status_code": c.res.status });
            if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          } finally {
            span.end();
          }
        },
      );
    },
    upstreamCall: (provider, operation, request, call) =>
      tracer.startActiveSpan(
        `${provider} ${operation}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            "embedkit.provider": provider,
            "embedkit.operation": operation,
            "http.request.method": request.method,
            "server.address": new URL(request.url).hostname,
          },
        },
        async (span) => {
          try {
            const response = await call();
            span.setAttribute("http.response.status_code", response.status);
            if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
            return response;
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "failed" });
            throw error;
          } finally {
            span.end();
          }
        },
      ),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
