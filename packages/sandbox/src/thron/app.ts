/**
 * The simulated THRON: auth host, legacy API host and delivery CDN in one Hono app.
 * Paths, bodies, envelopes and status codes follow shared/upstreams/thron.md.
 */
import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import { type Faults, faultMiddleware, noFaults } from "../faults.ts";
import { hash32 } from "../prng.ts";
import { buildCatalogue, CLASSIFICATION_ID, type Content, FOLDERS, folderTree, SANDBOX_TENANT } from "./catalogue.ts";
import { accessDenied, exception, failure, ok, sessionEnded } from "./envelope.ts";
import { byteRange, renderImage, renderPdf, renderVtt, resolveSize } from "./media.ts";
import { playerScript } from "./player-script.ts";
import { SAMPLE_M3U8, SAMPLE_MP3_BASE64, SAMPLE_MP4_BASE64, SAMPLE_TS_BASE64 } from "./sample-media.ts";
import { AccessDenied, runSearch, type SearchBody, SearchError } from "./search.ts";
import { type Session, SessionStore } from "./sessions.ts";

/** The sandbox's fixed identities; the BFF's sandbox mode configures itself with them. */
export const THRON_SANDBOX = {
  tenant: SANDBOX_TENANT,
  clientId: "embedkit-sandbox-app",
  clientSecret: "sbx-secret-5a0e8f2d91c34b7e",
  username: "embedkit-demo",
  /** A user that exists but has rights on no folder. */
  userWithoutRights: "embedkit-no-rights",
  folderId: FOLDERS.demo.id,
  pkey: FOLDERS.demo.pkey,
  restrictedFolderId: FOLDERS.restricted.id,
  restrictedPkey: FOLDERS.restricted.pkey,
  sportFolderId: FOLDERS.demoSport.id,
  sportPkey: FOLDERS.demoSport.pkey,
  classificationId: CLASSIFICATION_ID,
  filterKeys: ["season", "topic"],
} as const;

export interface ThronSandboxOptions {
  /** Public URL at which this app's delivery paths are reachable, e.g. `http://127.0.0.1:8790/thron`. */
  cdnBaseUrl: string;
  /** Access-token lifetime; THRON's is 28800 s, tests use seconds. */
  tokenLifetimeSeconds?: number;
  /** An idle legacy session's life; THRON's help centre gives 60 minutes, renewed by each use. */
  legacySessionSeconds?: number;
  /** The clock sessions are measured with (tests move it). */
  now?: () => number;
}

/**
 * Faults that plant a misconfigured THRON account, as an operator meets them (and `pnpm doctor`
 * must name): every field off by default.
 */
export interface ThronAccountFaults {
  /** The token endpoint refuses the client secret, as after the secret was rotated in THRON. */
  rejectClientSecret: boolean;
  /** The impersonated user has lost its read rights on every folder. */
  revokeFolderRights: boolean;
  /** The impersonated user lacks THRON_CLASS_<classificationId>_VIEWER: no definitions, no metadata. */
  revokeViewerRole: boolean;
}

export const noAccountFaults = (): ThronAccountFaults => ({
  rejectClientSecret: false,
  revokeFolderRights: false,
  revokeViewerRole: false,
});

export interface ThronSandboxStats {
  tokenRequests: number;
  tokenRequestsByGrant: Record<string, number>;
  legacyTokenRequests: number;
  searches: number;
  definitionLists: number;
  contentDetails: number;
  deliveries: number;
}

const newStats = (): ThronSandboxStats => ({
  tokenRequests: 0,
  tokenRequestsByGrant: {},
  legacyTokenRequests: 0,
  searches: 0,
  definitionLists: 0,
  contentDetails: 0,
  deliveries: 0,
});

const USER_RIGHTS: Record<string, string[]> = {
  [THRON_SANDBOX.username]: [FOLDERS.demo.id],
  [THRON_SANDBOX.userWithoutRights]: [],
};
/** Users holding THRON_CLASS_<id>_VIEWER, by classification. */
const VIEWER_ROLES: Record<string, string[]> = { [THRON_SANDBOX.username]: [CLASSIFICATION_ID] };

