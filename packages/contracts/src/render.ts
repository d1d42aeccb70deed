/**
 * GET /v1/render/<tag>?<attributes>: the query is the element's attributes, as an editor writes
 * them on the tag, each checked as the JSON routes check the value it becomes.
 */
import { z } from "@hono/zod-openapi";
import { Locale } from "./common.ts";
import { AssetIdList, AssetParams, AssetsQuery, AssetType, GalleryParams } from "./thron.ts";
import { HelplinesQuery } from "./throughline.ts";
import { LaunchRequest, ThunderAngle } from "./thunder.ts";

/** Tags the render route answers. */
export const RenderTag = z.enum(["thron-gallery", "thron-filter-bar", "thron-asset", "throughline-helplines", "thunder-launch-button"]);
export type RenderTag = z.infer<typeof RenderTag>;

/** A boolean attribute: present (empty, or its own name) or absent, as HTML has it. */
const presence = (name: string) =>
  z
    .enum(["", name, "true"])
    .optional()
    .openapi({ description: `Boolean attribute: \`${name}\` (or \`${name}=\`) turns it on` });

/** What any element may carry, besides its own attributes. */
const CommonAttributes = z.object({
  bff: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional()
    .openapi({ description: "The BFF the element calls once in the browser (default: the origin of its script)" }),
  locale: Locale.optional().openapi({ description: "Language of titles and strings; the fragment is in English without it" }),
  id: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "must be an id of letters, digits, - and _")
    .optional(),
  class: z
    .string()
    .regex(/^[A-Za-z0-9 _-]{0,200}$/, "must be class names of letters, digits, - and _")
    .optional(),
});

/** Any attribute besides these is refused. */
export const HelplinesAttributes = CommonAttributes.extend({
  country: HelplinesQuery.shape.country,
  topic: HelplinesQuery.shape.topic,
  priority: presence("priority"),
  limit: z.coerce.number().int().min(1).max(50).default(5),
  "report-events": presence("report-events"),
});
export type HelplinesAttributes = z.infer<typeof HelplinesAttributes>;

/** A comma list of asset types, as the `type` attribute takes it. */
const typeList = z
  .string()
  .max(100)
  .transform((value) =>
    value
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(AssetType))
  .openapi({ description: "Preset: a comma list of image, video, audio, document" });

/** `filter-<key>` attributes (a comma list of values) are taken besides these; any other is refused. */
export const GalleryAttributes = CommonAttributes.extend({
  gallery: GalleryParams.shape.gallery.default("default").openapi({ description: "Gallery name configured on the BFF" }),
  "page-size": AssetsQuery.shape.limit,
  layout: z.enum(["grid", "carousel", "viewer"]).default("grid"),
  player: z.enum(["thron", "native"]).optional(),
  autoplay: z
    .string()
    .regex(/^(\d{1,3})?$/, "must be empty or a number of seconds")
    .optional(),
  infinite: presence("infinite"),
  "sync-url": presence("sync-url"),
  type: typeList.optional(),
  q: AssetsQuery.shape.q,
  sort: AssetsQuery.shape.sort,
  assets: AssetIdList.optional().openapi({
    type: "string",
    description: "Hand-picked: a comma list of up to 50 asset ids, shown in this order (`ids` of the assets route)",
  }),
});
export type GalleryAttributes = z.infer<typeof GalleryAttributes>;

/**
 * A filter bar's options come from its gallery's filters: `gallery` names that gallery on the
 * BFF (the bar's own default is its linked gallery's, which a server cannot see, so a host whose
 * gallery is not `default` passes it). Any attribute besides these is refused.
 */
export const FilterBarAttributes = CommonAttributes.extend({
  for: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "must be the id of a <thron-gallery>")
    .openapi({ description: "The id of the `<thron-gallery>` this bar drives" }),
  gallery: GalleryAttributes.shape.gallery,
  "sync-url": z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,32}$/, "must be empty or a prefix of letters, digits, - and _")
    .optional()
    .openapi({ description: "Keep the query in the page URL; a value is a prefix for this bar's keys (`sport.q`)" }),
  keys: z
    .string()
    .regex(/^[A-Za-z0-9_.,\s-]{0,500}$/, "must be a comma list of filter keys")
    .optional()
    .openapi({ description: "Comma list of the filter keys to show (default: all)" }),
});
export type FilterBarAttributes = z.infer<typeof FilterBarAttributes>;

/**
 * The visitor's query, as a linked filter bar keeps it in the page URL (`q`, `filter.<key>`),
 * forwarded by the host with this prefix (`query.q`, `query.filter.topic`, repeatable): the
 * gallery shows it inside its preset and the bar shows it chosen. Not an attribute: it is not
 * written on the tag, so the element hydrates as the bar's own choice.
 */
export const VISITOR_QUERY_PREFIX = "query.";

/**
 * The page URL's other parameters (a WordPress page's `?page_id=42`), forwarded by the host with
 * this prefix (`page.page_id=42`, repeatable) to a filter bar's render: its form, submitted
 * without JavaScript, carries them as hidden fields, so the reload stays on the same page with
 * them. Not an attribute; the bar's own fields (`q`, `filter.<key>`) are never carried twice.
 */
export const PAGE_QUERY_PREFIX = "page.";
/** What a filter bar's form carries of the page URL at most: a page's own handful; more is a 400. */
export const PAGE_QUERY_LIMITS = { values: 20, nameLength: 100, valueLength: 1_000 } as const;

/** Any attribute besides these is refused. */
export const AssetAttributes = CommonAttributes.extend({
  gallery: GalleryAttributes.shape.gallery,
  asset: AssetParams.shape.id.openapi({ description: "The asset's id" }),
  player: z.enum(["thron", "native"]).optional(),
  caption: presence("caption"),
});
export type AssetAttributes = z.infer<typeof AssetAttributes>;

/** Prefix of the gallery's preset filter attributes. */
export const FILTER_ATTRIBUTE_PREFIX = "filter-";

/** A list as the element takes it: separated by commas (or spaces), each item checked by `item`. */
const listOf = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .string()
    .max(16_000)
    .transform((value): string[] => value.match(/[^\s,]+/g) ?? [])
    .pipe(z.array(item).min(1).max(max));

/**
 * No `ticket`: a launch ticket must never travel in a URL. The button's ticket is set in the
 * browser (the `ticket` attribute or property), or fetched at each click from `ticket-url`.
 */
export const LaunchButtonAttributes = CommonAttributes.extend({
  method: LaunchRequest.shape.method.default("plays"),
  ids: listOf(LaunchRequest.shape.ids.element, 200).openapi({ description: "Comma list of the ids to launch" }),
  league: LaunchRequest.shape.league,
  angles: listOf(ThunderAngle, 5).optional().openapi({ description: "MessageXML methods only: comma list of angles" }),
  "ticket-url": z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional()
    .openapi({ description: "The host's endpoint that answers a ticket, fetched in the browser at each click" }),
});
export type LaunchButtonAttributes = z.infer<typeof LaunchButtonAttributes>;
