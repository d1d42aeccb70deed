/**
 * The gallery's asset dialog as a Lit reactive controller: which asset is open, its player (the
 * THRON Player, else the browser's own), stepping (buttons, arrow keys, swipe, across page
 * boundaries), closing (Esc, ✕, a click on the backdrop), the page kept still behind it and the
 * `#…` deep link to the open asset.
 */
import type { Asset } from "@embedkit/contracts";
import { adoptStyles, html, type LitElement, nothing, type ReactiveController, type ReactiveControllerHost } from "lit";
import { BffError } from "../internal/bff-client.ts";
import { nativePlayer } from "../internal/native-player.ts";
import { loadThronPlayer, playerReady, type ThronPlayer } from "../internal/player-loader.ts";
import { fetchAsset, fetchGallery } from "../internal/thron-client.ts";
import { dialogStyles } from "./gallery-dialog.styles.ts";
import { writeAssetLink } from "./hash-link.ts";
import type { ThronGalleryStrings } from "./strings.ts";

/** What the dialog needs of the gallery that owns it. */
export interface DialogGallery extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly items: readonly Asset[];
  /** Every asset matching the query, loaded or not. */
  readonly totalCount: number;
  readonly hasMore: boolean;
  /** Appends the next page; while a load runs, resolves when it ends. */
  loadMore(): Promise<void>;
  readonly dialogOptions: { base: string; gallery: string; locale: string; player: "thron" | "native"; syncUrl: boolean };
  /** Dispatches the cancelable `thron-asset-open`; false when a listener cancelled it. */
  announceOpen(asset: Asset, index: number): boolean;
  /** Moves focus to the tile of `index` (after close), or with -1 to the grid's tab stop. */
  focusTile(index: number): void;
}

const SWIPE_PX = 50;
/** The stage's shape on a phone until the asset's own is known (its detail, or its media once loaded). */
const DEFAULT_ASPECT: Record<Asset["type"], number> = { image: 4 / 3, video: 16 / 9, audio: 16 / 9, document: 1 / Math.SQRT2 };
/** An asset id as the BFF accepts it (the contracts' AssetParams; importing them would bundle zod). */
const ASSET_ID = /^[A-Za-z0-9_-]{1,100}$/;
let playerIds = 0;

export class GalleryDialog implements ReactiveController {
  /** Index of the open asset among the gallery's items; -1 when closed. */
  index = -1;
  /** An asset opened from a link that is not among the loaded items. */
  #linked: Asset | null = null;
  /** The link in the hash is honoured once, on the first page: not again after every reload. */
  #restoreTried = false;
  #detail: Asset | null = null;
  #failed = false;
  #usingThronPlayer = false;
  #zoomed = false;
  /** Width / height of the media the stage shows, once loaded (0 before). */
  #mediaAspect = 0;
  #stepping = false;
  #player: ThronPlayer | null = null;
  #playerHost: HTMLElement | null = null;
  #showToken = 0;
  #swipeStart: { pointerId: number; x: number; y: number } | null = null;
  #scrollLock: { overflow: string } | null = null;

  constructor(private readonly host: DialogGallery) {
    host.addController(this);
    // The dialog's styles came with it: added to the gallery's own, which the page may have themed.
    const root = host.renderRoot;
    if (root instanceof ShadowRoot) adoptStyles(root, [...(host.constructor as typeof LitElement).elementStyles, dialogStyles]);
  }

  hostDisconnected(): void {
    this.#stopShowing();
  }

  /** The stage's shape for the phone layout, through the CSSOM (a strict CSP refuses `style` attributes). */
  hostUpdated(): void {
    const asset = this.asset;
    const stage = this.host.renderRoot.querySelector<HTMLElement>('[part~="stage"]');
    if (asset && stage) stage.style.setProperty("--stage-aspect", String(this.#aspect(asset)));
  }

  /** Ends what an open asset holds: a show under way, its player, the page's scroll lock. */
  #stopShowing(): void {
    this.#showToken++;
    this.#destroyPlayer();
    this.#unlockScroll();
  }

  get #element(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector("dialog");
  }

  get asset(): Asset | null {
    return this.#linked ?? this.host.items[this.index] ?? null;
  }

