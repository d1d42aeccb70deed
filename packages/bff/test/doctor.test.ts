import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createSandbox,
  type SimulatedSandbox,
  THRON_SANDBOX,
  THROUGHLINE_SANDBOX,
  THUNDER_SANDBOX,
  verifyLaunchUrl,
} from "@embedkit/sandbox";
import { secretsOf } from "../src/config.ts";
import { runDoctor } from "../src/doctor/run.ts";
import type { Step } from "../src/providers/checkup.ts";
import { createSandboxMode, loadConfig } from "../src/sandbox-mode.ts";
import { thunderAuthorization } from "../src/thunder/auth.ts";
import { PUBLIC_URL, thronSimulatorEnv } from "./helpers.ts";
import { vendorEnv } from "./standalone-sandbox.ts";

/** `pnpm doctor` in sandbox mode: the simulated upstreams in process, faults planted on them. */
async function sandboxDoctor(env: Record<string, string> = {}, plant: (sandbox: SimulatedSandbox) => void = () => {}) {
  const config = loadConfig({ BFF_SANDBOX: "1", ...env }, { publicUrl: PUBLIC_URL });
  const mode = createSandboxMode(PUBLIC_URL, { fallback: fetch, providers: config.providers });
  plant(mode.sandbox);
  const output: string[] = [];
  const result = await runDoctor(config, { fetch: mode.fetch, write: (line) => output.push(line), secrets: secretsOf(config) });
  return { ...result, output: output.join("\n"), sandbox: mode.sandbox };
}

const SIMULATOR = "https://sim.test";

/** `pnpm doctor` outside sandbox mode, against a simulator reached through an injected fetch (no network). */
async function liveDoctor(overrides: Record<string, string>) {
  const simulator = createSandbox({ baseUrl: SIMULATOR });
  const env = {
    ...vendorEnv(SIMULATOR),
    THUNDER_TICKET_SECRET: "doctor-test-ticket-secret-0123456789",
    ...overrides,
  };
  const config = loadConfig(env);
  const output: string[] = [];
  const result = await runDoctor(config, {
    fetch: async (input, init) => simulator.app.fetch(new Request(input, init)),
    write: (line) => output.push(line),
    secrets: secretsOf(config),
  });
  return { ...result, output: output.join("\n"), simulator, env };
}

const stepNamed = (steps: Step[], provider: Step["provider"], name: RegExp) => {
  const step = steps.find((s) => s.provider === provider && name.test(s.name));
  assert.ok(step, `a ${provider} step named ${name}`);
  return step;
};
const SECRETS = [THRON_SANDBOX.clientSecret, THUNDER_SANDBOX.password, THROUGHLINE_SANDBOX.clientSecret];
/** Thunder's `API base64(user:password)` header, whole and its credentials part. */
const THUNDER_AUTHORIZATION = [thunderAuthorization(THUNDER_SANDBOX), thunderAuthorization(THUNDER_SANDBOX).slice("API ".length)];

