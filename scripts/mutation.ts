/**
 * `pnpm test:mutation`: plants plausible one-line bugs, one at a time, and counts how many the
 * tests catch. Each mutant replaces one exact piece of source (which must occur once: a mutant
 * whose code moved is reported, not silently skipped), runs the tests named for it, and puts
 * the file back. A mutant is killed when those tests fail (or time out).
 *
 *   pnpm test:mutation                 every mutant
 *   pnpm test:mutation -- --node       only those checked by node tests (fast)
 *   pnpm test:mutation -- cache rate   only mutants whose id contains one of the words
 *
 * Exits non-zero when a mutant survives past the 90% target, or the unmutated tests fail.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface Mutant {
  id: string;
  /** The bug, as a reviewer would describe it. */
  what: string;
  file: string;
  from: string;
  to: string;
  /** Node test files (packages/bff/test/…) or browser test files (packages/components/src/…). */
  tests: string[];
}

const BFF = "packages/bff/src";
const T = (name: string) => `packages/bff/test/${name}.test.ts`;
const GALLERY_TESTS = [
  "packages/components/src/thron-gallery/thron-gallery.dialog.test.ts",
  "packages/components/src/thron-gallery/thron-gallery.focus.test.ts",
];

const MUTANTS: Mutant[] = [
  // upstream/cache.ts and the app's lifetimes
  {
    id: "cache-fresh-seconds",
    what: "cache TTL read in seconds (×1000)",
    file: `${BFF}/upstream/cache.ts`,
    from: "freshUntil: now + ttl.freshMs,",
    to: "freshUntil: now + ttl.freshMs * 1000,",
    tests: [T("cache")],
  },
  {
    id: "cache-stale-from-now",
    what: "stale window counted from the write, not from the end of freshness",
    file: `${BFF}/upstream/cache.ts`,
    from: "staleUntil: now + ttl.freshMs + ttl.staleMs",
    to: "staleUntil: now + ttl.staleMs",
    tests: [T("cache")],
  },
  {
    id: "cache-fresh-boundary",
    what: "an entry still fresh at its freshUntil",
    file: `${BFF}/upstream/cache.ts`,
    from: "if (entry && now < entry.freshUntil)",
    to: "if (entry && now <= entry.freshUntil)",
    tests: [T("cache")],
  },
  {
    id: "cache-no-revalidate",
    what: "a stale entry served without a background refresh",
    file: `${BFF}/upstream/cache.ts`,
    from: "this.#load(key, ttl, load).catch(() => {}); // revalidate in the background",
    to: "// revalidate in the background",
    tests: [T("cache")],
  },
  {
    id: "cache-no-stale-on-error",
    what: "an upstream failure thrown although an old answer is held",
    file: `${BFF}/upstream/cache.ts`,
    from: 'if (entry) return { value: entry.value, status: "stale-on-error" };',
    to: "",
    tests: [T("cache"), T("thron-failures")],
  },
  {
    id: "cache-no-coalescing",
    what: "concurrent misses each load",
    file: `${BFF}/upstream/cache.ts`,
    from: "let pending = this.#inFlight.get(key) as Promise<V> | undefined;",
    to: "let pending: Promise<V> | undefined;",
    tests: [T("cache")],
  },
  {
    id: "cache-lru-not-touched",
    what: "the memory store evicts by age of writing, not by use",
    file: `${BFF}/upstream/cache.ts`,
    from: "      this.#entries.delete(key);\n      this.#entries.set(key, entry); // most recently used goes last\n",
    to: "",
    tests: [T("cache")],
  },
  {
    id: "app-ttl-seconds",
    what: "the assets lifetime written in seconds",
    file: `${BFF}/thron/index.ts`,
    from: "assets: { freshMs: MINUTE, staleMs: 10 * MINUTE },",
    to: "assets: { freshMs: 60, staleMs: 10 * MINUTE },",
    tests: [T("cache")],
  },
  // http/origins.ts and http/cors.ts
  {
    id: "origins-wildcard-anywhere",
    what: "a wildcard origin matched anywhere in the host",
    file: `${BFF}/http/origins.ts`,
    from: "return host.endsWith(suffix) &&",
    to: "return host.includes(suffix) &&",
    tests: [T("origins"), T("cors")],
  },
  {
    id: "origins-any-scheme",
    what: "a wildcard origin matched on any scheme",
    file: `${BFF}/http/origins.ts`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text a mutant replaces
    from: "if (!candidate.startsWith(`${scheme}://`)) return false;",
    to: "",
    tests: [T("origins"), T("cors")],
  },
  {
    id: "cors-preflight-any-origin",
    what: "any origin's preflight allowed",
    file: `${BFF}/http/cors.ts`,
    from: "      if (allowed) {",
    to: "      if (origin) {",
    tests: [T("cors"), T("response-headers")],
  },
  {
    id: "cors-no-vary",
    what: "a refused origin's answer without Vary: Origin",
    file: `${BFF}/http/cors.ts`,
    from: '"access-control-expose-headers": expose } : { vary: "Origin" },',
    to: '"access-control-expose-headers": expose } : {},',
    tests: [T("cors"), T("response-headers")],
  },
  {
    id: "cors-no-expose",
    what: "rate-limit headers not exposed to the page",
    file: `${BFF}/http/cors.ts`,
    from: ', "access-control-expose-headers": expose }',
    to: " }",
    tests: [T("cors"), T("response-headers")],
  },
  // http/rate-limit.ts
  {
    id: "rate-limit-never-resets",
    what: "a rate-limit window that never resets",
    file: `${BFF}/http/rate-limit.ts`,
    from: "if (!window || now - window.start >= windowMs) {",
    to: "if (!window) {",
    tests: [T("rate-limit")],
  },
  {
    id: "rate-limit-off-by-one",
    what: "the last allowed request refused",
    file: `${BFF}/http/rate-limit.ts`,
    from: "if (window.count > options.limit) {",
    to: "if (window.count >= options.limit) {",
    tests: [T("rate-limit")],
  },
  {
    id: "rate-limit-counts-preflight",
    what: "CORS preflights spend the budget",
    file: `${BFF}/http/rate-limit.ts`,
    from: 'if (c.req.method === "OPTIONS") return next();',
    to: "",
    tests: [T("rate-limit")],
  },
  {
    id: "rate-limit-unbounded",
    what: "remembered clients never forgotten",
    file: `${BFF}/http/rate-limit.ts`,
    from: "if (windows.size > maxClients) windows.delete(windows.keys().next().value as string);",
    to: "",
    tests: [T("rate-limit")],
  },
  // upstream/quota.ts
  {
    id: "quota-23-hours",
    what: "the rolling day is 23 hours",
    file: `${BFF}/upstream/quota.ts`,
    from: "Array.from({ length: 24 },",
    to: "Array.from({ length: 23 },",
    tests: [T("quota"), T("throughline")],
  },
  {
    id: "quota-hour-in-seconds",
    what: "the quota's hour written in seconds",
    file: `${BFF}/upstream/quota.ts`,
    from: "const HOUR = 3_600_000;",
    to: "const HOUR = 3_600;",
    tests: [T("quota"), T("throughline")],
  },
  {
    id: "quota-counter-never-expires",
    what: "an expired counter keeps counting",
    file: `${BFF}/upstream/quota.ts`,
    from: "const value = (live ? entry.value : 0) + by;",
    to: "const value = (entry ? entry.value : 0) + by;",
    tests: [T("quota"), T("throughline")],
  },
  // upstream/call.ts
  {
    id: "upstream-three-tries",
    what: "reads tried three times",
    file: `${BFF}/upstream/call.ts`,
    from: "const attempts = options.idempotent ? 2 : 1;",
    to: "const attempts = options.idempotent ? 3 : 1;",
    tests: [T("upstream"), T("thron-failures")],
  },
  {
    id: "upstream-retries-writes",
    what: "calls that are not safe to repeat retried",
    file: `${BFF}/upstream/call.ts`,
    from: "const attempts = options.idempotent ? 2 : 1;",
    to: "const attempts = 2;",
    tests: [T("upstream"), T("thron-failures")],
  },
  {
    id: "upstream-retries-4xx",
    what: "a 4xx answer retried",
    file: `${BFF}/upstream/call.ts`,
    from: "if (response.status >= 500 && attempt < attempts && deadline - Date.now() >= MIN_RETRY_BUDGET_MS) {",
    to: "if (response.status >= 400 && attempt < attempts && deadline - Date.now() >= MIN_RETRY_BUDGET_MS) {",
    tests: [T("upstream"), T("thron-failures")],
  },
  {
    id: "upstream-timeout-as-503",
    what: "a timeout reported as a failed connection",
    file: `${BFF}/upstream/call.ts`,
    from: 'const timedOut = error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");',
    to: "const timedOut = false;",
    tests: [T("upstream"), T("thron-failures")],
  },
  // upstream/token-source.ts
  {
    id: "token-no-single-flight",
    what: "concurrent callers each obtain a token",
    file: `${BFF}/upstream/token-source.ts`,
    from: "if (!this.#inFlight) {",
    to: "if (true) {",
    tests: [T("token-source")],
  },
  {
    id: "token-no-refresh-ahead",
    what: "tokens refreshed only once expired",
    file: `${BFF}/upstream/token-source.ts`,
    from: "if (now >= current.expiresAt - this.#options.refreshAheadMs) {",
    to: "if (false) {",
    tests: [T("token-source")],
  },
  {
    id: "token-invalidate-ignored",
    what: "a token the upstream called dead handed out again",
    file: `${BFF}/upstream/token-source.ts`,
    from: "if (this.#current === token) this.#invalidated = true;",
    to: "",
    tests: [T("token-source"), T("thron-client"), T("throughline-client")],
  },
  {
    id: "token-min-validity-ignored",
    what: "a token handed out with seconds left",
    file: `${BFF}/upstream/token-source.ts`,
    from: "now < current.expiresAt - (this.#options.minValidityMs ?? 0)",
    to: "now < current.expiresAt",
    tests: [T("token-source")],
  },
  // upstream/health.ts, problem.ts, response-headers.ts, security-headers.ts, logger.ts
  {
    id: "health-degraded-forever",
    what: "a provider degraded until its next success, however long ago it failed",
    file: `${BFF}/upstream/health.ts`,
    from: "this.now() - this.#failedAt < this.degradedForMs",
    to: "this.now() - this.#failedAt >= 0",
    tests: [T("provider-health"), T("thron-failures")],
  },
  {
    id: "health-client-errors-count",
    what: "the caller's own 4xx marks the upstream degraded",
    file: `${BFF}/upstream/health.ts`,
    from: "error.status >= 502",
    to: "error.status >= 400",
    tests: [T("provider-health"), T("thron-failures")],
  },
  {
    id: "problem-plain-json",
    what: "problems sent as plain JSON",
    file: `${BFF}/http/problem.ts`,
    from: '"content-type": "application/problem+json",',
    to: '"content-type": "application/json",',
    tests: [T("errors"), T("thron-failures")],
  },
  {
    id: "headers-override-handler",
    what: "edge headers overwrite the ones a handler chose",
    file: `${BFF}/http/response-headers.ts`,
    from: "if (headers.has(name)) continue;",
    to: "",
    tests: [T("response-headers")],
  },
  {
    id: "headers-set-the-ordinary-way-lost",
    what: "headers a middleware sets with c.header() lost on answers built by respond()",
    file: `${BFF}/http/response-headers.ts`,
    from: "    recordHeaderCalls(c);",
    to: "",
    tests: [T("response-headers")],
  },
  {
    id: "security-no-nosniff",
    what: "nosniff dropped",
    file: `${BFF}/http/security-headers.ts`,
    from: '"x-content-type-options": "nosniff",',
    to: "",
    tests: [T("security-headers"), T("response-headers")],
  },
  {
    id: "logger-jwt-kept",
    what: "JWTs no longer redacted from log lines",
    file: `${BFF}/core/logger.ts`,
    from: "const JWT = /eyJ[\\w-]{5,}\\.[\\w-]{5,}\\.[\\w-]{5,}/g;",
    to: "const JWT = /$^/g;",
    tests: [T("logger")],
  },
  // "Renew once and retry" (upstream/token-source.ts), used by THRON's and ThroughLine's clients
  {
    id: "renewal-twice",
    what: "the session renewal retrying twice instead of once",
    file: `${BFF}/upstream/token-source.ts`,
    from: "    throw isRefused(error) ? refusedAgain(error) : error;\n",
    to: "    if (isRefused(error)) return await call(await credentials.renew(renewed));\n    throw error;\n",
    tests: [T("thron-client"), T("thron-sessions"), T("throughline-client")],
  },
  {
    id: "renewal-same-token",
    what: "retried with the token the upstream just refused",
    file: `${BFF}/upstream/token-source.ts`,
    from: "    this.invalidate(token);\n    return this.get();\n",
    to: "    return this.get();\n",
    tests: [T("throughline-client"), T("thron-client")],
  },
  {
    id: "thunder-health-untracked",
    what: "Thunder's SSO calls no longer tracked in its provider health",
    file: `${BFF}/thunder/client.ts`,
    from: "return this.health.track(() => this.#call(operation, body, options));",
    to: "return this.#call(operation, body, options);",
    tests: [T("thunder-routes")],
  },
  // upstream/oauth.ts
  {
    id: "oauth-expiry-seconds",
    what: "a token's lifetime read in milliseconds instead of seconds",
    file: `${BFF}/upstream/oauth.ts`,
    from: "expiresAt: sentAt + expires_in * 1000",
    to: "expiresAt: sentAt + expires_in",
    tests: [T("oauth"), T("thron-sessions"), T("throughline")],
  },
  {
    id: "oauth-outage-as-refusal",
    what: "a token endpoint outage (5xx) taken for a refusal of the credentials",
    file: `${BFF}/upstream/oauth.ts`,
    from: "if (response.status >= 400 && response.status < 500)",
    to: "if (response.status >= 400)",
    tests: [T("oauth"), T("thron-failures"), T("throughline-client")],
  },
  // Elements: strings, events, keyboard and focus
  {
    id: "strings-left-in-english",
    what: "a translation left in English",
    file: "packages/components/src/thron-gallery/lang/it.ts",
    from: 'loadMore: "Carica altri",',
    to: 'loadMore: "Load more",',
    tests: ["packages/components/test/localize.test.ts"],
  },
  {
    id: "events-not-composed",
    what: "element events that stop being composed",
    file: "packages/components/src/internal/embedkit-element.ts",
    from: "bubbles: true, composed: true,",
    to: "bubbles: true, composed: false,",
    tests: ["packages/components/src/internal/embedkit-element.test.ts"],
  },
  {
    id: "grid-down-by-one",
    what: "ArrowDown moves one tile instead of one row",
    file: "packages/components/src/internal/roving-grid.ts",
    from: "return step(columns(items));",
    to: "return step(1);",
    tests: GALLERY_TESTS,
  },
  {
    id: "grid-home-stays",
    what: "Home does not move",
    file: "packages/components/src/internal/roving-grid.ts",
    from: 'case "Home":\n      return 0;',
    to: 'case "Home":\n      return index;',
    tests: GALLERY_TESTS,
  },
  {
    id: "gallery-every-tile-tabbable",
    what: "every tile a tab stop (no roving tabindex)",
    file: "packages/components/src/thron-gallery/thron-gallery.component.ts",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text a mutant replaces
    from: "tabindex=${index === this._focusIndex ? 0 : -1}",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text a mutant replaces
    to: "tabindex=${0}",
    tests: GALLERY_TESTS,
  },
  {
    id: "gallery-close-no-focus",
    what: "closing the dialog leaves focus to the browser",
    file: "packages/components/src/thron-gallery/gallery-dialog.ts",
    from: "void this.host.updateComplete.then(() => this.host.focusTile(index));",
    to: "",
    tests: GALLERY_TESTS,
  },
  // Left out as equivalent: dropping `this._focusIndex = index` in the dialog's step, since the
  // tile's own focus handler sets the tab stop when the dialog returns focus to it.
  {
    id: "gallery-dialog-not-modal",
    what: "the dialog opened non-modal: focus not kept inside, the page behind reachable",
    file: "packages/components/src/thron-gallery/gallery-dialog.ts",
    from: "      dialog.showModal();\n",
    to: "      dialog.show();\n",
    tests: GALLERY_TESTS,
  },
  {
    id: "grid-arrows-move-no-focus",
    what: "arrow keys move the tab stop but not the focus",
    file: "packages/components/src/thron-gallery/thron-gallery.component.ts",
    from: "    tiles[target]?.focus();\n",
    to: "",
    tests: GALLERY_TESTS,
  },
];