const IMPERSONATION = "urn:thron:oauth:user-impersonation";
const DELIVERY_CHANNELS = {
  video: ["WEB", "WEBHD", "WEBFULLHD", "STREAMHTTPIOS", "STREAMHTTPIOSHD"],
  audio: ["WEB"],
  document: ["WEB", "WEBDOC"],
} as const;
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const SAMPLE_MP4 = fromBase64(SAMPLE_MP4_BASE64);
const SAMPLE_TS = fromBase64(SAMPLE_TS_BASE64);
const SAMPLE_MP3 = fromBase64(SAMPLE_MP3_BASE64);
const MIME = { video: "video/mp4", audio: "audio/mpeg", document: "application/pdf" } as const;
const IMAGE_CACHE_LIMIT = 256;

/**
 * THRON's detail answers vary from content to content: some URLs protocol-relative like thumbs,
 * some entries without `contentUrl`, old channels with nothing to play. Spread by content id.
 */
export type DeliveryQuirk = "none" | "protocol-relative" | "missing-url" | "legacy-channel";
export const deliveryQuirk = (content: Pick<Content, "id">): DeliveryQuirk =>
  (["none", "protocol-relative", "missing-url", "legacy-channel"] as const)[hash32(`quirk:${content.id}`) % 4] ?? "none";

