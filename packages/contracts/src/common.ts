import { z } from "@hono/zod-openapi";

/** RFC 9457 problem details: every error the BFF answers has this shape. */
export const Problem = z
  .object({
    type: z.string().openapi({ example: "https://embedkit.dev/problems/invalid-request" }),
    title: z.string().openapi({ example: "Invalid request" }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** For 400s: one entry per offending field, named as the client sent it. */
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    /** For a failed helpline look-up of a known country: its emergency number, still worth showing. */
    emergencyNumber: z
      .string()
      .optional()
      .openapi({ description: "A failed helpline look-up of a known country: that country's emergency number." }),
  })
  .openapi("Problem");
export type Problem = z.infer<typeof Problem>;

/** BCP 47 language tag as used at the edge (`it-IT`, `en`); THRON's upper-case codes stay inside the BFF. */
export const Locale = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 language tag such as en or it-IT")
  .openapi({ example: "it-IT" });

export const ProviderState = z.enum(["ready", "unconfigured", "degraded"]);
export type ProviderState = z.infer<typeof ProviderState>;

/** A daily quota of upstream calls: how many the BFF made in the last 24 hours, of how many (ThroughLine: about 1,000). */
const Quota = z.object({ used: z.number().int(), limit: z.number().int() });

/**
 * GET /health's answer, with `providers` keyed by each provider the BFF knows: `healthOf(ids)`
 * names them (the BFF's /openapi.json is built from its provider list); `Health` reads any.
 */
export function healthOf(providerIds: readonly string[]) {
  return z
    .object({
      status: z.enum(["ok", "degraded"]),
      sandbox: z.boolean(),
      providers: z.object(Object.fromEntries(providerIds.map((id) => [id, ProviderState]))).catchall(ProviderState),
      /** Each provider's quota, for those the vendor sets one for (ThroughLine). */
      quota: z.record(z.string(), Quota).optional(),
      /** With BFF_CACHE_URL: whether Redis answers; while it does not, the BFF answers from memory and keeps retrying. */
      sharedCache: z.enum(["ready", "unavailable"]).optional(),
      /** Standing configuration problems an operator must fix, in plain words (e.g. a THRON role to grant). */
      problems: z.array(z.string()).optional(),
    })
    .openapi("Health");
}

export const Health = healthOf([]);
export type Health = z.infer<typeof Health>;
