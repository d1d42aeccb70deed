/**
 * Host-issued launch tickets: when THUNDER_TICKET_SECRET is set, the host site's backend signs
 * an HS256 JWT for a user it has authenticated (expiring within 10 minutes, with a `jti`,
 * optionally listing the ids it allows), and the BFF launches once with each. `issueTicket()`
 * is the host's side, `checkTicket()` the BFF's.
 */
import { sign, verify } from "hono/jwt";
import { ProblemError } from "../core/problem.ts";
import { unavailable } from "../upstream/call.ts";
import type { CounterStore } from "../upstream/quota.ts";

const MAX_LIFETIME_S = 600;
const CLOCK_SKEW_S = 30;

/**
 * How a host backend issues a ticket (any HS256 JWT library does the same): for the user it has
 * authenticated, expiring within 10 minutes (5 unless `ttlSeconds` says), with a unique `jti`,
 * optionally limited to some ids.
 */
export function issueTicket(
  secret: string,
  claims: { sub: string; ids?: string[]; ttlSeconds?: number },
  now: () => number = Date.now,
): Promise<string> {
  const issuedAt = Math.floor(now() / 1000);
  const ttl = Math.min(claims.ttlSeconds ?? 300, MAX_LIFETIME_S);
  return sign(
    { sub: claims.sub, jti: crypto.randomUUID(), iat: issuedAt, exp: issuedAt + ttl, ...(claims.ids && { ids: claims.ids }) },
    secret,
    "HS256",
  );
}

const refused = (detail: string) => new ProblemError(401, "thunder-ticket", "A valid launch ticket is required", detail);

/**
 * Tickets already used, by `jti`, in the shared counter store (Redis when BFF_CACHE_URL is set),
 * so a ticket works once across every instance.
 */
export function ticketLedger(store: CounterStore) {
  return {
    /** True the first time `jti` is seen; kept until the ticket could no longer be valid anyway. */
    async claim(jti: string, ttlMs: number): Promise<boolean> {
      // A store that cannot count (it throws, or answers 0) cannot rule out a replay: no launch.
      const uses = await store.increment(`thunder:ticket:${jti}`, ttlMs).catch(() => 0);
      if (uses === 0) throw unavailable("The launch ticket store", "Tickets cannot be checked for reuse right now; try again shortly.");
      return uses === 1;
    },
    /** The launch failed (Thunder down): the ticket may be used again. Best effort: a store that cannot count keeps it used. */
    async release(jti: string, ttlMs: number): Promise<void> {
      await store.increment(`thunder:ticket:${jti}`, ttlMs, -1).catch(() => undefined);
    },
  };
}
export type TicketLedger = ReturnType<typeof ticketLedger>;

/** A claimed ticket; `release()` gives it back when the launch it was claimed for failed upstream. */
export interface ClaimedTicket {
  release(): Promise<void>;
}

export async function checkTicket(
  ticket: string | undefined,
  secret: string,
  ids: readonly string[],
  ledger: TicketLedger,
  clock: () => number = Date.now,
): Promise<ClaimedTicket> {
  if (!ticket) throw refused("This BFF launches Thunder only with a ticket from the host site; none was sent.");
  let payload: Record<string, unknown>;
  try {
    // Times are checked below, on our clock.
    payload = await verify(ticket, secret, { alg: "HS256", exp: false, nbf: false, iat: false });
  } catch {
    throw refused("The ticket is not a JWT signed with this BFF's ticket secret.");
  }
  const now = clock() / 1000;
  const nbf = payload.nbf;
  if (nbf !== undefined && (typeof nbf !== "number" || !Number.isFinite(nbf) || nbf > now))
    throw refused("The ticket is not valid yet (nbf).");
  const exp = payload.exp;
  if (typeof exp !== "number") throw refused("The ticket has no expiry (exp).");
  if (exp <= now) throw refused("The ticket has expired.");
  if (exp - now > MAX_LIFETIME_S + CLOCK_SKEW_S || (typeof payload.iat === "number" && exp - payload.iat > MAX_LIFETIME_S + CLOCK_SKEW_S))
    throw refused("Tickets may live 10 minutes at most.");
  const listed = payload.ids;
  if (listed !== undefined) {
    // Only string entries name ids (includes() never matches a requested id to an object or a number); a claim that is no list allows nothing.
    if (!Array.isArray(listed) || !ids.every((id) => listed.includes(id)))
      throw new ProblemError(
        403,
        "thunder-ticket-scope",
        "The ticket does not cover these ids",
        "Ask the host site for a ticket that lists them.",
      );
  }
  const jti = payload.jti;
  if (typeof jti !== "string" || !/^[\w.:-]{8,128}$/.test(jti)) throw refused("The ticket has no jti (8–128 letters, digits, . : _ -).");
  // Stryker disable next-line ArithmeticOperator: exp + now would only keep a used ticket listed long after it expired, which no caller can tell
  const secondsLeft = exp - now;
  const ttlMs = Math.ceil((secondsLeft + CLOCK_SKEW_S) * 1000);
  if (!(await ledger.claim(jti, ttlMs)))
    throw refused("This ticket was already used: a ticket launches once. Ask the host site for a new one.");
  return { release: () => ledger.release(jti, ttlMs) };
}