describe("pnpm doctor", () => {
  it("walks every provider in sandbox mode, one line per step, and names the planted folder without rights", async () => {
    const { ok, steps, output, sandbox } = await sandboxDoctor();
    assert.equal(ok, false, "the sandbox's restricted gallery is a planted fault");
    const failed = steps.filter((s) => s.status === "fail");
    assert.deepEqual(
      failed.map((s) => s.name),
      [`search, gallery restricted (folder ${THRON_SANDBOX.restrictedFolderId})`],
    );
    assert.match(
      failed[0]?.cause ?? "",
      new RegExp(`${THRON_SANDBOX.username}\\) has no read rights on folder ${THRON_SANDBOX.restrictedFolderId}`),
    );
    assert.deepEqual(
      steps.filter((s) => s.status === "ok").map((s) => `${s.provider} ${s.name.replace(/ \(folder .*\)/, "")}`),
      [
        "THRON token (user impersonation)",
        "THRON legacy token",
        "THRON search, gallery default",
        "THRON search, gallery sport",
        "THRON filter definitions",
        "THRON content detail (gallery default)",
        "THRON player script",
        "Thunder token (GenerateTokenWithDuration)",
        "ThroughLine token",
        "ThroughLine countries",
        "ThroughLine helpline look-up (US)",
      ],
    );
    assert.match(stepNamed(steps, "THRON", /content detail/).detail, /^\d+ playable sources? \(/);
    assert.match(stepNamed(steps, "ThroughLine", /helpline look-up/).detail, /1 call of ThroughLine's daily quota spent/);
    // One line per step, plus an indented cause and fix under each failure.
    const stepLines = output.split("\n").filter((line) => /^(ok {2}|warn|FAIL|skip) /.test(line));
    assert.equal(stepLines.length, steps.length);
    assert.equal(output.split("\n").filter((line) => /^ {7}(likely cause|fix): /.test(line)).length, 2 * failed.length);
    const minted = [...sandbox.thron.issuedTokens, ...sandbox.thunder.issuedTokens(), ...sandbox.throughline.issuedTokens()];
    assert.ok(sandbox.thron.issuedTokens.size >= 2 && sandbox.throughline.issuedTokens().length >= 1, "the doctor did obtain tokens");
    for (const secret of [...SECRETS, ...minted, ...THUNDER_AUTHORIZATION])
      assert.ok(!output.includes(secret), `leaked ${secret.slice(0, 6)}…`);
  });

  it("names a wrong secret for each provider, and prints none", async () => {
    const { ok, steps, output } = await liveDoctor({
      THRON_CLIENT_SECRET: "wrong-thron-secret-1234",
      THUNDER_PASSWORD: "wrong-thunder-password",
      THROUGHLINE_CLIENT_SECRET: "wrong-throughline-secret",
    });
    assert.equal(ok, false);
    assert.match(stepNamed(steps, "THRON", /token/).cause ?? "", /THRON refused THRON_CLIENT_ID \/ THRON_CLIENT_SECRET/);
    assert.equal(steps.filter((s) => s.provider === "THRON").length, 1, "nothing after a refused token");
    assert.match(stepNamed(steps, "Thunder", /token/).cause ?? "", /refused THUNDER_USERNAME \/ THUNDER_PASSWORD/);
    assert.match(stepNamed(steps, "ThroughLine", /token/).cause ?? "", /refused THROUGHLINE_CLIENT_ID \/ THROUGHLINE_CLIENT_SECRET/);
    const wrongAuthorization = thunderAuthorization({ username: THUNDER_SANDBOX.username, password: "wrong-thunder-password" });
    for (const secret of [
      "wrong-thron-secret-1234",
      "wrong-thunder-password",
      "wrong-throughline-secret",
      wrongAuthorization,
      wrongAuthorization.slice("API ".length),
      ...SECRETS,
    ])
      assert.ok(!output.includes(secret), `leaked ${secret.slice(0, 6)}…`);
  });

  it("passes a healthy live configuration (exit 0), with Hub Pro saved when configured", async () => {
    const { ok, steps, simulator } = await liveDoctor({
      THUNDER_LAUNCH_MODE: "hub-pro",
      THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.thunder.example/launch/{guid}",
    });
    assert.deepEqual(
      steps.filter((s) => s.status === "fail"),
      [],
    );
    assert.equal(ok, true);
    assert.equal(stepNamed(steps, "Thunder", /Hub Pro save/).status, "ok");
    assert.equal(simulator.thunder.stats.savedUrls, 1);
    assert.equal(stepNamed(steps, "Thunder", /launch protection/).status, "ok");
  });

  it("reports a Hub Pro lookup URL that is no URL without throwing", async () => {
    const simulator = createSandbox({ baseUrl: SIMULATOR });
    const config = loadConfig({
      THUNDER_USERNAME: THUNDER_SANDBOX.username,
      THUNDER_PASSWORD: THUNDER_SANDBOX.password,
      THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
      THUNDER_SSO_URL: simulator.urls.thunder,
      THUNDER_PUBLIC_LAUNCH: "1",
    });
    // A configuration made in code, past loadConfig's checks.
    const thunder = {
      ...(config.thunder as NonNullable<typeof config.thunder>),
      launchMode: "hub-pro" as const,
      hubProLookupUrl: "https://[hub/{guid}",
    };
    const { steps } = await runDoctor(
      { ...config, thunder },
      { fetch: async (input, init) => simulator.app.fetch(new Request(input, init)), write: () => {}, secrets: [] },
    );
    const save = stepNamed(steps, "Thunder", /Hub Pro save/);
    assert.deepEqual([save.status, save.detail], ["ok", "saved a test launch URL; browsers get https://[hub/{guid} lookups"]);
  });

  it("names the folder and the user when the user has no rights on the gallery's folder", async () => {
    const { steps } = await liveDoctor({ THRON_USERNAME: THRON_SANDBOX.userWithoutRights });
    const search = stepNamed(steps, "THRON", /search, gallery default/);
    assert.equal(search.status, "fail");
    assert.match(
      search.cause ?? "",
      new RegExp(`\\(${THRON_SANDBOX.userWithoutRights}\\) has no read rights on folder ${THRON_SANDBOX.folderId}`),
    );
    assert.match(search.fix ?? "", /Ask the Content Manager to share folder/);
  });

  // THRON account faults planted with the sandbox's fault switch (they come with the THRON sandbox's account model).
  const thronFaults = createSandbox({ baseUrl: "http://x.test" }).thron.faults;
  const accountFaults: [string, RegExp, RegExp][] = [
    ["rejectClientSecret", /^token/, /THRON refused THRON_CLIENT_ID \/ THRON_CLIENT_SECRET/],
    [
      "revokeFolderRights",
      /^search, gallery default/,
      new RegExp(`\\(${THRON_SANDBOX.username}\\) has no read rights on folder ${THRON_SANDBOX.folderId}`),
    ],
    ["revokeViewerRole", /^filter definitions/, new RegExp(`lacks the role THRON_CLASS_${THRON_SANDBOX.classificationId}_VIEWER`)],
  ];
  for (const [fault, step, cause] of accountFaults)
    it(`names the planted THRON fault ${fault}`, async () => {
      assert.ok(fault in thronFaults, `the THRON sandbox has a ${fault} fault`);
      const { ok, steps } = await sandboxDoctor({}, (sandbox) => Object.assign(sandbox.thron.faults, { [fault]: true }));
      assert.equal(ok, false);
      const named = stepNamed(steps, "THRON", step);
      assert.equal(named.status, "fail");
      assert.match(named.cause ?? "", cause);
    });

  it("pages the filter definitions as the BFF does, by what came back (a server that caps its pages)", async () => {
    const { steps } = await sandboxDoctor({}, (sandbox) => {
      sandbox.thron.settings.definitionsPageCap = 1;
    });
    const definitions = stepNamed(steps, "THRON", /filter definitions/);
    assert.equal(definitions.status, "ok", `${definitions.detail} ${definitions.cause ?? ""}`);
  });

  it("names a retired ThroughLine API version, and says the call counted against the quota", async () => {
    // An API version the service no longer serves (v0 here; v1 once ThroughLine retires it).
    const { steps } = await liveDoctor({ THROUGHLINE_API_URL: `${SIMULATOR}/throughline/v0` });
    const countries = stepNamed(steps, "ThroughLine", /countries/);
    assert.equal(countries.status, "fail");
    assert.match(countries.cause ?? "", /points at a retired API version/);
    assert.match(countries.fix ?? "", /v2/);
    assert.match(countries.detail, /daily quota/);
    assert.equal(
      steps.some((s) => /helpline look-up/.test(s.name)),
      false,
      "no look-up after that",
    );
  });

  it("reports a Thunder outage as the service failing, not as refused credentials", async () => {
    const { steps } = await sandboxDoctor({}, (sandbox) => {
      sandbox.thunder.faults.burst5xx = 1;
    });
    const token = stepNamed(steps, "Thunder", /token/);
    assert.equal(token.status, "fail");
    assert.match(token.cause ?? "", /Thunder's SSO service is failing or unavailable \(status 503\)/);
    assert.doesNotMatch(token.cause ?? "", /PASSWORD/);
  });
});

/**
 * `pnpm doctor` with only Thunder configured (origin-only launches unless `env` says), its SSO
 * service the simulator, and an operation's answer replaced where `answers` names it.
 */
async function thunderDoctor(env: Record<string, string> = {}, answers: Record<string, () => Response | Promise<Response>> = {}) {
  const simulator = createSandbox({ baseUrl: SIMULATOR });
  const config = loadConfig({
    THUNDER_USERNAME: THUNDER_SANDBOX.username,
    THUNDER_PASSWORD: THUNDER_SANDBOX.password,
    THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
    THUNDER_SSO_URL: simulator.urls.thunder,
    THUNDER_PUBLIC_LAUNCH: "1",
    ...env,
  });
  const saved: string[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const operation = new URL(request.url).pathname.split("/").at(-1) ?? "";
    if (operation === "SaveUserUrlByGuid") saved.push(((await request.clone().json()) as { url: string }).url);
    const replaced = answers[operation];
    return replaced ? replaced() : simulator.app.fetch(request);
  };
  const { ok, steps } = await runDoctor(config, { fetch, write: () => {}, secrets: [] });
  const thunder = steps.filter((s) => s.provider === "Thunder").map(({ provider, ...step }) => step);
  return { ok, thunder, simulator, saved };
}

const HUB_PRO = { THUNDER_LAUNCH_MODE: "hub-pro", THUNDER_HUB_PRO_LOOKUP_URL: "https://hub.thunder.example/launch/{guid}" };
const TOKEN_STEP = "token (GenerateTokenWithDuration)";
const SAVE_STEP = "Hub Pro save (SaveUserUrlByGuid)";
const ORIGIN_ONLY = {
  name: "launch protection",
  status: "warn",
  detail: "origin only (THUNDER_PUBLIC_LAUNCH=1): any program that sends an allowed Origin can launch",
  fix: "Set THUNDER_TICKET_SECRET and have the host site sign a ticket per launch.",
};

describe("pnpm doctor, Thunder", () => {
  it("reports the token's minutes, skips Hub Pro in direct mode, and warns of origin-only or sandbox launches", async () => {
    const { ok, thunder, simulator } = await thunderDoctor({ THUNDER_TOKEN_MINUTES: "7" });
    assert.equal(ok, true);
    assert.deepEqual(thunder, [
      { name: TOKEN_STEP, status: "ok", detail: "a 7-minute token for each launch" },
      { name: "Hub Pro save", status: "skip", detail: "THUNDER_LAUNCH_MODE is direct" },
      ORIGIN_ONLY,
    ]);
    assert.deepEqual(simulator.thunder.stats.durations, [7]);
    const tickets = await thunderDoctor({ THUNDER_PUBLIC_LAUNCH: "0", THUNDER_TICKET_SECRET: "doctor-test-ticket-secret-0123456789" });
    assert.deepEqual(tickets.thunder.at(-1), {
      name: "launch protection",
      status: "ok",
      detail: "host-signed one-time tickets (THUNDER_TICKET_SECRET)",
    });
    const { steps } = await sandboxDoctor();
    assert.deepEqual(
      steps.filter((s) => s.provider === "Thunder" && s.name === "launch protection").map((s) => [s.status, s.detail]),
      [["warn", "sandbox mode: origin only"]],
    );
  });

  it("names what Thunder's token answer says, and checks nothing after a failed token", async () => {
    const cases: [() => Response | Promise<Response>, Record<string, string>][] = [
      [
        () => Response.json({ Message: "An error has occurred." }, { status: 500 }),
        {
          detail: "refused (status 500)",
          cause:
            "Thunder refused THUNDER_USERNAME / THUNDER_PASSWORD, or THUNDER_VENDOR_GUID is not enabled for that user, or Thunder itself failed (it answers all three with a 500 and a Message).",
          fix: "Sign in to Thunder Cloud with that user to check the password; ask Thunder support to enable your vendor GUID for the user and its database.",
        },
      ],
      [
        () => new Response("Service Unavailable", { status: 503 }),
        {
          detail: "status 503",
          cause: "Thunder's SSO service is failing or unavailable (status 503)",
          fix: "Try again in a few minutes; if it lasts, ask the vendor.",
        },
      ],
      [
        () => Promise.reject(new TypeError("fetch failed")),
        {
          detail: "could not connect",
          cause: "Thunder's SSO service could not be reached (could not connect)",
          fix: "Check THUNDER_SSO_URL and that this machine may reach it (DNS, firewall, proxy).",
        },
      ],
      [
        () => Response.json({ Message: "durationInMins must be a whole number" }, { status: 400 }),
        {
          detail: "request refused (status 400)",
          cause: "Thunder did not accept the vendor GUID or the duration.",
          fix: "THUNDER_VENDOR_GUID must be the GUID assigned to your integration; THUNDER_TOKEN_MINUTES 1–1440.",
        },
      ],
    ];
    for (const [answer, expected] of cases) {
      const { ok, thunder } = await thunderDoctor(HUB_PRO, { GenerateTokenWithDuration: answer });
      assert.equal(ok, false);
      assert.deepEqual(thunder, [{ name: TOKEN_STEP, status: "fail", ...expected }]);
    }
  });

  it("saves a test launch URL that opens nothing in Hub Pro mode, and names the lookup host", async () => {
    const { ok, thunder, simulator, saved } = await thunderDoctor(HUB_PRO);
    assert.equal(ok, true);
    assert.deepEqual(thunder[1], {
      name: SAVE_STEP,
      status: "ok",
      detail: "saved a test launch URL; browsers get hub.thunder.example lookups",
    });
    const [url] = saved;
    const launch = verifyLaunchUrl(url ?? "", simulator.thunder);
    assert.deepEqual([launch.method, launch.payload, launch.tokenState], ["plays", "00000000-0000-0000-0000-000000000000", "ok"]);
    const perGuid = await thunderDoctor({ ...HUB_PRO, THUNDER_HUB_PRO_LOOKUP_URL: "https://{guid}.hub.thunder.example/launch" });
    assert.equal(perGuid.thunder[1]?.detail, "saved a test launch URL; browsers get guid.hub.thunder.example lookups");
  });

  it("names why Hub Pro could not save, and still reports the launch protection", async () => {
    const notSaved = {
      cause: "The Thunder user may not save launch URLs for Hub Pro, or this account has no Hub Pro.",
      fix: "Ask Thunder support to enable SaveUserUrlByGuid (Hub Pro) for the user, or set THUNDER_LAUNCH_MODE=direct.",
    };
    const cases: [() => Response | Promise<Response>, Record<string, string>][] = [
      [() => Response.json({ Message: "An error has occurred." }, { status: 500 }), { detail: "not saved (status 500)", ...notSaved }],
      [
        () => Response.json({ Message: "url must be a Thunder launch URL." }, { status: 400 }),
        { detail: "not saved (status 400)", ...notSaved },
      ],
      [() => new Response("Error", { status: 200 }), { detail: "not saved (status 200)", ...notSaved }],
      [() => new Response("abcdef-0123456789", { status: 201 }), { detail: "not saved (status 201)", ...notSaved }],
      [
        () => new Response("Bad Gateway", { status: 502 }),
        {
          detail: "status 502",
          cause: "Thunder's SSO service is failing or unavailable (status 502)",
          fix: "Try again in a few minutes; if it lasts, ask the vendor.",
        },
      ],
      [
        () => Promise.reject(new TypeError("fetch failed")),
        {
          detail: "could not connect",
          cause: "Thunder's SSO service could not be reached (could not connect)",
          fix: "Check THUNDER_SSO_URL and that this machine may reach it (DNS, firewall, proxy).",
        },
      ],
    ];
    for (const [answer, expected] of cases) {
      const { ok, thunder } = await thunderDoctor(HUB_PRO, { SaveUserUrlByGuid: answer });
      assert.equal(ok, false);
      assert.deepEqual(
        thunder.map((step) => step.name),
        [TOKEN_STEP, SAVE_STEP, "launch protection"],
      );
      assert.deepEqual(thunder[1], { name: SAVE_STEP, status: "fail", ...expected });
      assert.deepEqual(thunder[2], ORIGIN_ONLY);
    }
  });

  it("names a token answer without a token: THUNDER_SSO_URL is not Thunder's SSO service", async () => {
    for (const [answer, detail] of [
      [new Response("Error", { status: 200 }), "no token in the answer (status 200)"],
      [new Response("ABCDEF0123456789", { status: 201 }), "no token in the answer (status 201)"],
      [new Response("<html>Not Found</html>", { status: 404 }), "no token in the answer (status 404)"],
    ] as const) {
      const { thunder } = await thunderDoctor({}, { GenerateTokenWithDuration: () => answer });
      assert.deepEqual(thunder, [
        {
          name: TOKEN_STEP,
          status: "fail",
          detail,
          cause: "THUNDER_SSO_URL does not point at Thunder's RESTSSOServices.svc.",
          fix: "Unset THUNDER_SSO_URL to use https://tcssoservices.xosdigital.com/sso/RESTSSOServices.svc, or correct it.",
        },
      ]);
    }
  });
});

describe("pnpm doctor's report", () => {
  it("says which services it checks, and ends with how many checks failed, or that all passed", async () => {
    const sandbox = await sandboxDoctor();
    assert.match(
      sandbox.output,
      /^Sandbox mode: checking the simulated upstreams in process \(its `restricted` gallery is a planted fault/,
    );
    assert.match(sandbox.output, /\n\n1 check failed\.$/);
    const healthy = await liveDoctor({});
    assert.match(healthy.output, /^Checking the live services with this configuration\.\n/);
    assert.match(healthy.output, /\n\nAll checks passed\.$/);
    const wrong = await liveDoctor({ THRON_CLIENT_SECRET: "wrong-thron-secret-1234", THUNDER_PASSWORD: "wrong-thunder-password" });
    const failed = wrong.steps.filter((s) => s.status === "fail").length;
    assert.ok(failed >= 2);
    assert.match(wrong.output, new RegExp(`\\n\\n${failed} checks failed\\.$`));
  });

  it("names each provider that is not configured, and checks nothing of it", async () => {
    const { steps } = await runDoctor(
      loadConfig({
        THUNDER_USERNAME: THUNDER_SANDBOX.username,
        THUNDER_PASSWORD: THUNDER_SANDBOX.password,
        THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
        THUNDER_SSO_URL: createSandbox({ baseUrl: SIMULATOR }).urls.thunder,
        THUNDER_PUBLIC_LAUNCH: "1",
      }),
      { fetch: async () => Response.error(), write: () => {}, secrets: [] },
    );
    assert.deepEqual(
      steps.filter((s) => s.provider !== "Thunder"),
      ["THRON", "ThroughLine"].map((provider) => ({ provider, name: "configuration", status: "skip", detail: "not configured" })),
    );
  });

  it("tells a service that does not answer in time from one it cannot reach", async () => {
    /** A service that never answers: the call fails only once the doctor gives up (as `reason` says). */
    const silent = (reason: (signal: AbortSignal) => unknown) => async (_input: Request | string | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const open = setTimeout(() => {}, 10_000); // a connection left open keeps the process alive; AbortSignal.timeout does not
        init?.signal?.addEventListener("abort", () => {
          clearTimeout(open);
          reject(reason(init.signal as AbortSignal));
        });
      });
    const asTimeout = (signal: AbortSignal) => signal.reason;
    const asAbort = () => new DOMException("The operation was aborted.", "AbortError"); // how some runtimes report it
    const asOther = () => new DOMException("Refused.", "NetworkError");
    const config = loadConfig({
      THUNDER_USERNAME: THUNDER_SANDBOX.username,
      THUNDER_PASSWORD: THUNDER_SANDBOX.password,
      THUNDER_VENDOR_GUID: THUNDER_SANDBOX.vendorGuid,
      THUNDER_PUBLIC_LAUNCH: "1",
    });
    const causes = [];
    for (const reason of [asTimeout, asAbort, asOther]) {
      const { steps } = await runDoctor(config, { fetch: silent(reason), write: () => {}, secrets: [], timeoutMs: 20 });
      const token = stepNamed(steps, "Thunder", /token/);
      causes.push(`${token.detail}: ${token.cause}`);
    }
    assert.deepEqual(causes, [
      "no answer in time: Thunder's SSO service could not be reached (no answer in time)",
      "no answer in time: Thunder's SSO service could not be reached (no answer in time)",
      "could not connect: Thunder's SSO service could not be reached (could not connect)",
    ]);
  });

  it("reports a bare 500 as the service failing", async () => {
    const { thunder } = await thunderDoctor(
      {},
      { GenerateTokenWithDuration: () => new Response("Internal Server Error", { status: 500 }) },
    );
    assert.equal(thunder[0]?.cause, "Thunder's SSO service is failing or unavailable (status 500)");
  });
});

/**
 * `pnpm doctor` with only ThroughLine configured, against the simulator, the answer to a path's
 * last segment (`token`, `countries`, `helplines`) replaced where `answers` names it.
 */
async function throughlineDoctor(answers: Record<string, () => Response | Promise<Response>> = {}) {
  const simulator = createSandbox({ baseUrl: SIMULATOR });
  const config = loadConfig({
    THROUGHLINE_CLIENT_ID: THROUGHLINE_SANDBOX.clientId,
    THROUGHLINE_CLIENT_SECRET: THROUGHLINE_SANDBOX.clientSecret,
    THROUGHLINE_TOKEN_URL: simulator.urls.throughlineToken,
    THROUGHLINE_API_URL: simulator.urls.throughlineApi,
  });
  const asked: string[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    asked.push(`${url.pathname}${url.search}`);
    const replaced = answers[url.pathname.split("/").at(-1) ?? ""];
    return replaced ? replaced() : simulator.app.fetch(request);
  };
  const { steps } = await runDoctor(config, { fetch, write: () => {}, secrets: [] });
  const throughline = steps.filter((s) => s.provider === "ThroughLine").map(({ provider, ...step }) => step);
  return { throughline, asked };
}

const QUOTA_NOTE = "1 call of ThroughLine's daily quota spent";

describe("pnpm doctor, ThroughLine", () => {
  it("reports the token, the countries and one look-up with the calls they cost", async () => {
    const one = await throughlineDoctor({ helplines: () => Response.json({ helplines: [{ id: "a" }] }) });
    assert.deepEqual(one.throughline, [
      { name: "token", status: "ok", detail: "client-credentials token" },
      { name: "countries", status: "ok", detail: `2 countries (${QUOTA_NOTE})` },
      { name: "helpline look-up (US)", status: "ok", detail: `1 helpline (${QUOTA_NOTE})` },
    ]);
    const two = await throughlineDoctor({ helplines: () => Response.json({ helplines: [{ id: "a" }, { id: "b" }] }) });
    assert.equal(two.throughline[2]?.detail, `2 helplines (${QUOTA_NOTE})`);
    const single = await throughlineDoctor({ countries: () => Response.json({ countries: [{ code: "NZ" }] }) });
    assert.equal(single.throughline[1]?.detail, `1 country (${QUOTA_NOTE})`);
  });

  it("looks up the first country listed with a code, or the US when none has one", async () => {
    const nz = await throughlineDoctor({
      countries: () => Response.json({ countries: [{ name: "Nowhere" }, { code: "NZ" }, { code: "US" }] }),
    });
    assert.equal(nz.throughline[2]?.name, "helpline look-up (NZ)");
    assert.ok(
      nz.asked.some((path) => path.includes("/helplines?country_code=nz&limit=1")),
      nz.asked.join("\n"),
    );
    const none = await throughlineDoctor({ countries: () => Response.json({ countries: [{ name: "Nowhere" }] }) });
    assert.equal(none.throughline[2]?.name, "helpline look-up (US)");
  });

  it("says when the application sees no country, or the look-up answers something else than helplines", async () => {
    const { throughline } = await throughlineDoctor({ countries: () => Response.json({ countries: [] }) });
    assert.deepEqual(throughline.slice(1), [
      {
        name: "countries",
        status: "fail",
        detail: `no countries (${QUOTA_NOTE})`,
        cause: "The application sees no country.",
        fix: "Ask ThroughLine which countries your application may use.",
      },
    ]);
    const other = await throughlineDoctor({ helplines: () => Response.json({ results: [] }) });
    assert.deepEqual(other.throughline[2], {
      name: "helpline look-up (US)",
      status: "fail",
      detail: `unexpected answer (${QUOTA_NOTE})`,
      cause: "THROUGHLINE_API_URL answers, but not with ThroughLine's helplines.",
      fix: "Unset THROUGHLINE_API_URL to use ThroughLine's current API.",
    });
  });

  it("names the cause of each refusal of the API: a retired version, the quota, the application's rights, anything else", async () => {
    const rights = [
      "ThroughLine gave a token but refuses the API with it.",
      "Ask ThroughLine to enable the helplines API for your application.",
    ];
    for (const [status, detail, cause, fix] of [
      [
        410,
        `status 410 (${QUOTA_NOTE})`,
        `THROUGHLINE_API_URL (${SIMULATOR}/throughline/v2) points at a retired API version or a wrong path.`,
        "Use ThroughLine's current API, v2: unset THROUGHLINE_API_URL, or set it to https://api.throughlinecare.com/v2.",
      ],
      [
        429,
        "status 429",
        "ThroughLine's daily quota is spent.",
        "Wait for the rolling day to free calls, or ask ThroughLine for a higher limit.",
      ],
      [401, "status 401", ...rights],
      [403, "status 403", ...rights],
      [400, "status 400", "ThroughLine refused the request.", "Check THROUGHLINE_API_URL."],
    ] as const) {
      const { throughline } = await throughlineDoctor({ countries: () => Response.json({ error: "no" }, { status }) });
      assert.deepEqual(throughline.slice(1), [{ name: "countries", status: "fail", detail, cause, fix }]);
    }
  });

  it("names ThroughLine's API failing or out of reach, and reports a failed look-up once", async () => {
    const failing = await throughlineDoctor({ countries: () => new Response("busy", { status: 503 }) });
    assert.deepEqual(failing.throughline[1], {
      name: "countries",
      status: "fail",
      detail: "status 503",
      cause: "ThroughLine's API is failing or unavailable (status 503)",
      fix: "Try again in a few minutes; if it lasts, ask the vendor.",
    });
    const unreachable = await throughlineDoctor({
      countries: () => {
        throw new TypeError("fetch failed");
      },
    });
    assert.equal(unreachable.throughline[1]?.fix, "Check THROUGHLINE_API_URL and that this machine may reach it (DNS, firewall, proxy).");
    const spent = await throughlineDoctor({ helplines: () => Response.json({ error: "Too Many Requests" }, { status: 429 }) });
    assert.deepEqual(
      spent.throughline.map((step) => [step.name, step.status, step.cause]),
      [
        ["token", "ok", undefined],
        ["countries", "ok", undefined],
        ["helpline look-up (US)", "fail", "ThroughLine's daily quota is spent."],
      ],
    );
  });

  it("tells a token endpoint out of reach or failing from refused credentials, whatever a refusal's body holds", async () => {
    const unreachable = await throughlineDoctor({
      token: () => {
        throw new TypeError("fetch failed");
      },
    });
    assert.deepEqual(unreachable.throughline, [
      {
        name: "token",
        status: "fail",
        detail: "could not connect",
        cause: "ThroughLine's token endpoint could not be reached (could not connect)",
        fix: "Check THROUGHLINE_TOKEN_URL and that this machine may reach it (DNS, firewall, proxy).",
      },
    ]);
    const failing = await throughlineDoctor({ token: () => new Response("busy", { status: 503 }) });
    assert.equal(failing.throughline[0]?.cause, "ThroughLine's token endpoint is failing or unavailable (status 503)");
    const refused = await throughlineDoctor({
      token: () => Response.json({ error: "invalid_client", access_token: "left-over" }, { status: 401 }),
    });
    assert.deepEqual(refused.throughline, [
      {
        name: "token",
        status: "fail",
        detail: "refused (status 401)",
        cause: "ThroughLine refused THROUGHLINE_CLIENT_ID / THROUGHLINE_CLIENT_SECRET (wrong, or revoked by ThroughLine).",
        fix: "Copy both again from your ThroughLine developer account; if they were revoked, ask ThroughLine for new ones.",
      },
    ]);
  });
});

/** THRON's calls in the doctor's order, by path. */
const THRON_CALLS = {
  token: /\/oauth2\/token$/,
  legacy: /\/token\/legacy$/,
  search: /\/content\/search\//,
  definitions: /\/imetadatadefinition\//,
  detail: /\/getContentDetail$/,
  player: /\/embeds-min\.js$/,
};
type ThronAnswers = Partial<Record<keyof typeof THRON_CALLS, (request: Request) => Response | undefined | Promise<Response | undefined>>>;

/**
 * `pnpm doctor` with only THRON configured (the simulator's tenant, one gallery, a classification
 * and two filter keys; `env` over that), a call answered by `answers` where it says (undefined:
 * the simulator answers). THRON's steps, and the calls made (`definitions ?offset=…`).
 */
async function thronDoctor(answers: ThronAnswers = {}, env: Record<string, string> = {}) {
  const simulator = createSandbox({ baseUrl: SIMULATOR });
  const config = loadConfig({
    ...thronSimulatorEnv(simulator.urls.thron),
    ALLOWED_ORIGINS: "https://www.acme.com",
    THRON_CLASSIFICATION_ID: THRON_SANDBOX.classificationId,
    THRON_FILTER_KEYS: "season,topic",
    ...env,
  });
  const asked: string[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const call = (Object.keys(THRON_CALLS) as (keyof typeof THRON_CALLS)[]).find((name) => THRON_CALLS[name].test(url.pathname));
    asked.push(`${call} ${call === "definitions" ? url.searchParams.get("offset") : ""}`.trim());
    return (call && (await answers[call]?.(request))) || simulator.app.fetch(request);
  };
  const { steps } = await runDoctor(config, { fetch, write: () => {}, secrets: [] });
  return { thron: steps.filter((s) => s.provider === "THRON").map(({ provider, ...step }) => step), asked };
}

const answer = (status: number, body: unknown) => () =>
  typeof body === "string" ? new Response(body, { status }) : Response.json(body, { status });
const unreachable = () => {
  throw new TypeError("fetch failed");
};
/** The THRON step whose name starts with `name`. */
async function thronStep(name: string, answers: ThronAnswers, env: Record<string, string> = {}) {
  const { thron } = await thronDoctor(answers, env);
  const step = thron.find((s) => s.name.startsWith(name));
  assert.ok(step, `a THRON step named ${name}: ${JSON.stringify(thron)}`);
  return step;
}
/**
 * For each of `answers` to THRON's `call` (a token, then a legacy session: the walk's first two
 * steps), the step it fails, checking that the walk stops there.
 */
async function lastStepEach(call: "token" | "legacy", answers: NonNullable<ThronAnswers[typeof call]>[]) {
  const at = call === "token" ? 0 : 1;
  const steps = [];
  for (const answered of answers) {
    const { thron } = await thronDoctor({ [call]: answered });
    assert.equal(thron.length, at + 1, `nothing after a failed ${call} step`);
    steps.push(thron[at]);
  }
  return steps;
}
const REACH = "and that this machine may reach it (DNS, firewall, proxy).";
const LATER = "Try again in a few minutes; if it lasts, ask the vendor.";
const USER = THRON_SANDBOX.username;

describe("pnpm doctor, THRON", () => {
  it("passes the simulator's tenant, naming what it found at each step", async () => {
    const { thron } = await thronDoctor();
    assert.deepEqual(
      thron.map((s) => `${s.status} ${s.name.replace(/ \(folder .*\)/, "")}: ${s.detail}`),
      [
        `ok token (user impersonation): token for ${USER}, valid 8 h`,
        "ok legacy token: legacy session opened",
        "ok search, gallery default: about 320 contents",
        `ok filter definitions: 4 definitions, with THRON_CLASS_${THRON_SANDBOX.classificationId}_VIEWER; filter keys season, topic found`,
        "ok content detail (gallery default): 1 playable source (WEBHD)",
        "ok player script: reachable",
      ],
    );
  });

  it("names the auth host out of reach or failing, a refused impersonation with THRON's reason, a refused app, and checks nothing after", async () => {
    const steps = await lastStepEach("token", [
      unreachable,
      answer(502, "Bad Gateway"),
      answer(400, { error: "invalid_grant" }),
      answer(400, { error: 42 }),
      answer(200, { expires_in: 3600 }),
      answer(400, "Bad Request"),
      answer(401, { error: "invalid_client" }),
    ]);
    const refused = (detail: string) => ({
      name: "token (user impersonation)",
      status: "fail",
      detail,
      cause: `THRON would not let the external app impersonate THRON_USERNAME (${USER}).`,
      fix: "Check that the user exists and is active, and that the external app may impersonate users.",
    });
    assert.deepEqual(steps, [
      {
        name: "token (user impersonation)",
        status: "fail",
        detail: "could not connect",
        cause: "THRON's auth host could not be reached (could not connect)",
        fix: `Check THRON_TENANT / THRON_AUTH_URL ${REACH}`,
      },
      {
        name: "token (user impersonation)",
        status: "fail",
        detail: "status 502",
        cause: "THRON's auth host is failing or unavailable (status 502)",
        fix: LATER,
      },
      refused("refused (status 400, invalid_grant)"),
      refused("refused (status 400)"),
      refused("refused (status 200)"),
      refused("refused (status 400)"),
      {
        name: "token (user impersonation)",
        status: "fail",
        detail: "refused (status 401, invalid_client)",
        cause: "THRON refused THRON_CLIENT_ID / THRON_CLIENT_SECRET: a wrong or rotated secret, or the id of another app.",
        fix: "Copy the client id and secret again from the JWT external app in THRON (not the Custom Application that gave the pKey).",
      },
    ]);
  });

  it("gives the token's lifetime in hours when THRON says it as a number", async () => {
    const details = [];
    for (const expires_in of [5400, 0, "3600", undefined])
      details.push((await thronStep("token", { token: answer(200, { access_token: "jwt", expires_in }) })).detail);
    assert.deepEqual(details, [`token for ${USER}, valid 1.5 h`, `token for ${USER}`, `token for ${USER}`, `token for ${USER}`]);
  });

  it("names a legacy session THRON would not open, or an auth host out of reach or failing, and checks nothing after", async () => {
    const steps = await lastStepEach("legacy", [
      unreachable,
      answer(503, "Service Unavailable"),
      answer(200, {}),
      answer(200, { token: 42 }),
      answer(401, { token: "x" }),
    ]);
    const noSession = (detail: string) => ({
      name: "legacy token",
      status: "fail",
      detail,
      cause: "THRON gave a token but no legacy session for it.",
      fix: "Ask THRON support whether the external app may use the legacy API (xcontents, xintelligence).",
    });
    assert.deepEqual(steps, [
      {
        name: "legacy token",
        status: "fail",
        detail: "could not connect",
        cause: "THRON's auth host could not be reached (could not connect)",
        fix: `Check THRON_AUTH_URL ${REACH}`,
      },
      {
        name: "legacy token",
        status: "fail",
        detail: "status 503",
        cause: "THRON's auth host is failing or unavailable (status 503)",
        fix: LATER,
      },
      noSession("status 200"),
      noSession("status 200"),
      noSession("status 401"),
    ]);
  });

  it("names why a gallery's search failed: host, tenant, folder rights, or THRON's refusal, and goes on with the next steps", async () => {
    const folder = `folder ${THRON_SANDBOX.folderId}`;
    const fails = [];
    for (const search of [
      unreachable,
      answer(418, { resultCode: "INVALID_CLIENTID" }),
      answer(418, { resultCode: "MISSING_PARAMETER" }),
      answer(400, "Bad Request"),
      answer(200, { resultCode: "ACCESS_DENIED" }),
    ]) {
      const { thron } = await thronDoctor({ search });
      assert.deepEqual(
        thron.map((s) => s.name),
        [
          "token (user impersonation)",
          "legacy token",
          `search, gallery default (${folder})`,
          "filter definitions",
          "content detail",
          "player script",
        ],
      );
      const step = thron[2];
      fails.push([step?.status, step?.detail, step?.cause, step?.fix]);
    }
    const checkTenant = "Check THRON_TENANT and the gallery's folder id (THRON_FOLDER_ID or THRON_GALLERIES).";
    assert.deepEqual(fails, [
      [
        "fail",
        "could not connect",
        "THRON's API host could not be reached (could not connect)",
        `Check THRON_TENANT / THRON_API_URL ${REACH}`,
      ],
      ["fail", "INVALID_CLIENTID (status 418)", "THRON_TENANT is not this THRON account's name.", checkTenant],
      ["fail", "MISSING_PARAMETER (status 418)", "THRON did not accept the search for this folder.", checkTenant],
      ["fail", "refused (status 400)", "THRON did not accept the search for this folder.", checkTenant],
      [
        "fail",
        "access denied (status 200)",
        `THRON_USERNAME (${USER}) has no read rights on folder ${THRON_SANDBOX.folderId}.`,
        `Ask the Content Manager to share folder ${THRON_SANDBOX.folderId} with ${USER} (read, sub-folders included), or correct the gallery's folder id.`,
      ],
    ]);
  });

  it("warns of a folder that shows nothing, counts what a search without a total shows, and opens the first gallery's content that has one", async () => {
    const empty = await thronDoctor({ search: answer(200, { resultCode: "OK", items: [] }) });
    assert.deepEqual(
      empty.thron.slice(2).map((s) => [s.status, s.name.replace(/ \(folder .*\)/, ""), s.detail, s.fix]),
      [
        [
          "warn",
          "search, gallery default",
          "0 contents: the folder is empty, or none is visible to the user",
          `Check the folder's contents and ${USER}'s rights.`,
        ],
        [
          "ok",
          "filter definitions",
          `4 definitions, with THRON_CLASS_${THRON_SANDBOX.classificationId}_VIEWER; filter keys season, topic found`,
          undefined,
        ],
        ["skip", "content detail", "no gallery showed a content to open", undefined],
        ["ok", "player script", "reachable", undefined],
      ],
    );
    const untotalled = await thronStep("search", { search: answer(200, { items: [{ id: "c-1" }, { id: "c-2" }] }) });
    assert.deepEqual([untotalled.status, untotalled.detail], ["ok", "about 2 contents"]);
    // An answer without items at all: nothing shown, nothing to open.
    const itemless = await thronDoctor({ search: answer(200, { resultCode: "OK" }) });
    assert.deepEqual(
      itemless.thron.filter((s) => /^(search|content detail)/.test(s.name)).map((s) => [s.status, s.detail]),
      [
        ["warn", "0 contents: the folder is empty, or none is visible to the user"],
        ["skip", "no gallery showed a content to open"],
      ],
    );
    // Two galleries, the first (default) showing nothing: the second's content is the one opened.
    const sport = { sport: { folderId: THRON_SANDBOX.sportFolderId, pkey: THRON_SANDBOX.sportPkey } };
    const { thron } = await thronDoctor(
      {
        search: async (request) =>
          (await request.clone().text()).includes(THRON_SANDBOX.sportFolderId) ? undefined : Response.json({ items: [] }),
      },
      { THRON_GALLERIES: JSON.stringify(sport) },
    );
    assert.deepEqual(
      thron.filter((s) => s.name.startsWith("content detail")).map((s) => [s.name, s.status]),
      [["content detail (gallery sport)", "ok"]],
    );
    // Both showing one: the content of the gallery searched first (THRON_GALLERIES' come before default) is opened, once.
    const both = await thronDoctor({}, { THRON_GALLERIES: JSON.stringify(sport) });
    assert.deepEqual(
      both.thron.filter((s) => s.name.startsWith("search") || s.name.startsWith("content detail")).map((s) => s.name.split(" (")[0]),
      ["search, gallery sport", "search, gallery default", "content detail"],
    );
    assert.equal(both.thron.at(-2)?.name, "content detail (gallery sport)");
  });

  it("names why the filter definitions failed: host, role, classification, or filter keys THRON lacks", async () => {
    const cls = THRON_SANDBOX.classificationId;
    const role = `THRON_CLASS_${cls}_VIEWER`;
    const steps = [];
    for (const [definitions, env] of [
      [answer(500, "Internal Server Error"), {}],
      [answer(200, { resultCode: "ACCESS_DENIED" }), {}],
      [answer(418, { resultCode: "CLASSIFICATION_NOT_FOUND" }), {}],
      [answer(400, "Bad Request"), {}],
      [answer(200, { resultCode: "OK" }), {}],
      [undefined, { THRON_FILTER_KEYS: "season,colour,shape" }],
      [undefined, { THRON_FILTER_KEYS: "" }],
      [undefined, { THRON_FILTER_KEYS: "", THRON_CLASSIFICATION_ID: "" }],
    ] as const) {
      const step = await thronStep("filter definitions", definitions ? { definitions } : {}, env);
      steps.push([step.status, step.detail, step.cause, step.fix]);
    }
    const notClassification = `THRON_CLASSIFICATION_ID (${cls}) is not a classification of this account.`;
    const copyIt = "Copy the classification id again from THRON's classification settings.";
    assert.deepEqual(steps, [
      ["fail", "status 500", "THRON's API host is failing or unavailable (status 500)", LATER],
      [
        "fail",
        "access denied (status 200)",
        `THRON_USERNAME (${USER}) lacks the role ${role}; folder rights are not enough to read the classification.`,
        `Ask the Content Manager to grant ${role} to ${USER}. Until then galleries work without filters.`,
      ],
      ["fail", "CLASSIFICATION_NOT_FOUND (status 418)", notClassification, copyIt],
      ["fail", "refused (status 400)", notClassification, copyIt],
      [
        "fail",
        "0 definitions, but no season, topic",
        `The filter keys season, topic are not attributes of classification ${cls}.`,
        "Correct THRON_FILTER_KEYS (or filterKeys in THRON_GALLERIES) to existing attribute keys.",
      ],
      [
        "fail",
        "4 definitions, but no colour, shape",
        `The filter keys colour, shape are not attributes of classification ${cls}.`,
        "Correct THRON_FILTER_KEYS (or filterKeys in THRON_GALLERIES) to existing attribute keys.",
      ],
      ["ok", `4 definitions, with ${role}`, undefined, undefined],
      ["skip", "THRON_CLASSIFICATION_ID is not set: galleries show no filters", undefined, undefined],
    ]);
  });

  it("pages the definitions by what came back until an empty page, 40 pages at most, counting each key once", async () => {
    const pages = [[{ key: "season" }, { id: "no-key" }], [{ key: "season" }, { key: "topic" }, { key: "licence" }], []];
    let page = 0;
    const paged = await thronDoctor({ definitions: () => Response.json({ items: pages[page++] ?? [] }) });
    assert.deepEqual(
      paged.asked.filter((call) => call.startsWith("definitions")),
      ["definitions 0", "definitions 2", "definitions 5"],
    );
    assert.equal(paged.thron.find((s) => s.name === "filter definitions")?.detail.split(",")[0], "3 definitions");
    const endless = await thronDoctor({ definitions: () => Response.json({ items: [{ key: "season" }] }) });
    const asked = endless.asked.filter((call) => call.startsWith("definitions"));
    assert.deepEqual(
      asked,
      Array.from({ length: 40 }, (_, i) => `definitions ${i}`),
    );
  });

  it("names why a content would not open with its gallery's pKey, and counts its playable sources by channel", async () => {
    const steps = [];
    for (const detail of [
      answer(500, "Internal Server Error"),
      answer(418, { resultCode: "CONTENT_NOT_FOUND" }),
      answer(200, { resultCode: "MISSING_PARAMETER" }),
      answer(400, "Bad Request"),
      answer(200, { resultCode: "OK", content: { deliveryInfo: [] } }),
      answer(200, { content: { deliveryInfo: [{ channelType: "WEB" }, { channelType: "WEB" }, {}] } }),
      answer(200, { resultCode: "OK", content: { deliveryInfo: [{ channelType: "WEBHD" }] } }),
    ]) {
      const step = await thronStep("content detail", { detail });
      steps.push([step.name, step.status, step.detail, step.cause, step.fix]);
    }
    const name = "content detail (gallery default)";
    const pkeyCause = "The pKey of gallery default does not open the contents of its folder.";
    const pkeyFix = "Set that gallery's pKey (THRON_PKEY or THRON_GALLERIES) to the pKey THRON shows for the folder's Custom Application.";
    assert.deepEqual(steps, [
      [name, "fail", "status 500", "THRON's API host is failing or unavailable (status 500)", LATER],
      [name, "fail", "CONTENT_NOT_FOUND (status 418)", pkeyCause, pkeyFix],
      [name, "fail", "MISSING_PARAMETER (status 200)", pkeyCause, pkeyFix],
      [name, "fail", "refused (status 400)", pkeyCause, pkeyFix],
      [
        name,
        "warn",
        "no playable source: the content has no published delivery channel",
        undefined,
        "Publish the content's web channels in THRON.",
      ],
      [name, "ok", "3 playable sources (WEB, ?)", undefined, undefined],
      [name, "ok", "1 playable source (WEBHD)", undefined, undefined],
    ]);
  });

  it("opens the content the search found with its gallery's pKey, asking in English", async () => {
    const opened: Record<string, string>[] = [];
    await thronDoctor({
      search: answer(200, { items: [{ id: "c-found" }, { id: "c-next" }] }),
      detail: (request) => {
        opened.push(Object.fromEntries(new URL(request.url).searchParams));
        return undefined;
      },
    });
    assert.deepEqual(opened, [{ clientId: THRON_SANDBOX.tenant, xcontentId: "c-found", locale: "EN", pkey: THRON_SANDBOX.pkey }]);
  });

  it("names a Player script out of reach, failing, or not where THRON_CDN_URL says", async () => {
    const steps = [];
    for (const player of [
      unreachable,
      answer(503, "Service Unavailable"),
      answer(200, "<html>Not the player</html>"),
      answer(404, "THRONContentExperience"),
    ]) {
      const step = await thronStep("player script", { player });
      steps.push([step.status, step.detail, step.cause, step.fix]);
    }
    const notThere = [
      "The THRON Player script is not where THRON_CDN_URL says.",
      "Unset THRON_CDN_URL to use https://<tenant>-cdn.thron.com, or correct it. Galleries fall back to the browser's player meanwhile.",
    ];
    assert.deepEqual(steps, [
      ["fail", "could not connect", "THRON's delivery host could not be reached (could not connect)", `Check THRON_CDN_URL ${REACH}`],
      ["fail", "status 503", "THRON's delivery host is failing or unavailable (status 503)", LATER],
      ["fail", "status 200", ...notThere],
      ["fail", "status 404", ...notThere],
    ]);
  });
});
