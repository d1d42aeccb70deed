import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { callUpstream, type FetchLike, UpstreamError } from "../src/upstream/call.ts";

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
