/**
 * Thunder's credentials as its SSO service takes them: `Authorization: API base64(user:password)`
 * on every call, Thunder's own scheme (neither Basic nor Bearer, nor OAuth: nothing to renew).
 * Built first and handed to the client, as THRON's sessions and ThroughLine's tokens are. The
 * launch tokens are not ours to keep: each launch gets one of its own through the client
 * (GenerateTokenWithDuration), never cached, shared nor renewed.
 */
import type { ThunderConfig } from "./config.ts";

/** `Authorization: API base64(user:password)`: Thunder's own scheme, neither Basic nor Bearer. */
export function thunderAuthorization(config: Pick<ThunderConfig, "username" | "password">): string {
  return `API ${btoa(String.fromCharCode(...new TextEncoder().encode(`${config.username}:${config.password}`)))}`;
}

/** What the client sends as `Authorization` on each SSO call. */
export interface ThunderAuth {
  authorization(): string;
}

export function createThunderAuth(config: Pick<ThunderConfig, "username" | "password">): ThunderAuth {
  const authorization = thunderAuthorization(config);
  return { authorization: () => authorization };
}
