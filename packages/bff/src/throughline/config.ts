/** ThroughLine's settings: its environment variables, what they parse to. */
import { z } from "zod";
import { envVar, stripSlash, type VarValues, wholeNumber } from "../core/env-vars.ts";
import { DEFAULT_API_URL, DEFAULT_EVENTS_URL } from "./mapping.ts";

/** An http(s) URL without credentials in it: they go in the request body. */
const endpoint = (env: string, doc: string, fallback: string) =>
  envVar(
    { env, doc },
    z
      .string()
      .regex(/^https?:\/\/[^/\s]/, `${env} must be an http(s) URL`)
      .refine((url) => !/[?&](client_id|client_secret)=/i.test(url), `${env} must not carry credentials: they go in the request body`)
      .transform(stripSlash)
      .default(fallback),
  );

export const THROUGHLINE_VARS = {
  clientId: envVar({ env: "THROUGHLINE_CLIENT_ID", doc: "ThroughLine app client id.", credential: true }, z.string().default("")),
  clientSecret: envVar(
    { env: "THROUGHLINE_CLIENT_SECRET", doc: "ThroughLine app client secret.", credential: true, secret: true },
    z.string().default(""),
  ),
  tokenUrl: endpoint("THROUGHLINE_TOKEN_URL", "OAuth token endpoint.", "https://api.findahelpline.com/oauth/token"),
  /** The directory API, at the version the mapping speaks (v2). */
  apiUrl: endpoint(
    "THROUGHLINE_API_URL",
    "Base of ThroughLine's API v2 (the only version the BFF speaks; v1 was retired on 2026-11-11 and answers 410).",
    DEFAULT_API_URL,
  ),
  /** Base of the display and click events (ThroughLine documents them under /v1/events). */
  eventsUrl: endpoint(
    "THROUGHLINE_EVENTS_URL",
    "Base of the display and click events, where ThroughLine documents them.",
    DEFAULT_EVENTS_URL,
  ),
  /** This deployment's share of the account's daily quota: ThroughLine counts all of the account's applications together. */
  dailyQuota: envVar(
    {
      env: "THROUGHLINE_DAILY_QUOTA",
      doc: "This deployment's share of the ThroughLine account's daily quota (1,000 calls a day for all of the account's applications together, over a window ThroughLine advances hourly): the upstream calls this BFF allows itself per day. Leave room for the account's other applications.",
    },
    wholeNumber("THROUGHLINE_DAILY_QUOTA must be a whole number ≥ 1", 1).default(1000),
  ),
};

/** ThroughLine's configuration: its variables as they parse, nothing across them to check. */
export function throughlineConfig(vars: VarValues<typeof THROUGHLINE_VARS>) {
  return vars;
}

export type ThroughLineConfig = ReturnType<typeof throughlineConfig>;
