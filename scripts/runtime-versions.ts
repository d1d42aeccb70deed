/**
 * The runtimes `pnpm check:runtimes` installs into .runtimes/, at exact versions: a range
 * installs whatever is newest on the day (`wrangler@4` once brought a workerd older than the
 * compatibility date asked for). Wrangler itself is a locked devDependency of packages/bff.
 */
export const RUNTIME_VERSIONS = { bun: "1.4.5", deno: "2.9.6" };
