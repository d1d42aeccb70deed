/**
 * THRON sessions as the upstream keeps them: signed JWT access tokens that expire, rotating
 * refresh tokens (the previous one stops working), and legacy X-TokenIDs derived from a JWT.
 * A legacy session has its own life (60 minutes in THRON's help centre, extended by each use),
 * so it can lapse while the JWT it came from is still good.
 */
import { sign, verify } from "hono/jwt";

export type Grant = "user-impersonation" | "client_credentials";

export interface Session {
  jti: string;
  sub: string;
  clientId: string;
  grant: Grant;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; reason: "unknown" | "expired" };

export interface SessionLifetimes {
  /** The JWT's life, in seconds (THRON: 28800). */
  accessSeconds: () => number;
  /** An idle legacy session's life, in seconds (THRON: 3600, renewed by each use). */
  legacyIdleSeconds: () => number;
}

interface LegacySession {
  jti: string;
  lastUsedAt: number;
}

export class SessionStore {
  readonly #jwtSecret: string;
  readonly #refresh = new Map<string, Omit<Session, "jti" | "issuedAt" | "expiresAt">>();
  readonly #sessions = new Map<string, Session>();
  readonly #legacyByJti = new Map<string, string>();
  readonly #legacy = new Map<string, LegacySession>();
  /** Every token string handed out, so leak tests know exactly what must never reappear. */
  readonly issuedTokens = new Set<string>();
  /** Sessions ended by the "expired sessions" fault (a clock-free mark: tests may freeze time). */
  readonly #forcedExpired = new Set<string>();

  constructor(
    readonly lifetimes: SessionLifetimes,
    readonly now: () => number = Date.now,
    jwtSecret = crypto.randomUUID(),
  ) {
    this.#jwtSecret = jwtSecret;
  }

  async issue(sub: string, clientId: string, grant: Grant): Promise<IssuedTokens> {
    const issuedAt = this.now();
    const lifetime = this.lifetimes.accessSeconds();
    const session: Session = {
      jti: crypto.randomUUID(),
      sub,
      clientId,
      grant,
      issuedAt,
      expiresAt: issuedAt + lifetime * 1000,
    };
    this.#sessions.set(session.jti, session);
    const refreshToken = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
    this.#refresh.set(refreshToken, { sub, clientId, grant });
    const accessToken = await sign(
      { sub, client_id: clientId, jti: session.jti, iat: Math.floor(issuedAt / 1000), exp: Math.ceil(session.expiresAt / 1000) },
      this.#jwtSecret,
      "HS256",
    );
    this.issuedTokens.add(accessToken).add(refreshToken);
    return { access_token: accessToken, refresh_token: refreshToken, token_type: "Bearer", expires_in: lifetime };
  }

  /** Rotation: a refresh token works once; the answer carries its successor. */
  async refresh(refreshToken: string, clientId: string): Promise<IssuedTokens | null> {
    const owner = this.#refresh.get(refreshToken);
    if (!owner || owner.clientId !== clientId) return null;
    this.#refresh.delete(refreshToken);
    return this.issue(owner.sub, owner.clientId, owner.grant);
  }

  async checkBearer(authorization: string | undefined): Promise<SessionCheck> {
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) return { ok: false, reason: "unknown" };
    try {
      // Expiry is checked below against the session itself, so the forced-expiry fault applies too.
      const payload = await verify(token, this.#jwtSecret, { alg: "HS256", exp: false });
      return this.#check(String(payload.jti));
    } catch {
      return { ok: false, reason: "unknown" };
    }
  }

  /** The JWT session's legacy token: the same one while it is alive, a new one once it lapsed. */
  legacyTokenFor(session: Session): string {
    const existing = this.#legacyByJti.get(session.jti);
    if (existing && this.#legacyAlive(existing)) return existing;
    const token = crypto.randomUUID();
    this.#legacyByJti.set(session.jti, token);
    this.#legacy.set(token, { jti: session.jti, lastUsedAt: this.now() });
    this.issuedTokens.add(token);
    return token;
  }

  /** A live legacy token names its JWT session, and each use extends its life. */
  checkLegacy(token: string | undefined): SessionCheck {
    const legacy = token ? this.#legacy.get(token) : undefined;
    if (!legacy) return { ok: false, reason: "unknown" };
    if (!this.#legacyAlive(token as string)) return { ok: false, reason: "expired" };
    const check = this.#check(legacy.jti);
    if (check.ok) legacy.lastUsedAt = this.now();
    return check;
  }

  /** Every refresh token issued so far stops working (revoked, or rotated by another client). */
  revokeRefreshTokens(): void {
    this.#refresh.clear();
  }

  /** Every session issued so far is expired from now on; refresh tokens still work. */
  expireAll(): void {
    for (const jti of this.#sessions.keys()) this.#forcedExpired.add(jti);
  }

  #legacyAlive(token: string): boolean {
    const legacy = this.#legacy.get(token);
    return !!legacy && this.now() - legacy.lastUsedAt < this.lifetimes.legacyIdleSeconds() * 1000;
  }

  #check(jti: string): SessionCheck {
    const session = this.#sessions.get(jti);
    if (!session) return { ok: false, reason: "unknown" };
    if (this.now() >= session.expiresAt || this.#forcedExpired.has(jti)) return { ok: false, reason: "expired" };
    return { ok: true, session };
  }
}