const root = fileURLToPath(new URL("..", import.meta.url));
const TARGET = 0.9;
const isBrowser = (test: string) => test.startsWith("packages/components/src/");

function runTests(tests: string[]): boolean {
  const browser = tests.filter(isBrowser);
  const node = tests.filter((test) => !isBrowser(test));
  const options = { cwd: root, stdio: "ignore", timeout: 300_000 } as const;
  const runs = [
    ...(node.length ? [["--import", "tsx", "--test", "--test-reporter=dot", ...node]] : []),
    ...(browser.length ? [["--import", "tsx", "node_modules/@web/test-runner/dist/bin.js", "--files", ...browser]] : []),
  ];
  return runs.every((args) => spawnSync(process.execPath, args, options).status === 0);
}

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const words = args.filter((arg) => !arg.startsWith("--"));
const selected = MUTANTS.filter(
  (m) => (!args.includes("--node") || !m.tests.some(isBrowser)) && (words.length === 0 || words.some((word) => m.id.includes(word))),
);

// Applying every mutant's text first: a mutant whose code has moved fails here, before any run.
const sources = new Map<string, string>();
for (const mutant of selected) {
  const source = sources.get(mutant.file) ?? readFileSync(`${root}/${mutant.file}`, "utf8");
  sources.set(mutant.file, source);
  const count = source.split(mutant.from).length - 1;
  if (count !== 1) {
    console.error(`mutant ${mutant.id}: its code occurs ${count} times in ${mutant.file}; update the mutant`);
    process.exit(2);
  }
}

