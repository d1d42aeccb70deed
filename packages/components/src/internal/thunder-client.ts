/** The elements' Thunder client: the `/v1/thunder` URL they call is built here. */
import type { LaunchRequest, LaunchResponse } from "@embedkit/contracts";
import { bffUrl, postJson } from "./bff-client.ts";

/** Mints a launch URL for the ids (with the host's ticket when the BFF requires one). */
export function requestLaunch(base: string, request: LaunchRequest): Promise<LaunchResponse> {
  return postJson<LaunchResponse>(bffUrl(base, "/v1/thunder/launch"), request);
}
