/**
 * The simulated THRON's state, shared by its route modules: the tenant's fixed identities, the
 * catalogue, sessions, the fault switch and its settings, counters, and who may read what.
 */
import { type Faults, noFaults } from "../faults.ts";
import { buildCatalogue, CLASSIFICATION_ID, type Content, FOLDERS, folderTree, SANDBOX_TENANT } from "./catalogue.ts";
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

export const newStats = (): ThronSandboxStats => ({
  tokenRequests: 0,
  tokenRequestsByGrant: {},
  legacyTokenRequests: 0,
  searches: 0,
  definitionLists: 0,
  contentDetails: 0,
  deliveries: 0,
});

/** Folders each user has read rights on (their sub-folders included). */
export const USER_RIGHTS: Record<string, string[]> = {
  [THRON_SANDBOX.username]: [FOLDERS.demo.id],
  [THRON_SANDBOX.userWithoutRights]: [],
};
/** Users holding THRON_CLASS_<id>_VIEWER, by classification. */
const VIEWER_ROLES: Record<string, string[]> = { [THRON_SANDBOX.username]: [CLASSIFICATION_ID] };

export function createThronState(options: ThronSandboxOptions) {
  const settings = {
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 28_800,
    legacySessionSeconds: options.legacySessionSeconds ?? 3_600,
    /** Dead sessions as a 418 envelope with an ssoCode instead of THRON's bare 403. */
    sessionErrorsAsEnvelope: false,
    /** Definitions per page at most, whatever `limit` asks: a short page is not the end. */
    definitionsPageCap: 50,
  };
  const cdn = options.cdnBaseUrl.replace(/\/$/, "");
  return {
    catalogue: buildCatalogue(),
    faults: { ...noFaults(), ...noAccountFaults() } as Faults & ThronAccountFaults,
    settings,
    sessions: new SessionStore(
      { accessSeconds: () => settings.tokenLifetimeSeconds, legacyIdleSeconds: () => settings.legacySessionSeconds },
      options.now,
    ),
    stats: newStats(),
    cdn,
    protocolRelativeCdn: cdn.replace(/^https?:/, ""),
  };
}

export type ThronState = ReturnType<typeof createThronState>;

/** Folders a session may read: an impersonated user's rights; client credentials see none. */
export function visibleFolders(state: ThronState, session: Session): Set<string> {
  const ids = new Set<string>();
  if (session.grant !== "user-impersonation" || state.faults.revokeFolderRights) return ids;
  for (const root of USER_RIGHTS[session.sub] ?? []) for (const id of folderTree(state.catalogue, root, true)) ids.add(id);
  return ids;
}

export const folderOf = (state: ThronState, content: Content) => state.catalogue.folders.find((f) => f.id === content.folderId);

/** A folder's pKey opens its sub-folders too, as the gallery shows them with `cascade`. */
export const pkeyOpens = (state: ThronState, content: Content, pkey: string | undefined) =>
  !!pkey && state.catalogue.folders.some((f) => f.pkey === pkey && folderTree(state.catalogue, f.id, true).has(content.folderId));

export const prettyName = (content: Content) => content.fileName.replace(/\.[^.]+$/, "");

export const mayViewClassification = (state: ThronState, session: Session, classificationId: string) =>
  session.grant === "user-impersonation" && !state.faults.revokeViewerRole && !!VIEWER_ROLES[session.sub]?.includes(classificationId);
