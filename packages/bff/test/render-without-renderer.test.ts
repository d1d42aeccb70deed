/**
 * /v1/render in a node that cannot load the components' server build (`dist/server` not built, or
 * a runtime that cannot run it): the bare tag with its data, and one log line saying why. A file
 * of its own, because the module hook below makes the renderer's import fail for the whole file;
 * in process (not in a child node) so a mutation run's coverage sees the code it reaches.
 */
import assert from "node:assert/strict";
import { register } from "node:module";
import { describe, it } from "node:test";
import { sandboxBff } from "./helpers.ts";

// The renderer is imported on the first render, so the hook is in place before anything asks for it.
const NOT_BUILT = `export async function resolve(specifier, context, next) {
  if (specifier !== "@embedkit/components/server") return next(specifier, context);
  throw Object.assign(new Error("Cannot find package '@embedkit/components/server' (not built)"), { code: "ERR_MODULE_NOT_FOUND" });
}`;
register(`data:text/javascript,${encodeURIComponent(NOT_BUILT)}`);

const HELPLINES = "/v1/render/throughline-helplines";

describe("where the server renderer cannot load", () => {
  it("answers the bare tag with its data, and the log says why, once", async () => {
    const bff = sandboxBff();
    for (const _ of [1, 2]) {
      const response = await bff.get(`${HELPLINES}?country=US&limit=1`);
      const html = await response.text();
      assert.equal(response.status, 200, html);
      const bare =
        /^<throughline-helplines country="US" limit="1" lang="en"><script type="application\/json" data-embedkit-state>([^<]*)<\/script><\/throughline-helplines>$/.exec(
          html,
        );
      assert.ok(bare, html);
      const json = await (await bff.get("/v1/throughline/helplines?country=US&limit=1")).json();
      assert.deepEqual(JSON.parse(bare[1] ?? ""), json, "the element starts from the JSON route's answer");
    }
    const told = bff.logs.map((line) => JSON.parse(line)).filter((line) => line.message.startsWith("server rendering unavailable"));
    assert.deepEqual(
      told.map(({ level, message, error }) => ({ level, message, error })),
      [
        {
          level: "warn",
          message: "server rendering unavailable: /v1/render answers bare tags",
          error: "Error: Cannot find package '@embedkit/components/server' (not built)",
        },
      ],
    );
  });
});
