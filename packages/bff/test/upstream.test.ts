import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Problem } from "@embedkit/contracts";
import { createSandbox } from "@embedkit/sandbox";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { createApp } from "../src/app.ts";
import { problemBody } from "../src/core/problem.ts";
import { createPrometheusMetrics } from "../src/core/prometheus.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { answerError, callUpstream, type FetchLike, UpstreamError } from "../src/upstream/call.ts";
import { Pacer } from "../src/upstream/pacer.ts";
import { MemoryCounterStore } from "../src/upstream/quota.ts";
import { manualClock } from "./clock.ts";
import { thronSimulatorEnv } from "./helpers.ts";

/** An upstream that answers each call with the next of `statuses` (the last one repeats), counting calls. */
function upstream(...statuses: number[]) {
  let calls = 0;
  const fetch: FetchLike = async () => {
    const status = statuses[Math.min(calls++, statuses.length - 1)] as number;
    return new Response(status >= 400 ? "secret stack trace at upstream.internal" : "ok", { status });
  };
  return { options: { name: "Vendor", fetch, timeoutMs: 1_000 }, calls: () => calls };
}
const get = () => new Request("https://vendor.example/api");

describe("callUpstream", () => {
  it("tries a read once more after a 5xx and answers the second try", async () => {
    const vendor = upstream(503, 200);
    const response = await callUpstream(vendor.options, get, { idempotent: true });
    assert.deepEqual([response.status, vendor.calls()], [200, 2]);
    const failing = upstream(500, 200);
    assert.equal((await callUpstream(failing.options, get, { idempotent: true })).status, 200, "a 500 is a 5xx too");
    assert.equal(failing.calls(), 2);
  });

  it("waits a moment before trying again", async () => {
    const at: number[] = [];
    const fetch: FetchLike = async () => {
      at.push(Date.now());
      return new Response(null, { status: at.length === 1 ? 503 : 200 });
    };
    await callUpstream({ name: "Vendor", fetch, timeoutMs: 1_000 }, get, { idempotent: true });
    assert.ok((at[1] as number) - (at[0] as number) >= 49, `${(at[1] as number) - (at[0] as number)} ms between the tries`);
  });

  it("tries a read at most twice", async () => {
    const vendor = upstream(503);
    const response = await callUpstream(vendor.options, get, { idempotent: true });
    assert.deepEqual([response.status, vendor.calls()], [503, 2]);
  });

  it("sends a call that is not safe to repeat once, and never retries a 4xx", async () => {
    const launch = upstream(503, 200);
    assert.equal((await callUpstream(launch.options, get, { idempotent: false })).status, 503);
    assert.equal(launch.calls(), 1);
    const refused = upstream(404, 200);
    assert.equal((await callUpstream(refused.options, get, { idempotent: true })).status, 404);
    assert.equal(refused.calls(), 1);
  });

  it("gives up on an upstream that does not answer in time with a 504 naming it", async () => {
    let calls = 0;
    const silent: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        calls++;
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    // AbortSignal.timeout() does not keep Node running; a real socket would.
    const keepAlive = setTimeout(() => {}, 10_000);
    const error = await callUpstream({ name: "Vendor", fetch: silent, timeoutMs: 20 }, get, { idempotent: false })
      .catch((e) => e)
      .finally(() => clearTimeout(keepAlive));
    assert.ok(error instanceof UpstreamError);
    assert.deepEqual(
      [error.status, error.title, error.detail, calls],
      [504, "Vendor did not answer in time", "No answer within 20 ms.", 1],
    );
  });

  it("turns a failed connection into a 503 that carries nothing of the failure", async () => {
    const broken: FetchLike = async () => {
      throw new TypeError("fetch failed: connect ECONNREFUSED https://user:secret@vendor.internal");
    };
    const error = await callUpstream({ name: "Vendor", fetch: broken, timeoutMs: 1_000 }, get, { idempotent: true }).catch((e) => e);
    assert.ok(error instanceof UpstreamError);
    assert.deepEqual([error.status, error.title, error.detail], [503, "Vendor is unavailable", "The connection failed."]);
    assert.doesNotMatch(JSON.stringify(error), /secret|ECONNREFUSED/);
  });
});

