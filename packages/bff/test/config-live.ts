/** A BFF configuration shared by the configuration-reference tests. */
import { THRON } from "./helpers.ts";

/** Every provider configured for real, with a value of its own in every variable that takes one. */
export const LIVE = {
  ...THRON,
  THRON_CLASSIFICATION_ID: "cls-1",
  THRON_FILTER_KEYS: "topic",
  THRON_GALLERIES: JSON.stringify({ press: { folderId: "folder-2", pkey: "pkey-2" } }),
  THUNDER_USERNAME: "thunder-user",
  THUNDER_PASSWORD: "thunder-password-value",
  THUNDER_VENDOR_GUID: "6f1c2a9e-3b7d-4e0a-9c5f-2d8b7a41e360",
  THUNDER_TICKET_SECRET: "thunder-ticket-secret-0123456789abcdef",
  THROUGHLINE_CLIENT_ID: "throughline-client",
  THROUGHLINE_CLIENT_SECRET: "throughline-secret-value",
  ALLOWED_ORIGINS: "https://www.acme.com",
  BFF_CACHE_URL: "redis://:redis-password-value@cache.internal:6379",
  REDIS_URL: "redis://:platform-redis-password@platform.internal:6379",
  METRICS_TOKEN: "metrics-token-0123456789",
};
