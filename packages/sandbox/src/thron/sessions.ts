/**
 * THRON sessions as the upstream keeps them: signed JWT access tokens that expire, rotating
 * refresh tokens (the previous one stops working), and legacy X-TokenIDs derived from a JWT.
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

export class SessionStore {
  readonly #jwtSecret: string;
  readonly #refresh = new Map<string, Omit<Session, "jti" | "issuedAt" | "expiresAt">>();
  readonly #sessions = new Map<string, Session>();
  readonly #legacyByJti = new Map<string, string>();
  readonly #legacy = new Map<string, string>(); // legacy token → jti
  /** Every token string handed out, so leak tests know exactly what must never reappear. */
  readonly issuedTokens = new Set<string>();
  /** Sessions issued before this instant count as expired (the "expired sessions" fault). */
  #validAfter = 0;

  constructor(
    readonly lifetimeSeconds: () => number,
    jwtSecret = crypto.randomUUID(),
  ) {
    this.#jwtSecret = jwtSecret;
  }

  async issue(sub: string, clientId: string, grant: Grant): Promise<IssuedTokens> {
    const issuedAt = Date.now();
    const lifetime = this.lifetimeSeconds();
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

  /** The legacy token lives as long as the JWT session it came from; asking twice gives the same one. */
  legacyTokenFor(session: Session): string {
    let token = this.#legacyByJti.get(session.jti);
    if (!token) {
      token = crypto.randomUUID();
      this.#legacyByJti.set(session.jti, token);
      this.#legacy.set(token, session.jti);
      this.issuedTokens.add(token);
    }
    return token;
  }

  checkLegacy(token: string | undefined): SessionCheck {
    const jti = token ? this.#legacy.get(token) : undefined;
    return jti ? this.#check(jti) : { ok: false, reason: "unknown" };
  }

  /** Every refresh token issued so far stops working (revoked, or rotated by another client). */
  revokeRefreshTokens(): void {
    this.#refresh.clear();
  }

  /** Every session issued so far is expired from now on; refresh tokens still work. */
  expireAll(): void {
    this.#validAfter = Date.now() + 1;
  }

  #check(jti: string): SessionCheck {
    const session = this.#sessions.get(jti);
    if (!session) return { ok: false, reason: "unknown" };
    if (Date.now() >= session.expiresAt || session.issuedAt < this.#validAfter) return { ok: false, reason: "expired" };
    return { ok: true, session };
  }
}
