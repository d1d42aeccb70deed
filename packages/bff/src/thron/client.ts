/**
 * THRON's legacy API as the BFF uses it: envelopes checked, a dead session replaced and the
 * call retried exactly once, ACL refusals and exceptions turned into clear problems.
 */
import type { z } from "zod";
import { ProblemError } from "../core/problem.ts";
import { badGateway, callUpstream, UpstreamError, type UpstreamOptions, unavailable } from "../upstream/call.ts";
import type { ProviderHealth } from "../upstream/health.ts";
import { withRenewal } from "../upstream/token-source.ts";
import { ContentDetail, Definition, DefinitionsPage, Envelope, type SearchItem, SearchResponse } from "./answers.ts";
import type { ThronSession, ThronSessions } from "./auth.ts";
import type { ThronConfig } from "./config.ts";
import type { ThronSearchBody } from "./search-body.ts";

export type { ContentDetail, Definition, SearchItem, SearchResponse };

const DEFINITIONS_PAGE = 50;
/** THRON allows at most 100 values a definition; a classification with more pages than this is misconfigured. */
const MAX_DEFINITION_PAGES = 20;

/**
 * The legacy API refused the session: any 403 (THRON sends it bare, text/plain, so "Session
 * Expired" and "Access Denied" look alike), or an `ssoCode` saying the session is gone.
 * Renew and retry once; a 403 that survives the retry is "access denied".
 */
class SessionRefused extends Error {
  constructor(readonly bareStatus: boolean) {
    // Stryker disable next-line StringLiteral: never seen: every SessionRefused is caught (withRenewal turns it into the denial or a 502, a detail into not found)
    super("THRON refused the session");
  }
}

/** THRON said ACCESS_DENIED in its envelope: no renewal will change that. */
class AccessDenied extends Error {}

/** An error answer with a result code (418 and the envelope, or a 200 that is not OK). */
class ResultCodeError extends UpstreamError {
  constructor(
    readonly code: string | undefined,
    detail: string,
  ) {
    super(502, "upstream-error", "THRON answered with an error", detail);
  }
}

/** The content is not there, or the pKey does not open it: the same answer either way. */
export class ContentNotFound extends Error {}

const SESSION_GONE = new Set(["SESSION_EXPIRED", "AUTHENTICATION_ERROR"]);

/** Reads a legacy answer: OK payloads through, everything else a typed failure. */
async function readEnvelope<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  // Stryker disable next-line ArrowFunction: a body that is not JSON read as undefined or as null is no envelope and no payload alike
  const body: unknown = await response.json().catch(() => null);
  const envelope = Envelope.safeParse(body).data;
  const code = envelope?.resultCode ?? undefined;
  // Stryker disable next-line StringLiteral: a missing code stands for any name that is not a session code: every such name reads alike
  if (SESSION_GONE.has(envelope?.ssoCode ?? "") || SESSION_GONE.has(code ?? "")) throw new SessionRefused(false);
  if (response.status === 403) throw new SessionRefused(true);
  if (code === "ACCESS_DENIED" || envelope?.ssoCode === "ACCESS_DENIED") throw new AccessDenied();
  if (response.status >= 500) throw unavailable("THRON", `THRON answered status ${response.status}.`);
  if (response.status === 418 && (code ?? "EXCEPTION") === "EXCEPTION")
    throw new ResultCodeError(code, "THRON reported an exception (EXCEPTION).");
  if (response.status !== 200 || code !== "OK")
    throw new ResultCodeError(code, `THRON answered status ${response.status} with result ${code ?? "none"}.`);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badGateway("THRON", "THRON answered an unexpected shape.");
  return parsed.data;
}

const folderDenied = () =>
  new ProblemError(
    502,
    "thron-access-denied",
    "THRON denied access to this gallery's folder",
    "The THRON user the BFF impersonates has no read rights on the folder; ask the Content Manager to grant them.",
  );

