/**
 * THRON's shapes → the BFF's public contract: THRON's content types as answers carry them, its
 * upper-case language codes and its public delivery URL layout (what a search asks THRON is
 * search-body.ts's).
 */
import type { Asset, AssetType } from "@embedkit/contracts";
import type { ContentDetail, SearchItem, SearchResponse } from "./answers.ts";
import type { GalleryConfig, ThronConfig } from "./config.ts";

const FROM_THRON_TYPE: Record<string, AssetType> = { IMAGE: "image", VIDEO: "video", AUDIO: "audio", OTHER: "document" };
/** THRON's language for a locale it lacks. */
const FALLBACK_LANG = "EN";
const THRON_LANGS = new Set([FALLBACK_LANG, "IT", "DE", "FR", "ES", "PT", "NL", "RU", "KO", "JA", "AR", "ZH"]);

/** Widths THRON's delivery serves well, up to 2× a 64rem dialog; the srcset offers all of them. */
export const THUMBNAIL_WIDTHS = [160, 240, 340, 520, 720, 1024, 1600, 2048] as const;
const DEFAULT_THUMBNAIL_WIDTH = 520;

/** BCP 47 (`it-IT`) → THRON's code (`IT`); languages THRON lacks fall back to EN. */
export function toThronLang(locale: string | undefined): string {
  // Stryker disable next-line StringLiteral,OptionalChaining: no locale and a code THRON lacks both read as EN; split() always gives a first part
  const lang = (locale ?? "en").split("-")[0]?.toUpperCase() ?? FALLBACK_LANG;
  return THRON_LANGS.has(lang) ? lang : FALLBACK_LANG;
}

/** A search item with what the BFF adds: its duration, from the content's detail (search answers carry none). */
export type GalleryItem = SearchItem & { durationMs?: number };
/** A search page as the BFF caches it: THRON's page, its items with our additions. */
export type GalleryPage = Omit<SearchResponse, "items"> & { items: GalleryItem[] };

type LocaleEntries = NonNullable<NonNullable<SearchItem["details"]>["locales"]>;

/** The locale entry for `lang`, else English, else whatever the content has. */
function pickLocale(locales: LocaleEntries, lang: string) {
  return (
    locales.find((l) => l.locale.toUpperCase() === lang && l.name) ??
    locales.find((l) => l.locale.toUpperCase() === "EN" && l.name) ??
    locales.find((l) => l.name)
  );
}

/** THRON wants a human-readable last path segment; any slug works, the file name reads best. */
export function prettyName(fileName: string | null | undefined): string {
  const slug = (fileName ?? "")
    .replace(/\.[^.]+$/, "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // ü → u, not u-
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, ""); // runs are single dashes by now
  return slug || "asset";
}

export function thumbnailUrl(thron: ThronConfig, gallery: GalleryConfig, id: string, name: string, width: number): string {
  const path = [thron.tenant, id, gallery.pkey].map(encodeURIComponent).join("/");
  return `${thron.cdnUrl}/delivery/public/thumbnail/${path}/std/${width}x0/${name}`;
}

/** The thumbnail at the default width plus a srcset over every standard width. */
function thumbnail(thron: ThronConfig, gallery: GalleryConfig, id: string, name: string): Asset["thumbnail"] {
  const url = (width: number) => thumbnailUrl(thron, gallery, id, name, width);
  return { url: url(DEFAULT_THUMBNAIL_WIDTH), srcset: THUMBNAIL_WIDTHS.map((w) => `${url(w)} ${w}w`).join(", ") };
}

export function toAsset(item: GalleryItem, thron: ThronConfig, gallery: GalleryConfig, lang: string): Asset | null {
  const type = FROM_THRON_TYPE[item.contentType];
  if (!type) return null; // pagelets, URLs and playlists are not gallery material
  const locale = pickLocale(item.details?.locales ?? [], lang);
  return {
    id: item.id,
    type,
    title: locale?.name ?? item.details?.source?.fileName ?? item.id,
    ...(locale?.description && { description: locale.description }),
    thumbnail: thumbnail(thron, gallery, item.id, prettyName(item.details?.source?.fileName)),
    // Stryker disable next-line ConditionalExpression: a durationMs set to undefined is left out of the JSON alike (assets are only ever answered serialised)
    ...(item.durationMs !== undefined && { durationMs: item.durationMs }),
    sources: [],
  };
}

/** Cursors are opaque to clients: a version tag around THRON's own page token. */
export function encodeCursor(pageToken: string): string {
  return `v1.${btoa(pageToken).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "")}`;
}

