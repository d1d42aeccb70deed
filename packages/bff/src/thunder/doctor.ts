/**
 * `pnpm doctor`, Thunder: a token from GenerateTokenWithDuration with the BFF's own settings,
 * then, in Hub Pro mode, one SaveUserUrlByGuid, and how launches are protected.
 */

import { type Answer, answered, type Checkup, outage, type Probe } from "../providers/checkup.ts";
import { isCredentialRefusal, parseWcfString, type SsoOperation, type SsoOperations, ssoRequest } from "./client.ts";
import type { ThunderConfig } from "./config.ts";
import { buildLaunchUrl } from "./mapping.ts";

/** A play id no one has: the Hub Pro check saves a URL that opens nothing. */
const NO_PLAY = "00000000-0000-0000-0000-000000000000";

export async function checkThunder(config: ThunderConfig, probe: Probe, report: Checkup): Promise<void> {
  const call = <O extends SsoOperation>(operation: O, body: SsoOperations[O]) => probe(ssoRequest(config, operation, body));
  const refused = (answer: Answer) => isCredentialRefusal(answer.status, answer.text);

  const step = "token (GenerateTokenWithDuration)";
  const tokenAnswer = await call("GenerateTokenWithDuration", { productId: config.vendorGuid, durationInMins: config.tokenMinutes });
  // Thunder answers refused credentials with a 500 and its {"Message"}: read that before treating a 5xx as an outage.
  if (refused(tokenAnswer))
    return report.fail(
      step,
      `refused (${answered(tokenAnswer)})`,
      "Thunder refused THUNDER_USERNAME / THUNDER_PASSWORD, or THUNDER_VENDOR_GUID is not enabled for that user, or Thunder itself failed (it answers all three with a 500 and a Message).",
      "Sign in to Thunder Cloud with that user to check the password; ask Thunder support to enable your vendor GUID for the user and its database.",
    );
  const down = outage(tokenAnswer, "Thunder's SSO service", "THUNDER_SSO_URL");
  if (down) return report.fail(step, answered(tokenAnswer), down.cause, down.fix);
  if (tokenAnswer.status === 400)
    return report.fail(
      step,
      "request refused (status 400)",
      "Thunder did not accept the vendor GUID or the duration.",
      "THUNDER_VENDOR_GUID must be the GUID assigned to your integration; THUNDER_TOKEN_MINUTES 1–1440.",
    );
  const token = tokenAnswer.status === 200 ? parseWcfString(tokenAnswer.text) : null;
  if (!token)
    return report.fail(
      step,
      `no token in the answer (${answered(tokenAnswer)})`,
      "THUNDER_SSO_URL does not point at Thunder's RESTSSOServices.svc.",
      "Unset THUNDER_SSO_URL to use https://tcssoservices.xosdigital.com/sso/RESTSSOServices.svc, or correct it.",
    );
  report.ok(step, `a ${config.tokenMinutes}-minute token for each launch`);

  // Stryker disable next-line ConditionalExpression: config.ts sets a lookup URL only in hub-pro mode, so taking every mode for hub-pro changes nothing
  const hubPro = config.launchMode === "hub-pro";
  if (hubPro && config.hubProLookupUrl) {
    const url = buildLaunchUrl({ target: config.target, method: "plays", ids: [NO_PLAY], token, vendor: config.vendorGuid });
    const saved = await call("SaveUserUrlByGuid", { url });
    const guid = saved.status === 200 ? parseWcfString(saved.text) : null;
    const saveStep = "Hub Pro save (SaveUserUrlByGuid)";
    const savedDown = outage(saved, "Thunder's SSO service", "THUNDER_SSO_URL");
    if (guid) report.ok(saveStep, `saved a test launch URL; browsers get ${lookupHost(config.hubProLookupUrl)} lookups`);
    else if (savedDown && !refused(saved)) report.fail(saveStep, answered(saved), savedDown.cause, savedDown.fix);
    else
      report.fail(
        saveStep,
        `not saved (${answered(saved)})`,
        "The Thunder user may not save launch URLs for Hub Pro, or this account has no Hub Pro.",
        "Ask Thunder support to enable SaveUserUrlByGuid (Hub Pro) for the user, or set THUNDER_LAUNCH_MODE=direct.",
      );
  } else {
    report.skip("Hub Pro save", "THUNDER_LAUNCH_MODE is direct");
  }

  if (config.ticketSecret) report.ok("launch protection", "host-signed one-time tickets (THUNDER_TICKET_SECRET)");
  else if (config.publicLaunch)
    report.warn(
      "launch protection",
      "origin only (THUNDER_PUBLIC_LAUNCH=1): any program that sends an allowed Origin can launch",
      "Set THUNDER_TICKET_SECRET and have the host site sign a ticket per launch.",
    );
  else report.warn("launch protection", "sandbox mode: origin only");
}

/** The lookup URL's host for the report; the template itself when it is no URL (never a throw). */
function lookupHost(template: string): string {
  const sample = template.replaceAll("{guid}", "GUID");
  return URL.canParse(sample) ? new URL(sample).host : template;
}