/** The requests the BFF sends THRON's API (the doctor sends the same). */
export const thronRequests = {
  search(config: Pick<ThronConfig, "apiUrl" | "tenant">, legacyToken: string, body: ThronSearchBody): Request {
    return new Request(`${config.apiUrl}/api/xcontents/resources/content/search/${encodeURIComponent(config.tenant)}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-tokenid": legacyToken },
      body: JSON.stringify(body),
    });
  },
  definitionsPage(config: Pick<ThronConfig, "apiUrl" | "tenant">, classificationId: string, legacyToken: string, offset: number): Request {
    const path = `${config.apiUrl}/api/xintelligence/resources/imetadatadefinition/listGet/${encodeURIComponent(config.tenant)}/${encodeURIComponent(classificationId)}`;
    return new Request(`${path}?offset=${offset}&limit=${DEFINITIONS_PAGE}`, {
      headers: { accept: "application/json", "x-tokenid": legacyToken },
    });
  },
  /** Authorised by the gallery's pKey, not by a session. */
  contentDetail(config: Pick<ThronConfig, "apiUrl" | "tenant">, id: string, pkey: string, thronLang: string): Request {
    const url = new URL(`${config.apiUrl}/api/xcontents/resources/delivery/getContentDetail`);
    url.search = new URLSearchParams({ clientId: config.tenant, xcontentId: id, locale: thronLang, pkey }).toString();
    return new Request(url, { headers: { accept: "application/json" } });
  },
};

/** The role THRON checks before it lists a classification's definitions (SDK doc of listGet). */
export const viewerRole = (classificationId: string) => `THRON_CLASS_${classificationId}_VIEWER`;

/** How long a folder THRON denied is refused without asking (a denial costs a call, a renewal and a retry). */
const DENIAL_MEMORY_MS = 60_000;

export class ThronClient {
  /** Folders THRON denied the BFF's user, and until when that is taken as the answer. */
  readonly #deniedUntil = new Map<string, number>();

  constructor(
    readonly config: ThronConfig,
    readonly upstream: UpstreamOptions,
    readonly sessions: ThronSessions,
    readonly health: ProviderHealth,
    readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `call` with a live session, tracked. A refused session is renewed (a new legacy token,
   * a new JWT if that is dead too) and the call retried exactly once; `denied` names what a
   * refusal that survives the retry means for this call.
   */
  #withSession<R>(call: (session: ThronSession) => Promise<R>, denied: () => Error): Promise<R> {
    return this.health.track(() =>
      withRenewal(
        this.sessions,
        call,
        (error) => error instanceof SessionRefused,
        // A bare 403 that survives a new session is THRON's "access denied".
        (error) =>
          (error as SessionRefused).bareStatus
            ? denied()
            : badGateway("THRON", "THRON refused the session again right after it was renewed."),
      ).catch((error: unknown) => {
        throw error instanceof AccessDenied ? denied() : error;
      }),
    );
  }

  /** A search in `folderId` (the gallery's folder, where a denial is remembered for a minute). */
  async search(body: ThronSearchBody, folderId: string): Promise<SearchResponse> {
    if ((this.#deniedUntil.get(folderId) ?? 0) > this.now()) throw folderDenied();
    // Stryker disable next-line CallExpression: a lapsed denial left in the map answers the same (its time is past; the next denial overwrites it)
    this.#deniedUntil.delete(folderId);
    return this.#withSession(
      async (session) => {
        const response = await callUpstream(
          this.upstream,
          () => thronRequests.search(this.config, session.legacyToken, body),
          { idempotent: true, operation: "search" }, // a search is a read, even over POST
        );
        return readEnvelope(response, SearchResponse);
      },
      () => {
        this.#deniedUntil.set(folderId, this.now() + DENIAL_MEMORY_MS);
        return folderDenied();
      },
    );
  }

  /**
   * Every definition of the classification, paged by offset until THRON answers an empty page
   * (a short page is not the end). Without the viewer role it throws MissingViewerRole (the
   * gallery still works without filters; an empty list is not an answer to cache), and /health
   * and one log line name the role to grant.
   */
  async listDefinitions(classificationId: string): Promise<Definition[]> {
    const role = viewerRole(classificationId);
    // Stryker disable next-line StringLiteral: the one problem THRON's health is ever told, for the one configured classification: any key holds it alike
    const problemKey = `thron:viewer-role:${classificationId}`;
    try {
      const definitions = await this.#withSession(
        async (session) => {
          const byId = new Map<string, Definition>();
          let offset = 0;
          for (let page = 0; page < MAX_DEFINITION_PAGES; page++) {
            const response = await callUpstream(
              this.upstream,
              () => thronRequests.definitionsPage(this.config, classificationId, session.legacyToken, offset),
              { idempotent: true, operation: "definitions" },
            );
            const items = (await readEnvelope(response, DefinitionsPage)).items ?? [];
            if (items.length === 0) break;
            for (const item of items) {
              const definition = Definition.safeParse(item).data;
              if (definition) byId.set(definition.id ?? definition.key, definition);
            }
            // Advance by what came back: a server that caps its pages skips nothing.
            offset += items.length;
          }
          return [...byId.values()];
        },
        () => new MissingViewerRole(),
      );
      this.health.resolve(problemKey);
      return definitions;
    } catch (error) {
      if (!(error instanceof MissingViewerRole)) throw error;
      const fix = `ask the THRON Content Manager to grant ${role} to that user.`;
      this.health.report(
        problemKey,
        `THRON: the BFF's user lacks the role ${role}, so gallery filters are empty; ${fix}`,
        `THRON: the user ${this.config.username} lacks the role ${role}, so gallery filters are empty; ${fix}`,
      );
      throw error;
    }
  }

  /**
   * One content's detail, authorised by the gallery's pKey: the pKey scopes the answer to the
   * gallery's folder, so an id from elsewhere is not found (THRON: 418 CONTENT_NOT_FOUND).
   */
  contentDetail(id: string, pkey: string, thronLang: string): Promise<ContentDetail> {
    return this.health.track(async () => {
      const response = await callUpstream(this.upstream, () => thronRequests.contentDetail(this.config, id, pkey, thronLang), {
        idempotent: true,
        operation: "content-detail",
      });
      if (response.status === 404) throw new ContentNotFound();
      const { content } = await readEnvelope(response, ContentDetail).catch((error) => {
        // No session is involved here: a refusal means the pKey does not open this content.
        if (error instanceof SessionRefused || error instanceof AccessDenied) throw new ContentNotFound();
        if (error instanceof ResultCodeError && error.code === "CONTENT_NOT_FOUND") throw new ContentNotFound();
        throw error;
      });
      return content;
    });
  }
}

/** The user may not read the classification's definitions: no filters, and nothing to cache. */
export class MissingViewerRole extends Error {}
