/** Property-based fuzzing of every route in /openapi.json against the real app and the sandbox (`pnpm fuzz` runs it longer). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatReport, fuzzTheApp } from "./fuzz/run.ts";

describe("fuzzing the API from its OpenAPI description", () => {
  it("hostile parameters, headers and bodies get 4xx problems: no 5xx, nothing reflected outside JSON", async (t) => {
    const report = await fuzzTheApp({ runs: 1_000 });
    t.diagnostic(formatReport("no faults", report));
  });

  it("server-rendered elements write hostile attribute text back escaped, never as markup or a running script", async (t) => {
    const report = await fuzzTheApp({ runs: 200, focus: { under: "/v1/render/", oneHostileText: true } });
    t.diagnostic(formatReport("render route", report));
    assert.ok((report.statuses["200"] ?? 0) > 50, "most requests rendered");
  });

  it("with the sandbox failing a fifth of upstream calls, the only 5xx are 502/503/504 problems", async (t) => {
    const report = await fuzzTheApp({ runs: 400, faultRate: 0.2 });
    t.diagnostic(formatReport("20% upstream faults", report));
  });
});
