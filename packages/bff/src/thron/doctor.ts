/**
 * `pnpm doctor`, THRON: each call the BFF depends on, made once with the BFF's own settings,
 * in the order a failure explains the next: impersonation token, legacy session, a search in
 * every gallery's folder, the filter definitions (and the viewer role they need), one content
 * detail with its playable sources, the Player script.
 */

import { type Answer, answered, type Checkup, outage, type Probe } from "../providers/checkup.ts";
import { impersonationGrantRequest, legacyTokenRequest } from "./auth.ts";
import { thronRequests } from "./client.ts";
import type { GalleryConfig, ThronConfig } from "./config.ts";
import { folderProbeBody } from "./search-body.ts";

/** Definitions are paged until an empty page; this many pages at most. */
const MAX_DEFINITION_PAGES = 40;

interface Envelope {
  resultCode?: string;
  items?: { id?: string; key?: string }[];
  estimatedTotalResults?: number;
  content?: { deliveryInfo?: { channelType?: string; contentUrl?: string }[] };
}

// Stryker disable next-line ConditionalExpression: a JSON string, number or boolean has none of an envelope's fields, as {} has none
const envelopeOf = (answer: Answer) => (answer.json && typeof answer.json === "object" ? (answer.json as Envelope) : {});
/** THRON answers result codes in a 418 envelope, and some 200s carry one too. */
const resultCodeOf = (answer: Answer) => {
  const code = envelopeOf(answer).resultCode;
  return code && code !== "OK" ? code : null;
};

export async function checkThron(config: ThronConfig, probe: Probe, report: Checkup): Promise<void> {
  const user = config.username;

  // 1. Token by user impersonation.
  const tokenAnswer = await probe(impersonationGrantRequest(config));
  const tokenStep = "token (user impersonation)";
  const tokenDown = outage(tokenAnswer, "THRON's auth host", "THRON_TENANT / THRON_AUTH_URL");
  if (tokenDown) return report.fail(tokenStep, answered(tokenAnswer), tokenDown.cause, tokenDown.fix);
  const oauth = (tokenAnswer.json ?? {}) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
  if (tokenAnswer.status !== 200 || typeof oauth.access_token !== "string") {
    if (oauth.error === "invalid_client")
      return report.fail(
        tokenStep,
        `refused (${answered(tokenAnswer)}, invalid_client)`,
        "THRON refused THRON_CLIENT_ID / THRON_CLIENT_SECRET: a wrong or rotated secret, or the id of another app.",
        "Copy the client id and secret again from the JWT external app in THRON (not the Custom Application that gave the pKey).",
      );
    return report.fail(
      tokenStep,
      `refused (${answered(tokenAnswer)}${typeof oauth.error === "string" ? `, ${oauth.error}` : ""})`,
      `THRON would not let the external app impersonate THRON_USERNAME (${user}).`,
      "Check that the user exists and is active, and that the external app may impersonate users.",
    );
  }
  const hours = typeof oauth.expires_in === "number" ? Math.round(oauth.expires_in / 360) / 10 : null;
  report.ok(tokenStep, `token for ${user}${hours ? `, valid ${hours} h` : ""}`);

  // 2. The legacy session derived from it (X-TOKENID for every legacy call).
  const legacyAnswer = await probe(legacyTokenRequest(config, oauth.access_token));
  const legacyToken = (legacyAnswer.json as { token?: unknown } | null)?.token;
  if (legacyAnswer.status !== 200 || typeof legacyToken !== "string") {
    const down = outage(legacyAnswer, "THRON's auth host", "THRON_AUTH_URL");
    return report.fail(
      "legacy token",
      answered(legacyAnswer),
      down?.cause ?? "THRON gave a token but no legacy session for it.",
      down?.fix ?? "Ask THRON support whether the external app may use the legacy API (xcontents, xintelligence).",
    );
  }
  report.ok("legacy token", "legacy session opened");

  // 3. A search in each gallery's folder: proves the user's read rights there.
  let sample: { gallery: string; pkey: string; id: string } | null = null;
  for (const [name, gallery] of config.galleries) {
    const found = await searchStep(config, probe, report, legacyToken, name, gallery);
    if (found && !sample) sample = { gallery: name, pkey: gallery.pkey, id: found };
  }

  // 4. Filter definitions: they need THRON_CLASS_<id>_VIEWER, not only folder rights.
  await definitionsStep(config, probe, report, legacyToken);

  // 5. One content detail, opened with its gallery's pKey as the browser would.
  if (!sample) report.skip("content detail", "no gallery showed a content to open");
  else await detailStep(config, probe, report, sample);

  // 6. The Player script every page loads.
  const player = await probe(new Request(`${config.cdnUrl}/shared/ce/bootstrap/1/scripts/embeds-min.js`));
  if (player.status === 200 && player.text.includes("THRONContentExperience")) report.ok("player script", "reachable");
  else {
    const down = outage(player, "THRON's delivery host", "THRON_CDN_URL");
    report.fail(
      "player script",
      answered(player),
      down?.cause ?? "The THRON Player script is not where THRON_CDN_URL says.",
      down?.fix ??
        "Unset THRON_CDN_URL to use https://<tenant>-cdn.thron.com, or correct it. Galleries fall back to the browser's player meanwhile.",
    );
  }
}

