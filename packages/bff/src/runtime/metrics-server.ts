/**
 * METRICS_PORT: GET /metrics on a port of its own, without a token, for a scraper on a private
 * network. Node's HTTP server, which Bun and Deno also provide.
 */
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import type { ScrapedMetrics } from "../core/metrics.ts";
import { metricsRoute } from "../http/metrics-route.ts";

export async function serveMetrics(metrics: ScrapedMetrics, port: number, hostname: string) {
  const app = new Hono().get("/metrics", metricsRoute(metrics, null));
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
