/**
 * A BFF with a real THRON configuration (not sandbox mode) that speaks to the simulator as to
 * THRON: the one builder the THRON tests share. A test watches or replaces THRON's answers
 * through `answer`; every request the BFF sent THRON is kept.
 */
import { createSandbox } from "@embedkit/sandbox";
import { type AppDeps, createApp } from "../src/app.ts";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { thronSimulatorEnv } from "./helpers.ts";

/** Where the simulated THRON answers (its hosts under `/thron`). */
export const SIMULATED_THRON = "https://thron.simulated";
export const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const BFF = "https://bff.example";

/** The simulator's answer to a request. */
export type Simulator = (request: Request) => Promise<Response>;

export interface SimulatedThronOptions {
  /** Over the simulator tenant's configuration. */
  env?: Record<string, string>;
  /** Answers a call to THRON itself; undefined lets the simulator answer. */
  answer?: (request: Request, simulator: Simulator) => Response | undefined | Promise<Response | undefined>;
  /** A simulator shared with other BFFs, or one on a clock of the test's. */
  sandbox?: ReturnType<typeof createSandbox>;
  deps?: Partial<AppDeps>;
}

export function simulatedThronBff({ env = {}, answer = () => undefined, sandbox, deps = {} }: SimulatedThronOptions = {}) {
  const simulated = sandbox ?? createSandbox({ baseUrl: SIMULATED_THRON });
  const config = loadConfig({ ...thronSimulatorEnv(`${SIMULATED_THRON}/thron`), METRICS_TOKEN, ...env });
  const simulator: Simulator = async (request) => simulated.app.fetch(request);
  const sent: Request[] = [];
  const { app } = createApp(config, {
    publicUrl: BFF,
    logSink: () => {},
    metrics: createPrometheusMetrics,
    ...deps,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      return (await answer(request, simulator)) ?? simulator(request);
    },
  });
  const get = (path: string, init?: RequestInit) => app.request(`${BFF}${path}`, init);
  const metrics = async () => (await get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  /** The requests sent to THRON whose URL contains `part`. */
  const sentTo = (part: string) => sent.filter((request) => request.url.includes(part));
  return { app, sandbox: simulated, thron: simulated.thron, get, metrics, sent, sentTo };
}
