/**
 * Metrics at the edge: every request counted by route pattern (never the raw path: ids and
 * queries would make a label per user), method and status, with its latency; and GET /metrics.
 */
import type { Handler, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { timingSafeEqual } from "hono/utils/buffer";
import type { Metrics, ScrapedMetrics } from "./metrics.ts";
import { ProblemError, sendProblem } from "./problem.ts";

export function requestMetrics(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    metrics.request(routePath(c, -1), c.req.method, c.res.status, (performance.now() - started) / 1000);
  };
}

/** The Prometheus text, to requests bearing `token` (METRICS_TOKEN); with no token, for METRICS_PORT's own server. */
export function metricsRoute(metrics: ScrapedMetrics, token: string | null): Handler {
  return async (c) => {
    if (token !== null) {
      const given = /^Bearer (.+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
      if (!(await timingSafeEqual(given, token)))
        return sendProblem(
          c,
          new ProblemError(401, "metrics-token", "Metrics need a token", "Send Authorization: Bearer <METRICS_TOKEN>."),
          {
            "www-authenticate": 'Bearer realm="metrics"',
          },
        );
    }
    const { body, contentType } = await metrics.render();
    return c.body(body, 200, { "content-type": contentType, "cache-control": "no-store" });
  };
}
