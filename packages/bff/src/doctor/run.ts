/**
 * `pnpm doctor`: walks every configured provider with the BFF's own configuration and prints
 * one line per step. In sandbox mode the calls go to the simulated upstreams in process.
 */
import { type Config, ownConfig } from "../config.ts";
import { checkupFor, formatStep, prober, type Step } from "../providers/checkup.ts";
import type { FetchLike } from "../upstream/call.ts";

export interface DoctorOptions {
  fetch: FetchLike;
  /** Each finished line (a step, with its cause and fix when it failed). */
  write: (text: string) => void;
  /** Every configured secret: a line holding one is written with it blanked, whatever went wrong. */
  secrets: readonly string[];
  timeoutMs?: number;
}

/** Runs every check; true when no step failed. */
export async function runDoctor(config: Config, options: DoctorOptions): Promise<{ ok: boolean; steps: Step[] }> {
  const probe = prober(options.fetch, options.timeoutMs ?? 10_000);
  const secrets = options.secrets.filter((s) => s.length >= 6);
  const steps: Step[] = [];
  const record = (step: Step) => {
    steps.push(step);
    let line = formatStep(step);
    for (const secret of secrets) line = line.split(secret).join("[redacted]");
    options.write(line);
  };
  options.write(
    config.sandbox
      ? "Sandbox mode: checking the simulated upstreams in process (its `restricted` gallery is a planted fault: a folder the sandbox user may not read).\n"
      : "Checking the live services with this configuration.\n",
  );
  for (const module of config.providers) {
    const report = checkupFor(module.name, record);
    const own = ownConfig(config, module);
    if (!own) report.skip("configuration", "not configured");
    else if (module.doctor) await module.doctor(own, probe, report);
    else report.skip("checks", "this provider has none");
  }
  const failed = steps.filter((s) => s.status === "fail").length;
  options.write(failed === 0 ? "\nAll checks passed." : `\n${failed} check${failed === 1 ? "" : "s"} failed.`);
  return { ok: failed === 0, steps };
}
