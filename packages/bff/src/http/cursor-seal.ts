/**
 * Integrity tags on the opaque values the BFF hands to clients and takes back (page cursors):
 * `<value>.<HMAC-SHA256 of value, base64url>`. A value the BFF did not issue, or one edited by
 * the client, fails to open and is the client's 400; it never reaches an upstream. WebCrypto,
 * so it runs on every runtime.
 */
const encoder = new TextEncoder();

// Stryker disable next-line Regex: a tag is 32 bytes, whose base64 ends in exactly one "=" and has none elsewhere
const PADDING = /=+$/;

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(PADDING, "");

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[\w-]*$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The bytes a tag covers: the context and the value, unambiguously (JSON). */
const signed = (value: string, context: string) => encoder.encode(JSON.stringify([context, value]));

export class CursorSeal {
  readonly #key: Promise<CryptoKey>;

  /** `secret`: the same on every instance that must open each other's cursors; random bytes otherwise. */
  constructor(secret: string | Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(32))) {
    const raw = typeof secret === "string" ? encoder.encode(secret) : secret;
    // Stryker disable next-line BooleanLiteral: an extractable key could be exported, which nothing does: the cursors are the same
    this.#key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  }

  /**
   * `value` with a tag over it and `context` (what it belongs to, e.g. the query of a page
   * cursor): the context is not in the sealed text, yet opening it under another one fails.
   */
  async seal(value: string, context = ""): Promise<string> {
    const tag = await crypto.subtle.sign("HMAC", await this.#key, signed(value, context));
    return `${value}.${base64url(tag)}`;
  }

  /** The value inside `sealed`, or null when its tag is missing or wrong, or it was sealed under another `context`. */
  async open(sealed: string, context = ""): Promise<string | null> {
    const dot = sealed.lastIndexOf(".");
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut: without a dot the whole text would be the tag of all but its last character, and "" is never sealed; neither can verify
    if (dot < 0) return null;
    const value = sealed.slice(0, dot);
    const tag = fromBase64url(sealed.slice(dot + 1));
    if (tag?.length !== 32) return null;
    return (await crypto.subtle.verify("HMAC", await this.#key, tag, signed(value, context))) ? value : null;
  }
}
