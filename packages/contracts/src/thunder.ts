import { z } from "@hono/zod-openapi";

export const LaunchMethod = z.enum(["plays", "edits", "gsis", "gsis-nonpro", "stats"]).openapi({
  description:
    "plays / edits: XOS play or edit GUIDs; gsis, gsis-nonpro: `GAMEKEY|PLAYID` or `GAMEKEY|PLAYID:TEAM`; stats: STATS play ids (digits)",
});
export type LaunchMethod = z.infer<typeof LaunchMethod>;

export const LaunchRequest = z
  .object({
    method: LaunchMethod,
    ids: z.array(z.string().min(1).max(64)).min(1).max(200),
    ticket: z
      .string()
      .max(4096)
      .optional()
      .openapi({ description: "Host-issued HS256 JWT, required when the BFF has THUNDER_TICKET_SECRET" }),
  })
  .openapi("LaunchRequest");
export type LaunchRequest = z.infer<typeof LaunchRequest>;

export const LaunchResponse = z
  .object({
    url: z.string().openapi({ description: "Open it to launch Thunder; it carries a short-lived token" }),
    expiresAt: z.iso.datetime().openapi({ description: "When the URL's token expires" }),
  })
  .openapi("LaunchResponse");
export type LaunchResponse = z.infer<typeof LaunchResponse>;
