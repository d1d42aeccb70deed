/** The elements' ThroughLine client: every `/v1/throughline` URL they call is built here. */
import type { Country, HelplineEvent, HelplinesResponse } from "@embedkit/contracts";
import { bffUrl, getJson, postJson, type QueryValue } from "./bff-client.ts";

/** The helplines of a country: `query` is `country`, `topic`, `priority` and `limit`. */
export function fetchHelplines(base: string, query: Record<string, QueryValue>, signal?: AbortSignal): Promise<HelplinesResponse> {
  return getJson<HelplinesResponse>(bffUrl(base, "/v1/throughline/helplines", query), signal);
}

/** ThroughLine's countries, with their emergency numbers. */
export async function fetchCountries(base: string, signal?: AbortSignal): Promise<Country[]> {
  return (await getJson<{ countries: Country[] }>(bffUrl(base, "/v1/throughline/countries"), signal)).countries;
}

/** Reports a display or a contact click to ThroughLine; best effort, a failure is nobody's business. */
export function reportEvent(base: string, event: HelplineEvent): void {
  postJson(bffUrl(base, "/v1/throughline/events"), event).catch(() => {});
}
