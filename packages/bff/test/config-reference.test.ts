import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { BASE_VARS, secretsOf } from "../src/config.ts";
import { CONFIG_REFERENCE, configReference, configurationMarkdown } from "../src/config-reference.ts";
import { defaultOf, envVar, flag, metaOf } from "../src/core/env-vars.ts";
import { PROVIDERS } from "../src/provider.ts";
import { loadConfig } from "../src/sandbox-mode.ts";
import { LIVE } from "./config-live.ts";
import { echo } from "./fixtures/echo-provider.ts";

const source = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");

/** The variables each section of the generated reference lists, section by section. */
function sectionsOf(markdown: string): Record<string, string[]> {
  const sections: Record<string, string[]> = {};
  let current: string[] = [];
  for (const line of markdown.split("\n")) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) sections[heading[1] as string] = current = [];
    const variable = /^\| `([A-Z_]+)`/.exec(line);
    if (variable) current.push(variable[1] as string);
  }
  return sections;
}

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

  it("lists each provider's variables under its name, whatever the other providers are called", () => {
    // Echt's prefix differs from Echo's by its last letter; Duo declares variables under two prefixes.
    const echt = {
      ...echo,
      id: "echt",
      name: "Echt",
      vars: { token: envVar({ env: "ECHT_TOKEN", doc: "Echt's token." }, z.string().default("")) },
    };
    const duo = {
      ...echo,
      id: "duo",
      name: "Duo",
      vars: {
        key: envVar({ env: "DUO_KEY", doc: "Duo's key." }, z.string().default("")),
        player: envVar({ env: "DUOPLAYER_URL", doc: "Duo's player." }, z.string().default("")),
      },
    };
    const sections = sectionsOf(configurationMarkdown([...PROVIDERS, echo, echt, duo]));
    assert.deepEqual(
      [sections.Echo, sections.Echt, sections.Duo],
      [["ECHO_TOKEN", "ECHO_GREETING", "ECHO_URL"], ["ECHT_TOKEN"], ["DUO_KEY", "DUOPLAYER_URL"]],
    );
    assert.deepEqual(sections.BFF, sectionsOf(configurationMarkdown()).BFF, "the BFF's own stay its own");
  });

  it("gives a variable with no default no default at all, as a reader of the reference sees it", () => {
    const unset = configReference()
      .filter((v) => !("default" in v))
      .map((v) => v.name);
    assert.ok(unset.includes("THRON_TENANT") && unset.includes("THROUGHLINE_CLIENT_SECRET"), unset.join());
    for (const v of configReference())
      if ("default" in v) assert.notEqual(v.default, undefined, `${v.name} has a default key but no default`);
  });
});
