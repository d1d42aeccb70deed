/**
 * A row that scrolls sideways says so: while more of it lies past its end, the row carries
 * `more-after` and the styles fade that edge. On a phone the Topics' checkboxes ran off the
 * screen with nothing to tell that more existed. A control that takes the focus is brought
 * into view with its label, clear of the fade (the styles' scroll-padding).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

interface HintedHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class ScrollHint implements ReactiveController {
  readonly #host: HintedHost;
  readonly #selector: string;
  #row: HTMLElement | null = null;
  #resize: ResizeObserver | null = null;

  constructor(host: HintedHost, selector: string) {
    this.#host = host;
    this.#selector = selector;
    host.addController(this);
  }

  hostUpdated(): void {
    const row = this.#host.renderRoot.querySelector<HTMLElement>(this.#selector);
    if (row !== this.#row) this.#watch(row);
    // Its content may have changed (the filters arrived): measured after layout.
    requestAnimationFrame(this.#measure);
  }

  hostDisconnected(): void {
    this.#watch(null);
  }

  hostConnected(): void {
    if (this.#row) this.#watch(this.#row);
  }

  #watch(row: HTMLElement | null): void {
    this.#row?.removeEventListener("scroll", this.#measure);
    this.#row?.removeEventListener("focusin", this.#reveal);
    this.#resize?.disconnect();
    this.#row = row;
    if (!row) return;
    row.addEventListener("scroll", this.#measure, { passive: true });
    row.addEventListener("focusin", this.#reveal);
    this.#resize ??= new ResizeObserver(this.#measure);
    this.#resize.observe(row);
  }

  /** The browser scrolls the focused checkbox into view; its label follows it. */
  readonly #reveal = (event: FocusEvent): void => {
    (event.target as Element).closest("label, .field")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  };

  readonly #measure = (): void => {
    const row = this.#row;
    if (!row) return;
    // Right to left, scrollLeft runs from 0 down to negative values.
    row.classList.toggle("more-after", Math.abs(row.scrollLeft) + row.clientWidth < row.scrollWidth - 1);
  };
}
