import type { Asset } from "@embedkit/contracts";
import { html, isServer, nothing, type PropertyValues } from "lit";
import { BffError } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { nativePlayer } from "../internal/native-player.ts";
import { inlineState } from "../internal/server-state.ts";
import { fetchAsset } from "../internal/thron-client.ts";
import { type MountedPlayer, mountThronPlayer } from "../internal/thron-player-mount.ts";
import { warnAttribute } from "../internal/warn.ts";
import { type ThronAssetStrings, translated } from "./strings.ts";
import { styles } from "./thron-asset.styles.ts";

/** How far ahead of the viewport a player starts loading. */
const NEAR_VIEWPORT = "300px 0px";

/**
 * One content of a THRON gallery's folder, on its own: the THRON Player for video and audio
 * (loaded only when the element comes near the viewport, a poster until then), the image with
 * `srcset`, or a document's preview with a download link. Fed only by the Embedkit BFF.
 *
 * @tagname thron-asset
 * @event thron-error - The asset could not be loaded (404: not in the gallery's folder). `detail: {status, title, detail}`.
 *
 * @slot player - Used internally: the THRON Player's container lives in light DOM, as the Player looks it up by id.
 *
 * @csspart base - The figure.
 * @csspart frame - The box the media is shown in (sized before it loads).
 * @csspart media - The image, or the browser's own video or audio player.
 * @csspart poster - The thumbnail shown until the player loads, and a document's preview.
 * @csspart download - A document's download link.
 * @csspart caption - Title and description, with `caption`.
 * @csspart title - The title in the caption.
 * @csspart description - The description in the caption.
 * @csspart message - The "not available" and error message.
 *
 * @cssproperty [--thron-asset-aspect-ratio=16 / 9] - Shape of the box, reserved before the media loads.
 * @cssproperty [--thron-asset-radius=0.5rem] - Corner radius of the box.
 * @cssproperty --thron-asset-color - Text colour.
 * @cssproperty --thron-asset-accent - Download link colour.
 * @cssproperty --thron-asset-focus-ring - Focus outline colour.
 * @cssproperty --thron-asset-placeholder - Box colour while the media loads.
 * @cssproperty --thron-asset-message-background - Background of the message.
 * @cssproperty --thron-asset-message-color - Text colour of the message.
 */
export class ThronAsset extends EmbedkitElement<ThronAssetStrings> {
  static override styles = styles;
  static override properties = {
    gallery: { type: String },
    asset: { type: String },
    player: { type: String },
    caption: { type: Boolean, reflect: true },
    _detail: { state: true },
    _error: { state: true },
    _near: { state: true },
    _playback: { state: true },
    _width: { state: true },
  };

  /** Gallery name configured on the BFF: the asset must be in its folder. */
  declare gallery: string;
  /** The THRON content id. */
  declare asset: string | undefined;
  /** `thron` (default): the THRON Player for video and audio; `native`: the browser's own players. */
  declare player: "thron" | "native";
  /** Show the title and description under the media. */
  declare caption: boolean;

  /** @internal The asset, set by the server renderer (see internal/server-state.ts). */
  declare serverState: Asset | undefined;

  declare _detail: Asset | null;
  declare _error: BffError | null;
  declare _near: boolean;
  /** How video and audio play: the poster until near the viewport, then the THRON Player or native. */
  declare _playback: "poster" | "starting" | "thron" | "native";
  declare _width: number;

  #abort: AbortController | null = null;
  #mounted: MountedPlayer | null = null;
  #token = 0;
  #intersection: IntersectionObserver | null = null;
  #resize: ResizeObserver | null = null;

  constructor() {
    super(translated);
    this.gallery = "default";
    this.player = "thron";
    this.caption = false;
    this._detail = null;
    this._error = null;
    this._near = false;
    this._playback = "poster";
    this._width = 0;
  }

