/** THRON's content detail (authorised by X-TOKENID or by the pkey), with the delivery URLs of each channel. */
import type { Hono } from "hono";
import { hash32 } from "../prng.ts";
import { legacySession } from "./auth-routes.ts";
import type { Content } from "./catalogue.ts";
import { accessDenied, failure, ok } from "./envelope.ts";
import { folderOf, pkeyOpens, prettyName, THRON_SANDBOX, type ThronState, visibleFolders } from "./state.ts";

/**
 * THRON's detail answers vary from content to content: some URLs protocol-relative like thumbs,
 * some entries without `contentUrl`, old channels with nothing to play. Spread by content id.
 */
export type DeliveryQuirk = "none" | "protocol-relative" | "missing-url" | "legacy-channel";
export const deliveryQuirk = (content: Pick<Content, "id">): DeliveryQuirk =>
  (["none", "protocol-relative", "missing-url", "legacy-channel"] as const)[hash32(`quirk:${content.id}`) % 4] ?? "none";

type SysMetadata = { name: string; value: string }[];

/** Each channel's entry, the quirks of this content applied. */
function deliveryInfo(state: ThronState, content: Content) {
  const folder = folderOf(state, content);
  const base = `${state.cdn}/delivery/public`;
  const name = prettyName(content);
  const sysMetadata: SysMetadata = content.durationMs !== undefined ? [{ name: "Durationms", value: String(content.durationMs) }] : [];
  const kind = { IMAGE: "image", VIDEO: "video", AUDIO: "audio", OTHER: "document" }[content.contentType];
  const quirk = deliveryQuirk(content);
  const last = content.availableChannels.length - 1;
  const entries: { channelType: string; contentUrl?: string; sysMetadata: SysMetadata }[] = content.availableChannels.map(
    (channelType, index) => {
      const url =
        kind === "image"
          ? `${base}/image/${THRON_SANDBOX.tenant}/${content.id}/${folder?.pkey}/std/0x0/${name}`
          : channelType.startsWith("STREAMHTTPIOS")
            ? `${base}/video/${THRON_SANDBOX.tenant}/${content.id}/${folder?.pkey}/${channelType}/${name}.m3u8`
            : `${base}/${kind}/${THRON_SANDBOX.tenant}/${content.id}/${folder?.pkey}/${channelType}/${name}`;
      if (quirk === "missing-url" && index === last) return { channelType, sysMetadata }; // null fields are omitted
      return { channelType, contentUrl: quirk === "protocol-relative" ? url.replace(/^https?:/, "") : url, sysMetadata };
    },
  );
  // A channel left from the Flash days, with nothing to play: one odd entry among good ones.
  if (quirk === "legacy-channel") entries.push({ channelType: "STREAMHTTPFLASH", sysMetadata: [] });
  return entries;
}

function contentDetail(state: ThronState, content: Content) {
  const folder = folderOf(state, content);
  const base = `${state.cdn}/delivery/public`;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const divisor = gcd(content.width, content.height);
  return {
    id: content.id,
    contentType: content.contentType,
    locales: content.locales,
    deliveryInfo: deliveryInfo(state, content),
    ...(content.contentType === "IMAGE" && {
      deliverySize: {
        aspectRatio: `${content.width / divisor}:${content.height / divisor}`,
        maxWidth: content.width,
        maxHeight: content.height,
      },
    }),
    dynThumbService: `${base}/thumbnail/${THRON_SANDBOX.tenant}/${content.id}/${folder?.pkey}/std`,
    subtitlesUrls: content.subtitles
      ? [{ locale: "EN", url: `${base}/subtitles/${THRON_SANDBOX.tenant}/${content.id}/${folder?.pkey}/EN.vtt` }]
      : [],
  };
}

export function mountDetail(app: Hono, state: ThronState): void {
  app.get("/api/xcontents/resources/delivery/getContentDetail", async (c) => {
    state.stats.contentDetails++;
    const content = state.catalogue.byId.get(c.req.query("xcontentId") ?? "");
    if (c.req.query("clientId") !== THRON_SANDBOX.tenant) return failure(c, "INVALID_CLIENTID", "Unknown client");
    const pkey = c.req.query("pkey");
    let allowed = false;
    if (pkey) allowed = !!content && pkeyOpens(state, content, pkey);
    else {
      const auth = legacySession(c, state);
      if (auth.response) return auth.response;
      allowed = !!content && visibleFolders(state, auth.session).has(content.folderId);
    }
    // A pKey that does not open the content reads as "not found" (SDK doc of JDelivery).
    if (!content || (pkey && !allowed)) return failure(c, "CONTENT_NOT_FOUND", "Content not found");
    if (!allowed) return accessDenied(c);
    return ok(c, { content: contentDetail(state, content) });
  });
}
