/**
 * What the BFF tells its traces: one span per request, a child span per upstream call. The
 * OpenTelemetry SDK behind it (core/otel.ts) is loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set, so other deploys, the Workers bundle and the cached path never load or pay for it.
 */
import type { MiddlewareHandler } from "hono";

export interface Tracing {
  /** Runs the request inside a server span (named by its route pattern once routed). */
  request: MiddlewareHandler;
  /** Runs one upstream call inside a client span, child of the request's. */
  upstreamCall(provider: string, operation: string, request: Request, call: () => Promise<Response>): Promise<Response>;
  /** Sends the spans still waiting in their batch. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}