  /** The asset shown, once loaded. */
  get detail(): Asset | null {
    return this._detail;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#intersection = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this._near = true;
        this.#intersection?.disconnect();
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    this.#intersection.observe(this);
    // The measured width drives `sizes`, so the browser picks the right srcset candidate.
    this.#resize = new ResizeObserver(() => {
      const width = Math.ceil(this.getBoundingClientRect().width);
      if (width > 0 && width !== this._width) this._width = width;
    });
    this.#resize.observe(this);
    if (this.hasUpdated && !this._detail && !this._error) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#intersection?.disconnect();
    this.#resize?.disconnect();
    this.#stopPlayer();
    this._playback = "poster";
    this._near = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Server-rendered: the asset came with the page, so there is nothing to ask.
    const first = this.hasUpdated ? null : (this.serverState ?? inlineState<Asset>(this));
    if (first) {
      this._detail = first;
      return;
    }
    if (isServer) return;
    if (changed.has("bff") || changed.has("gallery") || changed.has("asset") || changed.has("locale") || changed.has("player")) {
      void this.#load();
    }
    // Video and audio start playing only near the viewport: until then the poster costs one image.
    const asset = this._detail;
    if (asset && this._near && this._playback === "poster" && (asset.type === "video" || asset.type === "audio")) {
      if (this.player === "native") this._playback = "native";
      else void this.#startPlayer(asset);
    }
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    this.#stopPlayer();
    this._detail = null;
    this._error = null;
    this._playback = "poster";
    const id = this.asset?.trim() ?? "";
    const abort = new AbortController();
    this.#abort = abort;
    try {
      if (!id) throw new BffError(400, { title: "No asset", detail: "The asset attribute is empty." });
      const detail = await fetchAsset(this.bffBase, this.gallery, id, this.localeInEffect, abort.signal);
      if (!abort.signal.aborted) this._detail = detail;
    } catch (error) {
      if (abort.signal.aborted) return;
      this._error = this.emitError("thron-error", error);
      if (this._error.status === 404 || this._error.status === 400) {
        // The editor who pasted the tag is the one who can fix it: say what is wrong, in the console.
        const cause = (this._error.problem.detail ?? this._error.message).replace(/\.$/, "");
        warnAttribute(this, "asset", id, `the id of a content in the gallery's folder (gallery="${this.gallery}"); ${cause}`);
      }
    }
  }

  async #startPlayer(asset: Asset): Promise<void> {
    const token = ++this.#token;
    this._playback = "starting";
    try {
      const mounted = await mountThronPlayer(this, {
        base: this.bffBase,
        gallery: this.gallery,
        assetId: asset.id,
        locale: this.localeInEffect,
        slot: "player",
      });
      if (token !== this.#token) return mounted.destroy();
      this.#mounted = mounted;
      this._playback = "thron";
    } catch {
      if (token === this.#token) this._playback = "native";
    }
  }

  #stopPlayer(): void {
    this.#token++;
    this.#mounted?.destroy();
    this.#mounted = null;
  }

  /** The asset's picture from THRON's thumbnails, sized for the element's width. */
  #image(asset: Asset, part: "media" | "poster", alt: string) {
    return html`<img
      part=${part}
      class=${part}
      src=${asset.thumbnail.url}
      srcset=${asset.thumbnail.srcset}
      sizes=${this._width > 0 ? `${this._width}px` : "100vw"}
      alt=${alt}
      loading="lazy"
      decoding="async"
    />`;
  }

  #media(asset: Asset, t: ThronAssetStrings) {
    switch (asset.type) {
      case "image":
        return this.#image(asset, "media", asset.description ?? asset.title);
      case "document":
        return this.#image(asset, "poster", asset.title);
      default: {
        // Until it plays, the thumbnail is the poster: decorative, the caption or player names it.
        const poster = this.#image(asset, "poster", "");
        if (this._playback === "native")
          return html`${asset.type === "audio" ? poster : nothing}${nativePlayer(asset, { openDocument: t.download })}`;
        // The Player renders under the poster and replaces it once ready.
        return html`<slot name="player"></slot>${this._playback === "thron" ? nothing : poster}`;
      }
    }
  }

  #download(asset: Asset, t: ThronAssetStrings) {
    // The original file when THRON delivers it, else its PDF rendition.
    const file = asset.sources.find((s) => s.mimeType === "application/octet-stream") ?? asset.sources[0];
    if (asset.type !== "document" || !file) return nothing;
    const extension = /\.([a-z0-9]{2,5})$/i.exec(new URL(file.url).pathname)?.[1];
    const format = file.mimeType === "application/pdf" ? "PDF" : extension?.toUpperCase();
    return html`<a part="download" href=${file.url} download target="_blank" rel="noopener"
      >${t.download}<span class="visually-hidden"> ${asset.title}</span>${format ? ` (${format})` : ""}</a
    >`;
  }

  override render() {
    const t = this.t;
    const asset = this._detail;
    if (this._error) {
      const missing = this._error.status === 404 || this._error.status === 400;
      return html`<figure part="base">
        <div part="frame" class="frame">
          <p part="message" class="message" role="alert">${missing ? t.notAvailable : t.assetError}</p>
        </div>
      </figure>`;
    }
    if (!asset) {
      return html`<figure part="base" aria-busy="true">
        <div part="frame" class="frame"><span class="visually-hidden" role="status">${t.loading}</span></div>
      </figure>`;
    }
    const playing = this._playback === "thron" || this._playback === "native";
    return html`<figure part="base">
      <div part="frame" class="frame ${playing && asset.type !== "image" ? "playing" : ""}">${this.#media(asset, t)}</div>
      ${this.#download(asset, t)}
      ${
        this.caption
          ? html`<figcaption part="caption">
            <span part="title" class="title">${asset.title}</span>
            ${asset.description ? html`<p part="description" class="description">${asset.description}</p>` : nothing}
          </figcaption>`
          : nothing
      }
    </figure>`;
  }
}
