import { z } from "@hono/zod-openapi";
import { LAUNCH_METHODS, THUNDER_ANGLES, THUNDER_LEAGUES } from "./thunder-vocabulary.ts";

export const LaunchMethod = z.enum(LAUNCH_METHODS).openapi({
  description:
    "plays / edits / xos-message: XOS play or edit GUIDs; gsis, gsis-nonpro, gsis-message, pff-message: `GAMEKEY|PLAYID` or `GAMEKEY|PLAYID:TEAM` (PFF ids for pff-message); stats: STATS play ids (digits)",
});
export type LaunchMethod = z.infer<typeof LaunchMethod>;

export { MESSAGE_METHODS } from "./thunder-vocabulary.ts";

export const ThunderLeague = z.enum(THUNDER_LEAGUES);
export type ThunderLeague = z.infer<typeof ThunderLeague>;

export const ThunderAngle = z.enum(THUNDER_ANGLES);
export type ThunderAngle = z.infer<typeof ThunderAngle>;

export const LaunchRequest = z
  .object({
    method: LaunchMethod,
    ids: z.array(z.string().min(1).max(64)).min(1).max(200),
    league: ThunderLeague.optional().openapi({ description: "MessageXML methods only; default NFL" }),
    angles: z
      .array(ThunderAngle)
      .max(5)
      .optional()
      .openapi({ description: "MessageXML methods only: the angles shown; default sideline, endzone, scoreboard" }),
    ticket: z
      .string()
      .max(4096)
      .optional()
      .openapi({ description: "Host-issued HS256 JWT with a jti, good for one launch; required when the BFF has THUNDER_TICKET_SECRET" }),
  })
  .openapi("LaunchRequest");
export type LaunchRequest = z.infer<typeof LaunchRequest>;

export const LaunchResponse = z
  .object({
    url: z.string().openapi({
      description: "Open it to launch Thunder: a launch URL carrying a short-lived token, or in Hub Pro mode the lookup URL (no token)",
    }),
    expiresAt: z.iso.datetime().openapi({ description: "When the URL's token expires" }),
  })
  .openapi("LaunchResponse");
export type LaunchResponse = z.infer<typeof LaunchResponse>;
