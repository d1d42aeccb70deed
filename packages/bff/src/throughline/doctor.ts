/**
 * `pnpm doctor`, ThroughLine: the client-credentials token, the country list, and one helpline
 * look-up. The two API calls count against ThroughLine's daily quota (about 1,000), and the
 * report says so.
 */

import { type Answer, answered, type Checkup, outage, type Probe } from "../providers/checkup.ts";
import { throughlineTokenRequest } from "./auth.ts";
import { throughlineApiRequest } from "./client.ts";
import type { ThroughLineConfig } from "./config.ts";

const QUOTA_NOTE = "1 call of ThroughLine's daily quota spent";

export async function checkThroughLine(config: ThroughLineConfig, probe: Probe, report: Checkup): Promise<void> {
  const tokenAnswer = await probe(throughlineTokenRequest(config));
  const token = (tokenAnswer.json as { access_token?: unknown } | null)?.access_token;
  const down = outage(tokenAnswer, "ThroughLine's token endpoint", "THROUGHLINE_TOKEN_URL");
  if (down) return report.fail("token", answered(tokenAnswer), down.cause, down.fix);
  if (tokenAnswer.status !== 200 || typeof token !== "string")
    return report.fail(
      "token",
      `refused (${answered(tokenAnswer)})`,
      "ThroughLine refused THROUGHLINE_CLIENT_ID / THROUGHLINE_CLIENT_SECRET (wrong, or revoked by ThroughLine).",
      "Copy both again from your ThroughLine developer account; if they were revoked, ask ThroughLine for new ones.",
    );
  report.ok("token", "client-credentials token");

  const get = (path: string) => probe(throughlineApiRequest(`${config.apiUrl}${path}`, token));
  const countries = await get("/countries");
  const list = (countries.json as { countries?: { code?: string }[] } | null)?.countries;
  if (!apiAnswered(countries, "countries", config, report)) return;
  if (!Array.isArray(list) || list.length === 0)
    return report.fail(
      "countries",
      `no countries (${QUOTA_NOTE})`,
      "The application sees no country.",
      "Ask ThroughLine which countries your application may use.",
    );
  report.ok("countries", `${list.length} ${list.length === 1 ? "country" : "countries"} (${QUOTA_NOTE})`);

  const country = list.find((c) => typeof c.code === "string")?.code ?? "US";
  const helplines = await get(`/helplines?${new URLSearchParams({ country_code: country.toLowerCase(), limit: "1" })}`);
  if (!apiAnswered(helplines, `helpline look-up (${country})`, config, report)) return;
  const found = (helplines.json as { helplines?: unknown[] } | null)?.helplines;
  if (!Array.isArray(found))
    return report.fail(
      `helpline look-up (${country})`,
      `unexpected answer (${QUOTA_NOTE})`,
      "THROUGHLINE_API_URL answers, but not with ThroughLine's helplines.",
      "Unset THROUGHLINE_API_URL to use ThroughLine's current API.",
    );
  report.ok(`helpline look-up (${country})`, `${found.length} helpline${found.length === 1 ? "" : "s"} (${QUOTA_NOTE})`);
}

/** Reports a failed API answer (false) with its cause; true when the answer can be read. */
function apiAnswered(answer: Answer, step: string, config: ThroughLineConfig, report: Checkup): boolean {
  const down = outage(answer, "ThroughLine's API", "THROUGHLINE_API_URL");
  if (down) report.fail(step, answered(answer), down.cause, down.fix);
  else if (answer.status === 404 || answer.status === 410)
    report.fail(
      step,
      `${answered(answer)} (${QUOTA_NOTE})`,
      `THROUGHLINE_API_URL (${config.apiUrl}) points at a retired API version or a wrong path.`,
      "Use ThroughLine's current API, v2: unset THROUGHLINE_API_URL, or set it to https://api.throughlinecare.com/v2.",
    );
  else if (answer.status === 429)
    report.fail(
      step,
      answered(answer),
      "ThroughLine's daily quota is spent.",
      "Wait for the rolling day to free calls, or ask ThroughLine for a higher limit.",
    );
  else if (answer.status === 401 || answer.status === 403)
    report.fail(
      step,
      answered(answer),
      "ThroughLine gave a token but refuses the API with it.",
      "Ask ThroughLine to enable the helplines API for your application.",
    );
  else if (answer.status !== 200) report.fail(step, answered(answer), "ThroughLine refused the request.", "Check THROUGHLINE_API_URL.");
  else return true;
  return false;
}
