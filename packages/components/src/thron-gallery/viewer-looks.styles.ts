import { css } from "lit";

/**
 * `layout="viewer"`'s looks beyond its room (which viewer.styles.ts keeps in the gallery's entry):
 * in the viewer's chunk, adopted by the viewer controller when it loads (a file of its own, so
 * the gallery's entry and the viewer's chunk share no module and the bundler splits none out).
 */
export const viewerStyles = css`
  .viewer .stage {
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
  /* In a right-to-left page, previous sits on the right: its arrow points there. */
  .viewer :is(.previous, .next):dir(rtl) {
    transform: scaleX(-1);
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
    overscroll-behavior-x: contain;
    scroll-snap-type: x proximity;
    position: relative;
  }
  .viewer .thumb {
    scroll-snap-align: start;
  }
  .viewer .thumb button[aria-selected="true"] .frame {
    outline: 3px solid var(--thron-gallery-accent, currentColor);
    outline-offset: -3px;
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
