/** ALLOWED_ORIGINS matching: exact origins, `https://*.example.com` subdomain wildcards, or `*`. */
export function originMatcher(patterns: readonly string[]): (origin: string) => boolean {
  if (patterns.includes("*")) return () => true;
  const exact = new Set(patterns.filter((p) => !p.includes("*")).map((p) => p.toLowerCase()));
  const wildcards = patterns
    .filter((p) => p.includes("://*."))
    .map((p) => {
      const [scheme, rest] = p.toLowerCase().split("://*.") as [string, string];
      return { scheme, suffix: `.${rest}` };
    });
  return (origin) => {
    const candidate = origin.toLowerCase();
    if (exact.has(candidate)) return true;
    return wildcards.some(({ scheme, suffix }) => {
      if (!candidate.startsWith(`${scheme}://`)) return false;
      const host = candidate.slice(scheme.length + 3);
      // `*.example.com` covers a.example.com and a.b.example.com, never example.com.evil.net.
      return host.endsWith(suffix) && host.length > suffix.length && /^[a-z0-9.-]+(:\d+)?$/.test(host);
    });
  };
}
