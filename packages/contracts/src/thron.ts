import { z } from "@hono/zod-openapi";
import { Locale } from "./common.ts";

export const AssetType = z.enum(["image", "video", "audio", "document"]);
export type AssetType = z.infer<typeof AssetType>;

export const Thumbnail = z.object({
  url: z.url(),
  srcset: z.string().openapi({ description: "Widths from THRON's public delivery, for <img srcset>" }),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});

export const Source = z.object({
  url: z.url(),
  mimeType: z.string(),
  quality: z.string().optional(),
});

export const Asset = z
  .object({
    id: z.string(),
    type: AssetType,
    title: z.string(),
    description: z.string().optional(),
    thumbnail: Thumbnail,
    aspectRatio: z.number().positive().optional().openapi({ description: "width / height" }),
    durationMs: z.number().int().nonnegative().optional(),
    sources: z.array(Source),
  })
  .openapi("Asset");
export type Asset = z.infer<typeof Asset>;

export const AssetPage = z
  .object({
    items: z.array(Asset),
    nextCursor: z.string().nullable().openapi({ description: "Opaque; pass back as `cursor`. null on the last page" }),
    total: z.number().int().nonnegative().openapi({ description: "THRON's estimate of the whole result" }),
  })
  .openapi("AssetPage");
export type AssetPage = z.infer<typeof AssetPage>;

export const GalleryParams = z.object({
  gallery: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a gallery name (lower-case letters, digits, - and _)")
    .openapi({ example: "default" }),
});

/** A query value the client may repeat (`type=image&type=video`) arrives as a string or a list (absent: `.optional()` answers first). */
const repeatable = <T extends z.ZodType>(item: T) => z.preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(item));

/** THRON content ids: letters, digits, - and _ (UUIDs in practice). */
const ASSET_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const AssetParams = GalleryParams.extend({
  id: z.string().regex(ASSET_ID, "must be an asset id"),
});

/** At most one THRON page (its page size is capped at 50): a hand-picked list costs one search. */
export const MAX_HAND_PICKED = 50;

/** A hand-picked, ordered list of asset ids, comma (or space) separated (`ids=` of the assets route, `assets=` of the gallery). */
export const AssetIdList = z
  .string()
  .max(MAX_HAND_PICKED * 101)
  .transform((value): string[] => value.match(/[^\s,]+/g) ?? [])
  .pipe(
    z
      .array(z.string().regex(ASSET_ID, "must be asset ids (letters, digits, - and _), comma separated"))
      .min(1, "must name at least one asset id")
      .max(MAX_HAND_PICKED, `must name at most ${MAX_HAND_PICKED} asset ids`)
      .refine((ids) => new Set(ids).size === ids.length, "must name each asset id once"),
  );

export const GalleryQuery = z.object({ locale: Locale.optional() });

export const AssetsQuery = z.object({
  q: z.string().trim().max(200).optional().openapi({ description: "Free text; every word must match, in any language" }),
  type: repeatable(AssetType).optional().openapi({ description: "Repeatable: image, video, audio, document" }),
  sort: z
    .enum(["newest", "oldest", "title"])
    .optional()
    .openapi({ description: "newest (default), oldest, or title (A–Z in the requested locale)" }),
  cursor: z.string().max(4096).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(24),
  locale: Locale.optional(),
  ids: AssetIdList.optional().openapi({
    type: "string",
    description:
      `Hand-picked: a comma list of up to ${MAX_HAND_PICKED} asset ids, given once. The answer holds those in the gallery's folder ` +
      "(and matching `q`, `type` and filters, if given), in this order, on one page: `nextCursor` is null, `limit` and `sort` do " +
      "not apply, `cursor` is refused. Ids not found are left out (`total` counts those found).",
    example: "id1,id2,id3",
  }),
});
export type AssetsQuery = z.infer<typeof AssetsQuery>;

export const FilterOption = z.object({ value: z.string(), label: z.string() });
export const Filter = z
  .object({
    key: z.string(),
    label: z.string(),
    multiple: z.boolean(),
    options: z.array(FilterOption),
  })
  .openapi("Filter");
export type Filter = z.infer<typeof Filter>;

export const Gallery = z
  .object({
    id: z.string(),
    locale: z.string(),
    player: z.object({ scriptUrl: z.url(), clientId: z.string(), sessId: z.string() }),
    filters: z.array(Filter),
  })
  .openapi("Gallery");
export type Gallery = z.infer<typeof Gallery>;

/** The galleries a BFF offers, by name only: what an editor picks from (a CMS's gallery field). */
export const GalleryList = z
  .object({
    items: z.array(
      z.object({
        name: GalleryParams.shape.gallery.openapi({ description: "Pass as `gallery` (`default`: the main folder)" }),
      }),
    ),
  })
  .openapi("GalleryList");
export type GalleryList = z.infer<typeof GalleryList>;