export function decodeCursor(cursor: string): string | null {
  if (!cursor.startsWith("v1.")) return null;
  try {
    return atob(cursor.slice(3).replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return null;
  }
}

/**
 * THRON's channels by prefix (names carry suffixes: STREAMHTTPIOSHD, WEBFULLHD…), longest
 * first, best first: a <video> picks the first source it can play.
 */
const CHANNELS: { prefix: string; hls?: true; mp4Quality?: string }[] = [
  { prefix: "STREAMHTTPIOS", hls: true },
  { prefix: "WEB4K", mp4Quality: "4k" },
  { prefix: "WEBFULLHD", mp4Quality: "full-hd" },
  { prefix: "WEBHD", mp4Quality: "hd" },
  { prefix: "WEBDOC" },
  { prefix: "WEB", mp4Quality: "sd" },
];
/** A channel's place in CHANNELS; -1 for one it lacks, which toSources leaves out wherever it sorts. */
const channelRank = (channelType: string) => CHANNELS.findIndex((c) => channelType.startsWith(c.prefix));

/** The path segment of a kind's public delivery URL (an image's URL has a layout of its own). */
const KIND_PATH: Record<Exclude<AssetType, "image">, string> = { video: "video", audio: "audio", document: "document" };

/**
 * The public delivery URL THRON's own Drupal module builds instead of reading `contentUrl`
 * (assumed to hold for every kind): used when an entry has no URL. HLS is left out: its
 * playlist's file name is not public.
 */
function publicDeliveryUrl(thron: ThronConfig, gallery: GalleryConfig, type: AssetType, id: string, channelType: string, name: string) {
  const path = [thron.tenant, id, gallery.pkey].map(encodeURIComponent).join("/");
  if (type === "image") return `${thron.cdnUrl}/delivery/public/image/${path}/std/0x0/${name}`;
  return `${thron.cdnUrl}/delivery/public/${KIND_PATH[type]}/${path}/${encodeURIComponent(channelType)}/${name}`;
}

/** An entry's URL: absolute as given, protocol-relative on the CDN's scheme, else rebuilt; null when unusable. */
function entryUrl(contentUrl: string | null | undefined, fallback: () => string | null, cdnUrl: string): string | null {
  if (!contentUrl) return fallback();
  if (contentUrl.startsWith("//")) return `${new URL(cdnUrl).protocol}${contentUrl}`;
  return /^https?:\/\//.test(contentUrl) ? contentUrl : null;
}

/** THRON's channels → playable sources with MIME types; entries we cannot type or reach are left out. */
function toSources(
  type: AssetType,
  detail: ContentDetail,
  target: { thron: ThronConfig; gallery: GalleryConfig; id: string; name: string },
): Asset["sources"] {
  const sorted = [...detail.deliveryInfo].sort((a, b) => channelRank(a.channelType) - channelRank(b.channelType));
  return sorted.flatMap(({ channelType, contentUrl }): Asset["sources"] => {
    const channel = CHANNELS.find((c) => channelType.startsWith(c.prefix));
    if (!channel) return [];
    const url = entryUrl(
      contentUrl,
      () => (channel.hls ? null : publicDeliveryUrl(target.thron, target.gallery, type, target.id, channelType, target.name)),
      target.thron.cdnUrl,
    );
    if (!url) return [];
    if (type === "video" && channel.hls) return [{ url, mimeType: "application/vnd.apple.mpegurl", quality: "hls" }];
    if (type === "video" && channel.mp4Quality) return [{ url, mimeType: "video/mp4", quality: channel.mp4Quality }];
    if (type === "audio" && channel.prefix === "WEB") return [{ url, mimeType: "audio/mpeg" }];
    if (type === "image") return [{ url, mimeType: "image/*" }];
    if (type === "document" && channel.prefix === "WEBDOC") return [{ url, mimeType: "application/pdf" }];
    // Stryker disable next-line ConditionalExpression: a WEB entry of any other kind has returned above (video sd, audio MP3, image)
    if (type === "document" && channel.prefix === "WEB") return [{ url, mimeType: "application/octet-stream" }];
    return [];
  });
}

export function durationMs(deliveryInfo: ContentDetail["deliveryInfo"]): number | undefined {
  for (const info of deliveryInfo) {
    const value = info.sysMetadata.find((m) => /durationms/i.test(m.name))?.value;
    if (value && Number.isFinite(Number(value))) return Math.round(Number(value));
  }
  return undefined;
}

function aspectRatio(detail: ContentDetail): number | undefined {
  // Stryker disable next-line StringLiteral: any text without two non-zero numbers reads as no ratio, "" as well
  const [w, h] = (detail.deliverySize?.aspectRatio ?? "").split(":").map(Number);
  if (w && h) return w / h;
  const { maxWidth, maxHeight } = detail.deliverySize ?? {};
  return maxWidth && maxHeight ? maxWidth / maxHeight : undefined;
}

/** A content's detail → one Asset with its playback sources. */
export function detailToAsset(id: string, detail: ContentDetail, thron: ThronConfig, gallery: GalleryConfig, lang: string): Asset | null {
  const type = FROM_THRON_TYPE[detail.contentType];
  if (!type) return null;
  const locale = pickLocale(detail.locales, lang);
  const duration = durationMs(detail.deliveryInfo);
  const ratio = aspectRatio(detail);
  const name = prettyName(locale?.name);
  return {
    id,
    type,
    title: locale?.name ?? id,
    ...(locale?.description && { description: locale.description }),
    thumbnail: thumbnail(thron, gallery, id, name),
    // Stryker disable next-line ConditionalExpression: aspectRatio() gives a non-zero ratio or undefined, and an undefined one is left out of the JSON alike
    ...(ratio && { aspectRatio: ratio }),
    // Stryker disable next-line ConditionalExpression: as in toAsset, an undefined durationMs is left out of the JSON alike
    ...(duration !== undefined && { durationMs: duration }),
    sources: toSources(type, detail, { thron, gallery, id, name }),
  };
}
