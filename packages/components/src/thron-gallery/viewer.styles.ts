import { css } from "lit";

/**
 * `layout="viewer"`: one stage over a strip of thumbnails. In the gallery's own styles from the
 * first render (like the carousel's), so the stage's room is the same before and after the
 * viewer's code loads on first use, and a server-rendered viewer paints as it will stay.
 * The stage keeps one shape (`--thron-gallery-viewer-aspect`): list answers carry no asset's
 * shape, and a stage changing height at each step would move the strip under the visitor's
 * finger. Each asset is fitted inside it whole, in its own aspect ratio.
 */
export const viewerStyles = css`
  .viewer {
    display: grid;
    gap: 0.75rem;
  }
  .viewer .stage-box {
    position: relative;
  }
  .viewer .stage {
    display: grid;
    grid-template: minmax(0, 1fr) / minmax(0, 1fr);
    place-items: center;
    width: 100%;
    aspect-ratio: var(--thron-gallery-viewer-aspect, 4 / 3);
    max-height: var(--thron-gallery-viewer-max-height, 75vh);
    overflow: hidden;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    background: var(--thron-gallery-placeholder, color-mix(in srgb, currentColor 10%, transparent));
    /* Horizontal swipes and pinches are the viewer's; vertical ones scroll the page. */
    touch-action: pan-y;
  }
  .viewer .stage > * {
    grid-area: 1 / 1;
  }
  .viewer .stage img,
  .viewer .stage video {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .viewer .stage.image {
    cursor: zoom-in;
  }
  .viewer .stage.zooming img {
    transform: scale(2.5);
    transform-origin: var(--zoom-x, 50%) var(--zoom-y, 50%);
    cursor: zoom-out;
  }
  .viewer .stage audio {
    align-self: end;
    width: 100%;
  }
  .viewer ::slotted([slot="viewer-player"]) {
    grid-area: 1 / 1;
    width: 100%;
    height: 100%;
  }
  .viewer .overlay {
    position: absolute;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0.3rem 0.75rem;
    background: var(--thron-gallery-background, Canvas);
    color: var(--thron-gallery-color, CanvasText);
  }
  .viewer .overlay.previous,
  .viewer .overlay.next {
    inset-block-start: calc(50% - 1.375rem);
    font-size: 1.5rem;
    line-height: 1;
  }
  .viewer .overlay.previous {
    inset-inline-start: 0.5rem;
  }
  .viewer .overlay.next {
    inset-inline-end: 0.5rem;
  }
  .viewer .overlay.fullscreen {
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
  }
  .viewer .overlay.play {
    inset-block-start: calc(50% - 1.375rem);
    inset-inline-start: calc(50% - 3rem);
    min-width: 6rem;
  }
  .viewer .strip {
    --thumb: 5.5rem;
    display: flex;
    gap: 0.5rem;
    list-style: none;
    margin: 0;
    /* Room for the focus ring inside the scroller. */
    padding: 0.25rem;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x proximity;
    position: relative;
    /* No scrollbar row under the strip (its height is reserved before the script runs): the strip
       scrolls by touch, wheel and trackpad, and follows the selection of the arrows and buttons. */
    scrollbar-width: none;
  }
  /* A phone keeps the strip, with smaller thumbnails (see README: not dots, which are too small to hit). */
  @container (max-width: 30rem) {
    .viewer .strip {
      --thumb: 4rem;
    }
  }
  .viewer .thumb {
    flex: 0 0 var(--thumb);
    scroll-snap-align: start;
  }
  .viewer .thumb .frame {
    display: block;
    aspect-ratio: 4 / 3;
  }
  .viewer .thumb button[aria-selected="true"] .frame {
    outline: 3px solid var(--thron-gallery-accent, currentColor);
    outline-offset: -3px;
  }
  .viewer ~ .actions {
    display: none;
  }
  dialog.popup {
    width: 100vw;
    height: 100dvh;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: none;
    background: #000;
    color: #fff;
  }
  dialog.popup[open] {
    display: grid;
    grid-template: minmax(0, 1fr) / minmax(0, 1fr);
  }
  dialog.popup img {
    grid-area: 1 / 1;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  dialog.popup .close {
    grid-area: 1 / 1;
    place-self: start end;
    margin: 0.5rem;
    min-width: 2.75rem;
    min-height: 2.75rem;
  }
`;
