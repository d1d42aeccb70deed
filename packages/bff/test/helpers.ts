/** A BFF in sandbox mode, in-process, with its log lines captured: what the tests drive. */
import { type AppDeps, createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";

export const PUBLIC_URL = "http://bff.test";

export function sandboxBff(env: Record<string, string> = {}, deps: Partial<AppDeps> = {}) {
  const logs: string[] = [];
  const config = loadConfig({ BFF_SANDBOX: "1", ...env }, { publicUrl: PUBLIC_URL });
  const built = createApp(config, { publicUrl: PUBLIC_URL, logSink: (line) => logs.push(line), ...deps });
  const sandbox = built.sandbox;
  if (!sandbox) throw new Error("expected sandbox mode");
  const get = (path: string, init?: RequestInit) => built.app.request(`${PUBLIC_URL}${path}`, init);
  return { ...built, sandbox, thron: sandbox.thron, config, logs, get };
}

export const ASSETS = "/v1/thron/galleries/default/assets";
