/** THRON's legacy answers as the BFF reads them: each checked by a schema, lenient where THRON is. */
import { z } from "zod";

export const Envelope = z.looseObject({
  resultCode: z.string().nullish(),
  errorDescription: z.string().nullish(),
  ssoCode: z.string().nullish(),
});

/** A list in which one odd entry is dropped instead of failing the whole answer. */
const lenientArray = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .nullish()
    .transform((entries) => (entries ?? []).flatMap((entry) => item.safeParse(entry).data ?? []) as z.infer<T>[]);

const LocaleEntry = z.object({ locale: z.string(), name: z.string().nullish(), description: z.string().nullish() });
export const SearchItem = z.object({
  id: z.string(),
  contentType: z.string(),
  creationDate: z.string().optional(),
  details: z
    .object({
      locales: z.array(LocaleEntry).optional(),
      source: z.object({ fileName: z.string().nullish(), extension: z.string().nullish() }).nullish(),
      imetadata: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
    })
    .optional(),
});
export type SearchItem = z.infer<typeof SearchItem>;
export const SearchResponse = z.object({
  items: lenientArray(SearchItem),
  nextPageToken: z.string().nullish(),
  estimatedTotalResults: z.number().nullish(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

const DefinitionValue = z.object({ value: z.string(), lang: z.string().nullish(), label: z.string().nullish() });
export const Definition = z.object({
  id: z.string().optional(),
  key: z.string(),
  metadataType: z.string(),
  names: z.array(z.object({ lang: z.string(), label: z.string() })).default([]),
  visible: z.boolean().default(true),
  removed: z.boolean().default(false),
  options: z.record(z.string(), z.object({ values: z.array(DefinitionValue).default([]) }).nullish()).default({}),
});
export type Definition = z.infer<typeof Definition>;
/** Entries are read one by one: an odd one is dropped, yet still counts for paging. */
export const DefinitionsPage = z.object({ items: z.array(z.unknown()).nullish() });

const DeliveryEntry = z.object({
  channelType: z.string(),
  /** May be missing, and may be protocol-relative (`//acme-cdn.thron.com/…`). */
  contentUrl: z.string().nullish(),
  sysMetadata: lenientArray(z.object({ name: z.string(), value: z.string().nullish() })),
});

export const ContentDetail = z.object({
  content: z.object({
    id: z.string().optional(),
    contentType: z.string(),
    locales: lenientArray(LocaleEntry),
    deliveryInfo: lenientArray(DeliveryEntry),
    deliverySize: z
      .object({ aspectRatio: z.string().nullish(), maxWidth: z.number().nullish(), maxHeight: z.number().nullish() })
      .nullish()
      .catch(null),
    // Stryker disable next-line ObjectLiteral: nothing reads the subtitles (the Player asks THRON for its own), so what an entry holds is never seen
    subtitlesUrls: lenientArray(z.object({ locale: z.string(), url: z.string() })),
  }),
});
export type ContentDetail = z.infer<typeof ContentDetail>["content"];