  /** Shows the asset at `index`, whose opening `thron-asset-open` announced. */
  async show(index: number): Promise<void> {
    const asset = this.host.items[index];
    if (!asset) return;
    this.#linked = null;
    this.index = index;
    await this.#showDialog(asset);
  }

  close(): void {
    this.#element?.close();
  }

  /** Opens the asset `id` the page URL's hash named (`#<gallery id or "asset">=<asset id>`). */
  async restoreFromUrl(id: string): Promise<void> {
    if (!this.host.dialogOptions.syncUrl || this.#restoreTried || this.index >= 0 || this.#linked) return;
    this.#restoreTried = true;
    // The hash is anyone's input: `.` or `..` would make the detail URL another BFF path.
    if (!ASSET_ID.test(id)) return this.#writeHash(null);
    const index = this.host.items.findIndex((a) => a.id === id);
    if (index >= 0) return this.host.announceOpen(this.host.items[index] as Asset, index) ? this.show(index) : undefined;
    // Not on the loaded pages: open it on its own.
    const asset = await this.#fetchDetail(id).catch((error: unknown) => {
      if (error instanceof BffError && error.status === 404) this.#writeHash(null); // a dead link is not kept
      return null;
    });
    if (!asset || !this.host.announceOpen(asset, -1)) return;
    this.#linked = asset;
    this.index = -1;
    await this.#showDialog(asset);
  }

  #writeHash(id: string | null): void {
    if (this.host.dialogOptions.syncUrl) writeAssetLink(this.host, id);
  }

  async #showDialog(asset: Asset): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (!this.host.isConnected) return; // removed while the asset was on its way
    const dialog = this.#element;
    if (dialog && !dialog.open) {
      dialog.showModal();
      this.#lockScroll();
    }
    this.#writeHash(asset.id);
    await this.#show(asset);
  }

  /** Steps by `delta`; past the last loaded asset it loads the next page first. */
  async step(delta: number): Promise<void> {
    if (this.#stepping || this.#linked) return;
    const focusedBefore = (this.host.renderRoot as ShadowRoot).activeElement as HTMLButtonElement | null;
    let target = this.index + delta;
    if (target >= this.host.items.length && this.host.hasMore) {
      this.#stepping = true;
      this.host.requestUpdate();
      try {
        // A load already running (Load more, infinite scroll) may end short of the target: then one more.
        await this.host.loadMore();
        if (target >= this.host.items.length && this.host.hasMore) await this.host.loadMore();
      } finally {
        this.#stepping = false;
      }
      target = Math.min(target, this.host.items.length - 1);
    }
    const asset = this.host.items[target];
    if (!asset || target === this.index) return this.host.requestUpdate();
    this.index = target;
    this.#writeHash(asset.id);
    const shown = this.#show(asset);
    this.#keepFocusOnNav(focusedBefore);
    await shown;
  }

  /** A nav button that became disabled drops focus to <body>: hand it to the other one. */
  #keepFocusOnNav(button: HTMLButtonElement | null): void {
    void this.host.updateComplete.then(() => {
      if (!button?.disabled) return;
      const root = this.host.renderRoot;
      const other = root.querySelector<HTMLButtonElement>(button.part.contains("next") ? '[part="previous"]' : '[part="next"]');
      (other && !other.disabled ? other : root.querySelector<HTMLButtonElement>('[part="close"]'))?.focus();
    });
  }

  // ---- players ----

  /** THRON Player first (documents get their own preview), native players when asked or when it fails. */
  async #show(asset: Asset): Promise<void> {
    const token = ++this.#showToken;
    this.#destroyPlayer();
    this.#detail = null;
    this.#failed = false;
    this.#zoomed = false;
    this.#mediaAspect = 0;
    const { base, gallery, locale, player } = this.host.dialogOptions;
    this.#usingThronPlayer = player !== "native" && asset.type !== "document";
    this.host.requestUpdate();
    if (this.#usingThronPlayer) {
      try {
        const description = await fetchGallery(base, gallery, locale);
        const factory = await loadThronPlayer(description.player.scriptUrl);
        if (token !== this.#showToken) return;
        const container = document.createElement("div");
        container.slot = "player";
        container.id = `thron-gallery-player-${++playerIds}`;
        // Audio plays in a bar over its cover; everything else fills the stage.
        container.style.cssText =
          asset.type === "audio" ? "position:absolute;inset:auto 0 0 0;height:4rem" : "position:absolute;inset:0;width:100%;height:100%";
        this.host.append(container);
        this.#playerHost = container;
        const instance = factory(container.id, {
          clientId: description.player.clientId,
          xcontentId: asset.id,
          sessId: description.player.sessId,
          language: locale.split("-")[0]?.toUpperCase() ?? "EN",
          autoplay: false,
        });
        this.#player = instance;
        // The Player refusing the content (wrong pKey, missing rights), or never getting ready, is a reason to try native playback.
        void playerReady(instance).then((ready) => {
          if (!ready && token === this.#showToken) void this.#showNative(asset, token);
        });
        return;
      } catch {
        if (token !== this.#showToken) return;
      }
    }
    await this.#showNative(asset, token);
  }

  #fetchDetail(id: string): Promise<Asset> {
    const { base, gallery, locale } = this.host.dialogOptions;
    return fetchAsset(base, gallery, id, locale);
  }

  async #showNative(asset: Asset, token: number): Promise<void> {
    this.#destroyPlayer();
    this.#usingThronPlayer = false;
    this.host.requestUpdate();
    try {
      const detail = await this.#fetchDetail(asset.id);
      if (token === this.#showToken) this.#detail = detail;
    } catch {
      if (token === this.#showToken) this.#failed = true;
    }
    this.host.requestUpdate();
  }

  #destroyPlayer(): void {
    try {
      this.#player?.destroy();
    } catch {
      // A third-party player failing to tear down must not break the gallery.
    }
    this.#player = null;
    this.#playerHost?.remove();
    this.#playerHost = null;
  }

  // ---- the page behind ----

  #lockScroll(): void {
    if (this.#scrollLock) return;
    const root = document.documentElement;
    this.#scrollLock = { overflow: root.style.overflow };
    root.style.overflow = "hidden";
  }

  #unlockScroll(): void {
    if (!this.#scrollLock) return;
    document.documentElement.style.overflow = this.#scrollLock.overflow;
    this.#scrollLock = null;
  }

  // ---- events ----

  readonly onClose = () => {
    this.#stopShowing();
    this.#writeHash(null);
    const index = this.index;
    this.index = -1;
    this.#linked = null;
    this.#detail = null;
    this.host.requestUpdate();
    // A linked asset (index -1) is not a tile: focus goes to the grid's tab stop, not to <body>.
    void this.host.updateComplete.then(() => this.host.focusTile(index));
  };

  /** A click on the backdrop lands on the <dialog> itself, outside its box. */
  readonly onClick = (event: MouseEvent) => {
    const dialog = this.#element;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.close();
  };

  readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    // Media controls, sliders and fields use the arrows themselves.
    const target = event.composedPath()[0] as HTMLElement;
    if (target.closest?.("video, audio, input, select, textarea, [slot='player']") || this.#zoomed) return;
    event.preventDefault();
    const forward = (event.key === "ArrowRight") !== (getComputedStyle(this.host).direction === "rtl");
    void this.step(forward ? 1 : -1);
  };

  readonly #onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === "mouse" || !event.isPrimary) return;
    this.#swipeStart = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
    try {
      // The finger may end outside the stage: its pointerup still comes here.
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    } catch {
      // Not an active pointer (a synthetic event): nothing to capture.
    }
  };

  /** The browser took the gesture (scroll, zoom) or another finger ended: no swipe. */
  readonly #onPointerCancel = (event: PointerEvent) => {
    if (event.pointerId === this.#swipeStart?.pointerId) this.#swipeStart = null;
  };

  readonly #onPointerUp = (event: PointerEvent) => {
    const start = this.#swipeStart;
    if (!start || event.pointerId !== start.pointerId) return;
    this.#swipeStart = null;
    if (this.#zoomed) return;
    const dx = event.clientX - start.x;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(event.clientY - start.y)) return;
    const forward = dx < 0 !== (getComputedStyle(this.host).direction === "rtl");
    void this.step(forward ? 1 : -1);
  };

  /** An image or a video's metadata loaded in the stage (ours, or the THRON Player's in the slot): its shape. */
  readonly #onMediaLoad = {
    capture: true,
    handleEvent: (event: Event) => {
      const media = event.target;
      const [width, height] =
        media instanceof HTMLVideoElement
          ? [media.videoWidth, media.videoHeight]
          : media instanceof HTMLImageElement && !media.classList.contains("zoomed")
            ? [media.naturalWidth, media.naturalHeight]
            : [0, 0];
      if (!width || !height || Math.abs(width / height - this.#mediaAspect) < 0.001) return;
      this.#mediaAspect = width / height;
      this.host.requestUpdate();
    },
  };

  /** The stage's shape on a phone (see the styles): the asset's, so a 16:9 video is not letterboxed. */
  #aspect(asset: Asset): number {
    return this.#detail?.aspectRatio ?? asset.aspectRatio ?? (this.#mediaAspect || DEFAULT_ASPECT[asset.type]);
  }

  #toggleZoom(): void {
    this.#zoomed = !this.#zoomed;
    this.host.requestUpdate();
  }

  #fullscreen(): void {
    const stage = this.host.renderRoot.querySelector<HTMLElement>('[part~="stage"]');
    void stage?.requestFullscreen?.().catch(() => {});
  }

  // ---- rendering ----

  #stage(asset: Asset, t: ThronGalleryStrings) {
    if (this.#usingThronPlayer) {
      return html`${asset.type === "audio" ? cover(asset) : nothing}<slot name="player"></slot>`;
    }
    if (this.#detail) return nativePlayer(this.#detail, { openDocument: t.openDocument, zoomed: this.#zoomed });
    if (this.#failed) return html`<p role="alert">${t.assetError}</p>`;
    return html`<p class="loading">${t.loading}</p>`;
  }

  /** What the <dialog> (rendered by DialogLoader) holds. */
  render(t: ThronGalleryStrings) {
    const asset = this.asset;
    const shown = this.#detail ?? asset;
    const content =
      asset && shown
        ? html`<header class="dialog-header">
        <h2 id="dialog-title" part="dialog-title">${shown.title}</h2>
        ${
          asset.type === "image" && !this.#usingThronPlayer && this.#detail
            ? html`<button part="zoom" class="icon" type="button" aria-pressed=${this.#zoomed ? "true" : "false"} @click=${() => this.#toggleZoom()}>
                ${t.zoom}
              </button>`
            : nothing
        }
        ${
          asset.type === "image"
            ? html`<button part="fullscreen" class="icon" type="button" @click=${() => this.#fullscreen()}>${t.fullscreen}</button>`
            : nothing
        }
        <button part="close" class="icon" type="button" aria-label=${t.close} @click=${() => this.close()}>✕</button>
      </header>
      <div
        part="stage"
        class="stage ${asset.type} ${this.#zoomed ? "zoomed" : ""}"
        @load=${this.#onMediaLoad}
        @loadedmetadata=${this.#onMediaLoad}
        @pointerdown=${this.#onPointerDown}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerCancel}
      >
        ${this.#stage(asset, t)}
      </div>
      <div part="description" class="description" tabindex=${shown.description ? "0" : "-1"}>${shown.description ?? ""}</div>
      ${this.#nav(t)}`
        : nothing;
    return content;
  }

  #nav(t: ThronGalleryStrings) {
    if (this.#linked) return html`<nav class="dialog-nav"></nav>`;
    const total = Math.max(this.host.totalCount, this.host.items.length);
    const position = t.position(this.index + 1, total);
    const atEnd = this.index >= this.host.items.length - 1 && !this.host.hasMore;
    return html`<nav class="dialog-nav" aria-label=${position}>
      <button part="previous" type="button" ?disabled=${this.index === 0} @click=${() => this.step(-1)}>‹ ${t.previous}</button>
      <span class="position" aria-hidden="true">${position}</span>
      <button part="next" type="button" ?disabled=${atEnd} aria-busy=${this.#stepping ? "true" : "false"} @click=${() => this.step(1)}>
        ${t.next} ›
      </button>
    </nav>`;
  }
}

/** An audio asset's cover, behind its player bar. */
function cover(asset: Asset) {
  return html`<img class="cover" src=${asset.thumbnail.url} srcset=${asset.thumbnail.srcset} sizes="min(100vw, 64rem)" alt="" />`;
}
