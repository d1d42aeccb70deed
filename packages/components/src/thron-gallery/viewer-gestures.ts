/**
 * The viewer stage's pointer gestures: a horizontal swipe steps (touch and pen), two fingers
 * pinch-zoom an image, and a fine pointer hovering an image zooms it inline around the pointer.
 * Pointer events only, so mouse, touch and pen share one path.
 */

const SWIPE_PX = 50;
const MAX_PINCH = 4;

export interface GestureTarget {
  /** Steps to the next (+1) or previous (-1) asset. */
  step(direction: 1 | -1): void;
  /** The stage shows an image (zoom applies only to images). */
  zoomable(): boolean;
  /** The hover zoom starts (true) or ends (false). */
  hoverZoom(on: boolean): void;
  readonly rtl: boolean;
}

export class StageGestures {
  readonly #target: GestureTarget;
  readonly #pointers = new Map<number, { x: number; y: number }>();
  #swipeStart: { pointerId: number; x: number; y: number } | null = null;
  #pinch: { distance: number; scale: number } | null = null;
  #scale = 1;

  constructor(target: GestureTarget) {
    this.#target = target;
  }

  /** A new asset on the stage: no zoom carried over. */
  reset(stage: HTMLElement | null): void {
    this.#pointers.clear();
    this.#swipeStart = null;
    this.#pinch = null;
    this.#scale = 1;
    const image = stage?.querySelector<HTMLElement>("img");
    if (image) image.style.transform = "";
  }

  get pinched(): boolean {
    return this.#scale > 1;
  }

  readonly down = (event: PointerEvent) => {
    if (event.pointerType === "mouse") return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.#pointers.size === 2 && this.#target.zoomable()) {
      this.#swipeStart = null;
      this.#pinch = { distance: this.#distance(), scale: this.#scale };
    } else if (this.#pointers.size === 1 && event.isPrimary) {
      this.#swipeStart = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
      try {
        // The finger may end outside the stage: its pointerup still comes here.
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      } catch {
        // Not an active pointer (a synthetic event): nothing to capture.
      }
    }
  };

  readonly move = (event: PointerEvent) => {
    const stage = event.currentTarget as HTMLElement;
    if (event.pointerType === "mouse") return this.#hover(stage, event);
    if (!this.#pointers.has(event.pointerId)) return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (!this.#pinch || this.#pointers.size !== 2) return;
    this.#scale = Math.min(MAX_PINCH, Math.max(1, (this.#pinch.scale * this.#distance()) / Math.max(1, this.#pinch.distance)));
    const image = stage.querySelector<HTMLElement>("img");
    if (image) image.style.transform = this.#scale > 1 ? `scale(${this.#scale.toFixed(3)})` : "";
  };

  readonly up = (event: PointerEvent) => {
    this.#pointers.delete(event.pointerId);
    if (this.#pointers.size < 2) this.#pinch = null;
    const start = this.#swipeStart;
    if (!start || event.pointerId !== start.pointerId) return;
    this.#swipeStart = null;
    if (this.pinched) return; // a zoomed image is looked at, not swiped away
    const dx = event.clientX - start.x;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(event.clientY - start.y)) return;
    const forward = dx < 0 !== this.#target.rtl;
    this.#target.step(forward ? 1 : -1);
  };

  /** The browser took the gesture, or the pointer left: no swipe, no hover zoom. */
  readonly cancel = (event: PointerEvent) => {
    this.#pointers.delete(event.pointerId);
    if (event.pointerId === this.#swipeStart?.pointerId) this.#swipeStart = null;
    if (event.pointerType === "mouse") this.#target.hoverZoom(false);
  };

  #distance(): number {
    const [a, b] = [...this.#pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  }

  /**
   * Zooms around a mouse (a fine pointer, whatever the device's primary one is: a touch laptop's
   * mouse zooms too); the rendition is picked by the stage's `sizes`.
   */
  #hover(stage: HTMLElement, event: PointerEvent): void {
    if (!this.#target.zoomable()) return;
    const box = stage.getBoundingClientRect();
    const x = ((event.clientX - box.left) / Math.max(1, box.width)) * 100;
    const y = ((event.clientY - box.top) / Math.max(1, box.height)) * 100;
    // Through the CSSOM: a strict CSP refuses `style` attributes.
    stage.style.setProperty("--zoom-x", `${x.toFixed(1)}%`);
    stage.style.setProperty("--zoom-y", `${y.toFixed(1)}%`);
    this.#target.hoverZoom(true);
  }
}
