/**
 * THRON's shapes → the BFF's public contract. The one place that knows THRON's content types,
 * its upper-case language codes and its public delivery URL layout.
 */
import type { Asset, AssetType } from "@embedkit/contracts";
import type { GalleryConfig, ThronConfig } from "../config.ts";
import type { SearchItem } from "./client.ts";

const TO_THRON_TYPE: Record<AssetType, string> = { image: "IMAGE", video: "VIDEO", audio: "AUDIO", document: "OTHER" };
const FROM_THRON_TYPE: Record<string, AssetType> = { IMAGE: "image", VIDEO: "video", AUDIO: "audio", OTHER: "document" };
const THRON_LANGS = new Set(["IT", "EN", "DE", "FR", "ES", "PT", "NL", "RU", "KO", "JA", "AR", "ZH"]);

/** Widths THRON's delivery serves well; the srcset offers all of them. */
export const THUMBNAIL_WIDTHS = [160, 240, 340, 520, 720, 1024] as const;
const DEFAULT_THUMBNAIL_WIDTH = 520;

export const thronContentTypes = (types: AssetType[] | undefined) =>
  (types?.length ? types : (Object.keys(TO_THRON_TYPE) as AssetType[])).map((t) => TO_THRON_TYPE[t]);

/** BCP 47 (`it-IT`) → THRON's code (`IT`); languages THRON lacks fall back to EN. */
export function toThronLang(locale: string | undefined): string {
  const lang = (locale ?? "en").split("-")[0]?.toUpperCase() ?? "EN";
  return THRON_LANGS.has(lang) ? lang : "EN";
}

/** The locale entry for `lang`, else English, else whatever the content has. */
function pickLocale(item: SearchItem, lang: string) {
  const locales = item.details?.locales ?? [];
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
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "asset";
}

export function thumbnailUrl(thron: ThronConfig, gallery: GalleryConfig, id: string, name: string, width: number): string {
  const path = [thron.tenant, id, gallery.pkey].map(encodeURIComponent).join("/");
  return `${thron.cdnUrl}/delivery/public/thumbnail/${path}/std/${width}x0/${name}`;
}

export function toAsset(item: SearchItem, thron: ThronConfig, gallery: GalleryConfig, lang: string): Asset | null {
  const type = FROM_THRON_TYPE[item.contentType];
  if (!type) return null; // pagelets, URLs and playlists are not gallery material
  const locale = pickLocale(item, lang);
  const name = prettyName(item.details?.source?.fileName);
  const url = (width: number) => thumbnailUrl(thron, gallery, item.id, name, width);
  return {
    id: item.id,
    type,
    title: locale?.name ?? item.details?.source?.fileName ?? item.id,
    ...(locale?.description && { description: locale.description }),
    thumbnail: {
      url: url(DEFAULT_THUMBNAIL_WIDTH),
      srcset: THUMBNAIL_WIDTHS.map((w) => `${url(w)} ${w}w`).join(", "),
    },
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
