/**
 * Real files for public delivery, generated from the content itself so nothing binary is
 * committed: PNG images of any requested size, PDF documents and WebVTT captions
 * (video and audio are the generated samples in sample-media.ts).
 */
import { encodePng } from "../png.ts";
import { hash32 } from "../prng.ts";
import type { Content } from "./catalogue.ts";

const MAX_SIDE = 2048;

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

/** `{W}x{H}` with 0 meaning "unconstrained", keeping the master's aspect ratio. */
export function resolveSize(content: Content, area: string): { width: number; height: number } | null {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(area);
  if (!match) return null;
  let width = Number(match[1]);
  let height = Number(match[2]);
  const ratio = content.width / content.height;
  if (width === 0 && height === 0) [width, height] = [content.width, content.height];
  else if (height === 0) height = Math.round(width / ratio);
  else if (width === 0) width = Math.round(height * ratio);
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A gradient in the content's own colours with a glyph for its type, so tiles are told apart. */
export function renderImage(content: Content, width: number, height: number): Promise<Uint8Array> {
  const hue = hash32(content.id) % 360;
  const from = hslToRgb(hue, 0.55, 0.55);
  const to = hslToRgb((hue + 50) % 360, 0.6, 0.3);
  const cx = width / 2;
  const cy = height / 2;
  const r = Math.min(width, height) * 0.18;
  const glyph: (x: number, y: number) => boolean = {
    IMAGE: (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 < r * r,
    VIDEO: (x: number, y: number) => x > cx - r * 0.7 && x < cx + r && Math.abs(y - cy) < (cx + r - x) * 0.58,
    AUDIO: (x: number, y: number) => {
      const bar = Math.floor((x - (cx - r)) / (r / 2.5));
      return x > cx - r && x < cx + r && bar % 2 === 0 && Math.abs(y - cy) < r * (0.35 + ((bar * 37) % 10) / 15);
    },
    OTHER: (x: number, y: number) =>
      Math.abs(x - cx) < r * 0.75 && Math.abs(y - cy) < r && (Math.abs(y - cy) > r * 0.8 || Math.floor((y - cy) / (r / 4)) % 2 === 0),
  }[content.contentType];
  return encodePng(width, height, (x, y) => {
    if (glyph(x, y)) return [245, 245, 245];
    const t = (x / width + y / height) / 2;
    return [
      Math.round(from[0] + (to[0] - from[0]) * t),
      Math.round(from[1] + (to[1] - from[1]) * t),
      Math.round(from[2] + (to[2] - from[2]) * t),
    ];
  });
}

/** A one-page PDF with the content's title: enough for a browser to open it. */
export function renderPdf(title: string): Uint8Array {
  const safe = title.replace(/[^\x20-\x7e]/g, "?").replace(/[()\\]/g, "\\$&");
  const stream = `BT /F1 24 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** WebVTT captions for a video with subtitles: two cues with its title. */
export function renderVtt(content: Content): string {
  const title = content.locales.find((l) => l.locale === "EN")?.name ?? content.fileName;
  return `WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${title}\n\n00:00:01.000 --> 00:00:02.000\nSandbox subtitles\n`;
}

/** Serves `body`, honouring a single `Range: bytes=a-b` as CDNs do (media elements seek with it). */
export function byteRange(range: string | undefined, body: Uint8Array, headers: Record<string, string>): Response {
  const all = { ...headers, "accept-ranges": "bytes" };
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: all });
  const size = body.length;
  let start = match[1] === "" ? size - Number(match[2]) : Number(match[1]);
  let end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  start = Math.max(0, start);
  if (start > end || start >= size) return new Response(null, { status: 416, headers: { ...all, "content-range": `bytes */${size}` } });
  end = Math.min(end, size - 1);
  return new Response(body.slice(start, end + 1) as Uint8Array<ArrayBuffer>, {
    status: 206,
    headers: { ...all, "content-range": `bytes ${start}-${end}/${size}` },
  });
}