let restore: (() => void) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    restore?.();
    process.exit(130);
  });

const allTests = [...new Set(selected.flatMap((m) => m.tests))];
console.log(`baseline: ${allTests.length} test files without mutants…`);
if (!runTests(allTests)) {
  console.error("the tests fail without any mutant: fix them first");
  process.exit(2);
}

const survivors: Mutant[] = [];
for (const [n, mutant] of selected.entries()) {
  const original = sources.get(mutant.file) as string;
  restore = () => writeFileSync(`${root}/${mutant.file}`, original);
  writeFileSync(`${root}/${mutant.file}`, original.replace(mutant.from, mutant.to));
  let killed: boolean;
  try {
    killed = !runTests(mutant.tests);
  } finally {
    restore();
    restore = null;
  }
  if (!killed) survivors.push(mutant);
  console.log(`${String(n + 1).padStart(2)}/${selected.length} ${killed ? "killed  " : "SURVIVED"} ${mutant.id}: ${mutant.what}`);
}

const killed = selected.length - survivors.length;
const score = killed / selected.length;
console.log(`\nmutation score: ${killed}/${selected.length} killed (${(score * 100).toFixed(1)}%), target ${TARGET * 100}%`);
for (const mutant of survivors) console.log(`  survived: ${mutant.id} (${mutant.file}): ${mutant.what}`);
process.exit(score >= TARGET ? 0 : 1);