export function createThronSandbox(options: ThronSandboxOptions) {
  const catalogue = buildCatalogue();
  const faults: Faults & ThronAccountFaults = { ...noFaults(), ...noAccountFaults() };
  const settings = {
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 28_800,
    legacySessionSeconds: options.legacySessionSeconds ?? 3_600,
    /** Dead sessions as a 418 envelope with an ssoCode instead of THRON's bare 403. */
    sessionErrorsAsEnvelope: false,
    /** Definitions per page at most, whatever `limit` asks: a short page is not the end. */
    definitionsPageCap: 50,
  };
  const sessions = new SessionStore(
    { accessSeconds: () => settings.tokenLifetimeSeconds, legacyIdleSeconds: () => settings.legacySessionSeconds },
    options.now,
  );
  const stats = newStats();
  const images = new Map<string, Uint8Array>();
  const cdn = options.cdnBaseUrl.replace(/\/$/, "");
  const protocolRelativeCdn = cdn.replace(/^https?:/, "");

  /** Folders a session may read: an impersonated user's rights; client credentials see none. */
  const visibleFolders = (session: Session) => {
    const ids = new Set<string>();
    if (session.grant !== "user-impersonation") return ids;
    if (faults.revokeFolderRights) return ids;
    for (const root of USER_RIGHTS[session.sub] ?? []) for (const id of folderTree(catalogue, root, true)) ids.add(id);
    return ids;
  };
  const folderOf = (content: Content) => catalogue.folders.find((f) => f.id === content.folderId);
  /** A folder's pKey opens its sub-folders too, as the gallery shows them with `cascade`. */
  const pkeyOpens = (content: Content, pkey: string | undefined) =>
    !!pkey && catalogue.folders.some((f) => f.pkey === pkey && folderTree(catalogue, f.id, true).has(content.folderId));
  const prettyName = (content: Content) => content.fileName.replace(/\.[^.]+$/, "");
  const mayViewClassification = (session: Session, classificationId: string) =>
    session.grant === "user-impersonation" && !faults.revokeViewerRole && !!VIEWER_ROLES[session.sub]?.includes(classificationId);

  const app = new Hono();
  app.use("/api/*", faultMiddleware(faults, exception));
  // What the Player and the browser fetch from any page: delivery, content detail, the script.
  for (const path of ["/delivery/*", "/shared/*", "/api/xcontents/resources/delivery/*"]) app.use(path, cors());

  // ---- OAuth 2 (auth host) ----
  app.post("/api/v1/authentication/oauth2/token", async (c) => {
    stats.tokenRequests++;
    if (!c.req.header("content-type")?.includes("application/x-www-form-urlencoded"))
      return c.json({ error: "invalid_request", error_description: "form-encoded body expected" }, 400);
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
    const grant = field("grant_type");
    stats.tokenRequestsByGrant[grant] = (stats.tokenRequestsByGrant[grant] ?? 0) + 1;
    if (field("client_id") !== THRON_SANDBOX.clientId)
      return c.json({ error: "invalid_client", error_description: "Client authentication failed" }, 401);
    if (grant === "refresh_token") {
      const tokens = await sessions.refresh(field("refresh_token"), field("client_id"));
      return tokens ? c.json(tokens) : c.json({ error: "invalid_grant", error_description: "Invalid refresh token" }, 400);
    }
    if (field("client_secret") !== THRON_SANDBOX.clientSecret || faults.rejectClientSecret)
      return c.json({ error: "invalid_client", error_description: "Client authentication failed" }, 401);
    if (grant === "client_credentials") return c.json(await sessions.issue(field("client_id"), field("client_id"), "client_credentials"));
    if (grant === IMPERSONATION) {
      const subject = field("subject");
      if (!(subject in USER_RIGHTS)) return c.json({ error: "invalid_grant", error_description: `Unknown subject ${subject}` }, 400);
      return c.json(await sessions.issue(subject, field("client_id"), "user-impersonation"));
    }
    return c.json({ error: "unsupported_grant_type", error_description: `grant_type ${grant} is not supported` }, 400);
  });

  app.get("/api/v1/authentication/token/legacy", async (c) => {
    stats.legacyTokenRequests++;
    const check = await sessions.checkBearer(c.req.header("authorization"));
    if (!check.ok) return sessionDead(c, check.reason);
    return c.json({ token: sessions.legacyTokenFor(check.session) });
  });

  const sessionDead = (c: Context, reason: "expired" | "unknown") =>
    sessionEnded(c, reason === "expired" ? "SESSION_EXPIRED" : "AUTHENTICATION_ERROR", settings.sessionErrorsAsEnvelope);

  /** Resolves X-TOKENID to a live session, or answers as THRON does. */
  const legacySession = (c: Context) => {
    const check = sessions.checkLegacy(c.req.header("x-tokenid"));
    if (check.ok) return { session: check.session };
    return { response: sessionDead(c, check.reason) };
  };

  // ---- content search (legacy API host); every POST has a GET twin taking ?param=<JSON> ----
  const search = (c: Context, body: SearchBody | null) => {
    stats.searches++;
    const auth = legacySession(c);
    if (auth.response) return auth.response;
    if (c.req.param("tenant") !== THRON_SANDBOX.tenant) return failure(c, "INVALID_CLIENTID", "Unknown client");
    if (!body || typeof body !== "object") return failure(c, "INVALID_ARGUMENTS", "Invalid request body");
    try {
      const result = runSearch(catalogue, body, visibleFolders(auth.session));
      const fields = new Set(body.responseOptions?.returnDetailsFields ?? []);
      // Metadata and tags only reach a user allowed to see their classification.
      if (!mayViewClassification(auth.session, CLASSIFICATION_ID)) for (const field of ["imetadata", "itags"]) fields.delete(field);
      const thumbs = body.responseOptions?.thumbsOptions ?? [];
      return ok(c, {
        items: result.items.map((content) => ({
          id: content.id,
          contentType: content.contentType,
          creationDate: content.creationDate,
          details: {
            ...(fields.has("locales") && { locales: content.locales }),
            ...(fields.has("source") && { source: { fileName: content.fileName, extension: content.extension } }),
            ...(fields.has("availableChannels") && { availableChannels: content.availableChannels }),
            ...(fields.has("imetadata") && { imetadata: content.imetadata }),
            ...(fields.has("itags") && { itags: content.itags }),
          },
          thumbs: thumbs.map((t) => ({
            id: t.id,
            url: `${protocolRelativeCdn}/delivery/public/thumbnail/${THRON_SANDBOX.tenant}/${content.id}/${folderOf(content)?.pkey}/std/${t.divArea}/${prettyName(content)}?v=1`,
          })),
        })),
        nextPageToken: result.nextPageToken,
        estimatedTotalResults: result.estimatedTotalResults,
      });
    } catch (error) {
      if (error instanceof AccessDenied) return accessDenied(c);
      if (error instanceof SearchError) return failure(c, "INVALID_ARGUMENTS", error.message);
      throw error;
    }
  };
  const parseJson = (text: string | undefined): SearchBody | null => {
    try {
      return text ? (JSON.parse(text) as SearchBody) : null;
    } catch {
      return null;
    }
  };
  app.post("/api/xcontents/resources/content/search/:tenant", async (c) => search(c, parseJson(await c.req.text())));
  app.get("/api/xcontents/resources/content/search/:tenant", (c) => search(c, parseJson(c.req.query("param"))));

  // ---- metadata definitions (xintelligence); offset paging until items come back empty ----
  const listDefinitions = (c: Context, offset: number, limit: number, keys: string[] | undefined) => {
    stats.definitionLists++;
    const auth = legacySession(c);
    if (auth.response) return auth.response;
    if (c.req.param("tenant") !== THRON_SANDBOX.tenant) return failure(c, "INVALID_CLIENTID", "Unknown client");
    if (c.req.param("classificationId") !== CLASSIFICATION_ID) return failure(c, "CLASSIFICATION_NOT_FOUND", "Classification not found");
    // Validated against THRON_CLASS_<id>_VIEWER; THRON refuses with a bare 403.
    if (!mayViewClassification(auth.session, CLASSIFICATION_ID)) return accessDenied(c);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 50)
      return failure(c, "INVALID_ARGUMENTS", "offset must be ≥ 0 and limit between 1 and 50");
    const matching = catalogue.definitions.filter((d) => !keys?.length || keys.includes(d.key));
    const items = matching.slice(offset, offset + Math.min(limit, settings.definitionsPageCap)).map((d) => {
      const values = d.values.flatMap((v) => Object.entries(v.labels).map(([lang, label]) => ({ value: v.value, lang, label })));
      const optionKey = d.metadataType === "ALTERNATIVE_S" ? "alternativeSOption" : "alternativeMOption";
      return {
        id: d.id,
        key: d.key,
        metadataType: d.metadataType,
        names: d.names,
        visible: d.visible,
        removed: d.removed,
        options: { [optionKey]: { fieldType: d.fieldType, values } },
      };
    });
    return ok(c, { items });
  };
  const definitionsPath = "/api/xintelligence/resources/imetadatadefinition";
  app.get(`${definitionsPath}/listGet/:tenant/:classificationId`, (c) =>
    listDefinitions(c, Number(c.req.query("offset") ?? 0), Number(c.req.query("limit") ?? 50), undefined),
  );
  app.post(`${definitionsPath}/list/:tenant/:classificationId`, async (c) => {
    const body = (parseJson(await c.req.text()) ?? {}) as { criteria?: { keys?: string[] }; offset?: number; limit?: number };
    return listDefinitions(c, body.offset ?? 0, body.limit ?? 50, body.criteria?.keys);
  });

  // ---- content detail (authorised by X-TOKENID or by the pkey) ----
  app.get("/api/xcontents/resources/delivery/getContentDetail", async (c) => {
    stats.contentDetails++;
    const content = catalogue.byId.get(c.req.query("xcontentId") ?? "");
    if (c.req.query("clientId") !== THRON_SANDBOX.tenant) return failure(c, "INVALID_CLIENTID", "Unknown client");
    const pkey = c.req.query("pkey");
    let allowed = false;
    if (pkey) allowed = !!content && pkeyOpens(content, pkey);
    else {
      const auth = legacySession(c);
      if (auth.response) return auth.response;
      allowed = !!content && visibleFolders(auth.session).has(content.folderId);
    }
    // A pKey that does not open the content reads as "not found" (SDK doc of JDelivery).
    if (!content || (pkey && !allowed)) return failure(c, "CONTENT_NOT_FOUND", "Content not found");
    if (!allowed) return accessDenied(c);
    return ok(c, { content: contentDetail(content) });
  });

  const contentDetail = (content: Content) => {
    const folder = folderOf(content);
    const base = `${cdn}/delivery/public`;
    const name = prettyName(content);
    const sysMetadata = content.durationMs !== undefined ? [{ name: "Durationms", value: String(content.durationMs) }] : [];
    const kind = { IMAGE: "image", VIDEO: "video", AUDIO: "audio", OTHER: "document" }[content.contentType];
    const quirk = deliveryQuirk(content);
    const last = content.availableChannels.length - 1;
    const deliveryInfo: { channelType: string; contentUrl?: string; sysMetadata: typeof sysMetadata }[] = content.availableChannels.map(
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
    if (quirk === "legacy-channel") deliveryInfo.push({ channelType: "STREAMHTTPFLASH", sysMetadata: [] });
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const divisor = gcd(content.width, content.height);
    return {
      id: content.id,
      contentType: content.contentType,
      locales: content.locales,
      deliveryInfo,
      ...(content.contentType === "IMAGE" && {
        deliverySize: {
          aspectRatio: `${content.width / divisor}:${content.height / divisor}`,
          maxWidth: content.width,
          maxHeight: content.height,
        },
      }),
      dynThumbService: `${cdn}/delivery/public/thumbnail/${THRON_SANDBOX.tenant}/${content.id}/${folder?.pkey}/std`,
      subtitlesUrls: content.subtitles
        ? [{ locale: "EN", url: `${base}/subtitles/${THRON_SANDBOX.tenant}/${content.id}/${folder?.pkey}/EN.vtt` }]
        : [],
    };
  };

  // ---- public delivery (CDN host): no token, the pkey is in the path ----
  /** The content at :id, if :pkey is the pkey of its folder. */
  const delivered = (tenant: string, id: string, pkey: string) => {
    stats.deliveries++;
    const content = catalogue.byId.get(id);
    if (tenant !== THRON_SANDBOX.tenant || !content || !pkeyOpens(content, pkey)) return null;
    return content;
  };
  app.get("/delivery/public/:kind{image|thumbnail}/:tenant/:id/:pkey/std/:area/:name", async (c) => {
    const content = delivered(c.req.param("tenant"), c.req.param("id"), c.req.param("pkey"));
    if (!content) return c.text("Not Found", 404);
    if (c.req.param("kind") === "image" && content.contentType !== "IMAGE") return c.text("Not Found", 404);
    const size = resolveSize(content, c.req.param("area"));
    if (!size) return c.text("Bad Request", 400);
    const key = `${content.id}/${size.width}x${size.height}`;
    let png = images.get(key);
    if (!png) {
      png = await renderImage(content, size.width, size.height);
      if (images.size >= IMAGE_CACHE_LIMIT) images.delete(images.keys().next().value as string);
      images.set(key, png);
    }
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "image/png",
      "cache-control": "public, max-age=86400",
    });
  });
  app.get("/delivery/public/:kind{video|audio|document}/:tenant/:id/:pkey/:channel/:name", (c) => {
    const kind = c.req.param("kind") as keyof typeof DELIVERY_CHANNELS;
    const content = delivered(c.req.param("tenant"), c.req.param("id"), c.req.param("pkey"));
    const expected = { video: "VIDEO", audio: "AUDIO", document: "OTHER" }[kind];
    if (!content || content.contentType !== expected) return c.text("Not Found", 404);
    const channel = c.req.param("channel");
    if (!(DELIVERY_CHANNELS[kind] as readonly string[]).includes(channel)) return c.text("Not Found", 404);
    const name = c.req.param("name");
    let body: Uint8Array;
    let type: string = MIME[kind];
    if (kind === "video" && channel.startsWith("STREAMHTTPIOS")) {
      // HLS: the playlist names one segment, resolved next to it.
      if (name.endsWith(".m3u8")) [body, type] = [new TextEncoder().encode(SAMPLE_M3U8), "application/vnd.apple.mpegurl"];
      else if (name === "segment0.ts") [body, type] = [SAMPLE_TS, "video/mp2t"];
      else return c.text("Not Found", 404);
    } else if (kind === "video") body = SAMPLE_MP4;
    else if (kind === "audio") body = SAMPLE_MP3;
    else body = renderPdf(content.locales[0]?.name ?? content.fileName);
    return byteRange(c.req.header("range"), body, { "content-type": type, "cache-control": "public, max-age=86400" });
  });

  app.get("/delivery/public/subtitles/:tenant/:id/:pkey/:file{[A-Z]{2}\\.vtt}", (c) => {
    const content = delivered(c.req.param("tenant"), c.req.param("id"), c.req.param("pkey"));
    if (!content?.subtitles) return c.text("Not Found", 404);
    return c.body(renderVtt(content), 200, { "content-type": "text/vtt; charset=utf-8" });
  });

  app.get("/shared/ce/bootstrap/1/scripts/embeds-min.js", (c) =>
    faults.playerScriptDown
      ? c.text("Service Unavailable", 503)
      : // Revalidated on every load, so the fault switch applies even where a browser loaded it before.
        c.body(playerScript({ silent: faults.playerNeverReady }), 200, {
          "content-type": "text/javascript; charset=utf-8",
          "cache-control": "no-cache",
        }),
  );

  return {
    app,
    faults,
    stats,
    settings,
    catalogue,
    /** Every session issued so far now answers 403 Session Expired. */
    expireSessions: () => sessions.expireAll(),
    /** Every access, refresh and legacy token issued so far. */
    issuedTokens: sessions.issuedTokens as ReadonlySet<string>,
    /** Every refresh token issued so far is refused from now on. */
    revokeRefreshTokens: () => sessions.revokeRefreshTokens(),
    resetStats: () => Object.assign(stats, newStats()),
  };
}

export type ThronSandbox = ReturnType<typeof createThronSandbox>;
