/**
 * Where a built file's bytes come from: each source module's share, read from the file's source
 * map. `gzipBytes` is what leaving the module out would save after gzip -9 (the rest of the file
 * compresses on without it), so the shares add up to a little less than the file's gzip size.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface ModuleShare {
  source: string;
  rawBytes: number;
  gzipBytes: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** One segment of a source map's `mappings`: its base64 VLQ fields. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/** For each character of `code`, the index of the source it came from (-1: the bundler's own). */
function owners(code: string, mappings: string): Int32Array {
  const owner = new Int32Array(code.length).fill(-1);
  const lines = code.split("\n");
  let source = 0;
  let offset = 0;
  mappings.split(";").forEach((line, index) => {
    const starts: [column: number, source: number][] = [];
    let column = 0;
    for (const segment of line ? line.split(",") : []) {
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) source += sourceDelta;
      starts.push([column, sourceDelta === undefined ? -1 : source]);
    }
    const length = lines[index]?.length ?? 0;
    for (const [i, [start, from]] of starts.entries()) owner.fill(from, offset + start, offset + (starts[i + 1]?.[0] ?? length));
    offset += length + 1;
  });
  return owner;
}

/** The modules of `file` (under `dir`, with its `.map`), largest first. */
export function moduleShares(dir: string, file: string): ModuleShare[] {
  const code = readFileSync(join(dir, file), "utf8");
  const map = JSON.parse(readFileSync(join(dir, `${file}.map`), "utf8")) as { sources: string[]; mappings: string };
  const owner = owners(code, map.mappings);
  const name = (index: number) =>
    index < 0
      ? "(imports, exports)"
      : (map.sources[index] ?? "?").replace(/^(\.\.\/)+/, "").replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "");
  const whole = gzipSync(code, { level: 9 }).length;
  const shares = new Map<string, number[]>();
  owner.forEach((index, at) => {
    const positions = shares.get(name(index)) ?? [];
    positions.push(at);
    shares.set(name(index), positions);
  });
  return [...shares]
    .map(([source, positions]) => {
      const own = new Set(positions);
      const rest = [...code].filter((_, at) => !own.has(at)).join("");
      return { source, rawBytes: positions.length, gzipBytes: whole - gzipSync(rest, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