describe("callUpstream's failures as a client sees them", () => {
  const failing = (error: unknown) =>
    callUpstream({ name: "Vendor", fetch: () => Promise.reject(error), timeoutMs: 1_000 }, get, { idempotent: false }).then(
      () => assert.fail("expected a failure"),
      (e) => problemBody(e),
    );

  it("answers an aborted call as a timeout (504) and any other failure as the upstream being unavailable (503)", async () => {
    const aborted = await failing(new DOMException("The operation was aborted.", "AbortError"));
    assert.deepEqual(
      [aborted.status, aborted.type, aborted.title],
      [504, "https://embedkit.dev/problems/upstream-timeout", "Vendor did not answer in time"],
    );
    const network = await failing(new DOMException("Network failure", "NetworkError"));
    assert.deepEqual([network.status, network.type], [503, "https://embedkit.dev/problems/upstream-unavailable"]);
  });

  it("names an upstream's 5xx 'unavailable' and its other errors 'answered with an error', each with its own type", () => {
    const outage = problemBody(answerError("Vendor", 500, "d"));
    assert.deepEqual(
      [outage.status, outage.type, outage.title],
      [503, "https://embedkit.dev/problems/upstream-unavailable", "Vendor is unavailable"],
    );
    const refused = problemBody(answerError("Vendor", 404, "d"));
    assert.deepEqual(
      [refused.status, refused.type, refused.title],
      [502, "https://embedkit.dev/problems/upstream-error", "Vendor answered with an error"],
    );
  });
});

describe("callUpstream in the metrics", () => {
  it("counts each call by outcome (a 500 a server error, a 400 a client error) and times it in seconds", async (t) => {
    let clock = 10_000;
    t.mock.method(performance, "now", () => clock);
    const metrics = createPrometheusMetrics();
    const fetch: FetchLike = async (input) => {
      clock += 20;
      return new Response(null, {
        status: Number(new URL(String(input instanceof Request ? input.url : input)).searchParams.get("status")),
      });
    };
    for (const status of [200, 400, 500]) {
      await callUpstream(
        { name: "Vendor", fetch, timeoutMs: 1_000, metrics },
        () => new Request(`https://vendor.example/api?status=${status}`),
        {
          idempotent: false,
        },
      );
    }
    type Family = { name: string; metrics: { value?: string; buckets?: Record<string, string>; labels?: Record<string, string> }[] };
    const families = parsePrometheusTextFormat((await metrics.render()).body) as Family[];
    const calls = families.find((f) => f.name === "embedkit_upstream_calls_total")?.metrics ?? [];
    const counted = calls.map((m) => `${m.labels?.provider} ${m.labels?.operation} ${m.labels?.outcome} ${m.value}`).sort();
    assert.deepEqual(counted, ["Vendor call client-error 1", "Vendor call ok 1", "Vendor call server-error 1"]);
    const timed = families.find((f) => f.name === "embedkit_upstream_call_duration_seconds")?.metrics[0]?.buckets;
    assert.deepEqual([timed?.["0.01"], timed?.["0.025"]], ["0", "3"], "three calls of 20 ms: each over 10 ms, under 25 ms");
  });
});

