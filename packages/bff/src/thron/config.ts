/** THRON's settings: its environment variables, what they parse to. */
import { z } from "zod";
import { envVar, httpUrl, list, type VarValues } from "../core/env-vars.ts";

const GalleryName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const Gallery = z.object({ folderId: z.string().min(1), pkey: z.string().min(1), filterKeys: z.array(z.string().min(1)).default([]) });
export type GalleryConfig = z.output<typeof Gallery>;
const GalleriesJson = z.record(GalleryName, Gallery);

/** By name; a Map, so a name such as `constructor` or `__proto__` is only ever an unknown gallery. */
const galleries = z.string().transform((text, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    ctx.issues.push({ code: "custom", input: text, message: "THRON_GALLERIES is not valid JSON" });
    return z.NEVER;
  }
  const result = GalleriesJson.safeParse(parsed);
  if (result.success) return new Map(Object.entries(result.data));
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ");
  ctx.issues.push({ code: "custom", input: text, message: `THRON_GALLERIES: ${issues}` });
  return z.NEVER;
});

const hostOverride = (env: string, doc: string, host: string) =>
  envVar({ env, doc, unset: `https://$THRON_TENANT${host}` }, httpUrl(`${env} must be an http(s) URL`).optional());

export const THRON_VARS = {
  tenant: envVar(
    {
      env: "THRON_TENANT",
      doc: "THRON subdomain: `acme` → acme.thron.com, acme-view.thron.com, acme-cdn.thron.com.",
      credential: true,
    },
    z
      .string()
      .regex(/^[a-z0-9-]+$/i, "THRON_TENANT must be the THRON subdomain, such as acme")
      .default(""),
  ),
  clientId: envVar({ env: "THRON_CLIENT_ID", doc: "Client id of the JWT external app.", credential: true }, z.string().default("")),
  clientSecret: envVar(
    { env: "THRON_CLIENT_SECRET", doc: "Client secret of the JWT external app.", credential: true, secret: true },
    z.string().default(""),
  ),
  username: envVar(
    { env: "THRON_USERNAME", doc: "The dedicated user the BFF impersonates (read rights on the folders).", credential: true },
    z.string().default(""),
  ),
  authUrl: hostOverride("THRON_AUTH_URL", "OAuth host override.", ".thron.com"),
  apiUrl: hostOverride("THRON_API_URL", "Legacy API host override.", "-view.thron.com"),
  cdnUrl: hostOverride("THRON_CDN_URL", "Delivery and player host override.", "-cdn.thron.com"),
  folderId: envVar({ env: "THRON_FOLDER_ID", doc: "Folder (category) of the `default` gallery." }, z.string().optional()),
  pkey: envVar({ env: "THRON_PKEY", doc: "That folder's pKey (player sessId, public delivery URLs)." }, z.string().optional()),
  classificationId: envVar(
    { env: "THRON_CLASSIFICATION_ID", doc: "Classification of the metadata definitions used as filters." },
    z.string().nullable().default(null),
  ),
  filterKeys: envVar(
    { env: "THRON_FILTER_KEYS", doc: "Comma list of metadata keys offered as filters in the `default` gallery." },
    z
      .string()
      .transform(list)
      .default(() => []),
  ),
  galleries: envVar(
    { env: "THRON_GALLERIES", doc: 'JSON for more galleries: `{"<name>": {"folderId", "pkey", "filterKeys": […]}}`.' },
    galleries.default(() => new Map()),
  ),
};

/** THRON's configuration from its variables; what holds only across several of them is checked here. */
export function thronConfig(vars: VarValues<typeof THRON_VARS>, problems: string[]) {
  const { tenant, folderId, pkey, filterKeys, ...rest } = vars;
  const galleries = new Map(vars.galleries);
  if (folderId || pkey) {
    if (!folderId || !pkey)
      problems.push(`set both THRON_FOLDER_ID and THRON_PKEY (missing ${folderId ? "THRON_PKEY" : "THRON_FOLDER_ID"})`);
    else galleries.set("default", { folderId, pkey, filterKeys });
  }
  if (galleries.size === 0) problems.push("THRON needs a gallery: set THRON_FOLDER_ID and THRON_PKEY, or THRON_GALLERIES");
  if (!vars.classificationId && [...galleries.values()].some((g) => g.filterKeys.length > 0))
    problems.push("filter keys are set but THRON_CLASSIFICATION_ID is missing");
  return {
    ...rest,
    tenant,
    authUrl: rest.authUrl ?? `https://${tenant}.thron.com`,
    apiUrl: rest.apiUrl ?? `https://${tenant}-view.thron.com`,
    cdnUrl: rest.cdnUrl ?? `https://${tenant}-cdn.thron.com`,
    galleries: galleries as ReadonlyMap<string, GalleryConfig>,
  };
}

export type ThronConfig = ReturnType<typeof thronConfig>;