/** One content detail opened with its gallery's pKey, as the browser would: its playable sources. */
async function detailStep(
  config: ThronConfig,
  probe: Probe,
  report: Checkup,
  sample: { gallery: string; pkey: string; id: string },
): Promise<void> {
  const detail = await probe(thronRequests.contentDetail(config, sample.id, sample.pkey, "EN"));
  const step = `content detail (gallery ${sample.gallery})`;
  const down = outage(detail, "THRON's API host", "THRON_API_URL");
  const sources = envelopeOf(detail).content?.deliveryInfo ?? [];
  if (down) report.fail(step, answered(detail), down.cause, down.fix);
  else if (detail.status !== 200 || resultCodeOf(detail))
    report.fail(
      step,
      `${resultCodeOf(detail) ?? "refused"} (${answered(detail)})`,
      `The pKey of gallery ${sample.gallery} does not open the contents of its folder.`,
      `Set that gallery's pKey (THRON_PKEY or THRON_GALLERIES) to the pKey THRON shows for the folder's Custom Application.`,
    );
  else if (sources.length === 0)
    report.warn(step, "no playable source: the content has no published delivery channel", "Publish the content's web channels in THRON.");
  else
    report.ok(
      step,
      `${sources.length} playable source${sources.length === 1 ? "" : "s"} (${[...new Set(sources.map((s) => s.channelType ?? "?"))].join(", ")})`,
    );
}

/** Searches one gallery's folder for one item; answers that item's id, if any. */
async function searchStep(
  config: ThronConfig,
  probe: Probe,
  report: Checkup,
  legacyToken: string,
  name: string,
  gallery: GalleryConfig,
): Promise<string | null> {
  const answer = await probe(thronRequests.search(config, legacyToken, folderProbeBody(gallery.folderId)));
  const step = `search, gallery ${name} (folder ${gallery.folderId})`;
  const down = outage(answer, "THRON's API host", "THRON_TENANT / THRON_API_URL");
  if (down) {
    report.fail(step, answered(answer), down.cause, down.fix);
    return null;
  }
  const code = resultCodeOf(answer);
  if (answer.status === 403 || code === "ACCESS_DENIED") {
    report.fail(
      step,
      `access denied (${answered(answer)})`,
      `THRON_USERNAME (${config.username}) has no read rights on folder ${gallery.folderId}.`,
      `Ask the Content Manager to share folder ${gallery.folderId} with ${config.username} (read, sub-folders included), or correct the gallery's folder id.`,
    );
    return null;
  }
  if (answer.status !== 200 || code) {
    report.fail(
      step,
      `${code ?? "refused"} (${answered(answer)})`,
      code === "INVALID_CLIENTID" ? "THRON_TENANT is not this THRON account's name." : "THRON did not accept the search for this folder.",
      "Check THRON_TENANT and the gallery's folder id (THRON_FOLDER_ID or THRON_GALLERIES).",
    );
    return null;
  }
  const envelope = envelopeOf(answer);
  const count = envelope.estimatedTotalResults ?? envelope.items?.length ?? 0;
  if (count === 0)
    report.warn(
      step,
      "0 contents: the folder is empty, or none is visible to the user",
      `Check the folder's contents and ${config.username}'s rights.`,
    );
  else report.ok(step, `about ${count} contents`);
  return envelope.items?.[0]?.id ?? null;
}

/** Pages the definitions until an empty page; names the missing role or missing filter keys. */
async function definitionsStep(config: ThronConfig, probe: Probe, report: Checkup, legacyToken: string): Promise<void> {
  const classification = config.classificationId;
  if (!classification) return report.skip("filter definitions", "THRON_CLASSIFICATION_ID is not set: galleries show no filters");
  const role = `THRON_CLASS_${classification}_VIEWER`;
  const keys = new Set<string>();
  let offset = 0;
  for (let page = 0; page < MAX_DEFINITION_PAGES; page++) {
    const answer = await probe(thronRequests.definitionsPage(config, classification, legacyToken, offset));
    const code = resultCodeOf(answer);
    const down = outage(answer, "THRON's API host", "THRON_API_URL");
    if (down) return report.fail("filter definitions", answered(answer), down.cause, down.fix);
    if (answer.status === 403 || code === "ACCESS_DENIED")
      return report.fail(
        "filter definitions",
        `access denied (${answered(answer)})`,
        `THRON_USERNAME (${config.username}) lacks the role ${role}; folder rights are not enough to read the classification.`,
        `Ask the Content Manager to grant ${role} to ${config.username}. Until then galleries work without filters.`,
      );
    if (answer.status !== 200 || code)
      return report.fail(
        "filter definitions",
        `${code ?? "refused"} (${answered(answer)})`,
        `THRON_CLASSIFICATION_ID (${classification}) is not a classification of this account.`,
        "Copy the classification id again from THRON's classification settings.",
      );
    const items = envelopeOf(answer).items ?? [];
    if (items.length === 0) break; // a short page is not the end: only an empty one is
    for (const item of items) if (item.key) keys.add(item.key);
    offset += items.length; // as the BFF pages: by what came back
  }
  const wanted = new Set([...config.galleries.values()].flatMap((g) => g.filterKeys));
  const missing = [...wanted].filter((key) => !keys.has(key));
  if (missing.length > 0)
    return report.fail(
      "filter definitions",
      `${keys.size} definitions, but no ${missing.join(", ")}`,
      `The filter keys ${missing.join(", ")} are not attributes of classification ${classification}.`,
      "Correct THRON_FILTER_KEYS (or filterKeys in THRON_GALLERIES) to existing attribute keys.",
    );
  report.ok(
    "filter definitions",
    `${keys.size} definitions, with ${role}${wanted.size ? `; filter keys ${[...wanted].join(", ")} found` : ""}`,
  );
}
