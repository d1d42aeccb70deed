/** The app's answer to what it cannot route or failed to answer (http/errors.ts). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Problem } from "@embedkit/contracts";
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ProblemError } from "../src/core/problem.ts";
import { ASSETS, sandboxBff } from "./helpers.ts";

/** A BFF whose own middleware (the integrator's, AppDeps.middleware) throws `error` on every request. */
function throwing(error: unknown) {
  const fail: MiddlewareHandler = async () => {
    throw error;
  };
  return sandboxBff({}, { middleware: [fail] });
}

const lines = (logs: string[]) => logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe("errors as problems", () => {
  it("answers unknown routes with a 404 problem", async () => {
    const response = await sandboxBff().get("/v2/anything");
    assert.equal(response.status, 404);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    const problem = Problem.parse(await response.json());
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      ["https://embedkit.dev/problems/not-found", "Not found", "No route for GET /v2/anything."],
    );
  });

  it("answers an unexpected exception with a 500 problem that names no cause, and logs the cause with the request id", async () => {
    const bff = throwing(new Error("db password is hunter2"));
    const response = await bff.get(ASSETS, { headers: { "x-request-id": "req-500" } });
    assert.equal(response.status, 500);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    const text = await response.text();
    assert.doesNotMatch(text, /hunter2/, "the cause stays in the log");
    const problem = Problem.parse(JSON.parse(text));
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      ["https://embedkit.dev/problems/internal", "Internal error", "The BFF failed to answer; the request id is in the logs."],
    );
    const logged = lines(bff.logs).find((line) => line.message === "unhandled error");
    assert.deepEqual([logged?.level, logged?.requestId, logged?.error], ["error", "req-500", "Error: db password is hunter2"]);
    const request = lines(bff.logs).find((line) => line.message === "request");
    assert.deepEqual([request?.level, request?.status], ["error", 500], "the failed request is logged as an error too");
  });

  it("answers a framework's refusal of the request (an HTTPException below 500) as the client's problem, with its status", async () => {
    const bff = throwing(new HTTPException(401, { message: "Unauthorized" }));
    const response = await bff.get(ASSETS);
    assert.equal(response.status, 401);
    const problem = Problem.parse(await response.json());
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      ["https://embedkit.dev/problems/invalid-request", "Invalid request", "Unauthorized"],
    );
    assert.ok(!lines(bff.logs).some((line) => line.message === "unhandled error"), "not our failure: no error line");
  });

  it("does not take a framework's own failure (an HTTPException of 500) for the client's", async () => {
    const response = await throwing(new HTTPException(500, { message: "broken" })).get(ASSETS);
    assert.equal(response.status, 500);
    assert.equal(Problem.parse(await response.json()).title, "Internal error");
  });

  it("keeps our own problems' status and headers, and logs those of 500 and above as warnings", async () => {
    const outage = throwing(new ProblemError(503, "upstream-unavailable", "THRON is unavailable", "down", {}, { "retry-after": "7" }));
    const response = await outage.get(ASSETS, { headers: { "x-request-id": "req-503" } });
    assert.deepEqual([response.status, response.headers.get("retry-after")], [503, "7"]);
    const warned = lines(outage.logs).find((line) => line.message === "THRON is unavailable");
    assert.deepEqual([warned?.level, warned?.requestId, warned?.status, warned?.detail], ["warn", "req-503", 503, "down"]);

    const internal = throwing(new ProblemError(500, "internal", "Token store broken"));
    assert.equal((await internal.get(ASSETS)).status, 500);
    assert.ok(
      lines(internal.logs).some((line) => line.level === "warn" && line.message === "Token store broken"),
      "500 itself is logged",
    );

    const refused = throwing(new ProblemError(409, "conflict", "Conflict", "no"));
    assert.equal((await refused.get(ASSETS)).status, 409);
    assert.ok(!lines(refused.logs).some((line) => line.level === "warn"), "a client's problem is not a warning");
  });

  it("answers a request invalid in two ways with one problem naming both fields, never stored by a cache", async () => {
    const response = await sandboxBff().get("/v1/throughline/helplines?country=ZZZ&limit=0");
    assert.equal(response.status, 400);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const problem = Problem.parse(await response.json());
    assert.equal(problem.type, "https://embedkit.dev/problems/invalid-request");
    assert.equal(problem.title, "Invalid request");
    assert.equal(problem.instance, "/v1/throughline/helplines");
    assert.equal(problem.detail, "country: must be an ISO 3166 country code such as US; limit: Too small: expected number to be >=1");
  });

  it("answers 504 when the request's time budget is spent, not a moment before, while THRON has still not answered", async (t) => {
    // The clock stands still unless the test moves it; the BFF checks it on its own, several times a 100 ms.
    t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
    const start = Date.now();
    const bff = sandboxBff({}, { upstreamTimeoutMs: 2_500, deadlineMs: 1_000 });
    bff.thron.faults.latencyMs = 3_000;
    let answered: Response | undefined;
    const pending = Promise.resolve(bff.get(`${ASSETS}?limit=2`)).then((response) => (answered = response));
    await sleep(250);
    assert.equal(answered, undefined, "no time has passed: still waiting");
    t.mock.timers.setTime(start + 999);
    await sleep(250);
    assert.equal(answered, undefined, "999 ms in: still waiting");
    t.mock.timers.setTime(start + 1_000);
    const response = await Promise.race([pending, sleep(1_500).then(() => undefined)]);
    assert.equal(response?.status, 504, "answered at 1000 ms, before THRON does");
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    const problem = Problem.parse(await response.json());
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      ["https://embedkit.dev/problems/upstream-timeout", "The upstream services did not answer in time", "No answer within 1000 ms."],
    );
  });

  it("arms one timer for the time budgets of all requests, not one more per request", async (t) => {
    const bff = sandboxBff({}, { deadlineMs: 1_000 });
    const armed = t.mock.method(globalThis, "setInterval");
    const sweepers = () => armed.mock.calls.filter((call) => call.arguments[1] === 100).length; // a tenth of the budget
    for (let i = 0; i < 5; i++) assert.equal((await bff.get(`${ASSETS}?limit=2`)).status, 200);
    assert.equal(sweepers(), 1);
  });

  it("tells a page loading the elements from a BFF started without their bundle how to build it: a 503 problem, not a 404", async () => {
    const response = await sandboxBff().get("/components.js");
    assert.equal(response.status, 503);
    assert.equal(response.headers.get("content-type"), "application/problem+json");
    const problem = Problem.parse(await response.json());
    assert.deepEqual(
      [problem.type, problem.title, problem.detail],
      ["https://embedkit.dev/problems/bundle-missing", "The elements' bundle is not built", "Run `pnpm build` before starting the BFF."],
    );
  });

  it("documents each problem answer in /openapi.json as application/problem+json of the Problem schema", async () => {
    const spec = await (await sandboxBff().get("/openapi.json")).json();
    assert.deepEqual(spec.paths["/v1/throughline/helplines"].get.responses["400"], {
      description: "Invalid request",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
  });
});
