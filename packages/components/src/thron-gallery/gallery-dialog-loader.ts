/**
 * The gallery's side of its asset dialog: the dialog with the THRON Player and the browser's own
 * players (gallery-dialog.ts) loads on the first open, or when the page URL links to an asset,
 * so a page that shows a gallery downloads none of it up front.
 */
import { html, nothing } from "lit";
import type { DialogGallery, GalleryDialog } from "./gallery-dialog.ts";
import type { ThronGalleryStrings } from "./strings.ts";

export class DialogLoader {
  readonly #host: DialogGallery;
  #dialog: GalleryDialog | null = null;
  #loading: Promise<GalleryDialog> | null = null;
  #restoreTried = false;

  constructor(host: DialogGallery) {
    this.#host = host;
  }

  #load(): Promise<GalleryDialog> {
    this.#loading ??= import("./gallery-dialog.ts").then(
      ({ GalleryDialog }) => {
        this.#dialog = new GalleryDialog(this.#host);
        return this.#dialog;
      },
      (error: unknown) => {
        this.#loading = null; // offline for a moment: the next open tries again
        throw error;
      },
    );
    return this.#loading;
  }

  /** Opens the asset at `index`, unless a `thron-asset-open` listener cancels it (then nothing loads). */
  async open(index: number): Promise<void> {
    const asset = this.#host.items[index];
    if (!asset || !this.#host.announceOpen(asset, index)) return;
    const dialog = await this.#load();
    if (this.#host.isConnected) await dialog.show(index);
  }

  close(): void {
    this.#dialog?.close();
  }

  /** Opens the asset the page URL links to (`#<gallery id or "asset">=<asset id>`), if it does: once, on the first page. */
  async restoreFromUrl(): Promise<void> {
    if (this.#restoreTried || !this.#host.dialogOptions.syncUrl) return;
    this.#restoreTried = true;
    const id = new URLSearchParams(location.hash.slice(1)).get(this.#host.id || "asset");
    if (!id) return;
    const dialog = await this.#load();
    if (this.#host.isConnected) await dialog.restoreFromUrl(id);
  }

  /** The <dialog> is there from the first render (closed, empty until the code behind it has loaded). */
  render(t: ThronGalleryStrings) {
    const dialog = this.#dialog;
    return html`<dialog
      part="dialog"
      aria-labelledby="dialog-title"
      @close=${dialog?.onClose ?? nothing}
      @click=${dialog?.onClick ?? nothing}
      @keydown=${dialog?.onKeydown ?? nothing}
    >${dialog?.render(t) ?? nothing}</dialog>`;
  }
}
