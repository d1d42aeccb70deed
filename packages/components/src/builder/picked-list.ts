/**
 * The builder's hand-picked list: the assets an editor chose for `assets="…"`, in the order the
 * gallery will show them. Each one moves by drag (a pointer on its grip: mouse, pen or touch) or
 * by keyboard (its Move up / Move down buttons, or Alt+↑/↓ on any of its buttons), or is removed;
 * each change is announced in a live region, and focus stays on the control that made it.
 */
import { html, nothing, type ReactiveControllerHost } from "lit";
import { repeat } from "lit/directives/repeat.js";

/** What the list shows of an asset; `missing`: not in the gallery's folder (or no such asset). */
export interface PickedAsset {
  title: string;
  thumbnail?: string;
  missing?: boolean;
}

/** `ids` with the one at `from` moved to `to`. */
export function moved(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  if (id !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, id);
  return next;
}

interface ListHost extends ReactiveControllerHost, HTMLElement {
  readonly updateComplete: Promise<boolean>;
}

export class PickedList {
  /** The last change, in words (the live region's text). */
  announcement = "";
  #dragging: string | null = null;
  #titleOf: (id: string) => string = (id) => id;

  /** `current`: the ids as chosen now; `change`: sets them. */
  constructor(
    private readonly host: ListHost,
    private readonly current: () => readonly string[],
    private readonly change: (ids: string[]) => void,
  ) {}

  /** Says `message` in the live region. */
  announce(message: string): void {
    this.announcement = message;
    this.host.requestUpdate();
  }

  render(ids: readonly string[], infoOf: (id: string) => PickedAsset | undefined) {
    const titleOf = (id: string) => infoOf(id)?.title ?? id;
    this.#titleOf = titleOf;
    const status = html`<p role="status" class="picked-status">${this.announcement}</p>`;
    if (ids.length === 0)
      return html`<p class="picked-empty">No asset chosen yet: choose them above, in the order to show them.</p>${status}`;
    return html`<ol class="picked" aria-label="Chosen assets, in the gallery's order" @keydown=${(e: KeyboardEvent) => this.#onKeydown(e)}>
        ${repeat(
          ids,
          (id) => id,
          (id, index) => {
            const info = infoOf(id);
            const title = titleOf(id);
            return html`<li data-id=${id} class=${this.#dragging === id ? "dragging" : ""}>
              <span
                class="grip"
                aria-hidden="true"
                title="Drag to reorder"
                @pointerdown=${(e: PointerEvent) => this.#onPointerDown(e, id)}
              >⠿</span>
              ${info?.thumbnail ? html`<img src=${info.thumbnail} alt="" width="48" height="36" />` : html`<span class="thumb"></span>`}
              <span class="picked-title">${index + 1}. ${title}${info?.missing ? html` <em>(not in this gallery)</em>` : nothing}</span>
              <span class="picked-actions">
                <button type="button" class="up" aria-label=${`Move ${title} up`} ?disabled=${index === 0} @click=${() => this.#move(index, index - 1, "up")}>↑</button>
                <button type="button" class="down" aria-label=${`Move ${title} down`} ?disabled=${index === ids.length - 1} @click=${() => this.#move(index, index + 1, "down")}>↓</button>
                <button type="button" class="remove" aria-label=${`Remove ${title}`} @click=${() => this.remove(index)}>✕</button>
              </span>
            </li>`;
          },
        )}
      </ol>
      ${status}`;
  }

  #move(from: number, to: number, button: "up" | "down"): void {
    const ids = this.current();
    const id = ids[from];
    if (id === undefined || to < 0 || to >= ids.length) return;
    this.change(moved(ids, from, to));
    this.announce(`${this.#titleOf(id)}: position ${to + 1} of ${ids.length}.`);
    // The same button on the moved item, or its other one once it reached an end.
    const end = (button === "up" && to === 0) || (button === "down" && to === ids.length - 1);
    this.#focus(id, end ? (button === "up" ? "down" : "up") : button);
  }

  /** Removes the asset at `index` and says so; `focusNeighbour`: from the list, focus goes to the next Remove. */
  remove(index: number, focusNeighbour = true): void {
    const ids = this.current();
    const id = ids[index];
    if (id === undefined) return;
    const rest = ids.filter((other) => other !== id);
    this.change(rest);
    this.announce(`${this.#titleOf(id)} removed. ${rest.length} ${rest.length === 1 ? "asset" : "assets"} chosen.`);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    if (neighbour && focusNeighbour) this.#focus(neighbour, "remove");
  }

  #focus(id: string, button: string): void {
    void this.host.updateComplete.then(() =>
      this.host.querySelector<HTMLButtonElement>(`li[data-id="${CSS.escape(id)}"] button.${button}`)?.focus(),
    );
  }

  /** Alt+↑/↓ on an item's buttons moves it, as its buttons do. */
  #onKeydown(event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    const id = (event.target as HTMLElement).closest("li")?.dataset.id;
    const from = id === undefined ? -1 : this.current().indexOf(id);
    if (from < 0) return;
    event.preventDefault();
    const up = event.key === "ArrowUp";
    this.#move(from, up ? from - 1 : from + 1, up ? "up" : "down");
  }

  // A drag listens on the window, not by pointer capture: the dragged item moves in the DOM as
  // it passes others, which would release a capture.
  #onPointerDown(event: PointerEvent, id: string): void {
    if (event.button !== 0) return;
    event.preventDefault();
    this.#dragging = id;
    addEventListener("pointermove", this.#onPointerMove);
    addEventListener("pointerup", this.#onPointerUp);
    addEventListener("pointercancel", this.#onPointerUp);
    this.host.requestUpdate();
  }

  /** The dragged item takes the place of the item under the pointer. */
  readonly #onPointerMove = (event: PointerEvent): void => {
    const ids = this.current();
    const over = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>("ol.picked > li");
    const to = over?.dataset.id === undefined ? -1 : ids.indexOf(over.dataset.id);
    const from = this.#dragging === null ? -1 : ids.indexOf(this.#dragging);
    if (to >= 0 && from >= 0 && to !== from) this.change(moved(ids, from, to));
  };

  readonly #onPointerUp = (): void => {
    removeEventListener("pointermove", this.#onPointerMove);
    removeEventListener("pointerup", this.#onPointerUp);
    removeEventListener("pointercancel", this.#onPointerUp);
    const id = this.#dragging;
    this.#dragging = null;
    if (id === null) return;
    const ids = this.current();
    this.announce(`${this.#titleOf(id)}: position ${ids.indexOf(id) + 1} of ${ids.length}.`);
  };
}
