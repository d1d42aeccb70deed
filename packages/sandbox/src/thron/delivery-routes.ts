/** THRON's delivery CDN: no token, the pkey is in the path; thumbnails, media, subtitles and the Player script. */
import type { Context, Hono } from "hono";
import type { Content } from "./catalogue.ts";
import { byteRange, renderImage, renderPdf, renderVtt, resolveSize } from "./media.ts";
import { playerScript } from "./player-script.ts";
import { SAMPLE_M3U8, SAMPLE_MP3_BASE64, SAMPLE_MP4_BASE64, SAMPLE_TS_BASE64 } from "./sample-media.ts";
import { pkeyOpens, THRON_SANDBOX, type ThronState } from "./state.ts";

const DELIVERY_CHANNELS = {
  video: ["WEB", "WEBHD", "WEBFULLHD", "STREAMHTTPIOS", "STREAMHTTPIOSHD"],
  audio: ["WEB"],
  document: ["WEB", "WEBDOC"],
} as const;
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const SAMPLE_MP4 = fromBase64(SAMPLE_MP4_BASE64);
const SAMPLE_TS = fromBase64(SAMPLE_TS_BASE64);
const SAMPLE_MP3 = fromBase64(SAMPLE_MP3_BASE64);
const MIME = { video: "video/mp4", audio: "audio/mpeg", document: "application/pdf" } as const;
const IMAGE_CACHE_LIMIT = 256;
const CACHED = { "cache-control": "public, max-age=86400" };

/** The content at :id, if :pkey is the pkey of its folder. */
function delivered(state: ThronState, c: Context): Content | null {
  state.stats.deliveries++;
  const content = state.catalogue.byId.get(c.req.param("id") ?? "");
  if (c.req.param("tenant") !== THRON_SANDBOX.tenant || !content || !pkeyOpens(state, content, c.req.param("pkey"))) return null;
  return content;
}

/** Images and thumbnails, rendered at the asked size and kept (a few hundred at most). */
function imageRoute(state: ThronState, images: Map<string, Uint8Array>) {
  return async (c: Context) => {
    const content = delivered(state, c);
    if (!content) return c.text("Not Found", 404);
    if (c.req.param("kind") === "image" && content.contentType !== "IMAGE") return c.text("Not Found", 404);
    const size = resolveSize(content, c.req.param("area") ?? "");
    if (!size) return c.text("Bad Request", 400);
    const key = `${content.id}/${size.width}x${size.height}`;
    let png = images.get(key);
    if (!png) {
      png = await renderImage(content, size.width, size.height);
      if (images.size >= IMAGE_CACHE_LIMIT) images.delete(images.keys().next().value as string);
      images.set(key, png);
    }
    return c.body(png as Uint8Array<ArrayBuffer>, 200, { "content-type": "image/png", ...CACHED });
  };
}

/** A channel's bytes and type; HLS: the playlist names one segment, resolved next to it. */
function mediaBody(kind: keyof typeof DELIVERY_CHANNELS, channel: string, name: string, content: Content): [Uint8Array, string] | null {
  if (kind === "video" && channel.startsWith("STREAMHTTPIOS")) {
    if (name.endsWith(".m3u8")) return [new TextEncoder().encode(SAMPLE_M3U8), "application/vnd.apple.mpegurl"];
    return name === "segment0.ts" ? [SAMPLE_TS, "video/mp2t"] : null;
  }
  if (kind === "video") return [SAMPLE_MP4, MIME.video];
  if (kind === "audio") return [SAMPLE_MP3, MIME.audio];
  return [renderPdf(content.locales[0]?.name ?? content.fileName), MIME.document];
}

export function mountDelivery(app: Hono, state: ThronState): void {
  const images = new Map<string, Uint8Array>();
  app.get("/delivery/public/:kind{image|thumbnail}/:tenant/:id/:pkey/std/:area/:name", imageRoute(state, images));
  app.get("/delivery/public/:kind{video|audio|document}/:tenant/:id/:pkey/:channel/:name", (c) => {
    const kind = c.req.param("kind") as keyof typeof DELIVERY_CHANNELS;
    const content = delivered(state, c);
    const expected = { video: "VIDEO", audio: "AUDIO", document: "OTHER" }[kind];
    if (!content || content.contentType !== expected) return c.text("Not Found", 404);
    const channel = c.req.param("channel");
    if (!(DELIVERY_CHANNELS[kind] as readonly string[]).includes(channel)) return c.text("Not Found", 404);
    const media = mediaBody(kind, channel, c.req.param("name"), content);
    if (!media) return c.text("Not Found", 404);
    return byteRange(c.req.header("range"), media[0], { "content-type": media[1], ...CACHED });
  });
  app.get("/delivery/public/subtitles/:tenant/:id/:pkey/:file{[A-Z]{2}\\.vtt}", (c) => {
    const content = delivered(state, c);
    if (!content?.subtitles) return c.text("Not Found", 404);
    return c.body(renderVtt(content), 200, { "content-type": "text/vtt; charset=utf-8" });
  });
  app.get("/shared/ce/bootstrap/1/scripts/embeds-min.js", (c) =>
    state.faults.playerScriptDown
      ? c.text("Service Unavailable", 503)
      : // Revalidated on every load, so the fault switch applies even where a browser loaded it before.
        c.body(playerScript({ silent: state.faults.playerNeverReady }), 200, {
          "content-type": "text/javascript; charset=utf-8",
          "cache-control": "no-cache",
        }),
  );
}
