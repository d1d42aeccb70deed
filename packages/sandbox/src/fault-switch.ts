/**
 * The fault switch over HTTP (`/_admin/state`, `/_admin/faults/<upstream>`): it loops over the
 * simulated upstreams it is given, so a new one brings its own switch. The fields every upstream
 * has are in `Faults`; an upstream adds its own (THRON's account faults) with `switches`.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { Faults } from "./faults.ts";

/** A simulated upstream as the sandbox mounts it (under `/<id>`) and its fault switch sets it. */
export interface SimulatedUpstream {
  app: Hono;
  faults: Faults;
  stats?: unknown;
  settings?: unknown;
  /** The switch's fields only this upstream has, and what setting them does. */
  switches?: UpstreamSwitches;
}

export interface UpstreamSwitches {
  shape: z.ZodRawShape;
  apply(fields: Record<string, unknown>): void;
}

/** Where the sandbox says what its fault switch was set to (it is a test tool, and says so). */
export type SandboxLog = (message: string, fields: Record<string, unknown>) => void;

const COMMON = {
  latencyMs: z.number().int().min(0).max(60_000),
  errorRate: z.number().min(0).max(1),
  burst5xx: z.number().int().min(0).max(10_000),
  playerScriptDown: z.boolean(),
  playerNeverReady: z.boolean(),
};

/**
 * The fault switch answers only the sandbox's own pages and tools: a JSON body (which a
 * cross-site form or `text/plain` POST cannot send without a preflight nobody answers), and
 * no Origin or Sec-Fetch-Site from another site.
 */
const sameSiteOnly: MiddlewareHandler = async (c, next) => {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header("content-type") ?? ""))
    return c.json({ error: "the fault switch takes a JSON body (Content-Type: application/json)" }, 415);
  const origin = c.req.header("origin");
  const site = c.req.header("sec-fetch-site");
  if ((origin !== undefined && origin !== new URL(c.req.url).origin) || (site !== undefined && site !== "same-origin" && site !== "none"))
    return c.json({ error: "the fault switch is a test tool: it refuses requests from other sites" }, 403);
  await next();
};

/** Sets one upstream's faults from a JSON body: its common fields, then its own. */
function setFaults(id: string, upstream: SimulatedUpstream, log: SandboxLog | undefined) {
  const body = z.object({ ...COMMON, ...upstream.switches?.shape }).partial();
  return async (c: Context) => {
    const parsed = body.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    const fields = parsed.data as Record<string, unknown>;
    for (const key of Object.keys(COMMON)) if (fields[key] !== undefined) Object.assign(upstream.faults, { [key]: fields[key] });
    upstream.switches?.apply(fields);
    log?.("sandbox fault switch set (a test tool: the simulated upstreams now fail on purpose)", { provider: id, ...fields });
    return c.json({ [id]: { faults: upstream.faults, settings: upstream.settings } });
  };
}

/**
 * `/state` and `/faults/<id>` for each upstream; `/faults` alone sets the first (THRON, where the
 * switch began).
 */
export function faultSwitch(upstreams: ReadonlyMap<string, SimulatedUpstream>, log?: SandboxLog): Hono {
  const admin = new Hono();
  admin.get("/state", (c) =>
    c.json(Object.fromEntries([...upstreams].map(([id, { faults, stats, settings }]) => [id, { faults, stats, settings }]))),
  );
  admin.use("/faults", sameSiteOnly);
  admin.use("/faults/*", sameSiteOnly);
  const [first] = upstreams;
  if (first) admin.post("/faults", setFaults(first[0], first[1], log));
  for (const [id, upstream] of upstreams) admin.post(`/faults/${id}`, setFaults(id, upstream, log));
  return admin;
}
