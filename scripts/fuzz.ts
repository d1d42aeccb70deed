/**
 * `pnpm fuzz`: the suite's property-based fuzzer (packages/bff/test/fuzz.test.ts), run longer.
 * FUZZ_RUNS requests without faults, a tenth as many at the render route with hostile attribute
 * text that gets past validation, then a quarter as many with the sandbox failing a fifth of
 * upstream calls; FUZZ_SEED replays a run. Prints the requests sent and the statuses answered.
 */
import { formatReport, fuzzTheApp } from "../packages/bff/test/fuzz/run.ts";

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

console.log(formatReport("no faults", await fuzzTheApp({ runs, ...(seed !== undefined && { seed }) })));
const render = { under: "/v1/render/", oneHostileText: true } as const;
console.log(
  formatReport("render route", await fuzzTheApp({ runs: Math.ceil(runs / 10), focus: render, ...(seed !== undefined && { seed }) })),
);
console.log(
  formatReport("20% upstream faults", await fuzzTheApp({ runs: Math.ceil(runs / 4), faultRate: 0.2, ...(seed !== undefined && { seed }) })),
);
