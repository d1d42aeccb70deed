/**
 * METRICS_PORT: GET /metrics on a port of its own, without a token, for a scraper on a private
 * network. Node's HTTP server, which Bun and Deno also provide.
 */
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import type { ScrapedMetrics } from "../core/metrics.ts";
import { metricsRoute } from "../http/metrics-route.ts";
import { listenerOf } from "./listen-errors.ts";
import { urlHost } from "./url-host.ts";

export async function serveMetrics(metrics: ScrapedMetrics, port: number, hostname: string) {
  const app = new Hono().get("/metrics", metricsRoute(metrics, null));
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    // Marked as METRICS_PORT's: the line the entry prints names it, not PORT.
    server.once("error", (error) => reject(listenerOf(error, "METRICS_PORT", port)));
    server.listen(port, hostname, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${urlHost(hostname)}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
