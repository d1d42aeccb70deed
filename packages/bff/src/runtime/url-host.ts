/** A host as a URL writes it: an IPv6 literal in brackets (`http://[::1]:8787`), a name or an IPv4 address as it is. */
export function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/** The host a browser reaches a listening interface at: every interface (a wildcard) as localhost. */
export function browserHost(listenHost: string): string {
  return listenHost === "0.0.0.0" || listenHost === "::" ? "localhost" : listenHost;
}
