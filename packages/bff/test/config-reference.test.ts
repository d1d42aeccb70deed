import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { BASE_VARS, secretsOf } from "../src/config.ts";
import { CONFIG_REFERENCE, configurationMarkdown } from "../src/config-reference.ts";
import { defaultOf, envVar, flag, metaOf } from "../src/core/env-vars.ts";
import { PROVIDERS } from "../src/provider.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { LIVE } from "./config-live.ts";

const source = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");

const without = (env: Record<string, string>, name: string) => Object.fromEntries(Object.entries(env).filter(([key]) => key !== name));

describe("configuration reference", () => {
  it("documents the default the BFF applies when a variable is unset", () => {
    let checked = 0;
    for (const schema of [BASE_VARS, ...PROVIDERS.map((module) => module.vars)].flatMap((shape) => Object.values(shape))) {
      const { env: name, unset } = metaOf(schema);
      // A default written as a template of other variables, such as https://$THRON_TENANT.thron.com, is checked as well.
      const template = unset !== undefined && /^https?:\/\/\S+$/.test(unset) ? unset : undefined;
      const documented = (template ?? (unset === undefined ? defaultOf(schema) : undefined))?.replace(
        /\$([A-Z_]+)/g,
        (_, other: string) => ({ PORT: "8787", ...LIVE })[other] ?? "",
      );
      if (documented === undefined) continue;
      const env = without(LIVE, name);
      assert.deepEqual(loadConfig({ ...env, [name]: documented }), loadConfig(env), `${name}=${documented} is what unset means`);
      checked++;
    }
    assert.ok(checked >= 18, `${checked} defaults checked`);
    const reference = Object.fromEntries(CONFIG_REFERENCE.map((v) => [v.name, v.default]));
    assert.deepEqual([reference.PORT, reference.RATE_LIMIT_PER_MINUTE, reference.THROUGHLINE_DAILY_QUOTA], ["8787", "600", "1000"]);
    // A default that depends on another setting: each reading of it, as the BFF applies it.
    assert.match(reference.THUNDER_TOKEN_MINUTES ?? "", /^5, or 15 .*THUNDER_LAUNCH_MODE=hub-pro$/);
    assert.equal(loadConfig(without(LIVE, "THUNDER_TOKEN_MINUTES")).thunder?.tokenMinutes, 5);
    const hubPro = { ...LIVE, THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.example/{guid}" };
    assert.equal(loadConfig(hubPro).thunder?.tokenMinutes, 15);
  });

  it("writes a switch's default as the 0 or 1 an operator would set, and names a variable declared the wrong way", () => {
    const on = envVar({ env: "EXAMPLE_ON", doc: "an example switch" }, flag("EXAMPLE_ON must be 0 or 1").default(true));
    const off = envVar({ env: "EXAMPLE_OFF", doc: "an example switch" }, flag("EXAMPLE_OFF must be 0 or 1").default(false));
    assert.deepEqual([defaultOf(on), defaultOf(off)], ["1", "0"]);
    // A schema not made by envVar() has no name or line in the reference: the mistake is named.
    assert.throws(() => metaOf(z.string()), /not an environment variable: declare it with envVar\(\)/);
  });

  it("marks secret exactly the variables whose values secretsOf keeps out of every log line", () => {
    const secret = CONFIG_REFERENCE.filter((v) => v.secret).map((v) => v.name);
    // The BFF's own, and each provider's as its module marks them (any name ending SECRET, PASSWORD or TOKEN must be one, below).
    const providers = PROVIDERS.flatMap((module) => Object.values(module.vars).flatMap((v) => (metaOf(v).secret ? [metaOf(v).env] : [])));
    assert.deepEqual(secret.sort(), ["BFF_CACHE_URL", "METRICS_TOKEN", "REDIS_URL", ...providers].sort());
    assert.ok(providers.length >= PROVIDERS.length, "every provider has a secret");
    const values = secret.map((name) => LIVE[name as keyof typeof LIVE]);
    assert.deepEqual(secretsOf(loadConfig(LIVE)).sort(), values.sort());
    for (const v of CONFIG_REFERENCE.filter((v) => /(SECRET|PASSWORD|TOKEN)$/.test(v.name)))
      assert.ok(v.secret, `${v.name} is named as a secret but not marked one`);
  });

  it("is what docs/configuration.md holds (run pnpm docs:config after a change)", () => {
    assert.equal(source("../../../docs/configuration.md"), configurationMarkdown());
  });
});
