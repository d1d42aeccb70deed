/**
 * What the viewer's stage shows for the selected asset: an image (zoomable), or a poster with a
 * play button that starts the THRON Player in the stage, as the gallery's dialog does (the
 * browser's own players with `player="native"`, or when the Player fails). Nothing is fetched
 * until the visitor presses play, so a viewer's first paint costs no call besides its page.
 */
import type { Asset } from "@embedkit/contracts";
import { html, type ReactiveControllerHost } from "lit";
import { nativePlayer } from "../internal/native-player.ts";
import { fetchAsset } from "../internal/thron-client.ts";
import { type MountedPlayer, mountThronPlayer } from "../internal/thron-player-mount.ts";
import type { ThronGalleryStrings } from "./strings.ts";

export const PLAYER_SLOT = "viewer-player";

export interface StageHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly dialogOptions: { base: string; gallery: string; locale: string; player: "thron" | "native" };
}

type Playback = { kind: "poster" } | { kind: "thron" } | { kind: "loading" } | { kind: "native"; detail: Asset } | { kind: "failed" };

export class StagePlayback {
  readonly #host: StageHost;
  #playback: Playback = { kind: "poster" };
  #mounted: MountedPlayer | null = null;
  #token = 0;

  constructor(host: StageHost) {
    this.#host = host;
  }

  /** Back to the poster: another asset was selected, or the gallery left the page. */
  stop(): void {
    this.#token++;
    this.#mounted?.destroy();
    this.#mounted = null;
    this.#playback = { kind: "poster" };
  }

  /** THRON Player first (documents get their own preview and link), native players when asked or when it fails. */
  async play(asset: Asset): Promise<void> {
    this.stop();
    const token = this.#token;
    const { base, gallery, locale, player } = this.#host.dialogOptions;
    if (player !== "native" && asset.type !== "document") {
      this.#set({ kind: "thron" });
      try {
        const mounted = await mountThronPlayer(this.#host, { base, gallery, assetId: asset.id, locale, slot: PLAYER_SLOT });
        if (token !== this.#token) return mounted.destroy();
        this.#mounted = mounted;
        // Refused (autoplay rules, or another asset selected at once): the Player has its own play control.
        void Promise.resolve()
          .then(() => mounted.player.play())
          .catch(() => {});
        return;
      } catch {
        if (token !== this.#token) return;
      }
    }
    this.#set({ kind: "loading" });
    try {
      const detail = await fetchAsset(base, gallery, asset.id, locale);
      if (token === this.#token) this.#set({ kind: "native", detail });
    } catch {
      if (token === this.#token) this.#set({ kind: "failed" });
    }
    await this.#host.updateComplete;
    // The play button is gone: focus goes to the player it started.
    if (token === this.#token) this.#host.renderRoot.querySelector<HTMLElement>('[part="media"]')?.focus();
  }

  #set(playback: Playback): void {
    this.#playback = playback;
    this.#host.requestUpdate();
  }

  /** The stage's content for `asset`; `sizes` asks the image's srcset for a larger rendition while zoomed. */
  render(asset: Asset, t: ThronGalleryStrings, options: { sizes: string; onPlay: () => void }) {
    const playback = this.#playback;
    if (asset.type === "image")
      return html`<img part="media" src=${asset.thumbnail.url} srcset=${asset.thumbnail.srcset} sizes=${options.sizes} alt=${asset.description ?? asset.title} />`;
    if (playback.kind === "thron") return html`<slot name=${PLAYER_SLOT}></slot>`;
    if (playback.kind === "native") return nativePlayer(playback.detail, { openDocument: t.openDocument });
    if (playback.kind === "failed") return html`<p role="alert">${t.assetError}</p>`;
    const label = asset.type === "document" ? t.openDocument : t.play;
    return html`<img class="poster" src=${asset.thumbnail.url} srcset=${asset.thumbnail.srcset} sizes=${options.sizes} alt="" />
      ${
        playback.kind === "loading"
          ? html`<p class="overlay play">${t.loading}</p>`
          : html`<button part="play" class="overlay play" type="button" @click=${options.onPlay}>
              ▶ ${label}<span class="visually-hidden">: ${asset.title}</span>
            </button>`
      }`;
  }
}
