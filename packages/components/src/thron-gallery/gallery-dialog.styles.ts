import { css } from "lit";

/** The asset dialog's styles: adopted by the gallery when its dialog first loads (see gallery-dialog.ts). */
export const dialogStyles = css`
  /* One layout for every asset and screen: a fixed box whose stage takes what the header,
     description and buttons leave, so nothing moves between assets and nothing overflows. */
  dialog {
    width: min(64rem, 100vw - 1rem);
    height: min(48rem, 100dvh - 1rem);
    max-width: none;
    max-height: none;
    padding: 0;
    border: none;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    background: var(--thron-gallery-background, Canvas);
    color: var(--thron-gallery-color, CanvasText);
    box-sizing: border-box;
    overflow: hidden;
    overscroll-behavior: contain;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.7);
  }
  .dialog-header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem 0.5rem 1rem;
  }
  h2 {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 1.15rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  button.icon {
    padding: 0.25rem 0.6rem;
    min-height: 2.75rem;
    min-width: 2.75rem;
    line-height: 1;
  }
  .stage {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: grid;
    /* One cell, exactly the stage: media are fitted into it, the bar and link sit on its bottom. */
    grid-template: minmax(0, 1fr) / minmax(0, 1fr);
    place-items: center;
    background: #000;
    color: #fff;
    overflow: hidden;
    touch-action: pan-y pinch-zoom;
  }
  .stage > *,
  .stage ::slotted(*) {
    grid-area: 1 / 1;
  }
  .stage video,
  .stage img {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .stage.zoomed {
    overflow: auto;
    place-items: start;
    touch-action: auto;
  }
  .stage img.zoomed {
    width: auto;
    height: auto;
    max-width: none;
    cursor: zoom-out;
  }
  .stage img.cover,
  .stage img.preview {
    opacity: 0.85;
  }
  /* Above the dimmed cover or preview (its opacity paints it like a positioned layer). */
  .stage audio,
  .stage .document-link {
    position: relative;
    z-index: 1;
  }
  .stage audio {
    align-self: end;
    width: calc(100% - 2rem);
    margin-block-end: 1rem;
  }
  .stage .document-link {
    align-self: end;
    margin-block-end: 1rem;
    padding: 0.6rem 1.1rem;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    background: rgb(0 0 0 / 0.75);
    color: #fff;
    font-size: 1.05rem;
  }
  .stage .loading,
  .stage [role="alert"] {
    margin: 1rem;
  }
  .description {
    flex: none;
    /* Always there, same height: an asset without a description does not grow the stage. */
    height: 3.9em;
    margin: 0;
    padding: 0.5rem 1rem 0;
    line-height: 1.3;
    overflow: auto;
    white-space: pre-line;
  }
  .dialog-nav {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.5rem 1rem 0.75rem;
  }
  .dialog-nav button {
    min-height: 2.75rem;
  }
  .position {
    font-variant-numeric: tabular-nums;
  }
  /*
   * A phone held upright: the stage takes the asset's shape (--stage-aspect, set by the dialog),
   * not a tall black box around a 16:9 video; the description takes the rest, so Previous and
   * Next stay put. The title wraps rather than being cut.
   */
  @media (max-width: 40rem) and (min-height: 30.01rem) {
    .stage {
      flex: 0 1 auto;
      aspect-ratio: var(--stage-aspect, 16 / 9);
    }
    .description {
      flex: 1 1 auto;
      height: auto;
      min-height: 3.9em;
    }
    h2 {
      white-space: normal;
      overflow-wrap: anywhere;
      font-size: 1.05rem;
    }
  }
  /* A phone on its side: the buttons stay on screen, the description shrinks. */
  @media (max-height: 30rem) {
    .description {
      height: 1.3em;
      padding-block-start: 0.25rem;
    }
    .dialog-header,
    .dialog-nav {
      padding-block: 0.25rem;
    }
  }
`;
