/**
 * THRON's legacy API host: content search and metadata definitions (xintelligence, offset
 * paging until items come back empty). Every POST has a GET twin taking ?param=<JSON>.
 */
import type { Context, Hono } from "hono";
import { legacySession } from "./auth-routes.ts";
import { CLASSIFICATION_ID, type Content } from "./catalogue.ts";
import { accessDenied, failure, ok } from "./envelope.ts";
import { AccessDenied, runSearch, type SearchBody, SearchError } from "./search.ts";
import { folderOf, mayViewClassification, prettyName, THRON_SANDBOX, type ThronState, visibleFolders } from "./state.ts";

const parseJson = (text: string | undefined): SearchBody | null => {
  try {
    return text ? (JSON.parse(text) as SearchBody) : null;
  } catch {
    return null;
  }
};

/** One search result as THRON answers it, with only the detail fields asked for. */
function searchItem(
  state: ThronState,
  content: Content,
  fields: Set<string>,
  thumbs: NonNullable<SearchBody["responseOptions"]>["thumbsOptions"],
) {
  return {
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
    thumbs: (thumbs ?? []).map((t) => ({
      id: t.id,
      url: `${state.protocolRelativeCdn}/delivery/public/thumbnail/${THRON_SANDBOX.tenant}/${content.id}/${folderOf(state, content)?.pkey}/std/${t.divArea}/${prettyName(content)}?v=1`,
    })),
  };
}

function search(c: Context, state: ThronState, body: SearchBody | null) {
  state.stats.searches++;
  const auth = legacySession(c, state);
  if (auth.response) return auth.response;
  if (c.req.param("tenant") !== THRON_SANDBOX.tenant) return failure(c, "INVALID_CLIENTID", "Unknown client");
  if (!body || typeof body !== "object") return failure(c, "INVALID_ARGUMENTS", "Invalid request body");
  try {
    const result = runSearch(state.catalogue, body, visibleFolders(state, auth.session));
    const fields = new Set(body.responseOptions?.returnDetailsFields ?? []);
    // Metadata and tags only reach a user allowed to see their classification.
    if (!mayViewClassification(state, auth.session, CLASSIFICATION_ID)) for (const field of ["imetadata", "itags"]) fields.delete(field);
    const thumbs = body.responseOptions?.thumbsOptions;
    return ok(c, {
      items: result.items.map((content) => searchItem(state, content, fields, thumbs)),
      nextPageToken: result.nextPageToken,
      estimatedTotalResults: result.estimatedTotalResults,
    });
  } catch (error) {
    if (error instanceof AccessDenied) return accessDenied(c);
    if (error instanceof SearchError) return failure(c, "INVALID_ARGUMENTS", error.message);
    throw error;
  }
}

function listDefinitions(c: Context, state: ThronState, offset: number, limit: number, keys: string[] | undefined) {
  state.stats.definitionLists++;
  const auth = legacySession(c, state);
  if (auth.response) return auth.response;
  if (c.req.param("tenant") !== THRON_SANDBOX.tenant) return failure(c, "INVALID_CLIENTID", "Unknown client");
  if (c.req.param("classificationId") !== CLASSIFICATION_ID) return failure(c, "CLASSIFICATION_NOT_FOUND", "Classification not found");
  // Validated against THRON_CLASS_<id>_VIEWER; THRON refuses with a bare 403.
  if (!mayViewClassification(state, auth.session, CLASSIFICATION_ID)) return accessDenied(c);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 50)
    return failure(c, "INVALID_ARGUMENTS", "offset must be ≥ 0 and limit between 1 and 50");
  const matching = state.catalogue.definitions.filter((d) => !keys?.length || keys.includes(d.key));
  const items = matching.slice(offset, offset + Math.min(limit, state.settings.definitionsPageCap)).map((d) => {
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
}

export function mountSearch(app: Hono, state: ThronState): void {
  app.post("/api/xcontents/resources/content/search/:tenant", async (c) => search(c, state, parseJson(await c.req.text())));
  app.get("/api/xcontents/resources/content/search/:tenant", (c) => search(c, state, parseJson(c.req.query("param"))));
  const definitionsPath = "/api/xintelligence/resources/imetadatadefinition";
  app.get(`${definitionsPath}/listGet/:tenant/:classificationId`, (c) =>
    listDefinitions(c, state, Number(c.req.query("offset") ?? 0), Number(c.req.query("limit") ?? 50), undefined),
  );
  app.post(`${definitionsPath}/list/:tenant/:classificationId`, async (c) => {
    const body = (parseJson(await c.req.text()) ?? {}) as { criteria?: { keys?: string[] }; offset?: number; limit?: number };
    return listDefinitions(c, state, body.offset ?? 0, body.limit ?? 50, body.criteria?.keys);
  });
}
