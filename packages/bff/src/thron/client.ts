/**
 * THRON's legacy API as the BFF uses it: envelopes checked, a dead session replaced and the
 * call retried exactly once, ACL refusals and exceptions turned into clear problems.
 */
import { z } from "zod";
import type { ThronConfig } from "../config.ts";
import { ProblemError } from "../core/problem.ts";
import type { ProviderHealth } from "../core/provider-health.ts";
import type { TokenSource } from "../core/token-source.ts";
import { badGateway, callUpstream, type UpstreamOptions, unavailable } from "../core/upstream.ts";
import type { ThronSession } from "./auth.ts";

const Envelope = z.looseObject({
  resultCode: z.string().nullish(),
  errorDescription: z.string().nullish(),
  ssoCode: z.string().nullish(),
});

const LocaleEntry = z.object({ locale: z.string(), name: z.string().nullish(), description: z.string().nullish() });
export const SearchItem = z.object({
  id: z.string(),
  contentType: z.string(),
  creationDate: z.string().optional(),
  /** Not THRON's: the BFF adds it from the content detail (search answers carry no duration). */
  durationMs: z.number().optional(),
  details: z
    .object({
      locales: z.array(LocaleEntry).optional(),
      source: z.object({ fileName: z.string().nullish(), extension: z.string().nullish() }).nullish(),
      imetadata: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
    })
    .optional(),
});
export type SearchItem = z.infer<typeof SearchItem>;
const SearchResponse = z.object({
  items: z.array(SearchItem).default([]),
  nextPageToken: z.string().nullish(),
  estimatedTotalResults: z.number().nullish(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

const DefinitionValue = z.object({ value: z.string(), lang: z.string().nullish(), label: z.string().nullish() });
export const Definition = z.object({
  key: z.string(),
  metadataType: z.string(),
  names: z.array(z.object({ lang: z.string(), label: z.string() })).default([]),
  visible: z.boolean().default(true),
  removed: z.boolean().default(false),
  options: z.record(z.string(), z.object({ values: z.array(DefinitionValue).default([]) }).nullish()).default({}),
});
export type Definition = z.infer<typeof Definition>;
const DefinitionsPage = z.object({ items: z.array(Definition).default([]) });

export const ContentDetail = z.object({
  content: z.object({
    id: z.string().optional(),
    contentType: z.string(),
    locales: z.array(LocaleEntry).default([]),
    deliveryInfo: z
      .array(
        z.object({
          channelType: z.string(),
          contentUrl: z.string(),
          sysMetadata: z.array(z.object({ name: z.string(), value: z.string().nullish() })).nullish(),
        }),
      )
      .default([]),
    deliverySize: z
      .object({ aspectRatio: z.string().nullish(), maxWidth: z.number().nullish(), maxHeight: z.number().nullish() })
      .nullish(),
    subtitlesUrls: z.array(z.object({ locale: z.string(), url: z.string() })).nullish(),
  }),
});
export type ContentDetail = z.infer<typeof ContentDetail>["content"];

const DEFINITIONS_PAGE = 50;
/** THRON allows at most 100 values a definition; a classification with more pages than this is misconfigured. */
const MAX_DEFINITION_PAGES = 20;

class SessionExpired extends Error {}

/** The content is not there, or the pKey does not open it: the same answer either way. */
export class ContentNotFound extends Error {}

/** Reads a legacy answer: OK payloads through, everything else a typed failure. */
async function readEnvelope<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  const body: unknown = await response.json().catch(() => null);
  const envelope = Envelope.safeParse(body).data;
  const code = envelope?.resultCode ?? undefined;
  if (response.status === 403) {
    if (envelope?.ssoCode === "SESSION_EXPIRED" || code === "SESSION_EXPIRED" || /session expired/i.test(envelope?.errorDescription ?? ""))
      throw new SessionExpired();
    throw new ProblemError(
      502,
      "thron-access-denied",
      "THRON denied access to this gallery's folder",
      "The THRON user the BFF impersonates has no read rights on the folder; ask the Content Manager to grant them.",
    );
  }
  if (response.status >= 500) throw unavailable("THRON", `THRON answered status ${response.status}.`);
  if (response.status === 418) throw badGateway("THRON", `THRON reported an exception (${code ?? "no code"}).`);
  if (response.status !== 200 || code !== "OK")
    throw badGateway("THRON", `THRON answered status ${response.status} with result ${code ?? "none"}.`);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badGateway("THRON", "THRON answered an unexpected shape.");
  return parsed.data;
}

export class ThronClient {
  constructor(
    readonly config: ThronConfig,
    readonly upstream: UpstreamOptions,
    readonly sessions: TokenSource<ThronSession>,
    readonly health: ProviderHealth,
  ) {}

  /** Runs `call` with a live session, tracked. */
  #withSession<R>(call: (session: ThronSession) => Promise<R>): Promise<R> {
    return this.health.track(() => this.#withRenewal(call));
  }

  /** A 403 Session Expired replaces the session and retries the call exactly once. */
  async #withRenewal<R>(call: (session: ThronSession) => Promise<R>): Promise<R> {
    const session = await this.sessions.get();
    try {
      return await call(session);
    } catch (error) {
      if (!(error instanceof SessionExpired)) throw error;
      this.sessions.invalidate(session);
      try {
        return await call(await this.sessions.get());
      } catch (retryError) {
        if (retryError instanceof SessionExpired)
          throw badGateway("THRON", "THRON reported the session expired again right after it was renewed.");
        throw retryError;
      }
    }
  }

  search(body: Record<string, unknown>): Promise<SearchResponse> {
    const url = `${this.config.apiUrl}/api/xcontents/resources/content/search/${encodeURIComponent(this.config.tenant)}`;
    return this.#withSession(async (session) => {
      const response = await callUpstream(
        this.upstream,
        () =>
          new Request(url, {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json", "x-tokenid": session.legacyToken },
            body: JSON.stringify(body),
          }),
        { idempotent: true, operation: "search" }, // a search is a read, even over POST
      );
      return readEnvelope(response, SearchResponse);
    });
  }

  /** Every definition of the classification, paged by offset until THRON answers an empty page. */
  listDefinitions(classificationId: string): Promise<Definition[]> {
    const path = `${this.config.apiUrl}/api/xintelligence/resources/imetadatadefinition/listGet/${encodeURIComponent(this.config.tenant)}/${encodeURIComponent(classificationId)}`;
    return this.#withSession(async (session) => {
      const all: Definition[] = [];
      for (let page = 0; page < MAX_DEFINITION_PAGES; page++) {
        const response = await callUpstream(
          this.upstream,
          () =>
            new Request(`${path}?offset=${page * DEFINITIONS_PAGE}&limit=${DEFINITIONS_PAGE}`, {
              headers: { accept: "application/json", "x-tokenid": session.legacyToken },
            }),
          { idempotent: true, operation: "definitions" },
        );
        const { items } = await readEnvelope(response, DefinitionsPage);
        all.push(...items);
        if (items.length < DEFINITIONS_PAGE) break;
      }
      return all;
    });
  }

  /**
   * One content's detail, authorised by the gallery's pKey: the pKey scopes the answer to the
   * gallery's folder, so an id from elsewhere is not found.
   */
  contentDetail(id: string, pkey: string, thronLang: string): Promise<ContentDetail> {
    const url = new URL(`${this.config.apiUrl}/api/xcontents/resources/delivery/getContentDetail`);
    url.search = new URLSearchParams({ clientId: this.config.tenant, xcontentId: id, locale: thronLang, pkey }).toString();
    return this.health.track(async () => {
      const response = await callUpstream(this.upstream, () => new Request(url, { headers: { accept: "application/json" } }), {
        idempotent: true,
        operation: "content-detail",
      });
      if (response.status === 404) throw new ContentNotFound(); // only here does a 404 mean "no such content"
      const { content } = await readEnvelope(response, ContentDetail).catch((error) => {
        // With a pKey, THRON's "access denied" means this content is not in the gallery.
        if (error instanceof ProblemError && error.slug === "thron-access-denied") throw new ContentNotFound();
        throw error;
      });
      return content;
    });
  }
}
