/**
 * The sandbox: simulated upstreams mounted under one Hono app. The BFF mounts it in sandbox
 * mode; `pnpm sandbox` serves it alone; tests create it in-process.
 */
import { Hono } from "hono";
import { faultSwitch, type SandboxLog, type SimulatedUpstream } from "./fault-switch.ts";
import { createThronSandbox, type ThronSandbox } from "./thron/app.ts";
import { createThroughLineSandbox, type ThroughLineSandbox } from "./throughline/app.ts";
import { createThunderSandbox, type ThunderSandbox } from "./thunder/app.ts";

export { faultSwitch, type SandboxLog, type SimulatedUpstream, type UpstreamSwitches } from "./fault-switch.ts";
export { type Faults, faultMiddleware, noFaults } from "./faults.ts";
export { pngSize } from "./png.ts";
export { createThronSandbox, deliveryQuirk, THRON_SANDBOX, type ThronSandbox, type ThronSandboxStats } from "./thron/app.ts";
export { CLASSIFICATION_ID, FOLDERS, RESTRICTED_CONTENTS, VISIBLE_CONTENTS } from "./thron/catalogue.ts";
export { createThroughLineSandbox, THROUGHLINE_SANDBOX, type ThroughLineSandbox } from "./throughline/app.ts";
export { createThunderSandbox, THUNDER_SANDBOX, type ThunderSandbox } from "./thunder/app.ts";
export { type VerifiedLaunch, verifyLaunchUrl } from "./thunder/verify-launch-url.ts";

export interface SandboxOptions {
  /** Public URL where this app is reachable, e.g. `http://127.0.0.1:8790` or `https://bff.example/_sandbox`. */
  baseUrl: string;
  thron?: { tokenLifetimeSeconds?: number; legacySessionSeconds?: number };
  /** The clock THRON sessions and ThroughLine's hours and rate are measured with (tests move it). */
  now?: () => number;
  thunder?: { defaultMinutes?: number };
  throughline?: { tokenLifetimeSeconds?: number; dailyQuota?: number; now?: () => number };
  /** Where the sandbox says what its fault switch was set to (it is a test tool, and says so). */
  log?: SandboxLog;
}

export function createSandbox(options: SandboxOptions) {
  const urls = sandboxUrls(options.baseUrl);
  const thron = createThronSandbox({ cdnBaseUrl: urls.thron, ...options.thron, ...(options.now && { now: options.now }) });
  const thunder = createThunderSandbox(options.thunder);
  const throughline = createThroughLineSandbox({ ...(options.now && { now: options.now }), ...options.throughline });
  const upstreams = new Map<string, SimulatedUpstream>([
    ["thron", thron],
    ["thunder", thunder],
    ["throughline", throughline],
  ]);
  return Object.assign(sandboxOf(upstreams, options.log), { urls });
}

/**
 * A sandbox over `upstreams` (by id): each mounted under `/<id>`, the fault switch over HTTP
 * under `/_admin` (it exists only where the sandbox itself is mounted), and the vendors this
 * package simulates, typed, for tests and the demo (one not among `upstreams` throws when asked
 * for). The BFF's sandbox mode builds one over its providers' simulators.
 */
export function sandboxOf(upstreams: ReadonlyMap<string, SimulatedUpstream>, log?: SandboxLog) {
  const app = new Hono();
  for (const [id, upstream] of upstreams) app.route(`/${id}`, upstream.app);
  app.route("/_admin", faultSwitch(upstreams, log));
  const vendor = <T extends SimulatedUpstream>(id: string): T => {
    const upstream = upstreams.get(id);
    if (!upstream) throw new Error(`this sandbox simulates no ${id}`);
    return upstream as T; // what create<Vendor>Sandbox returned, put under its id
  };
  return {
    app,
    upstreams,
    get thron() {
      return vendor<ThronSandbox>("thron");
    },
    get thunder() {
      return vendor<ThunderSandbox>("thunder");
    },
    get throughline() {
      return vendor<ThroughLineSandbox>("throughline");
    },
  };
}

export type SimulatedSandbox = ReturnType<typeof sandboxOf>;

/** Where each simulated upstream answers under `baseUrl`: the one place that knows the sandbox's paths. */
export function sandboxUrls(baseUrl: string) {
  const base = baseUrl.replace(/\/$/, "");
  return {
    thron: `${base}/thron`,
    thunder: `${base}/thunder/sso/RESTSSOServices.svc`,
    /** Hub Pro's lookup URL, `{guid}` where the saved URL's GUID goes. */
    thunderHubLookup: `${base}/thunder/hub/{guid}`,
    throughlineToken: `${base}/throughline/oauth/token`,
    throughlineApi: `${base}/throughline/v2`,
    throughlineEvents: `${base}/throughline/v1/events`,
  };
}

export type SandboxUrls = ReturnType<typeof sandboxUrls>;

export type Sandbox = ReturnType<typeof createSandbox>;
