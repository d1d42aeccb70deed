/**
 * The gallery's side of `layout="viewer"`: the stage's and strip's room from the first render
 * (their CSS is in viewer.styles.ts), while the viewer itself (viewer-controller.ts) loads on
 * first use, keeping it out of the bundle of pages showing grids. A server-rendered viewer waits
 * for it before its first render, so hydration meets the template the server rendered.
 */
import { html, isServer, type ReactiveController, type TemplateResult } from "lit";
import type { ThronGalleryStrings } from "./strings.ts";
import type { ViewerController, ViewerHost } from "./viewer-controller.ts";

type ViewerClass = typeof ViewerController;
/** The viewer's code once at hand: loaded by a first viewer, or handed over by the server build. */
let loaded: ViewerClass | null = null;

/** The server renders viewers with their code at hand (components/src/server.ts). */
export function provideViewer(viewer: ViewerClass): void {
  loaded = viewer;
}

export class ViewerLoader implements ReactiveController {
  readonly #host: ViewerHost;
  #viewer: ViewerController | null = null;
  #loading: Promise<void> | null = null;
  #restoreTried = false;

  constructor(host: ViewerHost) {
    this.#host = host;
    host.addController(this);
  }

  get active(): boolean {
    return this.#host.layout === "viewer";
  }

  hostUpdate(): void {
    if (this.active && !isServer) void this.load().catch(() => {});
  }

  load(): Promise<void> {
    if (this.#viewer) return Promise.resolve();
    this.#loading ??= (loaded ? Promise.resolve({ ViewerController: loaded }) : import("./viewer-controller.ts")).then(
      ({ ViewerController }) => {
        loaded = ViewerController;
        this.#viewer = new ViewerController(this.#host);
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = null; // offline for a moment: the next render tries again
        throw error;
      },
    );
    return this.#loading;
  }

  /** A `sync-url` link to an asset selects it on the stage (the dialog's part in a grid): once, on the first page. */
  async restoreFromUrl(): Promise<void> {
    if (this.#restoreTried) return;
    this.#restoreTried = true;
    await this.load().catch(() => {});
    await this.#viewer?.restoreFromUrl();
  }

  /** A server-rendered viewer: its code first (null when nothing is to wait for). */
  beforeFirstRender(serverRendered: boolean): Promise<void> | null {
    return this.active && serverRendered && !this.#viewer ? this.load().catch(() => {}) : null;
  }

  /** The viewer; until its code is here, the stage's room and the strip's placeholders. */
  render(t: ThronGalleryStrings, placeholders: number): unknown {
    if (isServer && !this.#viewer && loaded) this.#viewer = new loaded(this.#host);
    if (this.#viewer) return this.#viewer.render(t, placeholders);
    const count = placeholders || Math.min(this.#host.items.length, 8);
    if (count === 0) return html``;
    return html`<section class="viewer">
      <div class="stage-box"><div class="stage"></div></div>
      <ul class="strip">${Array.from({ length: count }, () => html`<li class="thumb skeleton" aria-hidden="true"><span class="frame"></span></li>`)}</ul>
    </section>` as TemplateResult;
  }
}
