/**
 * Property-based fuzzing of every route in /openapi.json against the real app and the sandbox.
 * `pnpm fuzz` runs it longer: FUZZ_RUNS requests without faults (1,000 here), a fifth as many at
 * the render route, two fifths as many with faults; FUZZ_SEED replays a run.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatReport, fuzzTheApp } from "./fuzz/run.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const seed = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };

describe("fuzzing the API from its OpenAPI description", () => {
  it("hostile parameters, headers and bodies get 4xx problems: no 5xx, nothing reflected outside JSON", async (t) => {
    const report = await fuzzTheApp({ runs: RUNS, ...seed });
    t.diagnostic(formatReport("no faults", report));
  });

  it("server-rendered elements write hostile attribute text back escaped, never as markup or a running script", async (t) => {
    const report = await fuzzTheApp({ runs: Math.ceil(RUNS / 5), focus: { under: "/v1/render/", oneHostileText: true }, ...seed });
    t.diagnostic(formatReport("render route", report));
    assert.ok((report.statuses["200"] ?? 0) > RUNS / 20, "most requests rendered");
  });

  it("with the sandbox failing a fifth of upstream calls, the only 5xx are 502/503/504 problems", async (t) => {
    const report = await fuzzTheApp({ runs: Math.ceil((RUNS * 2) / 5), faultRate: 0.2, ...seed });
    t.diagnostic(formatReport("20% upstream faults", report));
  });
});
