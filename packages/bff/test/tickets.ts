/**
 * How a host backend issues a Thunder launch ticket (any HS256 JWT library does the same): for
 * the user it has authenticated, expiring within 10 minutes, with a unique `jti`, optionally
 * limited to some ids. Tests play the host with it.
 */
import { sign } from "hono/jwt";

export function issueTicket(
  secret: string,
  claims: { sub: string; ids?: string[]; ttlSeconds?: number },
  now: () => number = Date.now,
): Promise<string> {
  const issuedAt = Math.floor(now() / 1000);
  const ttl = Math.min(claims.ttlSeconds ?? 300, 600);
  return sign(
    { sub: claims.sub, jti: crypto.randomUUID(), iat: issuedAt, exp: issuedAt + ttl, ...(claims.ids && { ids: claims.ids }) },
    secret,
    "HS256",
  );
}