describe("callUpstream's one budget", () => {
  it("gives a retry only the time the first attempt left, not the whole timeout again", async (t) => {
    // The clock is moved by hand (no timing): the first attempt takes 3 of the 4 seconds, then fails.
    t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
    const budgets: number[] = [];
    const timeout = AbortSignal.timeout.bind(AbortSignal);
    t.mock.method(AbortSignal, "timeout", (ms: number) => {
      budgets.push(ms);
      return timeout(ms);
    });
    const slowThenBack = (spentMs: number) => {
      let calls = 0;
      const fetch: FetchLike = async () => {
        if (calls++ > 0) return new Response("ok");
        t.mock.timers.tick(spentMs);
        return new Response("busy", { status: 503 });
      };
      return { name: "Vendor", fetch, timeoutMs: 4_000 };
    };
    assert.equal((await callUpstream(slowThenBack(3_000), get, { idempotent: true })).status, 200);
    assert.deepEqual(budgets, [4_000, 1_000], "the retry is cut to what is left");
    budgets.length = 0;
    assert.equal((await callUpstream(slowThenBack(3_900), get, { idempotent: true })).status, 503, "too little left to try again");
    assert.deepEqual(budgets, [4_000]);
    budgets.length = 0;
    assert.equal((await callUpstream(slowThenBack(3_750), get, { idempotent: true })).status, 200, "a quarter second left is enough");
    assert.deepEqual(budgets, [4_000, 250]);
  });
});

describe("an upstream's 500 through the BFF", () => {
  it("is THRON 'unavailable' (503, try again), not 'answered with an error' (502)", async () => {
    // THRON's token endpoint fails with a server exception (500), as during an outage of its own.
    const sandbox = createSandbox({ baseUrl: "https://thron.simulated" });
    const base = "https://thron.simulated/thron";
    const config = loadConfig({
      ...thronSimulatorEnv(base),
    });
    const { app } = createApp(config, {
      publicUrl: "https://bff.example",
      logSink: () => {},
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.includes("/oauth2/token")) return new Response("Internal Server Error", { status: 500 });
        return sandbox.app.fetch(request);
      },
    });
    const response = await app.request("https://bff.example/v1/thron/galleries/default/assets?limit=1");
    assert.equal(response.status, 503);
    const problem = Problem.parse(await response.json());
    assert.equal(problem.title, "THRON is unavailable");
    assert.doesNotMatch(JSON.stringify(problem), /Internal Server Error/);
  });
});

describe("the pacer", () => {
  /** A pacer on a clock the test moves: each sleep moves it on (by at least a millisecond, as a real one would), and a wait of more than 20 sleeps fails. */
  function pacedOn(clock: ReturnType<typeof manualClock>, perSecond: number, store?: MemoryCounterStore) {
    let sleeps = 0;
    const sleep = async (ms: number) => {
      if (++sleeps > 20) throw new Error("waited for ever");
      clock.advance(Math.max(ms, 1));
    };
    const pacer = new Pacer(perSecond, 1_050, clock.now, sleep, store && { store, key: "pace:vendor" });
    const start = clock.now();
    /** Takes `n` turns one after the other; when each started, in ms from the pacer's creation. */
    return async (n: number) => {
      const starts: number[] = [];
      for (let i = 0; i < n; i++) {
        await pacer.turn();
        starts.push(clock.now() - start);
      }
      return starts;
    };
  }

  it("starts at most perSecond calls in any 1.05 s window, each waiting only until the oldest leaves it", async () => {
    const turns = pacedOn(manualClock(), 2);
    assert.deepEqual(await turns(5), [0, 0, 1_050, 1_050, 2_100]);
  });

  it("shares the pace with the other instances through the shared store, counting the second before too", async () => {
    const clock = manualClock();
    const store = new MemoryCounterStore(clock.now);
    const a = pacedOn(clock, 2, store);
    const b = pacedOn(clock, 2, store);
    assert.deepEqual(await a(2), [0, 0], "A starts two at once");
    assert.deepEqual(await b(1), [2_000], "B waits: its second holds A's two, then the second before does");
    assert.deepEqual(await a(1), [2_000], "A joins in the same second, whose second before is empty");
  });

  it("leaves the event loop free while a call waits its turn", async () => {
    const pacer = new Pacer(1, 30);
    await pacer.turn();
    let ticked = false;
    setTimeout(() => {
      ticked = true;
    }, 0);
    await pacer.turn();
    assert.ok(ticked, "a timer ran while the second call waited");
  });
});
