/**
 * GET /health: liveness and each provider's state as its recent upstream calls left it (no call
 * is made to answer), the quotas spent, the shared store, and standing configuration problems.
 */
import { type Health, healthOf } from "@embedkit/contracts";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ProviderHealth } from "../upstream/health.ts";
import type { RollingQuota } from "../upstream/quota.ts";

export interface HealthSources {
  sandbox: boolean;
  /** Every provider the BFF knows, by its key in `providers`, with its health and quota when it is configured. */
  providers: readonly (readonly [string, { health: ProviderHealth; quota?: RollingQuota | undefined } | null])[];
  /** Whether the shared store answers; absent without one. */
  sharedState?: (() => "ready" | "unavailable") | undefined;
}

/** Its description names every provider the BFF knows. */
const routeFor = (providerIds: readonly string[]) =>
  createRoute({
    method: "get",
    path: "/health",
    summary: "Liveness and the state of each provider",
    responses: { 200: { description: "Health", content: { "application/json": { schema: healthOf(providerIds) } } } },
  });

export function mountHealth(app: OpenAPIHono, { sandbox, providers, sharedState }: HealthSources): void {
  app.openapi(routeFor(providers.map(([id]) => id)), async (c) => {
    const states: Health["providers"] = Object.fromEntries(
      providers.map(([id, provider]) => [id, provider?.health.state ?? ("unconfigured" as const)]),
    );
    const quotas = await Promise.all(
      providers.flatMap(([id, provider]) => {
        const quota = provider?.quota;
        return quota ? [quota.used().then((used) => [id, { used, limit: quota.limit }] as const)] : [];
      }),
    );
    const quota = quotas.length > 0 ? Object.fromEntries(quotas) : undefined;
    const sharedCache = sharedState?.();
    const degraded = Object.values(states).includes("degraded") || sharedCache === "unavailable";
    const problems = providers.flatMap(([, provider]) => provider?.health.problems ?? []);
    c.header("cache-control", "no-store");
    return c.json(
      {
        status: degraded ? "degraded" : "ok",
        sandbox,
        providers: states,
        ...(quota && { quota }),
        ...(sharedCache && { sharedCache }),
        ...(problems.length > 0 && { problems }),
      },
      200,
    );
  });
}
