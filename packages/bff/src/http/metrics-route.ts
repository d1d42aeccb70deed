/** GET /metrics: the Prometheus text, behind METRICS_TOKEN on the main port, open on METRICS_PORT's own. */
import type { Handler } from "hono";
import { timingSafeEqual } from "hono/utils/buffer";
import type { ScrapedMetrics } from "../core/metrics.ts";
import { ProblemError, sendProblem } from "../core/problem.ts";

/** The Prometheus text, to requests bearing `token` (METRICS_TOKEN); with no token, for METRICS_PORT's own server. */
export function metricsRoute(metrics: ScrapedMetrics, token: string | null): Handler {
  return async (c) => {
    if (token !== null) {
      const authorization = c.req.header("authorization");
      // No $: a header value holds no line break, so the token runs to its end.
      // Stryker disable next-line StringLiteral: no header, or no bearer token in it, is no token: any text in their place but the token itself does the same
      const given = /^Bearer (.+)/i.exec(authorization ?? "")?.[1] ?? "";
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
