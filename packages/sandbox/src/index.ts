/**
 * The sandbox: simulated upstreams mounted under one Hono app. The BFF mounts it in sandbox
 * mode; `pnpm sandbox` serves it alone; tests create it in-process.
 */
import { Hono } from "hono";
import { z } from "zod";
import { createThronSandbox } from "./thron/app.ts";

export { pngSize } from "./png.ts";
export { THRON_SANDBOX, type ThronSandbox, type ThronSandboxStats } from "./thron/app.ts";
export { CLASSIFICATION_ID, FOLDERS, RESTRICTED_CONTENTS, VISIBLE_CONTENTS } from "./thron/catalogue.ts";

export interface SandboxOptions {
  /** Public URL where this app is reachable, e.g. `http://127.0.0.1:8790` or `https://bff.example/_sandbox`. */
  baseUrl: string;
  thron?: { tokenLifetimeSeconds?: number };
}

const FaultsBody = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    burst5xx: z.number().int().min(0).max(10_000),
    playerScriptDown: z.boolean(),
    expireSessions: z.boolean(),
    tokenLifetimeSeconds: z.number().int().min(1).max(86_400),
  })
  .partial();

export function createSandbox(options: SandboxOptions) {
  const base = options.baseUrl.replace(/\/$/, "");
  const thron = createThronSandbox({ cdnBaseUrl: `${base}/thron`, ...options.thron });

  const app = new Hono();
  app.route("/thron", thron.app);

  // The fault switch over HTTP; it exists only where the sandbox itself is mounted.
  app.get("/_admin/state", (c) => c.json({ thron: { faults: thron.faults, stats: thron.stats, settings: thron.settings } }));
  app.post("/_admin/faults", async (c) => {
    const parsed = FaultsBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    const { expireSessions, tokenLifetimeSeconds, ...faults } = parsed.data;
    Object.assign(thron.faults, faults);
    if (tokenLifetimeSeconds) thron.settings.tokenLifetimeSeconds = tokenLifetimeSeconds;
    if (expireSessions) thron.expireSessions();
    return c.json({ thron: { faults: thron.faults, settings: thron.settings } });
  });

  return { app, thron, urls: { thron: `${base}/thron` } };
}

export type Sandbox = ReturnType<typeof createSandbox>;
