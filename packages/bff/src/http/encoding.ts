/**
 * Content encodings for answers computed once and served many times (cached pages, the bundle):
 * which one a client accepts, and gzip through CompressionStream, which every runtime has.
 */
export type Encoding = "br" | "gzip";

/** Below this a compressed body saves less than its headers cost. */
export const MIN_COMPRESSIBLE_BYTES = 1024;

/** Browsers send a handful of distinct headers: each is parsed once (bounded, for hostile ones). */
const parsed = new Map<string, Encoding | null>();
const MAX_PARSED = 256;

/** The best of `available` the Accept-Encoding header allows (q > 0), brotli first; null: send it as is. */
export function acceptedEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | null {
  // Nothing available (every caller offers one at least) needs no check of its own: the parse then answers null too.
  if (!header) return null;
  // Apart by a line break, which no header value holds: a crafted header cannot take another list's key.
  // Stryker disable next-line EqualityOperator: either list may take the bare header as its key, the other the prefixed one: the keys stay apart
  const key = available.length === 2 ? header : `${available.join()}\n${header}`;
  let encoding = parsed.get(key);
  // Stryker disable next-line ConditionalExpression: a cache: parsing every time (true) gives the same encodings, only slower; false is killed by the compression tests
  if (encoding === undefined) {
    encoding = parseAcceptEncoding(header, available);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: clearing sooner or one entry later answers the same, only slower; never (false) is killed by the compression test on memory
    if (parsed.size >= MAX_PARSED) parsed.clear();
    // Stryker disable next-line CallExpression: a cache: without it every header is parsed again, to the same encoding
    parsed.set(key, encoding);
  }
  return encoding;
}

function parseAcceptEncoding(header: string, available: readonly Encoding[]): Encoding | null {
  let wildcard = 0;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    // Stryker disable next-line StringLiteral: split() always returns one element at least, so the default is never used
    const [name = "", ...params] = part.trim().split(";");
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const value = weight === undefined ? 1 : Number(weight);
    if (name === "*") wildcard = value;
    else q.set(name.trim(), value);
  }
  for (const encoding of ["br", "gzip"] as const) if (available.includes(encoding) && (q.get(encoding) ?? wildcard) > 0) return encoding;
  return null;
}

export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
