/** Property-based fuzzing of every route in /openapi.json against the real app and the sandbox (`pnpm fuzz` runs it longer). */
import { describe, it } from "node:test";
import { formatReport, fuzzTheApp } from "./fuzz/run.ts";

describe("fuzzing the API from its OpenAPI description", () => {
  it("hostile parameters, headers and bodies get 4xx problems: no 5xx, nothing reflected outside JSON", async (t) => {
    const report = await fuzzTheApp({ runs: 1_000 });
    t.diagnostic(formatReport("no faults", report));
  });

  it("with the sandbox failing a fifth of upstream calls, the only 5xx are 502/503/504 problems", async (t) => {
    const report = await fuzzTheApp({ runs: 400, faultRate: 0.2 });
    t.diagnostic(formatReport("20% upstream faults", report));
  });
});
